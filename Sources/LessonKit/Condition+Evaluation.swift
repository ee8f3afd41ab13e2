import SimKernel
import SimRuntime

extension Condition {
    /// Evaluates the condition in the context's first pane (or the pane it names).
    public func evaluate(in context: ConditionContext) -> ConditionEvaluation {
        guard let first = context.panes.first else { return ConditionEvaluation(holds: false, found: "no simulation is running") }
        return evaluate(in: context, pane: first)
    }

    private func evaluate(in context: ConditionContext, pane: ConditionContext.Pane) -> ConditionEvaluation {
        let machine = pane.machine
        switch self {
        case .not(let inner):
            let result = inner.evaluate(in: context, pane: pane)
            return ConditionEvaluation(holds: !result.holds, found: result.found)
        case .and(let parts):
            let results = parts.map { $0.evaluate(in: context, pane: pane) }
            let failing = results.filter { !$0.holds }
            return ConditionEvaluation(holds: failing.isEmpty,
                                       found: (failing.isEmpty ? results : failing).map(\.found).joined(separator: "; "))
        case .or(let parts):
            let results = parts.map { $0.evaluate(in: context, pane: pane) }
            let holding = results.filter(\.holds)
            return ConditionEvaluation(holds: !holding.isEmpty,
                                       found: (holding.isEmpty ? results : holding).map(\.found).joined(separator: "; "))
        case .semaphore, .mutex, .overlapped, .thread(_, .lastCall):
            return evaluateObject(in: pane)
        case .pane(let name, let inner):
            guard let named = context.panes.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                return ConditionEvaluation(holds: false, found: "no pane named '\(name)'")
            }
            return inner.evaluate(in: context, pane: named)
        case .thread(let ref, let predicate):
            guard let thread = machine.thread(matching: ref) else {
                return ConditionEvaluation(holds: false, found: "no thread \(ref.conditionText) (threads: \(machine.threadNames))")
            }
            return predicate.evaluate(thread)
        case .event(let selector, let signaled):
            guard let event = selector.pick(machine.events, label: { [$0.object.label] }) else {
                return ConditionEvaluation(holds: false, found: "no \(selector.subject("event")) (events: \(machine.events.map(\.object.label).joined(separator: ", ")))")
            }
            return ConditionEvaluation(holds: event.signaled == signaled,
                                       found: "event \(event.object.label) is \(event.signaled ? "set" : "reset")")
        case .eventCount(let comparison, let signaled):
            let matching = machine.events.filter { $0.signaled == signaled }
            return ConditionEvaluation(holds: comparison.holds(for: matching.count),
                                       found: "\(matching.count) of \(machine.events.count) events are \(signaled ? "set" : "reset")\(Self.listed(matching.map(\.object.label)))")
        case .threadCount(let comparison, let kind, let call):
            let predicate = ThreadPredicate.state(kind, call: call)
            let matching = machine.threads.filter { predicate.evaluate($0).holds }
            return ConditionEvaluation(holds: comparison.holds(for: matching.count),
                                       found: "\(matching.count) threads are \(kind.rawValue)\(call.map { " in \($0)" } ?? "")\(Self.listed(matching.map(\.name)))")
        case .file(let selector, let signaled):
            guard let file = selector.pick(machine.files, label: { [$0.object.label, $0.path] }) else {
                return ConditionEvaluation(holds: false, found: "no \(selector.subject("file")) (files: \(machine.files.map(\.object.label).joined(separator: ", ")))")
            }
            return ConditionEvaluation(holds: file.signaled == signaled,
                                       found: "file \(file.object.label) is \(file.signaled ? "signaled" : "not signaled")")
        case .port(let selector, let predicate):
            guard let port = selector.pick(machine.ports, label: { [$0.object.label] }) else {
                return ConditionEvaluation(holds: false, found: "no \(selector.subject("port")) (ports: \(machine.ports.map(\.object.label).joined(separator: ", ")))")
            }
            let before = pane.baseline.ports.first { $0.object.id == port.object.id }
            return predicate.evaluate(port, baseline: before)
        case .completions(let comparison):
            let done = machine.counters.requestsCompleted
            return ConditionEvaluation(holds: comparison.holds(for: done), found: "\(done) requests completed")
        case .time(let comparison):
            let now = Int(clamping: machine.now)
            return ConditionEvaluation(holds: comparison.holds(for: now), found: "the time is \(now) us")
        case .call(let name, let result, let threadRef):
            var threadID: Int?
            if let threadRef {
                guard let thread = machine.thread(matching: threadRef) else {
                    return ConditionEvaluation(holds: false, found: "no thread \(threadRef.conditionText) (threads: \(machine.threadNames))")
                }
                threadID = thread.id
            }
            let calls = pane.newLog.filter { entry in
                (threadID == nil || entry.thread == threadID) && entry.isCall(named: name)
            }
            // "WAIT_OBJECT_0+0" as lessons once wrote it matches the log's "WAIT_OBJECT_0".
            let hit = calls.contains { result == nil || $0.result == result || $0.result + "+0" == result }
            let found = calls.isEmpty
                ? "no \(name)\(threadRef.map { " by \($0.conditionText)" } ?? "") in the log since the step began"
                : "\(name) returned \(calls.map { $0.result.isEmpty ? "(nothing)" : $0.result }.joined(separator: ", "))"
            return ConditionEvaluation(holds: hit, found: found)
        case .logShows(let text):
            let hit = pane.newLog.contains { $0.text.contains(text) }
            return ConditionEvaluation(holds: hit, found: hit ? "the log shows it" : "no log line since the step began contains \(quoted(text))")
        case .outputContains(let text):
            let hit = pane.output.contains(text)
            let tail = pane.output.suffix(60)
            return ConditionEvaluation(holds: hit, found: hit ? "the output contains \(quoted(text))"
                                       : pane.output.isEmpty ? "\(program(pane)) printed nothing" : "the output ends with \(quoted(String(tail)))")
        case .warning(let text):
            return Self.warningRaised(text, in: pane)
        case .programEnds(let code):
            switch pane.outcome {
            case nil: return ConditionEvaluation(holds: false, found: "\(program(pane)) is still running")
            case .exited(let exitCode)?:
                return ConditionEvaluation(holds: code == nil || code == exitCode, found: "\(program(pane)) exited with \(exitCode)")
            case .fault(let message)?:
                return ConditionEvaluation(holds: code == nil, found: "\(program(pane)) faulted: \(message)")
            case .deadlock(let message)?:
                return ConditionEvaluation(holds: code == nil, found: "\(program(pane)) deadlocked: \(message)")
            }
        }
    }

    static func listed(_ names: [String]) -> String {
        names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"
    }

    /// The thread whose statements a stop condition is about, so the runner can
    /// step that thread statement by statement and not skip over the line.
    var steppedThread: (pane: String?, thread: ThreadRef)? {
        switch self {
        case .thread(let ref, .atLine): return (nil, ref)
        case .not(let inner): return inner.steppedThread
        case .and(let parts), .or(let parts): return parts.lazy.compactMap(\.steppedThread).first
        case .pane(let name, let inner): return inner.steppedThread.map { (name, $0.thread) }
        default: return nil
        }
    }

    /// The source line a stop condition waits for, if it is a line condition.
    var awaitedLine: (pane: String?, line: Int, file: String?)? {
        switch self {
        case .thread(_, .atLine(let line, let file)): return (nil, line, file)
        case .not(let inner): return inner.awaitedLine
        case .and(let parts), .or(let parts): return parts.lazy.compactMap(\.awaitedLine).first
        case .pane(let name, let inner): return inner.awaitedLine.map { (name, $0.line, $0.file) }
        default: return nil
        }
    }

    /// Which parts of a simulation the condition reads besides its machine.
    struct Needs {
        var log: Bool
        var output: Bool
        /// Each thread's last call result, from the whole log.
        var lastCalls = false
        static let all = Needs(log: true, output: true, lastCalls: true)
    }

    var needs: Needs {
        switch self {
        case .not(let inner), .pane(_, let inner): return inner.needs
        case .and(let parts), .or(let parts):
            return parts.reduce(Needs(log: false, output: false)) { needs, part in
                let more = part.needs
                return Needs(log: needs.log || more.log, output: needs.output || more.output,
                             lastCalls: needs.lastCalls || more.lastCalls)
            }
        case .thread(_, .lastCall): return Needs(log: false, output: false, lastCalls: true)
        case .call, .logShows, .warning: return Needs(log: true, output: false)
        case .outputContains: return Needs(log: false, output: true)
        default: return Needs(log: false, output: false)
        }
    }

    /// Every pane name the condition mentions, for checking them when the lesson loads.
    var paneNames: [String] {
        switch self {
        case .pane(let name, let inner): return [name] + inner.paneNames
        case .not(let inner): return inner.paneNames
        case .and(let parts), .or(let parts): return parts.flatMap(\.paneNames)
        default: return []
        }
    }
}

extension ThreadPredicate {
    func evaluate(_ thread: ThreadView) -> ConditionEvaluation {
        let subject = "thread \(ThreadRef.name(thread.name).conditionText)"
        switch self {
        case .atLine(let line, let file):
            guard let location = thread.location else {
                return ConditionEvaluation(holds: false, found: "\(subject) has no current line (\(thread.state.conditionText))")
            }
            let fileMatches = file.map { location.file == $0 || location.file.hasSuffix("/" + $0) } ?? true
            return ConditionEvaluation(holds: location.line == line && fileMatches,
                                       found: "\(subject) is at line \(location.line) of \(location.file)")
        case .state(let kind, let call):
            let holds: Bool
            switch (kind, thread.state) {
            case (.running, .running), (.ready, .ready), (.terminated, .terminated): holds = true
            case (.waiting, .waiting(let wait)): holds = call.map { $0 == wait.call } ?? true
            case (.waitingAlertably, .waiting(let wait)): holds = wait.alertable && (call.map { $0 == wait.call } ?? true)
            default: holds = false
            }
            return ConditionEvaluation(holds: holds, found: "\(subject) is \(thread.state.conditionText)")
        case .inAPC:
            return ConditionEvaluation(holds: thread.inAPC, found: "\(subject) is \(thread.inAPC ? "" : "not ")in an APC")
        case .apcQueue(let comparison):
            return ConditionEvaluation(holds: comparison.holds(for: thread.apcQueue.count),
                                       found: "\(subject) has \(counted(thread.apcQueue.count, "APC")) queued")
        case .lastError(let comparison):
            return ConditionEvaluation(holds: comparison.holds(for: Int(thread.lastError)),
                                       found: "\(subject) last error is \(thread.lastError)")
        case .lastCall:
            // Needs the log: `Condition.evaluateObject` answers it.
            return ConditionEvaluation(holds: false, found: "\(subject) has no call in the log")
        }
    }
}

/// "1 packet", "2 packets".
func counted(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }

/// The program a message is about: by its pane's name when the lesson names panes.
func program(_ pane: ConditionContext.Pane) -> String {
    // Named, so "the program is still running" says which one.
    if pane.name != "main" { return "program \(pane.name)" }
    return pane.title.map { "the program \($0)" } ?? "the program"
}

extension PortPredicate {
    func evaluate(_ port: PortView, baseline: PortView?) -> ConditionEvaluation {
        // "g_port", "hPort": the label already says it is a port.
        let subject = port.object.label.lowercased().contains("port") ? port.object.label : "port \(port.object.label)"
        func count(_ comparison: Comparison, _ value: Int, _ what: String) -> ConditionEvaluation {
            ConditionEvaluation(holds: comparison.holds(for: value), found: "\(subject) \(what)")
        }
        switch self {
        case .queue(let c): return count(c, port.queue.count, "queue holds \(counted(port.queue.count, "packet"))")
        case .waiting(let c): return count(c, port.waiting.count, "has \(port.waiting.count) waiting")
        case .released(let c): return count(c, port.released.count, "has \(port.released.count) released")
        case .paused(let c): return count(c, port.paused.count, "has \(port.paused.count) paused")
        case .running(let c, let limit):
            let holds = c.holds(for: port.running) && (limit.map { $0 == port.limit } ?? true)
            return ConditionEvaluation(holds: holds, found: "\(subject) running is \(port.running) of \(port.limit)")
        case .limit(let n):
            return ConditionEvaluation(holds: port.limit == n, found: "\(subject) limit is \(port.limit)")
        case .packet(let match):
            let hit = port.queue.contains { match.matches($0) }
            return ConditionEvaluation(holds: hit, found: "\(subject) queue holds " + (port.queue.isEmpty ? "no packets"
                : port.queue.map(\.conditionText).joined(separator: ", ")))
        case .packetQueued:
            let before = baseline?.queue.count ?? 0
            return ConditionEvaluation(holds: port.queue.count > before,
                                       found: "\(subject) queue holds \(counted(port.queue.count, "packet")) (\(before) when the step began)")
        }
    }
}

extension ThreadStateView {
    /// The state in the words conditions use.
    var conditionText: String {
        switch self {
        case .ready: return "ready"
        case .running(let cpu): return "running on CPU \(cpu)"
        case .waiting(let wait): return "\(wait.alertable ? "waiting alertably" : "waiting") in \(wait.call)"
        case .terminated(let code): return "terminated (exit code \(code))"
        }
    }
}

extension MachineView {
    func thread(matching ref: ThreadRef) -> ThreadView? {
        switch ref {
        case .id(let id): return thread(id)
        case .name(let name): return threads.first { $0.name == name }
        }
    }

    var threadNames: String {
        threads.isEmpty ? "none" : threads.map(\.name).joined(separator: ", ")
    }
}

extension ObjectSelector {
    /// The object this selector names: by label (exact, then ignoring case), or the first one.
    func pick<T>(_ objects: [T], label: (T) -> [String]) -> T? {
        switch self {
        case .only: return objects.first
        case .label(let wanted):
            return objects.first { label($0).contains(wanted) }
                ?? objects.first { label($0).contains { $0.lowercased() == wanted.lowercased() } }
        }
    }
}

extension LogEntry {
    /// True when the entry is the named Win32 call returning, blocking, or
    /// returning when its wait ended.
    func isCall(named call: String) -> Bool {
        (kind == .call || kind == .block || kind == .wake) && name == call && !isProgramNote
    }
}
