import Testing
@testable import LessonKit

/// Lesson text written to break the reader, and files saved by other editors.
@Suite struct HostileLessonTests {
    @Test func tenThousandNotPrefixesParseWithoutRecursion() throws {
        let even = String(repeating: "not ", count: 10_000) + "the event is set"
        #expect(try ConditionParser.parse(even) == .event(.only, signaled: true))
        let odd = String(repeating: "not ", count: 10_001) + "the event is set"
        #expect(try ConditionParser.parse(odd) == .not(.event(.only, signaled: true)))
    }

    @Test func manyPanePrefixesAreRefused() throws {
        let text = String(repeating: "in a, not ", count: 10_000) + "the event is set"
        #expect(throws: ConditionParser.Failure.self) { try ConditionParser.parse(text) }
        #expect(try ConditionParser.parse("in a, not in b, the event is set")
                == .pane("a", .not(.pane("b", .event(.only, signaled: true)))))
    }

    @Test func crlfLessonReadsLikeLF() throws {
        let lf = try SampleLessons.parse(SampleLessons.alertable)
        let crlf = try SampleLessons.parse(SampleLessons.alertable.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf == lf)
        let bom = try SampleLessons.parse("\u{FEFF}" + SampleLessons.alertable)
        #expect(bom == lf)
    }
}
