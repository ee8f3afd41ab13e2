import ArgumentParser
import Foundation
import LessonKit

/// `overlapped lessons`: the course with a progress mark per lesson.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons with your progress.",
        discussion: "Marks: [x] finished, [~] started, [ ] not started. Open one with 'overlapped lesson ID'.")

    @OptionGroup var folder: LessonFolderOption

    func run() throws {
        let library = try folder.library()
        let progress = ProgressStore.standard().load()
        let idWidth = library.lessons.map(\.id.count).max() ?? 0
        for lesson in library.lessons {
            let mark = progress.mark(for: lesson.id).symbol
            let order = String(lesson.order).leftPadded(to: 3)
            let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            print("\(mark) \(order)  \(id)  \(lesson.title)")
        }
        if library.lessons.isEmpty { print("No lessons found.") }
        for failure in library.failures {
            FileHandle.standardError.write(Data("\(failure)\n".utf8))
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
