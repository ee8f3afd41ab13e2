import Foundation
import LessonKit
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// A terminal whose script may time out (nil: the run timer's tick is due).
final class TickingTerminal: TerminalSurface {
    var size: Size
    var script: [InputEvent?]
    var frames: [Grid] = []

    init(size: Size, script: [InputEvent?]) {
        self.size = size
        self.script = script
    }

    func present(_ grid: Grid) { frames.append(grid) }

    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        guard !script.isEmpty else { return .terminate }
        let event = script.removeFirst()
        if case .resize(let newSize)? = event { size = newSize }
        // A tick is only delivered while the app runs; a paused app blocks.
        if event == nil, timeoutMilliseconds == nil { return nextEvent(timeoutMilliseconds: nil) }
        return event
    }
}

/// Record → file → replay gives the very screens the app showed, at every step.
@Suite struct RecordingTests {
    static func key(_ c: Character) -> InputEvent { .key(.character(c)) }

    /// Runs `state` on a scripted terminal with a recorder; returns the frames shown and the recording.
    static func record(_ state: AppState, size: Size, script: [InputEvent?]) -> (frames: [Grid], recording: Recording) {
        let terminal = TickingTerminal(size: size, script: script)
        let runner = AppRunner(state: state, terminal: terminal)
        // The start is what the replay is given directly here; the file only needs to be valid.
        let recorder = InputRecorder(Recording(command: .compare, caption: "test",
                                               programs: [RecordedProgram(label: "a", fileName: "a.c", source: "")], size: size))
        runner.recorder = recorder
        runner.run()
        return (terminal.frames, recorder.recording)
    }

    static func roundTrip(_ start: AppState, size: Size, script: [InputEvent?]) throws {
        let (frames, recording) = record(start, size: size, script: script)
        let decoded = try Recording.decode(recording.encoded(), name: "test.json")
        #expect(decoded == recording)
        let replay = Replay(recording: decoded, start: start)
        // The runner draws once before each input: frame k is the state after k inputs.
        // The last input quits, so its state is never drawn.
        #expect(frames.count == replay.stepCount)
        #expect(frames.count > 10)
        for index in 0..<min(frames.count, replay.stepCount + 1) {
            #expect(replay.frame(index) == frames[index], "step \(index): \(replay.stepName(index))")
        }
    }

    @Test func compareRoundTripsExactlyAtEveryStep() throws {
        let start = AppState.compare(try RealRunGoldenTests.realCompare(steps: 0), options: UIOptions())
        let script: [InputEvent?] = [
            Self.key("s"), Self.key("s"), Self.key("t"), Self.key("j"), Self.key("p"), nil, nil, Self.key("p"),
            .key(.left), Self.key("b"), Self.key("n"), Self.key("f"), .key(.pageUp), .key(.escape),
            .click(x: 3, y: 5), .scrollDown, .resize(Size(width: 120, height: 40)), Self.key("s"), Self.key("?"),
            Self.key("?"), Self.key("q"),
        ]
        try Self.roundTrip(start, size: Size(width: 100, height: 30), script: script)
    }

    @Test func lessonRoundTripsExactlyAtEveryStep() throws {
        let start = try RealRunGoldenTests.lesson("waiting-on-the-device", nexts: 0)
        let script: [InputEvent?] = [
            .key(.right), Self.key("h"), Self.key("a"), .key(.right), Self.key("s"), Self.key("b"), Self.key("b"),
            .key(.pageUp), .key(.enter), Self.key("b"), Self.key("q"),
        ]
        try Self.roundTrip(start, size: Size(width: 100, height: 30), script: script)
    }

    @Test func aPresentedLessonWithAVoteRoundTripsExactly() throws {
        var start = try RealRunGoldenTests.lesson("waiting-on-the-device", nexts: 0)
        start.presenter = PresenterState()
        let script: [InputEvent?] = [
            .key(.pageDown), Self.key("1"), Self.key("2"), Self.key("b"), Self.key("3"), Self.key("t"), nil, nil,
            Self.key("v"), Self.key("a"), Self.key("1"), Self.key("4"), Self.key(" "), .key(.right), .key(.pageUp),
            Self.key("P"), Self.key("P"), Self.key("q"),
        ]
        try Self.roundTrip(start, size: Size(width: 100, height: 30), script: script)
    }

    @Test func ticksRecordTheirStepsAndInputsTheirKeys() throws {
        let start = AppState.compare(try RealRunGoldenTests.realCompare(steps: 0), options: UIOptions())
        let (_, recording) = Self.record(start, size: Size(width: 80, height: 24),
                                         script: [Self.key("p"), nil, .resize(Size(width: 90, height: 30)), .key(.function(1)), Self.key("q")])
        #expect(recording.steps.count == 5)
        #expect(recording.steps.first == RecordedInput.key(.character("p")))
        guard case .tick(let steps)? = recording.steps.dropFirst().first else {
            Issue.record("no tick recorded: \(recording.steps)")
            return
        }
        #expect(steps > 0)
        let expected: [RecordedInput] = [.resize(Size(width: 90, height: 30)), .key(.function(1)), .key(.character("q"))]
        #expect(Array(recording.steps.suffix(3)) == expected)
    }

    @Test func theFileIsDocumentedJSON() throws {
        var recording = Recording(command: .run, caption: "demo.c", settings: RecordedSettings(seed: 7, cpus: 2),
                                  programs: [RecordedProgram(label: "demo.c", fileName: "demo.c", source: "int main(void){return 0;}")],
                                  size: Size(width: 100, height: 30))
        recording.steps = [.key(.character("s")), .key(.pageDown), .click(x: 3, y: 4), .scroll(up: true), .tick(steps: 4),
                           .wheel(up: false, x: 30, y: 12), .wheel(up: true, x: 2, y: 3), .resize(Size(width: 120, height: 40))]
        let text = String(decoding: recording.encoded(), as: UTF8.self)
        for field in ["\"format\" : \"overlapped-recording\"", "\"version\" : 1", "\"command\" : \"run\"", "\"seed\" : 7",
                      "\"key\" : \"pagedown\"", "\"tick\" : 4", "\"scroll\" : \"up\"", "\"wheelDown\" : [", "\"wheelUp\" : ["] {
            #expect(text.contains(field), "\(field) in \(text)")
        }
        #expect(try Recording.decode(Data(text.utf8), name: "r.json") == recording)
        #expect(recording.encoded() == recording.encoded(), "same recording, same bytes")
    }

    @Test func damagedAndNewerFilesAreRefusedInWords() throws {
        func message(_ text: String) -> String {
            do {
                _ = try Recording.decode(Data(text.utf8), name: "r.json")
                return "accepted"
            } catch {
                return error.description
            }
        }
        let good = String(decoding: Recording(command: .compare, caption: "c",
                                              programs: [RecordedProgram(label: "a", fileName: "a.c", source: "")],
                                              size: Size(width: 80, height: 24)).encoded(), as: UTF8.self)
        #expect(message(good) == "accepted")
        #expect(message(String(good.prefix(40))) == "r.json: not a recording (the file is not JSON, or is cut short)")
        #expect(message("{\"format\": \"something\"}").contains("not an Overlapped recording"))
        let newer = good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 9")
        #expect(message(newer).contains("format version 9 by a newer Overlapped"))
        let badKey = good.replacingOccurrences(of: "\"steps\" : [\n\n  ]", with: "\"steps\" : [{\"key\": \"nokey\"}]")
        #expect(message(badKey) == "r.json: damaged recording: at steps[0].key: no key is named 'nokey'", "\(badKey)")
        let missing = good.replacingOccurrences(of: "\"caption\" : \"c\",", with: "")
        #expect(message(missing) == "r.json: damaged recording: at caption: missing")
    }

    @Test func theReplayViewerStepsForwardAndBackAndNamesTheStep() throws {
        let start = AppState.compare(try RealRunGoldenTests.realCompare(steps: 0), options: UIOptions())
        let (_, recording) = Self.record(start, size: Size(width: 100, height: 30),
                                         script: [Self.key("s"), Self.key("s"), Self.key("q")])
        var viewer = ReplayViewer(Replay(recording: recording, start: start))
        let size = Size(width: 100, height: 30)
        #expect(viewer.view(size: size).plainLines().last?.hasPrefix(" Replay 0/3 start · T = 0 µs") == true)
        for key in [Key.right, .character(" "), .pageDown, .enter] {
            if let move = ReplayViewer.move(for: key) { viewer.apply(move) }
        }
        #expect(viewer.index == 3, "forward stops at the last step")
        viewer.apply(try #require(ReplayViewer.move(for: .left)))
        #expect(viewer.index == 2)
        #expect(viewer.view(size: size).plainLines().last?.hasPrefix(" Replay 2/3 2. key s · T = ") == true)
        // The screen above the bar is the recorded state's own view.
        #expect(Array(viewer.view(size: size).plainLines().dropLast()) == Array(viewer.replay.frame(2, size: size).plainLines().dropLast()))
        viewer.apply(try #require(ReplayViewer.move(for: .home)))
        #expect(viewer.index == 0)
        #expect(ReplayViewer.move(for: .character("b")) == nil, "no letter means back")
        viewer.apply(try #require(ReplayViewer.move(for: .character("q"))))
        #expect(viewer.finished)
    }

    @Test func theCursorSitsOnTheSelectedThread() throws {
        var state = AppState.compare(try RealRunGoldenTests.realCompare(steps: 20), options: UIOptions())
        state.session?.selectedPane = 2
        let grid = state.view(size: Size(width: 100, height: 30))
        let cursor = try #require(grid.cursor)
        let thread = try #require(state.session?.panes[2].selectedThread)
        #expect(grid.region(atX: cursor.x, y: cursor.y)?.tag.value(as: ClickTarget.self) == .thread(pane: 2, id: thread))
        var home = AppState(screen: .home)
        home.home.move(by: 1)
        let homeGrid = home.view(size: Size(width: 100, height: 30))
        let homeCursor = try #require(homeGrid.cursor)
        #expect(homeGrid.region(atX: homeCursor.x, y: homeCursor.y)?.tag.value(as: ClickTarget.self) == .home(.playground))
        state.overlay = .help
        #expect(state.view(size: Size(width: 100, height: 30)).cursor == nil, "no cursor under an overlay")
    }
}
