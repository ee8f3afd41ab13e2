import LessonKit
import SimKernel
import SimRuntime
import SimulationTestSupport

/// Sample lessons that together use every feature of the lesson format, and
/// scripted simulations for them to run against.
enum SampleLessons {
    static let programText = "int main(void) { return 0; }\n"

    static let reader: @Sendable (String) -> String? = { path in
        path == "programs/pool.c" || path == "programs/p.c" ? SampleLessons.programText : nil
    }

    static func parse(_ text: String, file: String = "sample.md") throws(LessonLoadError) -> Lesson {
        try LessonParser.parse(text, file: file, readProgram: reader)
    }

    /// The 1-based line of the first line containing `fragment`.
    static func line(of fragment: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(fragment) } ?? -1) + 1
    }

    // MARK: - Alertable I/O: inline program, every step field, a graded question

    static let alertable = """
        ---
        id: sample-alertable
        title: Completion routines run in alertable waits
        order: 7
        summary: A read with a completion routine, and the wait that lets it run.
        view: alertable
        settings:
          cpus: 1
          seed: 42
          disk: { latency_us: 2000, jitter_us: 0, parallel: 2, sector: 512, cache: off }
          params:
            REQUESTS: 1
        ---

        The main thread reads with `ReadFileEx` and then *waits alertably*.

        ## Step: Issue the read

        Main calls **ReadFileEx**:

        - the request pends
        - the routine is *queued later*

        ```step
        stop: thread main reaches line 12
        check:
          - thread main is running
          - expect: completions are 0
            message: Nothing has completed yet.
        hints:
          - Look at the source view.
          - The marker shows line 12.
        ```

        ## Step: The wait

        ```step
        stop: thread main is waiting alertably in SleepEx
        check:
          - expect: thread main has 0 APCs queued
            message: The read has not completed, so no routine is queued yet.
        question:
          ask: What will SleepEx return?
          choices:
            - text: WAIT_IO_COMPLETION, after running the routine
              when: call SleepEx returns WAIT_IO_COMPLETION by main
            - text: 0, the timeout
              when: call SleepEx returns 0
            - The program hangs
          answer: a
          reveal: call SleepEx returns
          explain: An alertable wait with APCs queued runs them and returns WAIT_IO_COMPLETION.
        ```

        ## Step: Done

        ```step
        stop: output contains "done"
        check: thread main reaches line 14
        hints: The program prints when it is done.
        ```

        ## Step: The end

        Nothing more happens.

        ```step
        stop: program exits with 0
        ```

        ```c program alertable.c
        #include <windows.h>
        int main(void) { SleepEx(INFINITE, TRUE); return 0; }
        ```
        """

    /// Main (id 1): runs to line 12, waits alertably, its read completes, the
    /// routine runs in the wait, SleepEx returns WAIT_IO_COMPLETION, prints, exits.
    static func alertableSimulation() -> ScriptedSimulation {
        func main(_ state: ThreadStateView, line: Int?, apcs: Int = 0, inAPC: Bool = false) -> ThreadView {
            Scripted.thread(1, "main", state, line: line, file: "alertable.c", apcs: apcs, inAPC: inAPC)
        }
        let waiting = Scripted.wait("SleepEx", alertable: true)
        return ScriptedSimulation(frames: [
            .init(machine: Scripted.machine(now: 0, threads: [main(.running(cpu: 0), line: 10)])),
            .init(machine: Scripted.machine(now: 10, threads: [main(.running(cpu: 0), line: 11)]),
                  log: [Scripted.log(10, 1, .call, "ReadFileEx", result: "1")]),
            .init(machine: Scripted.machine(now: 20, threads: [main(.running(cpu: 0), line: 12)])),
            .init(machine: Scripted.machine(now: 30, threads: [main(waiting, line: 12)])),
            .init(machine: Scripted.machine(now: 2_000, threads: [main(waiting, line: 12, apcs: 1)], completed: 1),
                  log: [Scripted.log(2_000, nil, .ioComplete, "read", result: "STATUS_SUCCESS")]),
            .init(machine: Scripted.machine(now: 2_010, threads: [main(.running(cpu: 0), line: 5, inAPC: true)], completed: 1),
                  log: [Scripted.log(2_010, 1, .apcRun, "completion routine")]),
            .init(machine: Scripted.machine(now: 2_020, threads: [main(.running(cpu: 0), line: 13)], completed: 1),
                  log: [Scripted.log(2_020, 1, .wake, "SleepEx", result: "WAIT_IO_COMPLETION")]),
            .init(machine: Scripted.machine(now: 2_030, threads: [main(.running(cpu: 0), line: 14)], completed: 1),
                  output: "done\n"),
            .init(machine: Scripted.machine(now: 2_040, threads: [main(.terminated(exitCode: 0), line: nil)], completed: 1)),
        ])
    }

    // MARK: - Completion port: program by path, port/event/file checkpoints, budget

    static let port = """
        ---
        id: sample-port
        title: How the port wakes threads
        order: 11
        view: port
        program: programs/pool.c
        settings:
          cpus: 2
        ---

        ## Step: Two threads wait

        ```step
        stop: the port has 2 waiting
        check:
          - port hPort limit is 2
          - the port queue holds 0 packets
        ```

        ## Step: Who gets the first packet?

        ```step
        question:
          ask: The first read completes. Which waiting thread gets its packet?
          choices:
            - text: T2, which waited first
              when: thread T2 is running
            - text: T3, which waited last
              when: thread T3 is running
          answer: b
          reveal: completions reach 1
          explain: Waiting threads are woken last-in, first-out.
        hints:
          - Waiters form a stack.
        ```

        ## Step: The queue fills

        ```step
        stop: packet queued on the port
        budget: 50
        check:
          - expect: the port running is 2 of 2
            message: Both threads run, so the port is at its limit.
          - the port has 2 released
          - the port has 0 paused
          - the port queue holds 1 packets
          - event hDone is reset
          - the file is signaled
        ```

        ## Step: Later

        ```step
        stop: time reaches 1.5 ms
        check:
          - completions reach 4
          - event hDone is set
          - not thread main is terminated
        ```
        """

    static func portSimulation() -> ScriptedSimulation {
        func machine(_ now: UInt64, main: ThreadStateView = Scripted.wait("WaitForSingleObject"), t2: ThreadStateView,
                     t3: ThreadStateView, port: PortView, completed: Int, done: Bool = false) -> MachineView {
            Scripted.machine(now: now,
                         threads: [Scripted.thread(1, "main", main, line: 20), Scripted.thread(2, "T2", t2, line: 40),
                                   Scripted.thread(3, "T3", t3, line: 40)],
                         events: [Scripted.event(9, "hDone", signaled: done)],
                         files: [Scripted.file(8, "hFile", signaled: completed > 0)],
                         ports: [port], completed: completed)
        }
        let gqcs = Scripted.wait("GetQueuedCompletionStatus")
        return ScriptedSimulation(frames: [
            .init(machine: machine(0, main: .running(cpu: 0), t2: .ready, t3: .ready,
                                   port: Scripted.port(7, "hPort"), completed: 0)),
            .init(machine: machine(100, t2: gqcs, t3: gqcs, port: Scripted.port(7, "hPort", waiting: [3, 2]), completed: 0)),
            .init(machine: machine(600, t2: gqcs, t3: .running(cpu: 0),
                                   port: Scripted.port(7, "hPort", waiting: [2], released: [3], running: 1), completed: 1),
                  log: [Scripted.log(600, 3, .wake, "GetQueuedCompletionStatus", result: "1")]),
            .init(machine: machine(700, t2: .running(cpu: 1), t3: .running(cpu: 0),
                                   port: Scripted.port(7, "hPort", released: [2, 3], running: 2), completed: 2)),
            .init(machine: machine(800, t2: .running(cpu: 1), t3: .running(cpu: 0),
                                   port: Scripted.port(7, "hPort", queued: 1, released: [2, 3], running: 2), completed: 3)),
            .init(machine: machine(1_600, t2: .running(cpu: 1), t3: .running(cpu: 0),
                                   port: Scripted.port(7, "hPort", queued: 2, released: [2, 3], running: 2), completed: 4,
                                   done: true)),
        ], endless: true)
    }

    // MARK: - Compare: two panes in lockstep

    static let compare = """
        ---
        id: sample-compare
        title: Side by side
        order: 16
        view: compare
        programs:
          - { name: apc, title: Alertable I/O, inline: apc.c }
          - name: port
            title: Completion port
            inline: port.c
        ---

        ## Step: Race

        ```step
        stop: in port, completions reach 2
        check:
          - in apc, completions are 0
          - in "port", completions reach 2
        question:
          ask: Which finishes its third request first?
          choices:
            - text: The completion port
              when: in port, completions reach 3
            - text: Alertable I/O
              when: in apc, completions reach 3
          answer: a
          reveal: in port, completions reach 3
          explain: The pool handles completions on every CPU.
        ```

        ```c program apc.c
        int main(void) { return 0; }
        ```

        ```c program port.c
        int main(void) { return 0; }
        ```
        """

    /// A pane that completes one request every `interval` µs.
    static func steadySimulation(interval: UInt64, count: Int) -> ScriptedSimulation {
        ScriptedSimulation(frames: (0...count).map { n in
            .init(machine: Scripted.machine(now: UInt64(n) * interval,
                                        threads: [Scripted.thread(1, "main", .running(cpu: 0), line: 3)], completed: n))
        })
    }

    /// A factory that hands out scripted simulations by program file name.
    static func factory(_ simulations: [String: ScriptedSimulation]) -> SimulationFactory {
        { program, settings in
            guard var simulation = simulations[program.fileName] else {
                throw FactoryError(message: "no fake for \(program.fileName)")
            }
            // Like the real runtime, show the program's text as its source.
            if simulation.sourceFiles.isEmpty {
                simulation.sourceFiles = [SourceFile(name: program.fileName, text: program.source(applying: settings))]
            }
            return simulation
        }
    }

    struct FactoryError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static var standardFactory: SimulationFactory {
        factory([
            "alertable.c": alertableSimulation(),
            "pool.c": portSimulation(),
            "apc.c": steadySimulation(interval: 300, count: 4),
            "port.c": steadySimulation(interval: 100, count: 6),
        ])
    }
}
