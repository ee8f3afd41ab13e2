import Foundation
import Testing
import SimRuntime

/// The corpus (`Corpus/*.c`): programs in the style of textbook snippets and
/// Microsoft's documentation samples compile and print their golden output.
@Suite struct CorpusTests {
    static let directory = Paths.testsDirectory.appendingPathComponent("SimRuntimeTests/Corpus")
    static let programs = Paths.cFiles(under: directory).map(\.name)

    @Test func corpusIsLargeEnough() {
        #expect(Self.programs.count >= 20)
    }

    @Test(arguments: programs)
    func printsItsGoldenOutput(_ name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        let source = try [UInt8](Data(contentsOf: url))
        let golden = try String(contentsOf: url.deletingPathExtension().appendingPathExtension("stdout"), encoding: .utf8)
        let finished = try runToEnd(source: source, name: name)
        #expect(finished.output == golden)
        let text = String(decoding: source, as: UTF8.self)
        let exit = text.split(separator: "\n").first { $0.hasPrefix("// exit: ") }.flatMap { Int32($0.dropFirst(9)) } ?? 0
        #expect(finished.outcome == .exited(code: exit), "\(String(describing: finished.outcome))")
    }
}
