import Foundation
import Testing
@testable import LessonKit

/// The lessons in `Lessons/` are compiled into the binary through the
/// generated `BuiltinLessonFiles.swift`; these tests keep the two in step.
@Suite struct BuiltinLessonsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessonsFolder = root.appendingPathComponent("Lessons")
    static let generatedFile = root.appendingPathComponent("Sources/LessonKit/BuiltinLessonFiles.swift")

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

    @Test func theEmbeddedLessonsMatchTheLessonsFolder() throws {
        let expected = BuiltinLessonsGenerator.render(try Self.lessonFolderFiles())
        let current = (try? String(contentsOf: Self.generatedFile, encoding: .utf8)) ?? ""
        if current != expected, ProcessInfo.processInfo.environment["OVERLAPPED_REGENERATE_LESSONS"] == "1" {
            try expected.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected, "Sources/LessonKit/BuiltinLessonFiles.swift is out of date with Lessons/; regenerate it with: \(BuiltinLessonsGenerator.regenerateCommand) (then build again)")
    }

    @Test func theCompiledInFilesAreTheFolderContents() throws {
        let folder = try Self.lessonFolderFiles()
        #expect(BuiltinLessonFiles.files.map(\.path) == folder.map(\.path),
                "regenerate with: \(BuiltinLessonsGenerator.regenerateCommand)")
        for (embedded, onDisk) in zip(BuiltinLessonFiles.files, folder) {
            #expect(embedded.text == onDisk.text, "\(embedded.path) differs; regenerate with: \(BuiltinLessonsGenerator.regenerateCommand)")
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

    @Test func rawLiteralsAreDeepEnoughForAnyText() {
        #expect(BuiltinLessonsGenerator.delimiterDepth(for: "plain") == 1)
        #expect(BuiltinLessonsGenerator.delimiterDepth(for: "a \"\"\"# b") == 2)
        #expect(BuiltinLessonsGenerator.delimiterDepth(for: "printf(\"\\#n\")") == 2)
        let rendered = BuiltinLessonsGenerator.render([("b.md", "x\n"), ("a.md", "no newline")])
        #expect(rendered.contains("(\"a.md\", #\"\"\"\nno newline\n\"\"\"#),\n        (\"b.md\", #\"\"\"\nx\n\n\"\"\"#),"))
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
