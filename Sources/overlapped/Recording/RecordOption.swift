import AppCore
import ArgumentParser
import Foundation

/// `--record FILE` on `compare`, `lesson` and `run`.
struct RecordOption: ParsableArguments {
    @Option(help: ArgumentHelp("Record the session to FILE (JSON: the programs, settings and every input) for 'overlapped replay'.",
                               valueName: "FILE"))
    var record: String?

    /// Fails before the screen opens when FILE cannot be written.
    func validate() throws {
        guard let record else { return }
        let directory = (record as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: record, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("--record \(record): it is a directory")
        }
        let folder = directory.isEmpty ? "." : directory
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--record \(record): no folder \(folder)")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("--record \(record): the folder \(folder) is not writable")
        }
    }
}

/// Where a session's recording goes, and what it starts from (its size is
/// filled in once the terminal is open).
struct RecordingTarget {
    var path: String
    var start: Recording

    /// Writes the recording atomically; a failure is said on stderr (the screen is closed by then).
    static func save(_ recording: Recording, to path: String) {
        do {
            try recording.encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
            let steps = recording.steps.count
            FileHandle.standardError.write(Data("overlapped: recorded \(steps) input\(steps == 1 ? "" : "s") to \(path)\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("overlapped: cannot write the recording \(path): \(error.localizedDescription)\n".utf8))
        }
    }
}
