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
    @OptionGroup var folder: LessonFolderOption

    func run() throws {
        guard InteractiveUI.isInteractive else {
            print(Overlapped.helpMessage())
            print("\n(The home screen needs a terminal; stdin and stdout are not both a TTY.)")
            return
        }
        let options = ui.resolved(environment: ProcessInfo.processInfo.environment)
        let library = try folder.library()
        let store = ProgressStore.standard()
        let home = HomeState(lessons: LessonHomeEntries.entries(library, progress: store.load()))
        let status = InteractiveUI.run(AppState(screen: .home, options: options, home: home),
                                       environment: .standard(library: library, store: store))
        ProgressSaveFailures.shared.reportOnExit()
        if status != 0 { throw ExitCode(status) }
    }
}
