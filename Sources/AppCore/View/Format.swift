import SimKernel
import SimRuntime
import TUI

/// Numbers and kernel facts as short text for the panes.
enum Format {
    /// Virtual time as milliseconds with microsecond precision: "1.204 ms".
    static func time(_ microseconds: UInt64) -> String {
        let ms = microseconds / 1000, us = microseconds % 1000
        let frac = String(us)
        return "\(ms).\(String(repeating: "0", count: 3 - frac.count))\(frac) ms"
    }

    /// A short duration: "45µs", "1.2ms", "3.0s".
    static func duration(_ microseconds: UInt64, glyphs: Glyphs) -> String {
        if microseconds < 1000 { return "\(microseconds)\(glyphs.micro)s" }
        // Rounded to a tenth (16,985 µs is 17.0ms, not 16.9ms).
        if microseconds < 999_950 {
            let tenths = (microseconds + 50) / 100
            return "\(tenths / 10).\(tenths % 10)ms"
        }
        let tenths = (microseconds + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)s"
    }

    /// Bytes as "512", "64K", "1M".
    static func bytes(_ value: UInt64) -> String {
        if value >= 1 << 20, value % (1 << 20) == 0 { return "\(value >> 20)M" }
        if value >= 1024, value % 1024 == 0 { return "\(value >> 10)K" }
        return String(value)
    }

    /// The short name inside brackets ("hEvent[2]" → "2"), the number of a
    /// kernel's own label ("Event#4" → "#4"), else the label.
    static func shortLabel(_ label: String) -> String {
        if let open = label.lastIndex(of: "["), let close = label.lastIndex(of: "]"), open < close {
            let inner = label[label.index(after: open)..<close]
            if !inner.isEmpty { return String(inner) }
        }
        if let hash = label.lastIndex(of: "#"), label[label.index(after: hash)...].allSatisfy(\.isNumber),
           label.index(after: hash) < label.endIndex {
            return String(label[hash...])
        }
        return label
    }

    static func role(for state: ThreadStateView) -> Role {
        role(for: state.kind)
    }

    static func role(for kind: ThreadStateKind) -> Role {
        switch kind {
        case .running: return .running
        case .ready: return .ready
        case .waiting: return .waiting
        case .alertable: return .alertable
        case .terminated: return .terminated
        }
    }

    /// What a thread is doing, in a few words.
    static func activity(_ thread: ThreadView, glyphs: Glyphs) -> String {
        let prefix = thread.inAPC ? "APC " : ""
        let place: String = {
            guard let loc = thread.location else { return "" }
            return loc.function.isEmpty ? "line \(loc.line)" : "\(loc.function):\(loc.line)"
        }()
        switch thread.state {
        case .running(let cpu): return prefix + "cpu\(cpu) " + place
        case .ready: return prefix + "ready " + place
        case .terminated(let code): return "exited \(code)"
        case .waiting(let wait):
            return prefix + waitText(wait, glyphs: glyphs)
        }
    }

    static func waitText(_ wait: WaitView, glyphs: Glyphs) -> String {
        let what: String
        switch wait.reason {
        case .objects(let refs, let all):
            let names = refs.map(\.label).joined(separator: ",")
            what = refs.count > 1 ? "\(all ? "all" : "any") of \(names)" : names
        case .sleep: what = "sleep"
        case .completionPort(let port): what = port.label
        case .synchronousIO(let file): what = "I/O on \(file.label)"
        }
        var text = "\(what) \(glyphs.isASCII ? "<-" : "\u{2190}") \(wait.call)"
        if wait.alertable { text += " (alertable)" }
        return text
    }

    static func outcome(_ outcome: SimulationOutcome?) -> String? {
        guard let outcome else { return nil }
        switch outcome {
        case .exited(let code): return "exit \(code)"
        case .fault: return "fault"
        case .deadlock: return "deadlock"
        }
    }
}
