import ArgumentParser
import Foundation
import LessonKit

/// `overlapped lesson check FILE…|--all`: runs lessons headlessly and verifies them.
struct LessonCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run lessons headlessly: every stop reached, every checkpoint true, every stated answer right.",
        discussion: """
            Prints each lesson's result and, for each problem, FILE:LINE: MESSAGE; \
            then 'N passed, N failed'. Exits 1 when any lesson fails, 66 when a named \
            file is missing or unreadable (as 'overlapped run' does).
            """)

    @Argument(help: ArgumentHelp("Lesson files to check.", valueName: "FILE"))
    var files: [String] = []

    @Flag(help: "Check every built-in lesson (and those of --lessons DIR).")
    var all = false

    @OptionGroup var folder: LessonFolderOption

    func validate() throws {
        if files.isEmpty && !all { throw ValidationError("name lesson files to check, or use --all") }
    }

    func run() throws {
        var sources: [LessonFile] = []
        var results: [LessonCheckResult] = []
        var unreadable = false
        for path in files {
            if let why = Self.unreadableReason(path) {
                unreadable = true
                results.append(LessonCheckResult(file: path, lessonID: nil, failures: [
                    LessonDiagnostic(file: path, line: 1, message: "cannot read the file: \(why)")]))
                continue
            }
            do { sources.append(try LessonFile.onDisk(path: path)) } catch {
                unreadable = true
                results.append(LessonCheckResult(file: path, lessonID: nil, failures: [
                    LessonDiagnostic(file: path, line: 1, message: "cannot read the file: not UTF-8 text")]))
            }
        }
        if all {
            sources += LessonLibrary.builtinFiles
            if let dir = folder.folder {
                do { sources += try LessonLibrary.folderFiles(dir) } catch {
                    throw ValidationError("cannot read the lessons folder \(dir): \(error.localizedDescription)")
                }
            }
        }
        for source in sources {
            do {
                let lesson = try source.parse()
                results.append(LessonChecker.check(lesson, factory: LessonSimulations.factory))
            } catch {
                results.append(LessonCheckResult(file: source.name, lessonID: nil, failures: error.diagnostics))
            }
        }
        print(LessonCheckReport.render(results), terminator: "")
        if unreadable { throw ExitCode(RunExitStatus.inputError) }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }

    /// Why `path` cannot be read, in the words `overlapped run` uses, or nil
    /// when it is a readable file (Foundation's own messages say nothing useful).
    static func unreadableReason(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        guard FileManager.default.isReadableFile(atPath: path) else { return "permission denied or not a regular file" }
        return nil
    }
}
