import SimKernel
import SimRuntime

extension Condition {
    /// Semaphores, mutexes, `OVERLAPPED` fields and a thread's last call.
    func evaluateObject(in pane: ConditionContext.Pane) -> ConditionEvaluation {
        let machine = pane.machine
        switch self {
        case .semaphore(let selector, let comparison):
            guard let semaphore = selector.pick(machine.semaphores, label: { [$0.object.label] }) else {
                return missing(selector.subject("semaphore"), "semaphores", machine.semaphores.map(\.object.label))
            }
            return ConditionEvaluation(holds: comparison.holds(for: Int(semaphore.count)),
                                       found: "semaphore \(semaphore.object.label) count is \(semaphore.count) of at most \(semaphore.maximum)")
        case .mutex(let selector, let predicate):
            guard let mutex = selector.pick(machine.mutexes, label: { [$0.object.label] }) else {
                return missing(selector.subject("mutex"), "mutexes", machine.mutexes.map(\.object.label))
            }
            let owner = mutex.owner.flatMap { machine.thread($0) }
            let state = mutex.abandoned ? "abandoned" : owner.map { "owned by \($0.name)" } ?? "free"
            let found = "mutex \(mutex.object.label) is \(state)"
            switch predicate {
            case .free: return ConditionEvaluation(holds: mutex.owner == nil && !mutex.abandoned, found: found)
            case .abandoned: return ConditionEvaluation(holds: mutex.abandoned, found: found)
            case .owned(let ref):
                let holds = mutex.owner != nil && (ref.map { machine.thread(matching: $0)?.id == mutex.owner } ?? true)
                return ConditionEvaluation(holds: holds, found: found)
            }
        case .overlapped(let label, let field, let comparison):
            guard let overlapped = machine.overlappeds.first(where: { $0.label == label })
                    ?? machine.overlappeds.first(where: { $0.label.lowercased() == label.lowercased() }) else {
                return missing("OVERLAPPED \(quotedIfNeeded(label)) passed to the kernel", "OVERLAPPEDs",
                               machine.overlappeds.map(\.label))
            }
            let value: UInt64
            let shown: String
            switch field {
            case .internal:
                value = UInt64(overlapped.status)
                shown = StatusNames.text(overlapped.status)
            case .internalHigh:
                value = overlapped.bytes
                shown = "\(value)"
            case .offset:
                value = overlapped.offset & 0xFFFF_FFFF
                shown = "\(value)"
            }
            return ConditionEvaluation(holds: comparison.holds(for: Int(clamping: value)),
                                       found: "overlapped \(overlapped.label) \(field.rawValue) is \(shown)")
        case .thread(let ref, .lastCall(let result)):
            guard let thread = machine.thread(matching: ref) else {
                return ConditionEvaluation(holds: false, found: "no thread \(ref.conditionText) (threads: \(machine.threadNames))")
            }
            let subject = "thread \(ThreadRef.name(thread.name).conditionText)"
            guard let last = pane.lastCalls[thread.id] else {
                return ConditionEvaluation(holds: false, found: "\(subject) has made no Win32 call")
            }
            return ConditionEvaluation(holds: last.result == result,
                                       found: "\(subject) last call \(last.name) returned \(last.result)")
        default:
            return ConditionEvaluation(holds: false, found: "")
        }
    }

    private func missing(_ what: String, _ plural: String, _ labels: [String]) -> ConditionEvaluation {
        ConditionEvaluation(holds: false, found: "no \(what) (\(plural): \(labels.isEmpty ? "none" : labels.joined(separator: ", ")))")
    }
}

extension PacketMatch {
    func matches(_ packet: PacketView) -> Bool {
        (key.map { $0 == packet.key } ?? true) && (bytes.map { $0 == Int(packet.bytes) } ?? true)
            && (status.map { $0 == packet.status } ?? true)
            && (overlapped.map { $0 == packet.overlappedLabel || $0.lowercased() == packet.overlappedLabel?.lowercased() } ?? true)
    }
}

extension PacketView {
    /// "{key 2, bytes 4096, STATUS_SUCCESS, ov1}" as a message shows a queued packet.
    var conditionText: String {
        var parts = ["key \(key)", "bytes \(bytes)", StatusNames.text(status)]
        if let overlappedLabel { parts.append(overlappedLabel) }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
