import Foundation
import Testing
@testable import LessonKit

/// A lesson reads its programs from its own folder only: symbolic links are
/// followed and must still end inside it.
@Suite struct LessonPathSafetyTests {
    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("programs"), withIntermediateDirectories: true)
        try "lesson".write(to: folder.appendingPathComponent("l.md"), atomically: true, encoding: .utf8)
        try "int main(void) { return 0; }\n".write(to: folder.appendingPathComponent("programs/ok.c"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func symlinkLeadingOutsideTheFolderIsNotRead() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).c")
        try "secret\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("programs/x.c"), withDestinationURL: outside)
        let file = try LessonFile.onDisk(path: folder.appendingPathComponent("l.md").path)
        #expect(file.readProgram("programs/x.c") == nil)
        #expect(file.readProgram("programs/ok.c") != nil)
    }

    @Test func symlinkStayingInsideTheFolderIsRead() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("programs/alias.c"),
                                                   withDestinationURL: folder.appendingPathComponent("programs/ok.c"))
        let file = try LessonFile.onDisk(path: folder.appendingPathComponent("l.md").path)
        #expect(file.readProgram("programs/alias.c") == "int main(void) { return 0; }\n")
    }
}
