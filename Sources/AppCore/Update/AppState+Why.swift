import SimRuntime

/// `w`: why is the selected thread where it is? Opens the "Why" overlay with
/// the kernel's recorded causes; Enter steps the session back to a cause.
extension AppState {
    mutating func whyAction(_ action: Action) -> [Effect] {
        switch action {
        case .why:
            guard var session, session.panes.indices.contains(session.selectedPane) else { return [] }
            let pane = session.panes[session.selectedPane]
            guard let thread = pane.selectedThread ?? pane.machine.threads.first?.id,
                  let view = pane.machine.thread(thread) else {
                status = "No thread to explain"
                return []
            }
            let links = pane.simulation.why(thread: thread)
            overlay = .why(WhyState(pane: session.selectedPane, thread: thread, subject: view.name, links: links))
            session.running = false
            self.session = session
            return [.cancelTick]
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
            status = "Stepped back to \(WhyOverlay.time(session.clock))"
            return [.cancelTick]
        default:
            return []
        }
    }
}
