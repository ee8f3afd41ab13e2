import SimKernel
import SimRuntime
import SimulationTestSupport
import Testing
@testable import LessonKit

@Suite struct LessonCheckerTests {
    @Test(arguments: [SampleLessons.alertable, SampleLessons.port, SampleLessons.compare])
    func theSampleLessonsPass(text: String) throws {
        let lesson = try SampleLessons.parse(text)
        let result = LessonChecker.check(lesson, factory: SampleLessons.standardFactory)
        #expect(result.failures == [])
        #expect(result.stepsRun == lesson.steps.count)
        #expect(result.questions == lesson.questionCount)
    }

    @Test func aLineConditionStepsThatThreadStatementByStatement() throws {
        let lesson = try SampleLessons.parse(SampleLessons.alertable)
        var run = try LessonRun(lesson: lesson, factory: SampleLessons.standardFactory)
        let firstStop = try #require(lesson.steps[0].stop)
        let outcome = run.advance(until: firstStop, budget: 100)
        #expect(outcome == .reached(steps: 2))
        // Each statement step made thread 1 the stepped thread, then moved one event.
        let fake = try #require(run.panes[0] as? ScriptedSimulation)
        #expect(fake.statementSteps == [1, 1])
        #expect(fake.eventSteps == 2)
        // A state condition steps by kernel events, without a stepped thread.
        let secondStop = try #require(lesson.steps[1].stop)
        let second = run.advance(until: secondStop, budget: 100)
        #expect(second == .reached(steps: 1))
        #expect((run.panes[0] as? ScriptedSimulation)?.eventSteps == 3)
        #expect((run.panes[0] as? ScriptedSimulation)?.statementSteps == [1, 1])
    }

    @Test func aConditionThatAlreadyHoldsDoesNotMoveTheSimulation() throws {
        let lesson = try SampleLessons.parse(SampleLessons.alertable)
        var run = try LessonRun(lesson: lesson, factory: SampleLessons.standardFactory)
        let outcome = run.advance(until: .thread(.name("main"), .state(.running, call: nil)), budget: 10)
        #expect(outcome == .reached(steps: 0))
        #expect(run.panes[0].machine.now == 0)
    }

    @Test func aFailingCheckpointReportsItsLineMessageAndWhatWasFound() throws {
        let text = SampleLessons.alertable.replacingOccurrences(of: "expect: completions are 0", with: "expect: completions are 1")
        let lesson = try SampleLessons.parse(text)
        let result = LessonChecker.check(lesson, factory: SampleLessons.standardFactory)
        #expect(result.failures.count == 1)
        let failure = try #require(result.failures.first)
        #expect(failure.line == SampleLessons.line(of: "expect: completions are 1", in: text))
        #expect(failure.message == "checkpoint failed in step 'Issue the read': Nothing has completed yet. (expected completions are 1; found 0 requests completed)")
    }

    @Test func aLineStopPastTheEndOfTheProgramSaysSo() throws {
        let text = SampleLessons.alertable.replacingOccurrences(of: "stop: output contains \"done\"", with: "stop: thread main reaches line 9999")
        let result = LessonChecker.check(try SampleLessons.parse(text), factory: SampleLessons.standardFactory)
        let failure = try #require(result.failures.first)
        #expect(failure.message.contains("has only"), "\(failure.message)")
    }

    @Test func aStopThatIsNeverReachedReportsTheStepLine() throws {
        let text = SampleLessons.alertable.replacingOccurrences(of: "stop: output contains \"done\"", with: "stop: output contains \"never\"")
        let lesson = try SampleLessons.parse(text)
        let result = LessonChecker.check(lesson, factory: SampleLessons.standardFactory)
        let failure = try #require(result.failures.first)
        #expect(failure.line == SampleLessons.line(of: "stop: output contains \"never\"", in: text))
        #expect(failure.message.contains("step 'Done' (line \(SampleLessons.line(of: "## Step: Done", in: text))): the stop condition 'output contains \"never\"' was never reached: the program exited with code 0 after"))
        // Steps 1-2 ran, step 3 failed its stop, step 4 is the one not run.
        #expect(result.stepsNotRun == 1)
        #expect(result.stepsRun == 2)
    }

    @Test func theEventBudgetStopsARunThatNeverGetsThere() throws {
        let text = SampleLessons.port.replacingOccurrences(of: "stop: packet queued on the port", with: "stop: completions reach 99")
        let lesson = try SampleLessons.parse(text)
        let result = LessonChecker.check(lesson, factory: SampleLessons.standardFactory)
        let failure = try #require(result.failures.first)
        #expect(failure.line == SampleLessons.line(of: "stop: completions reach 99", in: text))
        #expect(failure.message == "step 'The queue fills' (line \(SampleLessons.line(of: "## Step: The queue fills", in: text))): the stop condition 'completions reach 99' was not reached within 50 simulation steps (raise 'budget:' if the program needs longer)")
    }

    @Test func aWrongStatedAnswerIsCaughtByWhatTheKernelDoes() throws {
        let text = SampleLessons.port.replacingOccurrences(of: "answer: b", with: "answer: a")
        let lesson = try SampleLessons.parse(text)
        let result = LessonChecker.check(lesson, factory: SampleLessons.standardFactory)
        #expect(result.failures.map(\.line) == [
            SampleLessons.line(of: "answer: a", in: text),
            SampleLessons.line(of: "- text: T3, which waited last", in: text),
        ])
        #expect(result.failures[0].message == "question in step 'Who gets the first packet?': the stated answer (a) is not what the kernel does: expected thread T2 is running; found thread T2 is waiting in GetQueuedCompletionStatus")
        #expect(result.failures[1].message.contains("choice (b) also holds"))
    }

    @Test func aKernelThatBehavesDifferentlyFailsTheQuestion() throws {
        // The same lesson against a kernel that wakes waiters first-in, first-out.
        var fifo = SampleLessons.portSimulation()
        let t2 = fifo.frames[2].machine.threads[1], t3 = fifo.frames[2].machine.threads[2]
        fifo.frames[2].machine.threads[1].state = t3.state
        fifo.frames[2].machine.threads[2].state = t2.state
        let lesson = try SampleLessons.parse(SampleLessons.port)
        let result = LessonChecker.check(lesson, factory: SampleLessons.factory(["pool.c": fifo]))
        #expect(result.failures.map(\.line).first == SampleLessons.line(of: "answer: b", in: SampleLessons.port))
    }

    @Test func aRevealThatNeverComesIsReportedAtTheQuestion() throws {
        let text = SampleLessons.port.replacingOccurrences(of: "reveal: completions reach 1", with: "reveal: completions reach 50")
        let lesson = try SampleLessons.parse(text)
        let result = LessonChecker.check(lesson, factory: SampleLessons.standardFactory)
        let failure = try #require(result.failures.first)
        #expect(failure.line == SampleLessons.line(of: "question:", in: text))
        #expect(failure.message.contains("the reveal condition 'completions reach 50' was not reached within 100000 simulation steps"))
    }

    @Test func aProgramThatCannotStartFailsAtTheLineNamingIt() throws {
        let port = try SampleLessons.parse(SampleLessons.port)
        #expect(LessonChecker.check(port, factory: SampleLessons.factory([:])).failures == [LessonDiagnostic(
            file: "sample.md", line: SampleLessons.line(of: "program: programs/pool.c", in: SampleLessons.port),
            message: "the program pool.c could not be started: no fake for pool.c")])
        let alertable = try SampleLessons.parse(SampleLessons.alertable)
        #expect(LessonChecker.check(alertable, factory: SampleLessons.factory([:])).failures.map(\.line)
                == [SampleLessons.line(of: "```c program alertable.c", in: SampleLessons.alertable)])
        let compare = try SampleLessons.parse(SampleLessons.compare)
        #expect(LessonChecker.check(compare, factory: SampleLessons.factory(["port.c": SampleLessons.portSimulation()])).failures.map(\.line)
                == [SampleLessons.line(of: "```c program apc.c", in: SampleLessons.compare)])
    }

    @Test func comparePanesAdvanceInLockstep() throws {
        let lesson = try SampleLessons.parse(SampleLessons.compare)
        var run = try LessonRun(lesson: lesson, factory: SampleLessons.standardFactory)
        let stop = try #require(lesson.steps[0].stop)
        let outcome = run.advance(until: stop, budget: 100)
        #expect(outcome.reached)
        // port reaches 2 completions at 200 us, and the clock stops there: apc
        // (an event every 300 us) has handled nothing yet and shows its state at 200 us.
        #expect(run.clock == 200)
        #expect(run.panes[1].machine.now == 200)
        #expect(run.panes[0].machine.now == 0)
        #expect(run.panes[0].machine.counters.requestsCompleted == 0)
    }

    @Test func theReportEndsWithTheCounts() {
        let results = [
            LessonCheckResult(file: "a.md", lessonID: "a"),
            LessonCheckResult(file: "b.md", lessonID: "b", failures: [LessonDiagnostic(file: "b.md", line: 4, message: "bad")]),
        ]
        #expect(LessonCheckReport.render(results) == """
            ok   a.md (0 steps, 0 checkpoints, 0 questions)
            FAIL b.md
              b.md:4: bad
            1 passed, 1 failed

            """)
    }

    @Test func theReportCountsInTheSingularForOne() {
        var one = LessonCheckResult(file: "a.md", lessonID: "a")
        one.stepsRun = 1; one.checkpoints = 1; one.questions = 1
        #expect(LessonCheckReport.render([one]) == "ok   a.md (1 step, 1 checkpoint, 1 question)\n1 passed, 0 failed\n")
    }
}
