import SimRuntime

/// Lockstep stepping, statement stepping, step back and restart.
extension Session {
    /// One step of the shared clock (`Lockstep.step`): every pane whose next
    /// event is the earliest handles it. Returns false when nothing could step.
    @discardableResult
    public mutating func stepLockstep() -> Bool {
        if script?.isEmpty == false { return stepScripted() }
        let before = snapshot
        guard applyLockstep() else { return false }
        record(.lockstep, before: before)
        return true
    }

    /// One statement of the selected thread in the selected pane, with every
    /// pane moving on the shared clock until it runs (`Lockstep.stepStatement`).
    @discardableResult
    public mutating func stepSelectedStatement() -> Bool {
        if script?.isEmpty == false { return stepScripted() }
        guard panes.indices.contains(selectedPane), let thread = panes[selectedPane].selectedThread else { return false }
        let before = snapshot
        guard applyStatement(pane: selectedPane, thread: thread) else { return false }
        record(.statement(pane: selectedPane, thread: thread), before: before)
        return true
    }

    /// Returns to the state before the last step. False when there is none.
    /// The selected pane and threads stay as they are.
    @discardableResult
    public mutating func stepBack() -> Bool {
        guard let last = history.popLast() else { return false }
        script?.insert(last.step, at: 0)
        let selections = panes.map(\.selectedThread)
        if let before = last.before {
            restore(before)
        } else {
            // The nearest earlier copy (or the start), then replay to here.
            let base = history.lastIndex { $0.before != nil }
            if let base, let copy = history[base].before {
                restore(copy)
            } else {
                restore(Snapshot(panes: initialPanes, clock: 0, steps: 0, divergence: nil))
            }
            for entry in history[(base ?? 0)...] { replay(entry.step) }
        }
        for index in panes.indices where index < selections.count {
            if let thread = selections[index], panes[index].machine.thread(thread) != nil {
                panes[index].selectedThread = thread
            }
        }
        return true
    }

    /// Back to the very start, forgetting history.
    public mutating func restart() {
        panes = initialPanes
        clock = 0
        steps = 0
        divergence = nil
        history = []
        checkpointSpacing = max(1, recentSnapshots)
        running = false
    }

    /// How many full copies the history holds now.
    public var keptSnapshots: Int { history.reduce(0) { $0 + ($1.before == nil ? 0 : 1) } }

    /// Takes the script's next move, recorded like any step.
    private mutating func stepScripted() -> Bool {
        guard let move = script?.first else { return false }
        let before = snapshot
        guard replay(move) else { return false }
        script?.removeFirst()
        record(move, before: before)
        return true
    }

    @discardableResult
    private mutating func replay(_ step: HistoryEntry.Step) -> Bool {
        switch step {
        case .lockstep: return applyLockstep()
        case .statement(let pane, let thread): return applyStatement(pane: pane, thread: thread)
        case .pausingStep:
            for index in panes.indices { panes[index].recorded.setPausesAtStatements(true) }
            defer { for index in panes.indices { panes[index].recorded.setPausesAtStatements(false) } }
            return applyLockstep()
        }
    }

    private mutating func applyLockstep() -> Bool {
        guard Lockstep.step(&panes, clock: &clock) else { return false }
        steps += 1
        noteDivergence()
        return true
    }

    private mutating func applyStatement(pane: Int, thread: Int) -> Bool {
        guard panes.indices.contains(pane), !panes[pane].isFinished else { return false }
        guard Lockstep.stepStatement(&panes, pane: pane, thread: thread, clock: &clock) else { return false }
        steps += 1
        noteDivergence()
        return true
    }

    /// Appends a step and thins old copies: the latest `recentSnapshots`
    /// keep theirs; older ones only at multiples of `checkpointSpacing`, and
    /// the spacing doubles when more than `maxCheckpoints` would remain.
    private mutating func record(_ step: HistoryEntry.Step, before: Snapshot) {
        history.append(HistoryEntry(step: step, before: before))
        forgetOldestSteps()
        let leaving = history.count - 1 - max(1, recentSnapshots)
        guard leaving >= 0 else { return }
        if leaving % checkpointSpacing != 0 {
            history[leaving].before = nil
            return
        }
        // Kept checkpoints are the multiples of the spacing up to `leaving`.
        if leaving / checkpointSpacing + 1 > max(1, maxCheckpoints) {
            let old = checkpointSpacing
            checkpointSpacing *= 2
            for index in stride(from: old, through: leaving, by: 2 * old) { history[index].before = nil }
        }
    }

    /// Keeps a long run in bounded memory: past `maxHistory` steps the
    /// oldest are forgotten, cut at a kept copy so every remaining step can
    /// still be restored exactly (step back then reaches that far, no further).
    private mutating func forgetOldestSteps() {
        guard history.count > maxHistory + maxHistory / 4 else { return }
        let earliest = history.count - maxHistory
        let cut = history[earliest...].firstIndex { $0.before != nil } ?? history[..<earliest].lastIndex { $0.before != nil }
        if let cut, cut > 0 { history.removeFirst(cut) }
    }

    /// The panes diverge when, at the same virtual time, they have completed
    /// or handled different numbers of requests; noted once. Only once every
    /// event of the moment T has been handled: events at one moment take a
    /// step each, and panes that all finish a read at T are not different
    /// halfway through T.
    private mutating func noteDivergence() {
        guard divergence == nil, panes.count > 1 else { return }
        if let next = Lockstep.nextTime(&panes, clock: clock), next <= clock { return }
        let done = panes.map { $0.machine.counters.requestsCompleted }
        let handled = panes.map { $0.machine.counters.handledCompletions }
        if done.contains(where: { $0 != done[0] }) || handled.contains(where: { $0 != handled[0] }) {
            divergence = Divergence(time: clock, done: done, handled: handled)
        }
    }
}
