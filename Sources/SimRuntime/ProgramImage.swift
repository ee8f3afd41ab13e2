import SimKernel
import Win32C

/// A compiled program as every thread of a run shares it: immutable, so
/// thread bodies hold one reference instead of copying the tables.
public final class ProgramImage: Sendable {
    public let program: Program
    /// The name used in messages and stack locations (`demo.c`).
    public let fileName: String
    /// The program's text by line (index 0 = line 1), for labels from source.
    let lines: [String]

    public init(program: Program, fileName: String, text: String = "") {
        self.program = program
        self.fileName = fileName
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func line(_ number: Int) -> String? { number >= 1 && number <= lines.count ? lines[number - 1] : nil }

    func codeLocation(_ location: SourceLocation, function: String) -> CodeLocation {
        CodeLocation(file: fileName, line: location.line, column: location.column, function: function)
    }
}
