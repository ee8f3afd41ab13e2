import Foundation
import Testing
@testable import LessonKit

/// The lessons in `Lessons/` are compiled into the binary by the EmbedLessons
/// build plugin; these tests check what the binary carries.
@Suite struct BuiltinLessonsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessonsFolder = root.appendingPathComponent("Lessons")

    /// `*.md` in Lessons/ and `*.c` in Lessons/programs/, by path relative to Lessons/.
    static func lessonFolderFiles() throws -> [(path: String, text: String)] {
        let manager = FileManager.default
        var files: [(path: String, text: String)] = []
        for name in try manager.contentsOfDirectory(atPath: lessonsFolder.path) where name.hasSuffix(".md") {
            files.append((name, try String(contentsOf: lessonsFolder.appendingPathComponent(name), encoding: .utf8)))
        }
        let programs = lessonsFolder.appendingPathComponent("programs")
        if manager.fileExists(atPath: programs.path) {
            for name in try manager.contentsOfDirectory(atPath: programs.path) where name.hasSuffix(".c") {
                files.append(("programs/\(name)", try String(contentsOf: programs.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test func theCompiledInFilesAreTheFolderContents() throws {
        let folder = try Self.lessonFolderFiles()
        #expect(BuiltinLessonFiles.files.map(\.path) == folder.map(\.path))
        for (embedded, onDisk) in zip(BuiltinLessonFiles.files, folder) {
            #expect(embedded.text == onDisk.text, "\(embedded.path) differs from the Lessons folder")
        }
    }

    @Test func everyBuiltinLessonParses() throws {
        let library = try LessonLibrary.standard(folder: nil)
        #expect(library.failures == [])
        #expect(!library.lessons.isEmpty)
        #expect(library.lessons.first?.id == "using-overlapped")
        #expect(Set(library.lessons.map(\.id)).count == library.lessons.count, "lesson ids are unique")
    }

    @Test func theCourseIsCompleteAndInOrder() throws {
        let lessons = try LessonLibrary.standard(folder: nil).lessons
        #expect(lessons.map(\.order) == Array(1...16))
        for lesson in lessons {
            #expect(lesson.steps.contains { !$0.checkpoints.isEmpty }, "\(lesson.id) has no checkpoint")
            #expect(lesson.questionCount >= 1, "\(lesson.id) asks no question")
            #expect(!lesson.summary.isEmpty, "\(lesson.id) has no summary")
        }
    }

    @Test func aTeachersFolderAddsAndOverridesLessons() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("overlapped-teacher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("programs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try SampleLessons.port.write(to: dir.appendingPathComponent("port.md"), atomically: true, encoding: .utf8)
        try SampleLessons.programText.write(to: dir.appendingPathComponent("programs/pool.c"), atomically: true, encoding: .utf8)
        try "---\nid: broken\n---\n".write(to: dir.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        try "# Guide".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let library = try LessonLibrary.standard(folder: dir.path)
        #expect(library.lesson(id: "sample-port")?.programs.first?.text == SampleLessons.programText)
        #expect(library.lesson(id: "using-overlapped") != nil)
        #expect(library.failures.map { $0.diagnostics.first?.file } == [dir.path + "/broken.md"])
    }
}
