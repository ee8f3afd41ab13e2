import Testing
@testable import LessonKit

@Suite struct LessonTranscriptTests {
    @Test func aStepReadsAsPlainText() throws {
        var session = try LessonSession(lesson: SampleLessons.parse(SampleLessons.alertable), factory: SampleLessons.standardFactory)
        session.revealHint()
        #expect(LessonTranscript.render(session, width: 60) == """
            # Completion routines run in alertable waits

            The main thread reads with `ReadFileEx` and then waits
            alertably.

            ## Step 1 of 4: Issue the read

            Main calls ReadFileEx:

            • the request pends
            • the routine is queued later

            [ok] expected thread main is running
            [ok] Nothing has completed yet.
            Hint 1: Look at the source view.

            """)
        session.next()
        session.choose(1)
        #expect(LessonTranscript.render(session, width: 60) == """
            ## Step 2 of 4: The wait

            [ok] The read has not completed, so no routine is queued
                 yet.

            Question: What will SleepEx return?
              a) WAIT_IO_COMPLETION, after running the routine
              b) 0, the timeout
              c) The program hangs
            Answer: b, not what the kernel did (it did: a). An alertable
              wait with APCs queued runs them and returns
              WAIT_IO_COMPLETION.

            """)
    }

    @Test func aFailedCheckpointAndAnUnreachedStopAreShown() throws {
        let text = SampleLessons.alertable
            .replacingOccurrences(of: "stop: thread main reaches line 12", with: "stop: thread main reaches line 99")
        let session = try LessonSession(lesson: SampleLessons.parse(text), factory: SampleLessons.standardFactory)
        let transcript = LessonTranscript.render(session, width: 200)
        #expect(transcript.contains("[!!] step 'Issue the read' (line") == false)
        #expect(transcript.contains("[!!] the stop condition 'thread main reaches line 99' was never reached"))
        #expect(transcript.contains("[!!] Nothing has completed yet. (found 1 requests completed)"))
    }
}
