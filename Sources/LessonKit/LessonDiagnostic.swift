/// A problem found in a lesson file, or a check that failed, located at a line.
public struct LessonDiagnostic: Sendable, Equatable, Error, CustomStringConvertible {
    /// The file as the user named it ("Lessons/07-alertable.md").
    public var file: String
    /// 1-based line in that file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    /// "FILE:LINE: MESSAGE", the form editors jump to.
    public var description: String { "\(file):\(line): \(message)" }
}

/// Every problem found while loading one lesson file.
public struct LessonLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [LessonDiagnostic]
    public init(_ diagnostics: [LessonDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
