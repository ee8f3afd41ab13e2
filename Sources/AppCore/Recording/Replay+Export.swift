import SimRuntime
import TUI

/// A replay rendered without a terminal: for asciinema's player and for a
/// printed handout.
extension Replay {
    /// Seconds between two steps in an asciicast.
    public static let secondsPerStep = 1

    /// asciicast v2: a header line (`version` 2, `width`, `height`, `title`),
    /// then per step the screen drawn in full at second `k` (`"o"`) and a
    /// marker (`"m"`) named after the step, so the player can jump (and
    /// pause) from step to step; a size change is an `"r"` event. `size`
    /// draws every step at one size instead of the recorded ones. No wall
    /// time is written: the same recording gives the same bytes.
    public func asciicast(size: Size? = nil) -> String {
        let first = size ?? sizes[0]
        var out = "{\"version\": 2, \"width\": \(first.width), \"height\": \(first.height), "
            + "\"title\": \(JSONText.string(recording.caption))}\n"
        var current = first
        for index in 0...stepCount {
            let time = "\(index * Self.secondsPerStep).0"
            let stepSize = size ?? sizes[index]
            if stepSize != current {
                out += "[\(time), \"r\", \"\(stepSize.width)x\(stepSize.height)\"]\n"
                current = stepSize
            }
            out += "[\(time), \"o\", \(JSONText.string(frame(index, size: stepSize).ansiFrame()))]\n"
            out += "[\(time), \"m\", \(JSONText.string(stepName(index)))]\n"
        }
        return out
    }

    /// A plain-text handout: each step's name, then its screen as text.
    /// Steps that change nothing on screen (a key with no effect) are left out.
    public func transcript(size: Size? = nil) -> String {
        var out = "\(recording.caption)\n(\(stepCount) steps, replayed from a recording)\n"
        var previous: [String]?
        for index in 0...stepCount {
            let lines = frame(index, size: size).plainLines()
            guard lines != previous else { continue }
            previous = lines
            out += "\n== \(stepName(index)) ==\n\n"
            var body = lines
            while body.last?.isEmpty == true { body.removeLast() }
            out += body.joined(separator: "\n") + "\n"
        }
        return out
    }
}
