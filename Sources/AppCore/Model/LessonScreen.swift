import LessonKit
import SimRuntime

/// The Lesson screen's own state: the learner's `LessonSession` (the lesson's
/// path through the simulation) and what the screen remembers around it.
///
/// The simulation the learner sees and explores is `AppState.session`, a copy
/// of the lesson's panes taken when a step arrives (`arrival`). Free stepping
/// (s, t, p, b) moves only that copy: the lesson always continues from where
/// the step put the simulation, so exploring can never push the lesson past
/// the next step's stop.
///
/// Invariant: `arrival` shows `lesson.panes`, and `earlierArrivals[k]` is the
/// arrival display of step k for every step before the current one.
public struct LessonScreen: Sendable {
    public var lesson: LessonSession
    /// The display session as the current step arrived (or as its question's reveal left it).
    public var arrival: Session
    /// Arrival displays of the steps before the current one, for an exact `previous`.
    public var earlierArrivals: [Session]
    /// The learner's progress, updated as steps are seen and questions answered.
    public var progress: Progress
    /// Rows the lesson text is scrolled from its anchor (clamped when drawn).
    public var textScroll: Int
    /// True to count `textScroll` up from the end of the text (after an
    /// answer or a hint, so the new text is in view); false from the top.
    public var textFromBottom: Bool
    /// A one-line message about the last key (why it was refused, say).
    public var notice: Notice?
    /// For a lesson with several panes: true to show the selected pane full size.
    public var focusesSelectedPane: Bool

    public enum Notice: Sendable, Equatable {
        /// Next (or free stepping) was refused because the question waits for an answer.
        case answerFirst(choices: Int)
        case noMoreHints
        case noHints
        case firstStep
        /// The last step is done.
        case lessonFinished
        /// The learner's progress could not be stored.
        case saveFailed(String)
        /// The lesson reopened where the learner left it.
        case resumed(step: Int)
        /// The last step is done and another lesson follows: Enter opens it.
        case nextLesson(id: String, number: Int, title: String)
        /// The reveal plays from the question's moment (after an answer, or `R`).
        case watchingReveal
        /// The watched reveal reached the state the answer was graded in.
        case revealEnded
        /// `R` on a step without an answered question that moved the simulation.
        case nothingToReplay
        /// Next (or free stepping) was refused: the step's decision is not made yet.
        case decideFirst
        /// Enter on a decision with no option chosen: it says how to choose, and decides nothing.
        case chooseOptionFirst
    }

    /// The option the learner has selected in the step's decision; nil
    /// until they choose one (j/k or its letter), so an Enter meant as
    /// "next" never decides by accident.
    public var decisionSelection: Int?

    /// Per step: the display at the moment its question was answered, with
    /// the reveal's moves as its script, for `R` to play the reveal again.
    public var revealStarts: [Int: Session] = [:]

    public init(lesson: LessonSession, progress: Progress = Progress()) {
        self.lesson = lesson
        self.arrival = LessonScreen.display(for: lesson)
        self.earlierArrivals = []
        self.progress = progress
        self.textScroll = 0
        self.textFromBottom = false
        self.notice = nil
        self.focusesSelectedPane = false
        // Where the learner left off, read before this visit is recorded.
        self.resumeStep = progress.resumeStep(for: lesson.lesson.id)
        self.progress.record(lesson)
    }

    /// The step to resume at when the screen opens (see `AppState.resumeLesson`).
    public var resumeStep: Int?

    /// True when the lesson shows several programs side by side.
    public var isCompare: Bool { lesson.panes.count > 1 }

    /// A fresh display session showing the lesson's panes as they are now,
    /// with everything they recorded on the way.
    static func display(for lesson: LessonSession) -> Session {
        let labels = lesson.lesson.programs.map(\.title)
        var session = Session(kind: lesson.panes.count > 1 ? .compare : .playground, caption: lesson.lesson.title,
                              simulations: lesson.panes, labels: labels)
        for index in session.panes.indices where lesson.run.recorded.indices.contains(index) {
            session.panes[index].recorded = lesson.run.recorded[index]
        }
        session.clock = lesson.run.clock
        session.initialPanes = session.panes
        return session
    }

    /// The arrival display for the lesson's current panes, continuing `previous`
    /// (so selections carry over from step to step; the history is the run's own).
    static func display(for lesson: LessonSession, continuing previous: Session) -> Session {
        guard previous.panes.count == lesson.panes.count else { return display(for: lesson) }
        var session = previous
        for index in session.panes.indices {
            session.panes[index].recorded = lesson.run.recorded[index]
        }
        session.clock = lesson.run.clock
        session.steps = 0
        session.running = false
        session.history = []
        session.script = nil
        session.checkpointSpacing = max(1, session.recentSnapshots)
        session.initialPanes = session.panes
        return session
    }
}
