import Foundation
import Testing
@testable import SimRuntime

/// Nothing a user types may crash the app: mangled versions of the sample
/// programs and random bytes either fail to compile or run to some outcome.
@Suite struct RuntimeRobustnessTests {
    /// A small deterministic generator (the tests must not depend on the system's).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let programs = Paths.cFiles(under: Paths.programs).map(\.name)

    @Test(arguments: programs)
    func mangledProgramsNeverCrash(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
        var random = Generator(state: UInt64(name.utf8.count) &* 7919)
        var outcomes = 0
        for _ in 0..<12 {
            var bytes = original
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(12)))
                case 1: bytes.insert(contentsOf: Array("0x7FFFFFFF".utf8), at: at)
                case 2: if let digit = bytes.indices.dropFirst(at).first(where: { (48...57).contains(bytes[$0]) }) { bytes[digit] = 48 }
                default: bytes.insert(contentsOf: Array("*(int *)0 = 1;".utf8), at: at)
                }
            }
            guard var run = try? ProgramRun.make(source: bytes, fileName: name,
                                                 settings: RunSettings(maxStatements: 300_000, tracing: false)) else { continue }
            run.runToEnd()
            #expect(run.outcome != nil)
            outcomes += 1
        }
        // Most mutations land in comments or still compile: the runs are exercised, not only the compiler.
        #expect(outcomes > 0)
    }

    @Test func randomBytesNeverCrash() {
        var random = Generator(state: 42)
        for length in [0, 1, 7, 64, 500, 4000] {
            var bytes: [UInt8] = []
            for _ in 0..<length { bytes.append(UInt8(truncatingIfNeeded: 32 + random.below(95))) }
            if var run = try? ProgramRun.make(source: bytes, fileName: "r.c", settings: RunSettings(maxStatements: 10_000)) {
                run.runToEnd()
                #expect(run.outcome != nil)
            }
        }
    }
}
