import Testing
@testable import LessonKit

/// `lesson check` warns when the screen already answers a question.
@Suite struct SpoilerCheckTests {
    func warnings(_ text: String) throws -> [String] {
        #expect(text != SampleLessons.alertable, "the variant must differ from the sample")
        let result = LessonChecker.check(try SampleLessons.parse(text), factory: SampleLessons.standardFactory)
        return result.warnings.map(\.description)
    }

    @Test func theSampleHasNoSpoiler() throws {
        let result = LessonChecker.check(try SampleLessons.parse(SampleLessons.alertable), factory: SampleLessons.standardFactory)
        #expect(result.warnings == [])
    }

    @Test func aRevealThatAlreadyHoldsIsReported() throws {
        let text = SampleLessons.alertable.replacingOccurrences(
            of: "  reveal: call SleepEx returns\n", with: "  reveal: thread main is waiting alertably\n")
        let found = try warnings(text)
        #expect(found.contains { $0.contains("the reveal condition 'thread main is waiting alertably' already holds when the question is asked") })
        let line = SampleLessons.line(of: "  ask: What will SleepEx return?", in: text) - 1
        #expect(found.contains { $0.hasPrefix("sample.md:\(line): question in step 'The wait'") })
    }

    @Test func anAnswerTheScreenAlreadyShowsAndACheckpointStatingItAreReported() throws {
        let text = SampleLessons.alertable.replacingOccurrences(
            of: "      when: call SleepEx returns WAIT_IO_COMPLETION by main\n", with: "      when: thread main has 0 APCs queued\n")
        let found = try warnings(text)
        #expect(found.contains { $0.contains("the answer's condition 'thread main has 0 APCs queued' already holds when the question is asked") })
        #expect(found.contains { $0.contains("a checkpoint of this step states the answer ('thread main has 0 APCs queued')") })
    }

    @Test func aNotYetAnswerIsNotASpoiler() throws {
        let text = SampleLessons.alertable.replacingOccurrences(
            of: "      when: call SleepEx returns WAIT_IO_COMPLETION by main\n", with: "      when: not program ends\n")
        #expect(try warnings(text).isEmpty)
    }

    @Test func theReportPrintsWarningsUnderThePassingLesson() {
        var result = LessonCheckResult(file: "a.md", lessonID: "a")
        result.warn(line: 7, "question in step 'x': spoiled")
        #expect(LessonCheckReport.render([result]) == "ok   a.md (0 steps, 0 checkpoints, 0 questions)\n  warning: a.md:7: question in step 'x': spoiled\n1 passed, 0 failed\n")
    }
}
