import Testing
@testable import Win32C

/// Macro expansion stops at its token limit before it builds what it would
/// exceed it with: a few hundred bytes of macros cannot ask for gigabytes.
@Suite struct ExpansionLimitTests {
    @Test func nestedFunctionLikeMacrosStopAtTheLimit() throws {
        let source = """
            #define A(x) x x x x x x x x x x
            int main(void) { return A(A(A(A(A(A(A(A(A(1))))))))); }
            """
        let result = CCompiler.compile(source: source)
        #expect(result.program == nil)
        let message = try #require(result.diagnostics.first?.message)
        #expect(message.contains("macro expansion too deep or too large"))
    }

    @Test func nestedObjectLikeMacrosStopAtTheLimit() {
        var lines = ["#define M0 x x x x x x x x x x"]
        for level in 1...7 { lines.append("#define M\(level) " + Array(repeating: "M\(level - 1)", count: 10).joined(separator: " ")) }
        lines.append("M7")
        let result = CCompiler.compile(source: lines.joined(separator: "\n"))
        #expect(result.diagnostics.contains { $0.message.contains("macro expansion too deep or too large") })
    }

    @Test func expansionWithinTheLimitIsUnchanged() throws {
        let source = """
            #define A(x) x + x
            int main(void) { return A(A(A(1))); }
            """
        let program = try #require(CCompiler.compile(source: source).program)
        #expect(StandaloneRun.run(program).exitCode == 8)
    }

    @Test func byteOrderMarkIsNotProgramText() throws {
        let program = try #require(CCompiler.compile(source: [0xEF, 0xBB, 0xBF] + Array("int main(void) { return 4; }".utf8)).program)
        #expect(StandaloneRun.run(program).exitCode == 4)
    }
}
