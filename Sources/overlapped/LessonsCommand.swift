import ArgumentParser
import Foundation
import LessonKit

/// `overlapped lessons`: the course with a progress mark and score per
/// lesson; `--reset [ID]` forgets progress.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons with your progress and score, or clear progress.",
        discussion: """
            Marks: [x] finished (the last step reached), [~] started, [ ] not started; \
            the score counts questions right at the first try, and a finished lesson with \
            every one right is 'mastered'. Open one with 'overlapped lesson ID'. \
            '--reset' clears the progress of every lesson, '--reset ID' of one (by id or number).
            """)

    @OptionGroup var folder: LessonFolderOption

    @Flag(help: "Clear progress: of every lesson, or of the lesson given as the argument.")
    var reset = false

    @Argument(help: "With --reset: the lesson (id or number) whose progress to clear.")
    var lessonID: String?

    func run() throws {
        let library = try folder.library()
        if reset {
            try resetProgress(library)
            return
        }
        if lessonID != nil { throw ValidationError("a lesson is named only with --reset; open one with 'overlapped lesson ID'") }
        let progress = ProgressStore.standard().load()
        print(Self.listing(library, progress: progress), terminator: "")
        for failure in library.failures {
            FileHandle.standardError.write(Data("\(failure)\n".utf8))
        }
    }

    private func resetProgress(_ library: LessonLibrary) throws {
        let store = ProgressStore.standard()
        var target: Lesson?
        if let lessonID {
            guard let lesson = library.lesson(idOrNumber: lessonID) else {
                let range = library.lessons.isEmpty ? "" : " (numbers 1-\(library.lessons.count))"
                // One line, no usage text: the command line was well formed, the lesson is not there.
                FileHandle.standardError.write(Data("overlapped lessons: no lesson '\(lessonID)'\(range); 'overlapped lessons' lists them\n".utf8))
                throw ExitCode(RunExitStatus.usage)
            }
            target = lesson
        }
        do {
            try store.reset(lesson: target?.id)
        } catch {
            throw ValidationError("could not clear progress in \(store.file.path): \(error.localizedDescription)")
        }
        if let target {
            print("Progress cleared for lesson '\(target.id)' (\(target.title)).")
        } else {
            print("Progress cleared for every lesson.")
        }
    }

    /// One line per lesson: mark, order, id, title, score (and "mastered").
    static func listing(_ library: LessonLibrary, progress: LessonKit.Progress) -> String {
        guard !library.lessons.isEmpty else { return "No lessons found.\n" }
        let idWidth = library.lessons.map(\.id.count).max() ?? 0
        let titleWidth = library.lessons.map(\.title.count).max() ?? 0
        var out = ""
        for lesson in library.lessons {
            let mark = progress.mark(for: lesson.id).symbol
            let order = String(lesson.order).leftPadded(to: 3)
            let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let title = lesson.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0)
            var line = "\(mark) \(order)  \(id)  \(title)"
            let score = progress.score(for: lesson)
            if progress.mark(for: lesson.id) != .notStarted, score.questions > 0 {
                line += "  \(score.rightFirstTime)/\(score.questions)"
                if score.mastered { line += " mastered" }
            }
            out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
