import Foundation

/// The lessons on offer: the built-in course and, optionally, a teacher's folder.
public struct LessonLibrary: Sendable {
    /// Loaded lessons, by order then id.
    public private(set) var lessons: [Lesson] = []
    /// Files that did not load, with every problem found.
    public private(set) var failures: [LessonLoadError] = []

    public init(files: [LessonFile]) {
        for file in files {
            do { lessons.append(try file.parse()) } catch { failures.append(error) }
        }
        lessons.sort { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    /// The built-in lessons, plus the `.md` files of `folder` when given (a
    /// teacher's lesson with the id of a built-in one replaces it).
    public static func standard(folder: String?) throws -> LessonLibrary {
        let builtin = LessonLibrary(files: builtinFiles)
        guard let folder else { return builtin }
        var library = LessonLibrary(files: try folderFiles(folder))
        let teacherIDs = Set(library.lessons.map(\.id))
        library.lessons += builtin.lessons.filter { !teacherIDs.contains($0.id) }
        library.lessons.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        library.failures = builtin.failures + library.failures
        return library
    }

    public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }

    /// A lesson by its id, or by its number as `overlapped lessons` lists it
    /// (1 is the first); an id wins over a number.
    public func lesson(idOrNumber key: String) -> Lesson? {
        if let lesson = lesson(id: key) { return lesson }
        guard let number = Int(key), number >= 1, number <= lessons.count else { return nil }
        return lessons[number - 1]
    }

    /// The lesson files built into the binary (`Lessons/*.md` except the guide).
    public static var builtinFiles: [LessonFile] {
        let sources = BuiltinLessonFiles.files
        let reader: @Sendable (String) -> String? = { path in
            BuiltinLessonFiles.files.first { $0.path == path }?.text
        }
        return sources
            .filter { $0.path.hasSuffix(".md") && !$0.path.contains("/") && $0.path != "README.md" }
            .map { LessonFile(name: "Lessons/\($0.path)", text: $0.text, readProgram: reader) }
    }

    /// The `.md` files directly in `folder` (except a README.md), sorted by name.
    public static func folderFiles(_ folder: String) throws -> [LessonFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }
            .sorted()
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return try names.map { try LessonFile.onDisk(path: "\(base)/\($0)") }
    }
}
