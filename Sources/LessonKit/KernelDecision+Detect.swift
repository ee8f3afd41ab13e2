import SimKernel
import SimRuntime

extension KernelDecision {
    /// The decision the kernel made in one move of the simulation, if it
    /// made the kind asked about: found by comparing the machine before and
    /// after, and from the trace entries the move added.
    static func detect(_ kind: Decision.Kind, before: MachineView, after: MachineView, added: [LogEntry]) -> KernelDecision? {
        switch kind {
        case .portReleases:
            guard let old = before.ports.first, let new = after.ports.first(where: { $0.object == old.object }) else { return nil }
            guard let released = old.waiting.first(where: { !new.waiting.contains($0) }) else { return nil }
            return .thread(id: released, name: after.thread(released)?.name ?? "T\(released)")
        case .portRunning:
            guard let old = before.ports.first, let new = after.ports.first(where: { $0.object == old.object }),
                  new.running != old.running else { return nil }
            return .number(UInt64(new.running))
        case .apcRuns(let ref):
            guard let old = before.thread(matching: ref), let new = after.thread(old.id),
                  new.apcQueue.count < old.apcQueue.count else { return nil }
            let index = old.apcQueue.indices.first { $0 >= new.apcQueue.count || old.apcQueue[$0] != new.apcQueue[$0] } ?? 0
            return .number(UInt64(index + 1))
        case .waitReturns(let ref, let call):
            guard let thread = before.thread(matching: ref) else { return nil }
            let returned = added.first { $0.thread == thread.id && $0.name == call && $0.returnValue != nil }
            return returned?.returnValue.map { .number($0) }
        case .callBlocks(let ref, let call):
            guard let thread = before.thread(matching: ref) else { return nil }
            guard let entry = added.first(where: { $0.thread == thread.id && $0.name == call }) else { return nil }
            return .flag(entry.kind == .block)
        }
    }

    /// True when `value`, read in `machine` (the decision point), names this decision.
    func matches(_ value: Decision.Value, in machine: MachineView) -> Bool {
        switch (self, value) {
        case (.thread(let id, _), .thread(let ref)): return machine.thread(matching: ref)?.id == id
        case (.number(let n), .number(let m)): return n == m
        case (.flag(let a), .flag(let b)): return a == b
        default: return false
        }
    }
}

extension LessonRun {
    /// Where a decision is made: the kernel's decision and the moves from
    /// where the run was to the state just before it.
    public struct DecisionPoint: Sendable, Equatable {
        public var decision: KernelDecision
        /// Index of the option that names it, nil when none does.
        public var option: Int?
        public var moves: Int
    }

    /// Advances move by move until the next move makes the decision, and
    /// stops just before it (the decision not yet made). Nil when the
    /// programs end or `budget` moves pass first.
    public mutating func advance(toDecision decide: Decision, budget: Int) -> DecisionPoint? {
        var moves = 0
        while moves < budget, recorded.indices.contains(0) {
            let before = self
            let logBefore = recorded[0].simulation.logCount
            guard step() else { return nil }
            let added = recorded[0].simulation.logCount - logBefore
            let entries = added > 0 ? recorded[0].simulation.recentLog(added) : []
            if let decision = KernelDecision.detect(decide.kind, before: before.recorded[0].machine,
                                                    after: recorded[0].machine, added: entries) {
                self = before
                let machine = recorded[0].machine
                let option = decide.options.firstIndex { decision.matches($0.value, in: machine) }
                return DecisionPoint(decision: decision, option: option, moves: moves)
            }
            moves += 1
        }
        return nil
    }
}
