import SimKernel
import SimRuntime

extension ScriptedSimulation {
    /// A run with events at `eventTimes` and nothing else to show: at each
    /// event thread 1 ("main") swaps between running and sleeping and between
    /// lines 3 and 4 of its source, one more completion is handled, and the
    /// log gains a note. Thread 2 stays ready. For tests about stepping,
    /// clocks and history, where the machine's content does not matter.
    public static func alternating(title: String, eventTimes: [UInt64]) -> ScriptedSimulation {
        let source = SourceFile(name: "fake.c", text: "int main(void)\n{\n    work();\n    wait();\n}\n")
        let frames = (0...eventTimes.count).map { position in
            Frame(machine: alternatingMachine(position: position, now: position == 0 ? 0 : eventTimes[position - 1]),
                  log: position == 0 ? [] : [LogEntry(time: eventTimes[position - 1], thread: 1, kind: .note, name: "",
                                                      result: "", text: "event \(position - 1)")])
        }
        return ScriptedSimulation(title: title, sourceFiles: [source], frames: frames)
    }

    private static func alternatingMachine(position: Int, now: UInt64) -> MachineView {
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
}
