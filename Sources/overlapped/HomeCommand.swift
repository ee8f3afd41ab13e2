import AppCore
import ArgumentParser
import Foundation

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
                throw AppError("Open \(path) with: overlapped run \(path)")
            })
        let status = InteractiveUI.run(AppState(screen: .home, options: options), environment: environment)
        if status != 0 { throw ExitCode(status) }
    }
}
