import SimRuntime

/// Lockstep stepping, statement stepping, step back and restart.
extension Session {
    /// Advances every kernel whose next event is the earliest: each pane's
    /// next event is tried on a copy, and only panes whose event falls at the
    /// minimum time keep it. Returns false when nothing could step.
    @discardableResult
    public mutating func stepLockstep() -> Bool {
        var candidates: [(index: Int, simulation: any Simulation, time: UInt64)] = []
        for index in panes.indices where !panes[index].isFinished {
            if let next = panes[index].lookahead {
                candidates.append((index, next.simulation, next.time))
                continue
            }
            var copy = panes[index].simulation
            // A simulation may answer false for the very step that ends it;
            // that step still counts.
            if copy.stepEvent() || copy.outcome != nil {
                let time = copy.machine.now
                panes[index].lookahead = (copy, time)
                candidates.append((index, copy, time))
            }
        }
        guard let earliest = candidates.map(\.time).min() else { return false }
        pushHistory()
        for candidate in candidates where candidate.time == earliest {
            panes[candidate.index].simulation = candidate.simulation
            panes[candidate.index].recordSample()
        }
        clock = max(clock, earliest)
        steps += 1
        noteDivergence()
        return true
    }

    /// One statement of the selected thread in the selected pane.
    @discardableResult
    public mutating func stepSelectedStatement() -> Bool {
        guard panes.indices.contains(selectedPane), !panes[selectedPane].isFinished,
              let thread = panes[selectedPane].selectedThread else { return false }
        var copy = panes[selectedPane].simulation
        guard copy.stepStatement(thread: thread) || copy.outcome != nil else { return false }
        pushHistory()
        panes[selectedPane].simulation = copy
        panes[selectedPane].recordSample()
        clock = max(clock, copy.machine.now)
        steps += 1
        noteDivergence()
        return true
    }

    /// Returns to the state before the last step. False when there is none.
    @discardableResult
    public mutating func stepBack() -> Bool {
        guard let previous = history.popLast() else { return false }
        restore(previous)
        return true
    }

    /// Back to the very start, forgetting history.
    public mutating func restart() {
        panes = initialPanes
        clock = 0
        steps = 0
        divergence = nil
        history = []
        running = false
    }

    private mutating func pushHistory() {
        if history.count >= Session.historyLimit { history.removeFirst(history.count - Session.historyLimit + 1) }
        history.append(snapshot)
    }

    /// The panes diverge when, at the same virtual time, they have completed
    /// or handled different numbers of requests; noted once.
    private mutating func noteDivergence() {
        guard divergence == nil, panes.count > 1 else { return }
        let done = panes.map { $0.machine.counters.requestsCompleted }
        let handled = panes.map { $0.machine.counters.handledCompletions }
        if done.contains(where: { $0 != done[0] }) || handled.contains(where: { $0 != handled[0] }) {
            divergence = Divergence(time: clock, done: done, handled: handled)
        }
    }
}
