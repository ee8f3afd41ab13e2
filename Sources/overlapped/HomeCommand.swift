import AppCore
import ArgumentParser
import Foundation
import LessonKit
import SimRuntime

/// `overlapped` with no command: the Home screen on a terminal, the help text
/// otherwise.
struct HomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "Open the home screen (the default when no command is given).",
        shouldDisplay: false)

    @OptionGroup var ui: UIOptionGroup

    func run() throws {
        guard InteractiveUI.isInteractive else {
            print(Overlapped.helpMessage())
            print("\n(The home screen needs a terminal; stdin and stdout are not both a TTY.)")
            return
        }
        let options = ui.resolved(environment: ProcessInfo.processInfo.environment)
        let environment = AppEnvironment(
            makeCompare: {
                try CompareSimulations.session(.standard, settings: .init(seed: nil, cpus: nil, parameters: []),
                                               directory: nil, returnsToHome: true)
            },
            makePlayground: { path in
                do {
                    let run = try ProgramRun.make(sourcePath: path)
                    return Session(kind: .playground, caption: run.fileName, simulations: [run], returnsToHome: true)
                } catch {
                    throw AppError(String(describing: error))
                }
            })
        let home = HomeState(lessons: Self.lessonEntries())
        let status = InteractiveUI.run(AppState(screen: .home, options: options, home: home), environment: environment)
        if status != 0 { throw ExitCode(status) }
    }

    /// The built-in lessons with their progress marks (none when they cannot load).
    static func lessonEntries() -> [HomeState.LessonEntry] {
        guard let library = try? LessonLibrary.standard(folder: nil) else { return [] }
        let progress = ProgressStore.standard().load()
        return library.lessons.map { lesson in
            HomeState.LessonEntry(id: lesson.id, title: lesson.title, done: progress.mark(for: lesson.id) == .finished)
        }
    }
}
