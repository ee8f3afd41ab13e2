import TUI

/// Applies recorded inputs to the app's state exactly as `AppRunner` applies
/// live ones, so a replay goes through the same `update` as the recording did.
extension AppState {
    /// One recorded input. `size` is the terminal's size, which a resize
    /// changes and a click is mapped with. Effects that only the shell has
    /// (ticks scheduled, progress saved) are dropped: ticks are recorded
    /// inputs of their own, and a replay writes nothing.
    public mutating func apply(_ input: RecordedInput, size: inout Size) {
        switch input {
        case .resize(let newSize):
            size = newSize
        case .tick(let steps):
            let counter = TickCounter()
            perform(.tick(TickBudget { counter.count() < steps }))
        case .key, .click, .scroll, .wheel:
            let grid = view(size: size)
            if let action = AppRunner.action(for: input.event, in: self, lastGrid: grid) { perform(action) }
        }
    }

    /// The input as the terminal delivered it.
    private mutating func perform(_ action: Action) {
        var pending = update(action)
        while !pending.isEmpty {
            if pending.removeFirst() == .quit { finished = true }
        }
    }
}

extension RecordedInput {
    /// The terminal event this input was (ticks are not events).
    var event: InputEvent {
        switch self {
        case .key(let key): return .key(key)
        case .click(let x, let y): return .click(x: x, y: y)
        case .scroll(let up): return up ? .scrollUp : .scrollDown
        case .wheel(let up, let x, let y): return .wheel(up: up, x: x, y: y)
        case .resize(let size): return .resize(size)
        case .tick: return .resize(Size(width: 0, height: 0))
        }
    }

    /// The input a terminal event is, for the recorder; nil for events that change nothing (terminate).
    init?(_ event: InputEvent) {
        switch event {
        case .key(let key): self = .key(key)
        case .click(let x, let y): self = .click(x: x, y: y)
        case .scrollUp: self = .scroll(up: true)
        case .scrollDown: self = .scroll(up: false)
        case .wheel(let up, let x, let y): self = .wheel(up: up, x: x, y: y)
        case .resize(let size): self = .resize(size)
        case .terminate: return nil
        }
    }
}

/// Counts a tick's steps: `TickBudget` is asked once after every step it takes.
final class TickCounter: @unchecked Sendable {
    private var calls = 0
    /// Calls so far, this one included, minus one: the steps taken before this question.
    func count() -> Int {
        calls += 1
        return calls
    }
    var steps: Int { calls }
}
