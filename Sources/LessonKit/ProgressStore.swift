import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps `Progress` in `progress.json` under the XDG data directory
/// (`$XDG_DATA_HOME/overlapped`, else `~/.local/share/overlapped`).
///
/// Writes are atomic: a temporary file in the same directory renamed over the
/// old one, so a crash never leaves half a file. A file that cannot be read
/// as progress is moved aside as `progress.json.damaged-<timestamp>` with a
/// warning, and the learner starts afresh; loading never throws.
public struct ProgressStore: Sendable {
    public let directory: URL
    /// Where warnings go (standard error in the app, a buffer in tests).
    public var warn: @Sendable (String) -> Void
    /// The clock used to name a damaged file.
    public var now: @Sendable () -> Date

    public init(directory: URL,
                warn: @escaping @Sendable (String) -> Void = ProgressStore.warnOnStandardError,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory; self.warn = warn; self.now = now
    }

    /// The store at the standard place for this environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore {
        ProgressStore(directory: defaultDirectory(environment: environment))
    }

    public static func defaultDirectory(environment: [String: String]) -> URL {
        // The XDG spec ignores relative paths in XDG_DATA_HOME.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("overlapped")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/overlapped")
    }

    public var file: URL { directory.appendingPathComponent("progress.json") }

    public static let warnOnStandardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("overlapped: warning: \(message)\n".utf8))
    }

    /// The stored progress; empty when there is none or it was damaged.
    public func load() -> Progress {
        guard let data = try? Data(contentsOf: file) else { return Progress() }
        do {
            return try JSONDecoder().decode(Progress.self, from: data)
        } catch {
            setAside()
            return Progress()
        }
    }

    /// Writes the progress atomically.
    public func save(_ progress: Progress) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(progress)
        let temporary = directory.appendingPathComponent(".progress.json.tmp-\(getpid())")
        try data.write(to: temporary)
        if rename(temporary.path, file.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot replace \(file.path): \(String(cString: strerror(code)))"])
        }
    }

    /// Loads, applies a change, saves; a failed save is a warning, not an error,
    /// because losing a progress mark must never stop a lesson.
    public func update(_ change: (inout Progress) -> Void) {
        var progress = load()
        change(&progress)
        do { try save(progress) } catch { warn("could not save progress to \(file.path): \(error.localizedDescription)") }
    }

    private func setAside() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = formatter.string(from: now())
        var target = directory.appendingPathComponent("progress.json.damaged-\(stamp)")
        var suffix = 1
        while FileManager.default.fileExists(atPath: target.path) {
            suffix += 1
            target = directory.appendingPathComponent("progress.json.damaged-\(stamp)-\(suffix)")
        }
        if rename(file.path, target.path) == 0 {
            warn("the progress file \(file.path) was damaged; it was moved to \(target.lastPathComponent) and progress starts afresh")
        } else {
            warn("the progress file \(file.path) is damaged and could not be moved aside; progress starts afresh")
        }
    }
}
