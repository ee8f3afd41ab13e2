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
            try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        }
    }
}
