/// The mouse wheel scrolls the pane under the pointer.
extension AppState {
    mutating func wheel(_ target: WheelTarget, up: Bool) -> [Effect] {
        let sign = up ? -1 : 1
        switch target {
        case .source: return update(.scrollSource(delta: WheelTarget.notch * sign))
        case .output: return update(.scrollOutput(delta: WheelTarget.notch * sign))
        case .log: return update(.scrollLog(delta: WheelTarget.notch * sign))
        case .lessonText: return update(.lesson(.scroll(WheelTarget.notch * sign)))
        case .threads(let pane):
            // That pane's selection moves (its list and timeline follow it), selected pane or not.
            guard var current = session, current.panes.indices.contains(pane) else { return [] }
            current.panes[pane].jumpSelection(by: sign)
            if pane == current.selectedPane { current.sourceScroll = 0 }
            session = current
            return []
        }
    }
}
