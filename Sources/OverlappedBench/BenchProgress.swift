import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal
/// (so pipes and CI logs get nothing but the results).
struct BenchProgress {
    let enabled: Bool
    var label = ""
    var lastDrawn = ContinuousClock.now

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    mutating func begin(_ label: String) {
        self.label = label
        lastDrawn = .now - .seconds(1)
        update(0)
    }

    /// Redraws at most ten times a second.
    mutating func update(_ fraction: Double, note: String = "") {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard lastDrawn.duration(to: now) >= .milliseconds(100) else { return }
        lastDrawn = now
        let clamped = min(max(fraction, 0), 1)
        let width = 30
        let filled = Int(clamped * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r\u{1B}[2K\(label) [\(bar)] \(Int(clamped * 100))% \(note)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func end() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
