import AppCore
import Foundation
import SimRuntime
import TerminalBackend

/// Starts the terminal app. Interactive commands (home, compare, run on a
/// terminal) all come through here.
enum InteractiveUI {
    /// Shows `state` on the terminal until the user quits; returns the exit
    /// status (0, or 128 + the signal that ended it).
    static func run(_ state: AppState, environment: AppEnvironment = .none, recording: RecordingTarget? = nil) -> Int32 {
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
        if var start = recording?.start {
            start.width = terminal.size.width
            start.height = terminal.size.height
            start.ascii = state.options.ascii
            runner.recorder = InputRecorder(start)
        }
        runner.run()
        terminal.close()
        if let recording, let recorder = runner.recorder { RecordingTarget.save(recorder.recording, to: recording.path) }
        return terminal.receivedSignal == 0 ? 0 : 128 + terminal.receivedSignal
    }

    /// The Playground for one program: the focus view of `simulation`.
    /// (Used by `overlapped run FILE.c` on a terminal.)
    static func playground(_ simulation: any Simulation, caption: String, options: UIOptions,
                           recording: RecordingTarget? = nil) -> Int32 {
        let session = Session(kind: .playground, caption: caption, simulations: [simulation])
        return run(.playground(session, options: options), recording: recording)
    }

    /// Compare: `simulations` side by side with their pane labels.
    static func compare(_ simulations: [any Simulation], labels: [String], caption: String, options: UIOptions,
                        environment: AppEnvironment = .none) -> Int32 {
        let session = Session(kind: .compare, caption: caption, simulations: simulations, labels: labels)
        return run(.compare(session, options: options), environment: environment)
    }

    /// A recording played back step by step (`overlapped replay FILE`).
    static func replay(_ replay: Replay, options: UIOptions) -> Int32 {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.open(color: options.color)
        } catch {
            FileHandle.standardError.write(Data("overlapped: \(error)\n".utf8))
            return 2
        }
        ReplayRunner(ReplayViewer(replay), terminal: terminal).run()
        terminal.close()
        return terminal.receivedSignal == 0 ? 0 : 128 + terminal.receivedSignal
    }

    static var isInteractive: Bool { NcursesTerminal.isInteractive }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("overlapped: \(message)\n".utf8))
    }
}
