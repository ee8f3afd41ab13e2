import Foundation
import LessonKit
import Testing

/// The lessons in `Lessons/examples/`, written from the authoring guide
/// alone, pass `lesson check` on the real runtime.
@Suite struct ExampleLessonsTests {
    static let folder = BuiltinLessonsTests.lessonsFolder.appendingPathComponent("examples").path

    @Test func everyExampleLessonPassesItsCheck() throws {
        let library = LessonLibrary(files: try LessonLibrary.folderFiles(Self.folder))
        #expect(library.failures.isEmpty, "\(library.failures)")
        #expect(Set(library.lessons.map(\.id)) == ["skip-on-success", "result-timeout"])
        for lesson in library.lessons {
            let result = LessonChecker.check(lesson, factory: FirstTrueMomentTests.realFactory)
            #expect(result.passed, "\(lesson.id): \(result.failures)")
            #expect(result.questions >= 1 && result.checkpoints >= 5)
        }
    }

    /// The examples are not part of the course built into the binary.
    @Test func theExamplesAreNotBuiltIn() {
        #expect(!LessonLibrary.builtinFiles.contains { $0.name.contains("examples") })
    }
}
