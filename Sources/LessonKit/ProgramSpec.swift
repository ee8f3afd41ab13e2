/// One C program a lesson runs, already resolved to its text.
///
/// The executable turns it into a `Simulation` with the lesson's settings.
public struct ProgramSpec: Sendable, Equatable {
    /// The pane's name, which conditions use after `in NAME,` ("port").
    public var pane: String
    /// The pane's title as shown ("Completion port").
    public var title: String
    /// The file name the source view and error messages show ("copy.c").
    public var fileName: String
    /// The path the lesson gave, relative to the lesson's folder; nil for a program written inline.
    public var path: String?
    /// The program's source text.
    public var text: String
    /// The lesson-file line that names or holds the program, for error messages.
    public var line: Int

    public init(pane: String, title: String, fileName: String, path: String?, text: String, line: Int = 1) {
        self.pane = pane; self.title = title; self.fileName = fileName; self.path = path; self.text = text
        self.line = line
    }
}
