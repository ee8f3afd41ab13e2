import SimKernel
import SimRuntime
import SimulationTestSupport
import Testing
@testable import LessonKit

@Suite struct ConditionEvaluationTests {
    static let machine = Scripted.machine(
        now: 1_500,
        threads: [
            Scripted.thread(1, "main", Scripted.wait("SleepEx", alertable: true), line: 12, apcs: 2),
            Scripted.thread(2, "worker", .running(cpu: 0), line: 30, file: "lib/copy.c", inAPC: true),
            Scripted.thread(3, "T3", .ready, line: 40),
            Scripted.thread(4, "T4", .terminated(exitCode: 0)),
            Scripted.thread(5, "T5", Scripted.wait("GetQueuedCompletionStatus")),
        ],
        events: [Scripted.event(10, "hEvent[0]", signaled: true), Scripted.event(11, "hEvent[1]", signaled: false)],
        files: [Scripted.file(20, "hFile", path: "data.bin", signaled: false)],
        ports: [Scripted.port(30, "hPort", queued: 2, waiting: [5], released: [2, 3], paused: [1], running: 3, limit: 2)],
        completed: 4)

    static let log = [
        Scripted.log(100, 1, .call, "ReadFileEx", result: "1"),
        Scripted.log(1_400, 1, .wake, "SleepEx", result: "WAIT_IO_COMPLETION"),
    ]

    /// (condition, holds, part of what it reports having found)
    static let cases: [(String, Bool, String)] = [
        ("thread main reaches line 12", true, "thread main is at line 12 of prog.c"),
        ("thread main reaches line 13", false, "at line 12"),
        ("thread worker reaches line 30 in copy.c", true, "lib/copy.c"),
        ("thread worker reaches line 30 in other.c", false, "lib/copy.c"),
        ("thread T4 reaches line 1", false, "has no current line (terminated (exit code 0))"),
        ("thread main is waiting", true, "waiting alertably in SleepEx"),
        ("thread main is waiting alertably", true, "waiting alertably"),
        ("thread main is waiting alertably in SleepEx", true, "SleepEx"),
        ("thread main is waiting in WaitForSingleObject", false, "SleepEx"),
        ("thread T5 is waiting alertably", false, "waiting in GetQueuedCompletionStatus"),
        ("thread T5 is waiting in GetQueuedCompletionStatus", true, "GetQueuedCompletionStatus"),
        ("thread worker is running", true, "running on CPU 0"),
        ("thread T3 is ready", true, "ready"),
        ("thread id 4 is terminated", true, "terminated"),
        ("thread ghost is running", false, "no thread ghost (threads: main, worker, T3, T4, T5)"),
        ("thread worker is in an APC", true, "is in an APC"),
        ("thread main is in an APC", false, "is not in an APC"),
        ("thread main has 2 APCs queued", true, "has 2 APCs queued"),
        ("thread main has at most 1 APCs queued", false, "has 2 APCs queued"),
        ("event hEvent[0] is set", true, "event hEvent[0] is set"),
        ("event hEvent[1] is set", false, "event hEvent[1] is reset"),
        ("event HEVENT[1] is reset", true, "reset"),
        ("the event is set", true, "hEvent[0]"),
        ("event missing is set", false, "no event missing (events: hEvent[0], hEvent[1])"),
        ("1 events are set", true, "1 of 2 events are set (hEvent[0])"),
        ("at least 2 events are reset", false, "1 of 2 events are reset (hEvent[1])"),
        ("2 threads are waiting", true, "2 threads are waiting (main, T5)"),
        ("1 threads are waiting alertably in SleepEx", true, "(main)"),
        ("0 threads are ready", false, "1 threads are ready (T3)"),
        ("file hFile is not signaled", true, "not signaled"),
        ("file data.bin is signaled", false, "file hFile is not signaled"),
        ("port hPort queue holds 2 packets", true, "queue holds 2 packets"),
        ("the port queue holds at least 3 packets", false, "queue holds 2"),
        ("the port has 1 waiting", true, "has 1 waiting"),
        ("the port has 2 released", true, "has 2 released"),
        ("the port has 1 paused", true, "has 1 paused"),
        ("the port running is 3 of 2", true, "running is 3 of 2"),
        ("the port running is 3 of 4", false, "running is 3 of 2"),
        ("the port limit is 2", true, "limit is 2"),
        ("packet queued on the port", true, "(0 when the step began)"),
        ("completions reach 4", true, "4 requests completed"),
        ("completions reach 5", false, "4 requests completed"),
        ("time reaches 1.5 ms", true, "the time is 1500 us"),
        ("time is at most 1 ms", false, "1500 us"),
        ("call SleepEx returns WAIT_IO_COMPLETION by main", true, "SleepEx returned WAIT_IO_COMPLETION"),
        ("call SleepEx returns 0", false, "SleepEx returned WAIT_IO_COMPLETION"),
        ("call SleepEx returns by worker", false, "no SleepEx by worker in the log"),
        ("call ReadFile returns", false, "no ReadFile in the log since the step began"),
        ("log shows \"t=1400us T1 SleepEx\"", true, "the log shows it"),
        ("log shows \"apc-run\"", false, "no log line"),
        ("output contains \"read 512\"", true, "the output contains \"read 512\""),
        ("output contains \"nope\"", false, "the output ends with"),
        ("program ends", false, "still running"),
        ("not thread main is running", true, "waiting alertably"),
        ("in other, thread main is running", false, "no pane named 'other'"),
        ("in main, thread main is waiting", true, "waiting"),
    ]

    @Test(arguments: cases.indices)
    func conditionsAgainstAMachine(index: Int) throws {
        let (text, holds, found) = Self.cases[index]
        let condition = try ConditionParser.parse(text)
        let result = condition.evaluate(in: Scripted.context(Self.machine, log: Self.log, output: "read 512 bytes\n"))
        #expect(result.holds == holds, "\(text): \(result.found)")
        #expect(result.found.contains(found), "\(text): \(result.found)")
    }

    @Test func packetQueuedComparesWithTheBaseline() throws {
        let condition = try ConditionParser.parse("packet queued on port hPort")
        let before = Scripted.machine(ports: [Scripted.port(30, "hPort", queued: 2)])
        let same = condition.evaluate(in: Scripted.context(before, baseline: before))
        #expect(!same.holds)
        let after = Scripted.machine(ports: [Scripted.port(30, "hPort", queued: 3)])
        #expect(condition.evaluate(in: Scripted.context(after, baseline: before)).holds)
    }

    @Test func aBlockingCallIsMatchedWhenItsWaitEnds() throws {
        let condition = try ConditionParser.parse("call SleepEx returns WAIT_IO_COMPLETION by main")
        let wake = Scripted.log(900, 1, .wake, "SleepEx", result: "WAIT_IO_COMPLETION")
        #expect(condition.evaluate(in: Scripted.context(Self.machine, log: [wake])).holds)
        let other = Scripted.log(900, 1, .wake, "SleepExtra", result: "WAIT_IO_COMPLETION")
        #expect(!condition.evaluate(in: Scripted.context(Self.machine, log: [other])).holds)
        // A note that merely mentions the call is not the call.
        let note = Scripted.log(900, 1, .note, "SleepEx", result: "WAIT_IO_COMPLETION")
        #expect(!condition.evaluate(in: Scripted.context(Self.machine, log: [note])).holds)
        let programNote = Scripted.log(900, 1, .call, "SimNote", detail: "SleepEx returns WAIT_IO_COMPLETION")
        #expect(!condition.evaluate(in: Scripted.context(Self.machine, log: [programNote])).holds)
    }

    @Test func aCallThatBlockedIsSeenAndItsResultIsBlocks() throws {
        let blocked = Scripted.log(900, 1, .block, "SleepEx")
        #expect(blocked.result == "blocks")
        let any = try ConditionParser.parse("call SleepEx returns by main")
        #expect(any.evaluate(in: Scripted.context(Self.machine, log: [blocked])).holds)
        let returned = try ConditionParser.parse("call SleepEx returns WAIT_IO_COMPLETION")
        #expect(!returned.evaluate(in: Scripted.context(Self.machine, log: [blocked])).holds)
    }

    @Test func programOutcomes() throws {
        let ends = try ConditionParser.parse("program ends")
        let exits2 = try ConditionParser.parse("program exits with 2")
        let machine = Scripted.machine()
        #expect(ends.evaluate(in: Scripted.context(machine, outcome: .exited(code: 2))).holds)
        #expect(exits2.evaluate(in: Scripted.context(machine, outcome: .exited(code: 2))).holds)
        #expect(!exits2.evaluate(in: Scripted.context(machine, outcome: .exited(code: 0))).holds)
        let fault = exits2.evaluate(in: Scripted.context(machine, outcome: .fault(message: "p.c:3:1: runtime error: x")))
        #expect(!fault.holds && fault.found.contains("faulted"))
        #expect(ends.evaluate(in: Scripted.context(machine, outcome: .deadlock(message: "all wait"))).found.contains("deadlocked"))
    }
}
