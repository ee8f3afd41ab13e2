import Foundation

/// The process's resident memory, for the per-workload peak.
///
/// On Linux the peak (`VmHWM` in /proc/self/status) can be reset by writing
/// 5 to /proc/self/clear_refs, so each workload gets its own peak even when
/// they run one after the other in one process. Where that is not possible
/// the peak is the process's lifetime maximum (`getrusage`), which can only
/// overstate a later workload.
enum ResidentMemory {
    /// Starts a new peak; returns false when the peak could not be reset.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// Peak resident bytes since the last reset (or since the process started).
    static func peakBytes() -> UInt64 {
        if let kib = statusField("VmHWM:") { return kib * 1024 }
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return UInt64(max(0, usage.ru_maxrss)) * 1024
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return UInt64(max(0, usage.ru_maxrss))
        #endif
    }

    /// Resident bytes now.
    static func currentBytes() -> UInt64 {
        (statusField("VmRSS:") ?? 0) * 1024
    }

    /// A "NAME:   123 kB" line of /proc/self/status, in kB.
    static func statusField(_ name: String) -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).split(separator: " ").first
            return digits.flatMap { UInt64($0) }
        }
        return nil
    }
}
