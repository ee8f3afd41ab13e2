import LessonKit
import Testing

/// Messages a lesson author meets say what is wrong where it is, and what the
/// guide promises works.
@Suite struct AuthoringMessageTests {
    static func lesson(frontMatter: String = "", step: String) -> String {
        """
        ---
        id: messages
        title: Messages
        order: 1
        summary: Messages.
        \(frontMatter)
        ---

        ## Step: One

        ```step
        \(step)
        ```

        ```c program p.c
        #include <windows.h>

        int main(void) {
            Sleep(1);
            return 0;
        }
        ```
        """
    }

    static func problems(_ text: String) -> [String] {
        do {
            _ = try LessonParser.parse(text, file: "m.md", readProgram: { _ in nil })
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    @Test func aFieldIndentedTooFarIsAnIndentationProblem() {
        let text = Self.lesson(frontMatter: "settings:\n  seed: 7\n   cpus: 2", step: "stop: program ends")
        let messages = Self.problems(text)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("'cpus: 2' is indented 3 spaces but 'seed: 7' above it 2") == true, "\(messages)")
        #expect(messages.first?.contains("quotes") == false)
    }

    @Test func aHintWithAColonIsTextAsTheGuideSays() throws {
        let text = Self.lesson(step: """
            stop: program ends
            hints:
              - Note: ERROR_NOT_FOUND is how CancelIoEx says it found nothing.
              - "Quoted: still fine"
            """)
        let lesson = try LessonParser.parse(text, file: "m.md", readProgram: { _ in nil })
        #expect(lesson.steps[0].hints == ["Note: ERROR_NOT_FOUND is how CancelIoEx says it found nothing.",
                                          "Quoted: still fine"])
    }

    @Test func aStopOnABlankLineSaysTheLineHoldsNoStatement() throws {
        let text = Self.lesson(step: "stop: thread main reaches line 2")
        let lesson = try LessonParser.parse(text, file: "m.md", readProgram: { _ in nil })
        let result = LessonChecker.check(lesson, factory: FirstTrueMomentTests.realFactory)
        let message = result.failures.first?.message ?? ""
        #expect(message.contains("line 2 of p.c is blank, so no thread is ever at it; the next line with a statement is 3"),
                "\(message)")
    }

    @Test func theTranscriptShowsTheProgramsOutputWithItsStep() throws {
        let text = """
            ---
            id: printing
            title: Printing
            order: 1
            summary: Output in the transcript.
            settings:
              cpus: 1
            ---

            ## Step: First

            Calls `printf("one")` and then `Sleep(1)`.

            ```step
            stop: output contains "one"
            ```

            ## Step: Second

            ```step
            stop: program ends
            ```

            ```c program p.c
            #include <stdio.h>
            #include <windows.h>
            int main(void) { printf("one\\n"); Sleep(1); printf("two\\n"); return 0; }
            ```
            """
        let lesson = try LessonParser.parse(text, file: "p.md", readProgram: { _ in nil })
        var session = try LessonSession(lesson: lesson, factory: FirstTrueMomentTests.realFactory)
        let first = LessonTranscript.render(session)
        #expect(first.contains("Output:\n    one\n"), "\(first)")
        #expect(!first.contains("two"))
        #expect(first.contains("`printf(\"one\")`"), "code spans stay whole: \(first)")
        let shown = LessonTranscript.outputLengths(session)
        let moved = session.next()
        #expect(moved)
        let second = LessonTranscript.render(session, outputShown: shown)
        #expect(second.contains("Output:\n    two\n"), "\(second)")
        #expect(!second.contains("    one"))
    }

    @Test func aPaneThatEndsBeforeTheStopInAnotherPaneIsAWarning() throws {
        let text = """
            ---
            id: ahead
            title: Ahead
            order: 1
            summary: One pane ends first.
            view: compare
            programs:
              - { name: slow, inline: slow.c }
              - { name: quick, inline: quick.c }
            ---

            ## Step: Slow prints

            ```step
            stop: in slow, output contains "late"
            ```

            ```c program slow.c
            #include <stdio.h>
            #include <windows.h>
            int main(void) { Sleep(10); printf("late\\n"); Sleep(10); return 0; }
            ```

            ```c program quick.c
            int main(void) { return 0; }
            ```
            """
        let lesson = try LessonParser.parse(text, file: "ahead.md", readProgram: { _ in nil })
        let result = LessonChecker.check(lesson, factory: FirstTrueMomentTests.realFactory)
        #expect(result.passed, "\(result.failures)")
        #expect(result.warnings.map(\.message) == [
            "step 'Slow prints': pane quick ran to its end (the program exited with code 0) before the stop in slow held; the screen shows quick finished",
        ])
        #expect(LessonCheckReport.render([result]).contains("warning: ahead.md:15: step 'Slow prints'"))
    }

    @Test func whatARevealPrintsComesAfterTheAnswer() throws {
        let text = """
            ---
            id: reveal-output
            title: Reveal output
            order: 1
            summary: Output printed by a reveal.
            ---

            ## Step: Ask

            ```step
            stop: output contains "one"
            question:
              ask: What is printed next?
              choices:
                - text: two
                  when: output contains "two"
                - text: nothing
                  when: not output contains "two"
              answer: a
              reveal: output contains "two"
              explain: The program prints two after one.
            ```

            ```c program p.c
            #include <stdio.h>
            #include <windows.h>
            int main(void) { printf("one\\n"); Sleep(1); printf("two\\n"); return 0; }
            ```
            """
        let lesson = try LessonParser.parse(text, file: "r.md", readProgram: { _ in nil })
        var session = try LessonSession(lesson: lesson, factory: FirstTrueMomentTests.realFactory)
        let atStop = LessonTranscript.outputLengths(session)
        if let question = session.pendingQuestion { session.choose(question.answer) }
        let rendered = LessonTranscript.render(session, outputAtStop: atStop)
        let one = try #require(rendered.range(of: "    one"))
        let question = try #require(rendered.range(of: "Question:"))
        let answer = try #require(rendered.range(of: "Answer: a"))
        let two = try #require(rendered.range(of: "    two"))
        #expect(one.lowerBound < question.lowerBound && answer.lowerBound < two.lowerBound, "\(rendered)")
    }
}
