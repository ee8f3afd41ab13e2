/// One lesson as loaded from its Markdown file: what it is, which program(s)
/// it runs with which settings, and its steps.
///
/// Invariants (checked by `LessonParser`): at least one step; exactly one
/// program unless the view is `compare`, which has two or more with distinct
/// pane names; every pane a condition names exists.
public struct Lesson: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Position in the course; lessons are listed by order, then id.
    public var order: Int
    public var summary: String
    public var view: LessonView
    public var programs: [ProgramSpec]
    public var settings: SimulationSettings
    /// Text before the first step, shown above it.
    public var introduction: [StyledLine]
    public var steps: [LessonStep]
    /// Where the lesson came from, as error messages name it.
    public var file: String

    public init(id: String, title: String, order: Int, summary: String, view: LessonView, programs: [ProgramSpec],
                settings: SimulationSettings, introduction: [StyledLine], steps: [LessonStep], file: String) {
        self.id = id; self.title = title; self.order = order; self.summary = summary; self.view = view
        self.programs = programs; self.settings = settings; self.introduction = introduction
        self.steps = steps; self.file = file
    }

    /// How many questions the lesson asks.
    public var questionCount: Int { steps.filter { $0.question != nil }.count }
}
