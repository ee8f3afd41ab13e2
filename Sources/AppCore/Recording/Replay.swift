import SimRuntime
import TUI

/// A recording played back: the app's state after each recorded input,
/// computed with the same `update` the recording ran, so every step can be
/// shown exactly, forward and back.
///
/// `states[0]` is the start; `states[k]` the state after `k` inputs.
public struct Replay: Sendable {
    public let recording: Recording
    public private(set) var states: [AppState]
    /// The terminal size at each state (inputs of kind `resize` change it).
    public private(set) var sizes: [Size]

    /// Plays `recording` from `start` (the state the recorded command opened with).
    public init(recording: Recording, start: AppState) {
        self.recording = recording
        var state = start
        var size = recording.size
        states = [state]
        sizes = [size]
        states.reserveCapacity(recording.steps.count + 1)
        for input in recording.steps {
            state.apply(input, size: &size)
            states.append(state)
            sizes.append(size)
            if state.finished { break }
        }
    }

    /// How many inputs were played (fewer than recorded when the app quit on one).
    public var stepCount: Int { states.count - 1 }

    /// The screen at step `index`, at the recorded size or `size`.
    public func frame(_ index: Int, size: Size? = nil) -> Grid {
        let index = min(max(0, index), states.count - 1)
        return states[index].view(size: size ?? sizes[index])
    }

    /// A name for step `index` (1-based inputs; 0 is the start): the input
    /// and where the lesson or the clock was then, e.g.
    /// "3. key → · Step 2: The port's queue" or "5. key s · T = 2.9 ms".
    public func stepName(_ index: Int) -> String {
        let index = min(max(0, index), states.count - 1)
        let state = states[index]
        let input = index == 0 ? "start" : "\(index). \(recording.steps[index - 1].label)"
        if let lesson = state.lesson {
            let session = lesson.lesson
            return "\(input) · Step \(session.stepIndex + 1): \(session.step.title)"
        }
        if let clock = state.session?.clock {
            return "\(input) · T = \(NarrationWords.time(clock))"
        }
        return input
    }
}
