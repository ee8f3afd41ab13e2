import AppCore
import ArgumentParser
import Foundation
import TUI

/// `overlapped replay FILE`: plays a recording back, on the terminal or into files.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play back a recording made with --record, or export it.",
        discussion: """
            On a terminal the recorded screens are shown step by step, exactly as they were: \
            → Space PgDn next step, ← PgUp back, Home/End first/last, q quit. The bottom row \
            names the step (the input, and the lesson step or the clock).

            --asciicast OUT.cast writes asciicast v2 for asciinema's player: one second per \
            step and a marker per step named after it, so the player can jump between steps. \
            --transcript OUT.txt writes a plain-text handout: each step's name and screen. \
            --svg OUT.svg draws each thread's states over time, for slides. With any of \
            these nothing is shown.

            A recording is JSON (see the README): the programs' source, the settings and \
            seed, and every input. A damaged file, or one from a newer Overlapped, is refused \
            with the reason.
            """)

    @Argument(help: "The recording (made with --record on compare, lesson or run).")
    var file: String

    @Option(help: ArgumentHelp("Write the replay as an asciicast v2 file.", valueName: "OUT.cast"))
    var asciicast: String?

    @Option(help: ArgumentHelp("Write a plain-text handout of every step.", valueName: "OUT.txt"))
    var transcript: String?

    @Option(help: ArgumentHelp("Draw each thread's states over time as an SVG picture.", valueName: "OUT.svg"))
    var svg: String?

    @Option(help: ArgumentHelp("Draw the exports at this size instead of the recorded one (e.g. 100x30).", valueName: "WxH"))
    var size: String?

    @OptionGroup var ui: UIOptionGroup

    func validate() throws {
        _ = try parsedSize()
    }

    func parsedSize() throws -> Size? {
        guard let size else { return nil }
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (AppState.minimumSize.width...1_000).contains(width), (AppState.minimumSize.height...1_000).contains(height) else {
            throw ValidationError("--size expects WIDTHxHEIGHT, at least 80x24 and at most 1000x1000, got '\(size)'")
        }
        return Size(width: width, height: height)
    }

    func run() throws {
        let replay: Replay
        do {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RecordingError("\(file): cannot read the file (missing or not readable)")
            }
            let recording = try Recording.decode(data, name: file)
            let options = ui.resolved(environment: ProcessInfo.processInfo.environment)
            replay = Replay(recording: recording, start: try RecordingStarts.state(for: recording, options: options))
        } catch {
            InteractiveUI.fail(String(describing: error))
            throw ExitCode(1)
        }
        let size = try parsedSize()
        let exports: [(path: String?, text: () -> String)] = [
            (asciicast, { replay.asciicast(size: size) }),
            (transcript, { replay.transcript(size: size) }),
            (svg, { ThreadTimelineSVG.render(replay) }),
        ]
        if exports.contains(where: { $0.path != nil }) {
            for export in exports {
                guard let path = export.path else { continue }
                do {
                    try Data(export.text().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    InteractiveUI.fail("cannot write \(path): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            }
            return
        }
        guard InteractiveUI.isInteractive else {
            InteractiveUI.fail("replay needs a terminal (or --asciicast, --transcript or --svg); see `overlapped replay --help`")
            throw ExitCode(2)
        }
        let status = InteractiveUI.replay(replay, options: replay.states[0].options)
        if status != 0 { throw ExitCode(status) }
    }
}
