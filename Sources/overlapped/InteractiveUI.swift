import AppCore
import Foundation
import SimRuntime
import TerminalBackend

/// Starts the terminal app. Interactive commands (home, compare, run on a
/// terminal) all come through here.
enum InteractiveUI {
    /// Shows `state` on the terminal until the user quits; returns the exit
    /// status (0, or 128 + the signal that ended it).
    static func run(_ state: AppState, environment: AppEnvironment = .none) -> Int32 {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.open(color: state.options.color)
        } catch {
            FileHandle.standardError.write(Data("overlapped: \(error)\n".utf8))
            return 2
        }
        var state = state
        // Without a UTF-8 locale, box drawing would come out as garbage.
        if !terminal.supportsUnicode { state.options.ascii = true }
        let runner = AppRunner(state: state, environment: environment, terminal: terminal)
        runner.run()
        terminal.close()
        return terminal.receivedSignal == 0 ? 0 : 128 + terminal.receivedSignal
    }

    /// The Playground for one program: the focus view of `simulation`.
    /// (Used by `overlapped run FILE.c` on a terminal.)
    static func playground(_ simulation: any Simulation, caption: String, options: UIOptions) -> Int32 {
        let session = Session(kind: .playground, caption: caption, simulations: [simulation])
        return run(.playground(session, options: options))
    }

    /// Compare: `simulations` side by side with their pane labels.
    static func compare(_ simulations: [any Simulation], labels: [String], caption: String, options: UIOptions,
                        environment: AppEnvironment = .none) -> Int32 {
        let session = Session(kind: .compare, caption: caption, simulations: simulations, labels: labels)
        return run(.compare(session, options: options), environment: environment)
    }

    static var isInteractive: Bool { NcursesTerminal.isInteractive }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("overlapped: \(message)\n".utf8))
    }
}
