import SimKernel

/// Tells one kernel event in one plain sentence, for screen readers and logs:
/// "2.900 ms: the disk finished main's read of 4 KiB into ior[0]; g_port
/// queued its packet; worker 4, the newest waiter, was released with it;
/// running 1 of 2."
///
/// Pure: the sentence is built from the typed trace events the event
/// produced and the machine's picture before and after it, so every name is
/// the program's own (thread descriptions, `OVERLAPPED` expressions, handle
/// variables). No terminal control, ASCII apart from "µs".
public enum Narrator {
    /// The sentence for one event: nil when the event left nothing to tell
    /// (no trace, no thread ran).
    public static func sentence(events: [TraceEvent], before: MachineView, after: MachineView) -> Narration? {
        var teller = Teller(before: before, after: after)
        for (index, event) in events.enumerated() {
            teller.tell(event, next: events[safe: index + 1])
        }
        if teller.clauses.isEmpty { teller.tellQuietProgress() }
        teller.tellPortCounts()
        guard !teller.clauses.isEmpty else { return nil }
        var text = teller.clauses.joined(separator: "; ")
        if !(text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!")) { text += "." }
        return Narration(time: after.now, text: text)
    }

    /// The sentence for the end of a run.
    public static func ending(_ outcome: SimulationOutcome, at time: UInt64) -> Narration {
        switch outcome {
        case .exited(let code): return Narration(time: time, text: "the program exited with code \(code).")
        case .fault(let message): return Narration(time: time, text: "the program stopped with a runtime error: \(firstLine(message)).")
        case .deadlock: return Narration(time: time, text: "the program deadlocked: every thread waits and nothing pending can wake one.")
        }
    }

    static func firstLine(_ text: String) -> String { String(text.prefix { $0 != "\n" }) }

    /// A call's or wake's result in words: the trace's "0 err=N" is "0" (and
    /// "last error N" when there is one: a zero is success for some calls and
    /// failure for others), "failed err=N" is "failed with error N".
    static func resultWords(_ event: TraceEvent) -> String? {
        guard !event.result.isEmpty else { return nil }
        guard let error = event.lastError else { return event.result }
        if event.result == "failed err=\(error)" { return "failed with error \(error)" }
        if event.returnValue == 0, event.result == "0 err=\(error)" { return error == 0 ? "0" : "0, last error \(error)" }
        return event.result
    }
}

/// Builds the clauses of one sentence; remembers, within the event, what a
/// later clause may refer back to (the request that just completed).
private struct Teller {
    let before: MachineView
    let after: MachineView
    var clauses: [String] = []
    /// Threads whose release was already told (their wake line adds nothing).
    var released: Set<Int> = []
    /// The label of the request completed last in this event, for its packet or routine.
    var lastCompletedLabel: String?
    /// Requests completed so far in this event, in order.
    var completedCount = 0
    /// Ports a packet moved through in this event, for "running N of M".
    var portsTouched: [Int] = []

    init(before: MachineView, after: MachineView) { self.before = before; self.after = after }

    // MARK: Names

    func threadName(_ id: Int?) -> String {
        guard let id else { return "the kernel" }
        return after.thread(id)?.name ?? before.thread(id)?.name ?? "thread \(id)"
    }

    func portName(_ id: Int) -> String {
        (after.ports.first { $0.object.id == id } ?? before.ports.first { $0.object.id == id })?.object.label ?? "the port"
    }

    static func requestPhrase(_ request: IORequestView) -> String {
        var text = "\(request.operation.rawValue) of \(NarrationWords.size(UInt64(request.length)))"
        if let label = request.overlappedLabel { text += request.operation == .read ? " into \(label)" : " from \(label)" }
        return text
    }

    /// Requests that are gone after the event: completed (or cancelled), oldest first.
    var finishedRequests: [IORequestView] {
        let remaining = Set(after.requests.map(\.id))
        return before.requests.filter { !remaining.contains($0.id) }
    }

    // MARK: Clauses

    mutating func tell(_ event: TraceEvent, next: TraceEvent?) {
        let who = threadName(event.thread)
        switch event.action {
        case .call:
            tellCall(event, who: who)
        case .block:
            clauses.append("\(who) \(waitPhrase(event))")
        case .wake:
            guard let thread = event.thread, !released.contains(thread) else { return }
            // A plain Sleep's wake says nothing more than "woke".
            let outcome = event.result == "woke" ? nil : Narrator.resultWords(event)
            clauses.append("\(who) woke from \(event.name)" + (outcome.map { " with \($0)" } ?? ""))
        case .ioStart:
            tellDeviceStart(event)
        case .ioComplete:
            tellCompletion(event)
        case .apcQueued:
            let target = next.flatMap { $0.action == .wake || $0.action == .apcRun ? $0.thread : nil }
                ?? after.threads.first { thread in
                    thread.apcQueue.count > (before.thread(thread.id)?.apcQueue.count ?? 0)
                }?.id
            var text = "a \(event.name)"
            if event.name == "completion routine", let label = lastCompletedLabel { text += " for \(label)" }
            text += target.map { " was queued to \(threadName($0))'s APC queue" } ?? " was queued"
            clauses.append(text)
        case .apcRun:
            let routine = before.thread(event.thread ?? -1)?.apcQueue.first?.routineName
            clauses.append("\(who) runs the \(event.name)" + (routine.map { " \($0)" } ?? ""))
        case .apcReturn:
            clauses.append("\(who) returned from the APC")
        case .packetQueued:
            if let port = event.objects.first { portsTouched.append(port) }
            let whose = lastCompletedLabel != nil ? "its packet" : "a packet"
            clauses.append("\(event.name) queued \(whose)")
        case .packetDequeued:
            tellDequeue(event, who: who)
        case .threadCreated:
            clauses.append("\(who) created a thread (\(event.name))")
        case .threadExited:
            if case .terminated(let code)? = after.thread(event.thread ?? -1)?.state {
                clauses.append("\(who) ended with code \(code)")
            } else {
                clauses.append("\(who) ended")
            }
        case .preempt:
            clauses.append(event.name == "slice" ? "\(who)'s time slice ended" : "\(who) was preempted by a thread of higher priority")
        case .note:
            clauses.append(event.name == "cancel" ? "\(who) cancelled a request" : "note: \(event.detail)")
        case .fault:
            clauses.append("\(who) faulted: \(Narrator.firstLine(event.result))")
        }
    }

    mutating func tellCall(_ event: TraceEvent, who: String) {
        if event.name == "SimNote" {
            clauses.append("note: \(event.detail)")
            return
        }
        if let thread = event.thread, ["ReadFile", "WriteFile", "ReadFileEx", "WriteFileEx"].contains(event.name) {
            let known = Set(before.requests.map(\.id))
            if let request = after.requests.first(where: { $0.thread == thread && !known.contains($0.id) }) {
                var text = "\(who) started a \(Self.requestPhrase(request)) at offset \(request.offset == 0 ? "0" : NarrationWords.size(request.offset))"
                if let done = request.completesAt {
                    text += ", which the disk finishes at \(NarrationWords.time(done))"
                } else {
                    text += ", which waits for the disk"
                }
                clauses.append(text)
                return
            }
        }
        var text = "\(who) called \(event.name)"
        // A call that ends its thread returns nothing.
        if !["ExitProcess", "ExitThread", "exit"].contains(event.name), let outcome = Narrator.resultWords(event) {
            text += outcome.hasPrefix("failed") ? " and \(outcome)" : " and got \(outcome)"
        }
        clauses.append(text)
    }

    func waitPhrase(_ event: TraceEvent) -> String {
        guard let thread = event.thread, case .waiting(let wait)? = after.thread(thread)?.state else {
            return "waits in \(event.name)"
        }
        var text = wait.alertable ? "waits alertably in \(wait.call)" : "waits in \(wait.call)"
        switch wait.reason {
        case .objects(let objects, let waitAll):
            let names = objects.map(\.label)
            if !names.isEmpty { text += " for " + NarrationWords.list(names, conjunction: waitAll ? "and" : "or") }
        case .completionPort(let port):
            text += " on \(port.label)"
        case .sleep:
            break
        case .synchronousIO:
            text += " for its I/O"
        }
        return text
    }

    mutating func tellDeviceStart(_ event: TraceEvent) {
        // A request issued by this event was told with its call.
        for request in after.requests where request.completesAt != nil {
            guard let old = before.requests.first(where: { $0.id == request.id }), old.completesAt == nil else { continue }
            clauses.append("the disk started \(threadName(request.thread))'s \(Self.requestPhrase(request))")
            return
        }
    }

    mutating func tellCompletion(_ event: TraceEvent) {
        let finished = finishedRequests
        guard completedCount < finished.count else {
            // Issued and completed within this event: the call said so.
            clauses.append("the \(event.name) completed at once" + (event.result == "STATUS_SUCCESS" ? "" : " with \(event.result)"))
            return
        }
        let request = finished[completedCount]
        completedCount += 1
        lastCompletedLabel = request.overlappedLabel
        var text = "the disk finished \(threadName(request.thread))'s \(Self.requestPhrase(request))"
        if event.result != "STATUS_SUCCESS", !event.result.isEmpty { text += " with \(event.result)" }
        clauses.append(text)
        // The file object's signal and an event named in the OVERLAPPED.
        for event in after.events where event.signaled {
            guard let old = before.events.first(where: { $0.object.id == event.object.id }), !old.signaled else { continue }
            clauses.append("\(event.object.label) is set")
        }
        for file in after.files where file.signaled {
            guard let old = before.files.first(where: { $0.object.id == file.object.id }), !old.signaled else { continue }
            clauses.append("the file object \(file.object.label) is signaled")
        }
    }

    mutating func tellDequeue(_ event: TraceEvent, who: String) {
        guard let thread = event.thread else { return }
        let port = before.ports.first { $0.waiting.contains(thread) } ?? before.ports.first { $0.object.id == after.thread(thread)?.associatedPort }
        if let port { portsTouched.append(port.object.id) }
        let label = port?.queue.first?.overlappedLabel ?? lastCompletedLabel
        let packet = label.map { "the packet for \($0)" } ?? "a packet"
        if let port, let position = port.waiting.firstIndex(of: thread) {
            let which = port.waiting.count == 1 ? "the only waiter" : position == 0 ? "the newest waiter" : "a waiter"
            clauses.append("\(who), \(which), was released with \(packet)")
            released.insert(thread)
        } else {
            clauses.append("\(who) took \(packet) without waiting")
        }
    }

    /// An event with no trace: a thread ran statements (its CPU time grew).
    mutating func tellQuietProgress() {
        for thread in after.threads {
            let old = before.thread(thread.id)?.cpuTime ?? 0
            guard thread.cpuTime > old else { continue }
            clauses.append("\(thread.name) ran for \(NarrationWords.time(thread.cpuTime - old))")
        }
    }

    /// "running 1 of 2" for each port a packet went through.
    mutating func tellPortCounts() {
        var told: Set<Int> = []
        for id in portsTouched where !told.contains(id) {
            told.insert(id)
            guard let port = after.ports.first(where: { $0.object.id == id }) else { continue }
            var text = "running \(port.running) of \(port.limit)"
            if !port.queue.isEmpty { text += port.queue.count == 1 ? ", 1 packet queued" : ", \(port.queue.count) packets queued" }
            clauses.append(text)
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// One told event: when, and what happened, as a sentence without the time.
public struct Narration: Sendable, Equatable {
    public var time: UInt64
    public var text: String
    public init(time: UInt64, text: String) { self.time = time; self.text = text }

    /// "2.04 ms: TEXT", or "2.04 ms, PANE: TEXT" when several programs are told together.
    public func line(pane: String? = nil) -> String {
        NarrationWords.time(time) + (pane.map { ", \($0)" } ?? "") + ": " + text
    }
}
