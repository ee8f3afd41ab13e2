import Win32C

/// Why a program could not be started: its compile errors, or a file that
/// could not be read as program text.
public struct CompileFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The program has compile errors (every one found).
        case diagnostics([Diagnostic])
        /// The file is missing or unreadable (the system's reason).
        case unreadable(String)
        /// The file holds binary data, not program text.
        case notText
    }

    public var fileName: String
    public var reason: Reason
    /// The program text, for the source lines under each error.
    public var source: [UInt8]

    public init(fileName: String, reason: Reason, source: [UInt8] = []) {
        self.fileName = fileName
        self.reason = reason
        self.source = source
    }

    /// True when the file itself could not be used (as opposed to compile errors).
    public var isInputError: Bool {
        if case .diagnostics = reason { return false }
        return true
    }

    /// What to print: every error as `FILE:LINE:COL: error: MESSAGE`, its
    /// source line and a caret (docs/DIALECT.md, "Exit statuses of
    /// `overlapped run`"), or one line for a file problem.
    public var rendered: String {
        switch reason {
        case .diagnostics(let diagnostics):
            return Diagnostic.render(diagnostics, fileName: fileName, source: source)
        case .unreadable(let why):
            return "\(fileName): error: cannot read the file: \(why)\n"
        case .notText:
            return "\(fileName): error: not a C program: the file holds binary data\n"
        }
    }

    public var description: String { rendered }
}
