import SimKernel
import Win32C

/// A compiled program as every thread of a run shares it: immutable, so
/// thread bodies hold one reference instead of copying the tables.
public final class ProgramImage: Sendable {
    public let program: Program
    /// The name used in messages and stack locations (`demo.c`).
    public let fileName: String

    public init(program: Program, fileName: String) {
        self.program = program
        self.fileName = fileName
    }

    func codeLocation(_ location: SourceLocation, function: String) -> CodeLocation {
        CodeLocation(file: fileName, line: location.line, column: location.column, function: function)
    }

    /// `FILE:LINE:COL`.
    func text(_ location: SourceLocation) -> String { "\(fileName):\(location.line):\(location.column)" }
}
