import SimKernel
import Win32C

/// How a run explains its end: runtime faults and deadlocks with each
/// thread's state, and the end-of-run metrics.
extension ProgramRun {
    /// `FILE:LINE:COL: runtime error: MESSAGE`, then one line per thread.
    func faultReport(thread: Int, kernelMessage: String) -> String {
        var lines: [String]
        if let recorded = runtimeState?.fault {
            lines = [recorded.fault.rendered(fileName: fileName)]
        } else {
            lines = [kernelMessage]
        }
        lines.append("threads:")
        lines += threadLines(faulted: thread)
        return lines.joined(separator: "\n")
    }

    func deadlockReport(_ report: DeadlockReport) -> String {
        let view = kernel.view()
        // Point at the main thread's wait when it is one of the blocked, else the first blocked thread's.
        let blocked = report.threads.map(\.thread)
        let anchor = blocked.contains(1) ? 1 : blocked.first
        let location = anchor.flatMap { view.thread($0)?.location }
        let place = location.map { "\($0.file):\($0.line):\($0.column)" } ?? fileName
        var lines = ["\(place): runtime error: deadlock: every thread is blocked and nothing pending can wake one "
                     + "(t=\(report.time)us)"]
        lines.append("threads:")
        lines += threadLines(faulted: nil)
        return lines.joined(separator: "\n")
    }

    /// A run stopped by its event or virtual-time budget: located at the
    /// main thread when it still runs, else at the first live thread.
    func budgetReport(_ message: String) -> String {
        let view = kernel.view()
        let live = view.threads.filter { if case .terminated = $0.state { return false } else { return true } }
        let anchor = live.first { $0.id == 1 } ?? live.first
        let place = anchor?.location.map { "\($0.file):\($0.line):\($0.column)" } ?? fileName
        var lines = ["\(place): runtime error: \(message)"]
        lines.append("threads:")
        lines += threadLines(faulted: nil)
        return lines.joined(separator: "\n")
    }

    /// One line per thread: name, state, what it waits on, where it is.
    func threadLines(faulted: Int?) -> [String] {
        kernel.view().threads.map { t in
            var line = "  T\(t.id) \"\(t.name)\": "
            switch t.state {
            case .ready: line += "ready"
            case .running(let cpu): line += t.id == faulted ? "faulted" : "running on CPU \(cpu)"
            case .waiting(let wait): line += "blocked in " + Self.describe(wait)
            case .terminated(let code): line += "exited with code \(code)"
            }
            if case .terminated = t.state { return line }
            if let here = t.location {
                line += " at \(here.file):\(here.line):\(here.column)"
                if !here.function.isEmpty { line += " in \(here.function)" }
            }
            if t.inAPC { line += " (inside an APC)" }
            return line
        }
    }

    static func describe(_ wait: WaitView) -> String {
        var text = wait.call
        switch wait.reason {
        case let .objects(refs, all):
            let names = refs.map(\.label).joined(separator: ", ")
            text += refs.count > 1 ? " on \(all ? "all" : "any") of [\(names)]" : " on \(names)"
        case .sleep:
            break
        case .completionPort(let port):
            text += " on \(port.label)"
        case .synchronousIO(let file):
            text += " for I/O on \(file.label)"
        }
        let timeout = wait.deadline.map { "until t=\($0)us" } ?? "INFINITE"
        return text + " (\(timeout)\(wait.alertable ? ", alertable" : ""))"
    }

    // MARK: Metrics

    /// Statements executed by all threads.
    public var statements: Int { runtimeState?.statements ?? 0 }

    /// End-of-run metrics as one JSON object on one line (`--stats`). Keys
    /// are stable; threads are listed by id.
    public var statsJSON: String {
        let view = kernel.view()
        let c = view.counters
        var threads: [String] = []
        for t in view.threads {
            let body = kernel.body(ofThread: t.id) as? CThreadBody
            threads.append("{\"id\":\(t.id),\"name\":\(JSONText.string(t.name)),\"cpu_time_us\":\(t.cpuTime),"
                           + "\"statements\":\(body?.statements ?? 0)}")
        }
        var fields = [
            "\"virtual_time_us\":\(view.now)",
            "\"statements\":\(statements)",
            "\"kernel_events\":\(c.kernelEvents)",
            "\"context_switches\":\(c.contextSwitches)",
            "\"preemptions\":\(c.preemptions)",
            "\"ios_issued\":\(c.requestsIssued)",
            "\"ios_completed\":\(c.requestsCompleted)",
            "\"wakeups\":\(c.wakeups)",
            "\"cpus\":\(view.cpuCount)",
            "\"cpu_busy_us\":[\(c.cpuBusy.map(String.init).joined(separator: ","))]",
        ]
        switch outcome {
        case .exited(let code)?: fields.append("\"outcome\":\"exited\",\"exit_code\":\(code)")
        case .fault?: fields.append("\"outcome\":\"fault\"")
        case .deadlock?: fields.append("\"outcome\":\"deadlock\"")
        case nil: fields.append("\"outcome\":\"running\"")
        }
        fields.append("\"threads\":[\(threads.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
