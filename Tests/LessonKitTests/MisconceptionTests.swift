import Testing
@testable import LessonKit

/// `why:` on a wrong choice: parsed, refused on the answer, shown when picked.
@Suite struct MisconceptionTests {
    static let withWhy = SampleLessons.alertable.replacingOccurrences(
        of: "    - text: 0, the timeout\n      when: call SleepEx returns 0\n",
        with: "    - text: 0, the timeout\n      when: call SleepEx returns 0\n      why: A timeout is not the only way out: a delivered APC ends an alertable wait.\n")

    @Test func aWrongChoiceCarriesItsMisconception() throws {
        #expect(Self.withWhy != SampleLessons.alertable)
        let lesson = try SampleLessons.parse(Self.withWhy)
        let question = try #require(lesson.steps[1].question)
        #expect(question.choices[1].why == "A timeout is not the only way out: a delivered APC ends an alertable wait.")
        #expect(question.choices[0].why == nil && question.choices[2].why == nil)
    }

    @Test func theAnswersChoiceMayNotCarryOne() throws {
        let text = SampleLessons.alertable.replacingOccurrences(
            of: "      when: call SleepEx returns WAIT_IO_COMPLETION by main\n",
            with: "      when: call SleepEx returns WAIT_IO_COMPLETION by main\n      why: nothing is wrong here\n")
        #expect(text != SampleLessons.alertable)
        #expect {
            try SampleLessons.parse(text)
        } throws: { error in
            guard let error = error as? LessonLoadError else { return false }
            return error.description.contains("'why:' names the misconception behind a wrong choice")
        }
    }

    @Test func theTranscriptShowsItWhenPickedAndOtherwiseAsWhyNot() throws {
        let lesson = try SampleLessons.parse(Self.withWhy)
        var wrong = try LessonSession(lesson: lesson, factory: SampleLessons.standardFactory)
        wrong.next()
        wrong.choose(1)
        let picked = LessonTranscript.render(wrong, width: 200)
        #expect(picked.contains("Not quite: A timeout is not the only way out: a delivered APC ends an alertable wait.\n"))
        #expect(!picked.contains("Why not"))
        var right = try LessonSession(lesson: lesson, factory: SampleLessons.standardFactory)
        right.next()
        right.choose(0)
        let other = LessonTranscript.render(right, width: 200)
        #expect(other.contains("Why not b: A timeout is not the only way out"))
        #expect(!other.contains("Not quite"))
    }
}
