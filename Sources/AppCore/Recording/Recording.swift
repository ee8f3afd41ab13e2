import Foundation
import LessonKit
import SimRuntime
import TUI

/// A recorded session of the app: what was opened (the programs' source,
/// the settings and seed, or the lesson's text) and every input with its
/// order, never a screen. The simulation is deterministic, so replaying the
/// inputs on the same start gives the same screens, step for step.
///
/// Stored as JSON (`overlapped-recording`, `version` 1); the README
/// documents every field. A reader refuses a newer version rather than
/// guess at it.
public struct Recording: Codable, Sendable, Equatable {
    public static let formatName = "overlapped-recording"
    public static let currentVersion = 1

    public enum Command: String, Codable, Sendable, Equatable { case compare, run, lesson }

    public var format: String = Recording.formatName
    public var version: Int = Recording.currentVersion
    /// Which command made it: what the replay opens.
    public var command: Command
    /// The header line's caption (Compare's scenario title and settings).
    public var caption: String
    public var settings: RecordedSettings
    /// Compare's panes or the program run, in screen order; empty for a lesson.
    public var programs: [RecordedProgram]
    public var lesson: RecordedLesson?
    /// Options that change what is drawn.
    public var ascii: Bool
    /// Opened in presenter mode (`--present`); absent when not.
    public var presenting: Bool?
    /// The terminal's size when recording started (later sizes are `resize` inputs).
    public var width: Int
    public var height: Int
    public var steps: [RecordedInput]

    public init(command: Command, caption: String, settings: RecordedSettings = RecordedSettings(),
                programs: [RecordedProgram] = [], lesson: RecordedLesson? = nil, ascii: Bool = false,
                size: Size, steps: [RecordedInput] = []) {
        self.command = command; self.caption = caption; self.settings = settings; self.programs = programs
        self.lesson = lesson; self.ascii = ascii; self.width = size.width; self.height = size.height; self.steps = steps
    }

    public var size: Size { Size(width: width, height: height) }

    // MARK: The file

    /// The JSON text: keys sorted, so the same recording is the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Reads a recording; the error says what is wrong in words. `name` is
    /// the file as messages call it.
    public static func decode(_ data: Data, name: String) throws(RecordingError) -> Recording {
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw RecordingError("\(name): not a recording (the file is not JSON, or is cut short)")
        }
        guard header.format == formatName else {
            throw RecordingError("\(name): not an Overlapped recording (no \"format\": \"\(formatName)\")")
        }
        guard let version = header.version else { throw RecordingError("\(name): damaged recording: it has no version") }
        guard version <= currentVersion else {
            throw RecordingError("\(name): recorded in format version \(version) by a newer Overlapped; "
                                 + "this one reads version \(currentVersion) and older, so update Overlapped to replay it")
        }
        guard version >= 1 else { throw RecordingError("\(name): damaged recording: version \(version) does not exist") }
        let recording: Recording
        do {
            recording = try JSONDecoder().decode(Recording.self, from: data)
        } catch let error as DecodingError {
            throw RecordingError("\(name): damaged recording: \(Self.describe(error))")
        } catch {
            throw RecordingError("\(name): damaged recording: \(error)")
        }
        guard (1...1_000).contains(recording.width), (1...1_000).contains(recording.height) else {
            throw RecordingError("\(name): damaged recording: the size \(recording.width)x\(recording.height) is not a terminal's")
        }
        switch recording.command {
        case .lesson where recording.lesson == nil:
            throw RecordingError("\(name): damaged recording: a lesson recording without its lesson")
        case .compare, .run:
            if recording.programs.isEmpty || recording.programs.count > 4 {
                throw RecordingError("\(name): damaged recording: \(recording.programs.count) programs (1 to 4 expected)")
            }
        default:
            break
        }
        return recording
    }

    /// Where in the file and what: "at steps[3].key: no key is named 'xyz'".
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case .dataCorrupted(let context): return "at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "at \(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

public struct RecordingError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A program as recorded: its whole source, so the replay needs no files.
public struct RecordedProgram: Codable, Sendable, Equatable {
    /// The pane's label ("Completion port"), or the file name.
    public var label: String
    public var fileName: String
    public var source: String
    public init(label: String, fileName: String, source: String) { self.label = label; self.fileName = fileName; self.source = source }
}

/// A lesson as recorded: its Markdown, the programs it reads, and where the
/// learner's progress had it start (a lesson reopens where it was left).
public struct RecordedLesson: Codable, Sendable, Equatable {
    public var fileName: String
    public var text: String
    /// Program text by the path the lesson gives.
    public var programs: [String: String]
    public var progress: LessonKit.Progress.LessonProgress?
    /// The course's lessons in order, as Home lists them (the last step offers the next one).
    public var course: [RecordedCourseEntry]
    public init(fileName: String, text: String, programs: [String: String], progress: LessonKit.Progress.LessonProgress?,
                course: [RecordedCourseEntry] = []) {
        self.fileName = fileName; self.text = text; self.programs = programs; self.progress = progress; self.course = course
    }

    /// The lesson file the replay parses, its programs read from the recording.
    public var file: LessonFile {
        let programs = self.programs
        return LessonFile(name: fileName, text: text) { programs[$0] }
    }
}

public struct RecordedCourseEntry: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public init(id: String, title: String) { self.id = id; self.title = title }
}

/// The options of `run` and `compare` that change a simulation (nil: the
/// program's pragma or the default).
public struct RecordedSettings: Codable, Sendable, Equatable {
    public var seed: UInt64?
    public var cpus: Int?
    public var parameters: [String: Int64]
    public var maxStatements: Int?
    public var maxEvents: Int?
    public var maxVirtualSeconds: UInt64?
    /// `--limit` quotas: handles, apcs, packets (counts), diskFreeBytes, commitBytes.
    public var limits: [String: UInt64]?

    public init(seed: UInt64? = nil, cpus: Int? = nil, parameters: [String: Int64] = [:]) {
        self.seed = seed; self.cpus = cpus; self.parameters = parameters
    }

    /// Records the options of a run.
    public init(_ settings: RunSettings) {
        self.init(seed: settings.seed, cpus: settings.cpus, parameters: settings.parameters)
        let defaults = RunSettings()
        if settings.maxStatements != defaults.maxStatements { maxStatements = settings.maxStatements }
        if settings.maxEvents != defaults.maxEvents { maxEvents = settings.maxEvents }
        if settings.maxVirtualMicroseconds != defaults.maxVirtualMicroseconds {
            maxVirtualSeconds = settings.maxVirtualMicroseconds / 1_000_000
        }
        var limits: [String: UInt64] = [:]
        if settings.limits.handlesPerProcess != defaults.limits.handlesPerProcess { limits["handles"] = UInt64(settings.limits.handlesPerProcess) }
        if settings.limits.queuedUserAPCs != defaults.limits.queuedUserAPCs { limits["apcs"] = UInt64(settings.limits.queuedUserAPCs) }
        if settings.limits.queuedPostedPackets != defaults.limits.queuedPostedPackets {
            limits["packets"] = UInt64(settings.limits.queuedPostedPackets)
        }
        if settings.limits.volumeFreeBytes != defaults.limits.volumeFreeBytes { limits["diskFreeBytes"] = settings.limits.volumeFreeBytes }
        if settings.commitLimit != defaults.commitLimit { limits["commitBytes"] = settings.commitLimit }
        self.limits = limits.isEmpty ? nil : limits
    }

    /// The run settings these stand for, as the screen runs them (trace kept to the screen's bound).
    public var runSettings: RunSettings {
        var settings = RunSettings(seed: seed, cpus: cpus, parameters: parameters,
                                   maxStatements: maxStatements ?? RunSettings.defaultMaxStatements,
                                   maxEvents: maxEvents ?? RunSettings.defaultMaxEvents,
                                   maxVirtualSeconds: maxVirtualSeconds ?? RunSettings.defaultMaxVirtualSeconds)
        let clamp = { (value: UInt64) in Int(min(value, 1 << 40)) }
        if let value = limits?["handles"] { settings.limits.handlesPerProcess = clamp(value) }
        if let value = limits?["apcs"] { settings.limits.queuedUserAPCs = clamp(value) }
        if let value = limits?["packets"] { settings.limits.queuedPostedPackets = clamp(value) }
        if let value = limits?["diskFreeBytes"] { settings.limits.volumeFreeBytes = value }
        if let value = limits?["commitBytes"] { settings.commitLimit = value }
        settings.traceLimit = RunSettings.screenTraceLimit
        return settings
    }
}
