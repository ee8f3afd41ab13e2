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
    /// Per external (index = `ExternalCall.index`): the runtime function it names.
    let libraryCalls: [LibraryCall]
    /// Per external: the pure C library function it names, if any.
    let cLibraryFunctions: [CLibrary.Function?]
    /// Per external: whether `CThreadBody.answerInPlace` may answer it
    /// inside the VM (the VM does not offer it otherwise).
    let answerableInPlace: [Bool]

    public init(program: Program, fileName: String, text: String = "") {
        self.program = program
        self.fileName = fileName
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        libraryCalls = program.externals.map { LibraryCall(rawValue: $0) ?? .unknown }
        cLibraryFunctions = program.externals.map { CLibrary.Function(rawValue: $0) }
        answerableInPlace = zip(cLibraryFunctions, libraryCalls).map { function, call in
            function != nil || CThreadBody.answeredInPlace.contains(call)
        }
    }

    /// The runtime function external `index` calls (`.unknown` for an index out of range).
    @inline(__always)
    func libraryCall(_ index: Int) -> LibraryCall {
        index >= 0 && index < libraryCalls.count ? libraryCalls[index] : .unknown
    }

    /// The pure C library function external `index` calls, if any.
    @inline(__always)
    func cLibraryFunction(_ index: Int) -> CLibrary.Function? {
        index >= 0 && index < cLibraryFunctions.count ? cLibraryFunctions[index] : nil
    }

    func line(_ number: Int) -> String? { number >= 1 && number <= lines.count ? lines[number - 1] : nil }

    func codeLocation(_ location: SourceLocation, function: String) -> CodeLocation {
        CodeLocation(file: fileName, line: location.line, column: location.column, function: function)
    }
}
