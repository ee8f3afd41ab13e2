import Foundation

/// The build tool behind the `EmbedLessons` plugin:
/// `LessonEmbedder LESSONS_DIR OUTPUT.swift` reads every `*.md` in the
/// lessons folder and every `*.c` in its `programs/` folder and writes the
/// Swift file that compiles them into the binary.
@main
struct LessonEmbedder {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: LessonEmbedder LESSONS_DIR OUTPUT.swift\n".utf8))
            exit(64)
        }
        do {
            let files = try lessonFiles(in: URL(fileURLWithPath: arguments[1]))
            let source = BuiltinLessonsRenderer.render(files)
            let output = URL(fileURLWithPath: arguments[2])
            // Rewriting an unchanged file would make the build recompile LessonKit.
            if (try? String(contentsOf: output, encoding: .utf8)) != source {
                try source.write(to: output, atomically: true, encoding: .utf8)
            }
        } catch {
            FileHandle.standardError.write(Data("LessonEmbedder: \(error)\n".utf8))
            exit(1)
        }
    }

    /// `*.md` in the folder and `*.c` in its `programs/`, by path relative to it.
    static func lessonFiles(in folder: URL) throws -> [(path: String, text: String)] {
        let manager = FileManager.default
        var files: [(path: String, text: String)] = []
        for name in try manager.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            files.append((name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)))
        }
        let programs = folder.appendingPathComponent("programs")
        if manager.fileExists(atPath: programs.path) {
            for name in try manager.contentsOfDirectory(atPath: programs.path) where name.hasSuffix(".c") {
                files.append(("programs/\(name)", try String(contentsOf: programs.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
