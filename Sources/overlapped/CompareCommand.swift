import AppCore
import ArgumentParser
import Foundation

/// `overlapped compare [SCENARIO]`: the four methods side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run the four notification methods side by side on one workload.",
        discussion: """
            Without SCENARIO the four shipped method programs run on the same simulated disk \
            with the same seed, stepped in lockstep on one virtual clock.

            A scenario file is plain text, one setting per line (# starts a comment):

              title = Sixteen 64 KiB reads
              seed = 1
              cpus = 2
              param REQUESTS = 16
              pane = Device-signaled | method1-device.c
              pane = Event-signaled | method2-event.c
              pane = Alertable I/O | method3-alertable.c
              pane = Completion port | method4-iocp.c

            Each `pane = LABEL | PROGRAM` names a pane (one to four, in screen order) and its \
            C program: a path relative to the scenario file or a built-in program's name. seed, \
            cpus and param apply to every program; options on the command line win.

            Keys: s step, p run/pause, t step a statement, b step back, j/k thread, n pane, \
            f focus, u/d speed, r restart, ? help, q quit.

            --narrate tells the comparison without the screen: one plain sentence per kernel \
            event, each naming its pane ("2.9 ms, Completion port: ..."), for screen readers \
            and logs. --record FILE keeps the session for 'overlapped replay FILE'.
            """)

    @Argument(help: "A scenario file naming up to four programs and shared settings.")
    var scenario: String?

    @Option(help: "Random seed for every program (overrides the scenario and pragmas).")
    var seed: UInt64?

    @Option(help: "Number of simulated CPUs (overrides the scenario and pragmas).")
    var cpus: Int?

    @Option(name: .customLong("param"), help: "Set a program parameter, NAME=VALUE (repeatable).")
    var parameters: [String] = []

    @Flag(help: "Presenter mode: the selected pane large, big state glyphs, clicker keys (P toggles).")
    var present = false

    @Flag(help: "Tell the comparison in plain sentences on stdout, one per kernel event of each pane, without the screen.")
    var narrate = false

    @OptionGroup var ui: UIOptionGroup

    @OptionGroup var recordOption: RecordOption

    func validate() throws {
        if narrate && recordOption.record != nil { throw ValidationError("--record records the screen: it cannot go with --narrate") }
        if let cpus, !(1...64).contains(cpus) { throw ValidationError("--cpus must be between 1 and 64") }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param expects NAME=VALUE, got '\(parameter)'")
        }
    }

    func run() throws {
        if narrate { return try tellNarrated() }
        guard InteractiveUI.isInteractive else {
            InteractiveUI.fail("compare needs a terminal (stdin and stdout must be a TTY); see `overlapped compare --help`")
            throw ExitCode(2)
        }
        let settings = self.settings
        let session: Session
        var recording: RecordingTarget?
        do {
            let (file, directory) = try CompareSimulations.loadScenario(scenario)
            session = try CompareSimulations.session(file, settings: settings, directory: directory, returnsToHome: false)
            if let path = recordOption.record {
                recording = RecordingTarget(path: path, start: try RecordingStarts.compare(file, settings: settings, directory: directory,
                                                                                           caption: session.caption))
            }
        } catch {
            InteractiveUI.fail(String(describing: error))
            throw ExitCode(1)
        }
        let options = ui.resolved(environment: ProcessInfo.processInfo.environment)
        var state = AppState.compare(session, options: options)
        if present { state.presenter = PresenterState() }
        recording?.start.presenting = present ? true : nil
        let status = InteractiveUI.run(state, recording: recording)
        if status != 0 { throw ExitCode(status) }
    }

    var settings: CompareSimulations.Settings {
        let pairs = parameters.compactMap { text -> (name: String, value: String)? in
            guard let equals = text.firstIndex(of: "=") else { return nil }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }
        return CompareSimulations.Settings(seed: seed, cpus: cpus, parameters: pairs)
    }
}
