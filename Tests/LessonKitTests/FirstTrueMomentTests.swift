import LessonKit
import SimKernel
import SimRuntime
import Testing

/// Stops and reveals land on the first statement after which their condition
/// holds, and a lesson's clock is `overlapped run`'s clock.
@Suite struct FirstTrueMomentTests {
    /// Builds the lesson's programs on the real runtime, as the app does.
    static let realFactory: SimulationFactory = { program, settings in
        let runSettings = RunSettings(seed: settings.seed, cpus: settings.cpus, parameters: settings.parameterTable)
        return try ProgramRun.make(source: program.source(applying: settings), fileName: program.fileName,
                                   settings: runSettings)
    }

    static let program = """
        #include <windows.h>
        #include <stdio.h>
        int main(void) {
            HANDLE done = CreateEventA(NULL, TRUE, FALSE, NULL);
            printf("packet B\\n");
            SetEvent(done);
            printf("after\\n");
            Sleep(5);
            return 0;
        }
        """

    static func lesson(_ steps: String = "## Step: Start\n\nNothing yet.", program: String = program) throws -> Lesson {
        let text = """
            ---
            id: first-true
            title: First true moment
            order: 1
            summary: Stops land where meant.
            settings:
              cpus: 1
            ---

            \(steps)

            ```c program p.c
            \(program)
            ```
            """
        return try LessonParser.parse(text, file: "first.md", readProgram: { _ in nil })
    }

    @Test func anOutputStopHoldsBeforeTheNextWin32Call() throws {
        let lesson = try Self.lesson("""
            ## Step: Printed

            ```step
            stop: output contains "packet B"
            check:
              - the event is reset
              - not output contains "after"
            ```

            ## Step: Set

            ```step
            stop: the event is set
            check:
              - not output contains "after"
              - call SetEvent returns 1
            ```
            """)
        let result = LessonChecker.check(lesson, factory: Self.realFactory)
        #expect(result.failures.isEmpty, "\(result.failures)")

        var run = try LessonRun(lesson: lesson, factory: Self.realFactory)
        #expect(run.advance(until: try ConditionParser.parse("output contains \"packet B\""), budget: 1000).reached)
        #expect(run.panes[0].output == "packet B\n")
        #expect(!run.panes[0].log.contains { $0.action == "SetEvent" }, "SetEvent had not run yet")
    }

    @Test func aStateStopHoldsRightAfterTheCallThatMadeItTrue() throws {
        let lesson = try Self.lesson()
        var run = try LessonRun(lesson: lesson, factory: Self.realFactory)
        #expect(run.advance(until: try ConditionParser.parse("the event is set"), budget: 1000).reached)
        #expect(run.panes[0].output == "packet B\n", "the printf after SetEvent has not run")
        #expect(run.evaluate(try ConditionParser.parse("thread main last call returns 1")).holds)
    }

    /// The same program with the same settings gives the same times whether
    /// it runs headless or in a lesson, whatever the stops (a line stop steps
    /// a thread statement by statement; other stops pause after statements).
    @Test func aLessonRunsOnTheClockOfAHeadlessRun() throws {
        let program = """
            #include <windows.h>
            #include <stdio.h>
            #pragma sim file("data.bin", 65536)
            int main(void) {
                HANDLE f = CreateFileA("data.bin", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
                char buffer[4096];
                OVERLAPPED ov = { 0 };
                int total = 0;
                for (int i = 0; i < 20; i++) total += i;
                printf("total %d\\n", total);
                ReadFile(f, buffer, sizeof buffer, NULL, &ov);
                DWORD got = 0;
                GetOverlappedResult(f, &ov, &got, TRUE);
                printf("read %lu\\n", got);
                return 0;
            }
            """
        let lesson = try Self.lesson("""
            ## Step: Loop

            ```step
            stop: thread main reaches line 9
            ```

            ## Step: Printed

            ```step
            stop: output contains "total"
            ```

            ## Step: Read

            ```step
            stop: thread main reaches line 12
            ```

            ## Step: End

            ```step
            stop: program ends
            ```
            """, program: program)
        var run = try LessonRun(lesson: lesson, factory: Self.realFactory)
        for step in lesson.steps {
            guard let stop = step.stop else { continue }
            #expect(run.advance(until: stop, budget: step.budget).reached, "\(stop)")
        }
        var headless = try Self.realFactory(lesson.programs[0], lesson.settings)
        while headless.stepEvent() {}
        let lessonLines = run.panes[0].log.map(\.text)
        #expect(lessonLines == headless.log.map(\.text))
        let firstRead = try #require(lessonLines.first { $0.contains("ReadFile") })
        #expect(firstRead.hasPrefix("t="))
        #expect(run.panes[0].output == headless.output)
    }

    @Test func composedConditionsStopWhenTheWholeHolds() throws {
        let lesson = try Self.lesson()
        var run = try LessonRun(lesson: lesson, factory: Self.realFactory)
        let stop = try ConditionParser.parse("(the event is set or program ends) and output contains after")
        #expect(run.advance(until: stop, budget: 1000).reached)
        #expect(run.panes[0].output == "packet B\nafter\n")
        #expect(!run.evaluate(try ConditionParser.parse("thread main is waiting in Sleep")).holds, "stopped before Sleep")
    }

    @Test func conditionsOnSemaphoresMutexesPacketsAndOverlappeds() throws {
        let program = """
            #include <windows.h>
            #include <stdio.h>
            #pragma sim file("data.bin", 65536)
            #pragma sim disk(parallel=1, cache=off)
            HANDLE lock;
            DWORD WINAPI grab(LPVOID unused) { WaitForSingleObject(lock, INFINITE); return 0; }
            int main(void) {
                HANDLE slots = CreateSemaphoreA(NULL, 2, 4, NULL);
                lock = CreateMutexA(NULL, FALSE, NULL);
                HANDLE worker = CreateThread(NULL, 0, grab, NULL, 0, NULL);
                WaitForSingleObject(worker, INFINITE);
                WaitForSingleObject(slots, 0);
                HANDLE f = CreateFileA("data.bin", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
                HANDLE port = CreateIoCompletionPort(f, NULL, 7, 1);
                char first[512], buffer[512];
                OVERLAPPED ovFirst = { 0 };
                OVERLAPPED ov = { 0 };
                ov.Offset = 1024;
                ReadFile(f, first, sizeof first, NULL, &ovFirst);
                ReadFile(f, buffer, sizeof buffer, NULL, &ov);
                CancelIoEx(f, &ov);
                CancelIoEx(f, &ov);
                printf("cancelled\\n");
                Sleep(50000);
                return 0;
            }
            """
        let lesson = try Self.lesson(program: program)
        var run = try LessonRun(lesson: lesson, factory: Self.realFactory)
        #expect(run.advance(until: try ConditionParser.parse("output contains cancelled"), budget: 100_000).reached)
        let holding = [
            "the semaphore count is 1",
            "the mutex is abandoned",
            "not the mutex is owned by main",
            "overlapped ov Offset is 1024",
            "overlapped ov Internal is STATUS_CANCELLED and overlapped ovFirst Internal is STATUS_PENDING",
            "call CancelIoEx returns 1",
            "call CancelIoEx returns 0 err=1168",
            "thread main last call returns 0 err=1168",
            "thread main last error is 1168",
            "the port has a packet with key 7 overlapped ov status STATUS_CANCELLED bytes 0",
            "not the port has a packet with key 8",
            "not the port has a packet with overlapped ovFirst",
        ]
        for text in holding {
            let evaluation = run.evaluate(try ConditionParser.parse(text))
            #expect(evaluation.holds, "\(text): \(evaluation.found)")
        }
        let missing = run.evaluate(try ConditionParser.parse("overlapped other InternalHigh is 0"))
        #expect(!missing.holds)
        #expect(missing.found.contains("OVERLAPPEDs: ovFirst, ov") || missing.found.contains("OVERLAPPEDs: ov, ovFirst"),
                "\(missing.found)")
    }
}
