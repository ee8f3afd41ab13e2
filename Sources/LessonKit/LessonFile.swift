import Foundation

/// A lesson file's text together with a way to read the programs beside it.
public struct LessonFile: Sendable {
    /// The file as messages name it ("Lessons/07-alertable.md", "my/lesson.md").
    public var name: String
    public var text: String
    /// Reads a program by its path relative to the lesson's folder.
    public var readProgram: @Sendable (String) -> String?

    public init(name: String, text: String, readProgram: @escaping @Sendable (String) -> String?) {
        self.name = name; self.text = text; self.readProgram = readProgram
    }

    public func parse() throws(LessonLoadError) -> Lesson {
        try LessonParser.parse(text, file: name, readProgram: readProgram)
    }

    /// A lesson file on disk; its programs are read from its folder.
    public static func onDisk(path: String) throws -> LessonFile {
        let url = URL(fileURLWithPath: path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let folder = url.deletingLastPathComponent()
        return LessonFile(name: path, text: text) { relative in
            guard let inside = resolvedInside(folder: folder, relative: relative) else { return nil }
            return try? String(contentsOf: inside, encoding: .utf8)
        }
    }

    /// `relative` under `folder` with every symbolic link resolved, or nil
    /// when the real file is not inside the folder's real path: a lesson
    /// from someone else must not make the app read (and print in compile
    /// errors) a file elsewhere on the machine.
    static func resolvedInside(folder: URL, relative: String) -> URL? {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let target = folder.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return target.path.hasPrefix(prefix) ? target : nil
    }
}
