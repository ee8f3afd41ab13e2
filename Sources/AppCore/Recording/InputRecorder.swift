import TUI

/// Collects a recording as the app runs: `AppRunner` hands it every input
/// and every tick's step count. It stops (keeping what it has) when the app
/// opens something the recording's start does not describe, such as the
/// next lesson, so a replay never goes past what it can reproduce.
public final class InputRecorder {
    public private(set) var recording: Recording
    /// The size the last input was recorded at; a change is recorded as a resize first.
    private var size: Size
    public private(set) var stopped = false

    public init(_ start: Recording) {
        recording = start
        size = start.size
    }

    func record(_ event: InputEvent, size newSize: Size) {
        guard !stopped, let input = RecordedInput(event) else { return }
        if case .resize(let reported) = input {
            appendResize(reported)
            return
        }
        appendResize(newSize)
        recording.steps.append(input)
    }

    func recordTick(steps: Int) {
        guard !stopped else { return }
        recording.steps.append(.tick(steps: steps))
    }

    func stop() { stopped = true }

    private func appendResize(_ newSize: Size) {
        guard newSize != size else { return }
        size = newSize
        recording.steps.append(.resize(newSize))
    }
}
