import SimKernel
import SimRuntime

/// A tiny simulation for tests: a list of event times; each step moves one
/// thread between running and waiting and counts a handled completion.
struct FakeSimulation: Simulation {
    var title: String
    var eventTimes: [UInt64]
    var position = 0
    /// Answer false for the step that ends the run (as a real runtime may).
    var falseOnLastStep = false
    /// What the program printed (the same at every step).
    var printed = ""

    init(title: String, eventTimes: [UInt64]) {
        self.title = title
        self.eventTimes = eventTimes
    }

    var sourceFiles: [SourceFile] { [SourceFile(name: "fake.c", text: "int main(void)\n{\n    work();\n    wait();\n}\n")] }

    var machine: MachineView {
        let now = position == 0 ? 0 : eventTimes[position - 1]
        let state: ThreadStateView = position % 2 == 0
            ? .running(cpu: 0)
            : .waiting(WaitView(reason: .sleep, alertable: false, deadline: nil, call: "Sleep"))
        var view = MachineView(now: now, cpuCount: 1, cpus: [1], threads: [
            ThreadView(id: 1, name: "main", state: state,
                       stack: [CodeLocation(file: "fake.c", line: 3 + position % 2, column: 5)]),
            ThreadView(id: 2, name: "T2", state: .ready),
        ])
        view.counters.handledCompletions = position
        view.counters.requestsCompleted = position
        return view
    }

    var log: [LogEntry] {
        (0..<position).map { LogEntry(time: eventTimes[$0], thread: 1, action: "note", result: "", text: "event \($0)") }
    }
    var output: String { printed }
    var outcome: SimulationOutcome? { position == eventTimes.count ? .exited(code: 0) : nil }

    mutating func stepEvent() -> Bool {
        guard position < eventTimes.count else { return false }
        position += 1
        return !(falseOnLastStep && position == eventTimes.count)
    }


    mutating func nextEventTime() -> UInt64? { position < eventTimes.count ? eventTimes[position] : nil }

    /// Each event is one statement of thread 1 (which then stands on the other line).
    func statementMark(thread: Int) -> StatementMark? {
        StatementMark(statements: position, location: machine.thread(thread)?.location, waiting: false,
                      ended: outcome != nil)
    }

    mutating func setStatementThread(_ thread: Int?) {}
}
