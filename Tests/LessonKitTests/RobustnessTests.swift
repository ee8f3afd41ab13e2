import SimulationTestSupport
import Testing
@testable import LessonKit

/// Whatever a lesson file holds, loading it reports problems and never traps.
@Suite struct RobustnessTests {
    /// A deterministic generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [SampleLessons.alertable, SampleLessons.port, SampleLessons.compare])
    func everyTruncationLoadsOrReportsProblems(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for count in 0...lines.count {
            let prefix = lines.prefix(count).joined(separator: "\n")
            do {
                _ = try SampleLessons.parse(prefix)
            } catch {
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.line >= 1 && $0.line <= max(count, 1) + 1 }, "\(error)")
            }
        }
    }

    @Test(arguments: [SampleLessons.alertable, SampleLessons.port, SampleLessons.compare])
    func randomDamageNeverTraps(text: String) {
        var generator = Generator(state: 42)
        let alphabet = Array(" \n:-#`*_\"'{}[],|>&!%@0123456789abcxyz\t")
        for _ in 0..<300 {
            var chars = Array(text)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                guard !chars.isEmpty else { break }
                let at = Int.random(in: 0..<chars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(alphabet.randomElement(using: &generator) ?? " ", at: at)
                default: chars[at] = alphabet.randomElement(using: &generator) ?? " "
                }
            }
            if let lesson = try? SampleLessons.parse(String(chars)) {
                // Whatever loaded can be run and checked without trapping.
                _ = LessonChecker.check(lesson, factory: SampleLessons.standardFactory)
            }
        }
    }

    @Test func randomConditionTextNeverTraps() {
        var generator = Generator(state: 7)
        let words = ["thread", "main", "is", "waiting", "alertably", "in", "the", "port", "queue", "holds", "at", "least",
                     "most", "1", "1.5", "ms", "not", ",", "\"", "call", "returns", "by", "id", "event", "set", "time",
                     "reaches", "completions", "reach", "has", "APCs", "queued", "line", "of", "99999999999999999999"]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...8, using: &generator)
            let text = (0..<count).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            if let condition = try? ConditionParser.parse(text) {
                #expect((try? ConditionParser.parse(condition.description)) == condition, "\(text)")
                _ = condition.evaluate(in: Scripted.context(ConditionEvaluationTests.machine))
            }
        }
    }
}
