import Foundation
import PackagePlugin

/// Compiles the `Lessons/` folder (lessons and their programs) into LessonKit
/// on every build, so the binary carries its built-in course and no generated
/// copy of the lessons is kept in the repository.
@main
struct EmbedLessons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lessons = context.package.directoryURL.appendingPathComponent("Lessons")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinLessonFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the built-in lessons",
                executable: try context.tool(named: "LessonEmbedder").url,
                arguments: [lessons.path, output.path],
                inputFiles: try inputs(in: lessons),
                outputFiles: [output]),
        ]
    }

    /// The files whose change must re-run the embedding.
    func inputs(in lessons: URL) throws -> [URL] {
        let manager = FileManager.default
        var urls: [URL] = [lessons]
        for name in (try? manager.contentsOfDirectory(atPath: lessons.path)) ?? [] where name.hasSuffix(".md") {
            urls.append(lessons.appendingPathComponent(name))
        }
        let programs = lessons.appendingPathComponent("programs")
        urls.append(programs)
        for name in (try? manager.contentsOfDirectory(atPath: programs.path)) ?? [] where name.hasSuffix(".c") {
            urls.append(programs.appendingPathComponent(name))
        }
        return urls.sorted { $0.path < $1.path }
    }
}
