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
/// old one, so a crash never leaves half a file. A save merges with what is
/// on disk under a lock file (`progress.json.lock`), so two instances never
/// erase each other's steps; a `progress.json` that is a symbolic link is
/// written through (its target is replaced). A file that cannot be read
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
            setAside(because: Self.reason(error))
            return Progress()
        }
    }

    /// Merges `progress` with the file on disk and writes the result
    /// atomically, holding the lock file meanwhile. Throws when the file
    /// cannot be written (the caller says so: progress must not vanish silently).
    public func save(_ progress: Progress) throws { try save(progress, merging: true) }

    private func save(_ progress: Progress, merging: Bool) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lock = try Self.lock(directory.appendingPathComponent("progress.json.lock"))
        defer { close(lock) }
        // Written through a symbolic link: the link stays, its target is
        // replaced (read by hand: `resolvingSymlinksInPath` leaves a link
        // whose target does not exist yet unresolved).
        var target = file
        if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: file.path) {
            target = (destination.hasPrefix("/") ? URL(fileURLWithPath: destination) : directory.appendingPathComponent(destination))
                .resolvingSymlinksInPath()
        }
        var merged = progress
        if merging, let data = try? Data(contentsOf: target), let onDisk = try? JSONDecoder().decode(Progress.self, from: data) {
            merged = progress.merging(onDisk)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(merged)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".progress.json.tmp-\(getpid())")
        try data.write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot replace \(target.path): \(String(cString: strerror(code)))"])
        }
    }

    /// An exclusive lock on `url` (created if needed); close the descriptor to release it.
    private static func lock(_ url: URL) throws -> Int32 {
        let descriptor = open(url.path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot open \(url.path): \(String(cString: strerror(code)))"])
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot lock \(url.path): \(String(cString: strerror(code)))"])
            }
        }
        return descriptor
    }

    /// Loads, applies a change, saves; a failed save is a warning, not an error,
    /// because losing a progress mark must never stop a lesson.
    public func update(_ change: (inout Progress) -> Void) {
        var progress = load()
        change(&progress)
        do { try save(progress) } catch { warn("could not save progress to \(file.path): \(error.localizedDescription)") }
    }

    /// What is wrong with the file, in words: where in the JSON, and what.
    static func reason(_ error: Error) -> String {
        func place(_ path: [CodingKey]) -> String {
            let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        guard let decoding = error as? DecodingError else { return "it is not valid JSON" }
        switch decoding {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "at \(place(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "at \(place(context.codingPath)): the field '\(key.stringValue)' is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "at \(place(context.codingPath)): expected \(Self.describe(type))"
        @unknown default:
            return "it cannot be read as progress"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        case is [Int].Type: return "a list of numbers"
        default: return type is any Collection.Type ? "a list" : "an object"
        }
    }

    /// Removes one lesson's progress (every lesson's when `id` is nil) from
    /// the file, under the lock and without merging (a merge would bring the
    /// removed lesson back). Throws when the file cannot be written.
    public func reset(lesson id: String?) throws {
        var progress = load()
        progress.reset(lesson: id)
        try save(progress, merging: false)
    }

    private func setAside(because reason: String) {
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
            warn("the progress file \(file.path) cannot be read (\(reason)); it was moved to \(target.lastPathComponent) and progress starts afresh")
        } else {
            warn("the progress file \(file.path) cannot be read (\(reason)) and could not be moved aside; progress starts afresh")
        }
    }
}
