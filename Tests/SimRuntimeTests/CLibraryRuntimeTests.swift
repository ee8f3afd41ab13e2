import Testing
import SimRuntime

/// The C library's state that the runtime owns: the second console stream
/// and `rand`'s seed.
@Suite struct CLibraryRuntimeTests {
    @Test func stderrIsItsOwnStream() throws {
        let source = "#include <stdio.h>\nint main(void) { printf(\"out\\n\"); fprintf(stderr, \"err %d\\n\", 5); return 0; }\n"
        var run = try ProgramRun.make(source: source, fileName: "t.c", settings: RunSettings())
        run.runToEnd()
        #expect(run.output == "out\n")
        #expect(String(decoding: run.errorOutputBytes, as: UTF8.self) == "err 5\n")
    }

    @Test func randStartsFromTheSimulationSeed() throws {
        let source = "#include <stdlib.h>\n#include <stdio.h>\nint main(void) { int a = rand(); int b = rand(); printf(\"%d %d\\n\", a, b); return 0; }\n"
        func first(seed: UInt64?) throws -> String {
            var run = try ProgramRun.make(source: source, fileName: "t.c", settings: RunSettings(seed: seed))
            run.runToEnd()
            return run.output
        }
        // Seed 1 (the default) is where the MSVC runtime's rand starts.
        #expect(try first(seed: nil) == "41 18467\n")
        // MSVC's generator from seed 7: state = state * 214013 + 2531011, value = bits 16...30.
        var state: UInt32 = 7
        var expected: [UInt32] = []
        for _ in 0..<2 { state = state &* 214_013 &+ 2_531_011; expected.append((state >> 16) & 0x7FFF) }
        #expect(try first(seed: 7) == "\(expected[0]) \(expected[1])\n")
        #expect(try first(seed: 7) == first(seed: 7))
    }
}
