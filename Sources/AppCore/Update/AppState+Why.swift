import SimKernel
import SimRuntime

/// `w`: why is the selected thread where it is? Opens the "Why" overlay with
/// the kernel's recorded causes; Tab (Shift-Tab, Right, Left) moves to the
/// next thing the pane shows (its APCs, requests, packets, objects); Enter
/// steps the session back to a cause.
extension AppState {
    mutating func whyAction(_ action: Action) -> [Effect] {
        switch action {
        case .why:
            guard var session, session.panes.indices.contains(session.selectedPane) else { return [] }
            let pane = session.panes[session.selectedPane]
            let topics = WhyTopic.topics(in: pane.machine, selectedThread: pane.selectedThread)
            guard let first = topics.first, case .thread = first.subject else {
                status = "No thread to explain"
                return []
            }
            overlay = .why(WhyState(pane: session.selectedPane, topics: topics, links: pane.simulation.why(first.subject)))
            session.running = false
            self.session = session
            return [.cancelTick]
        case .whyNext(let delta):
            guard case .why(var state) = overlay, !state.topics.isEmpty, let session,
                  session.panes.indices.contains(state.pane) else { return [] }
            let count = state.topics.count
            state.current = ((state.current + delta) % count + count) % count
            state.links = session.panes[state.pane].simulation.why(state.topics[state.current].subject)
            state.selected = 0
            overlay = .why(state)
            return []
        case .whyMove(let delta):
            guard case .why(var state) = overlay else { return [] }
            state.move(by: delta)
            overlay = .why(state)
            return []
        case .whyJump:
            guard case .why(let state) = overlay, state.links.indices.contains(state.selected), var session else { return [] }
            let target = state.links[state.selected].time
            overlay = nil
            // Back step by step (each restored exactly) until the clock is at the cause's moment.
            while session.clock > target, session.stepBack() {}
            session.running = false
            self.session = session
            status = "Stepped back to \(CauseLink.milliseconds(session.clock))"
            return [.cancelTick]
        default:
            return []
        }
    }
}
