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
            then 'N passed, N failed'. Exits non-zero when any lesson fails.
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
        for path in files {
            do { sources.append(try LessonFile.onDisk(path: path)) } catch {
                results.append(LessonCheckResult(file: path, lessonID: nil, failures: [
                    LessonDiagnostic(file: path, line: 1, message: "cannot read the file: \(error.localizedDescription)")]))
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
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
