import Foundation
import TUI
import Testing
@testable import AppCore

/// Every screen rendered to text and compared exactly with a file in
/// `Golden/`. Run with `UPDATE_GOLDEN=1` to rewrite the files after an
/// intended change, then review the diff.
@Suite struct GoldenScreenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The default Compare (the four method programs, real runs), stepped `steps` times.
    static func compareSession(steps: Int) -> Session { BuiltinRuns.compare(steps: steps) }

    static func state(_ name: String) -> AppState {
        switch name {
        case "home":
            return AppState()
        case "home-lessons":
            let lessons = (1...30).map { HomeState.LessonEntry(id: "l\($0)", title: "Lesson number \($0)", done: $0 < 4) }
            return AppState(home: HomeState(lessons: lessons, selection: 25))
        case "home-help":
            var state = AppState()
            state.overlay = .help
            return state
        case "home-open-file":
            var state = AppState()
            state.overlay = .openFile(path: "examples/my.c")
            return state
        case "compare-start":
            return .compare(compareSession(steps: 0), options: UIOptions())
        case "compare":
            return .compare(compareSession(steps: 30), options: UIOptions())
        case "compare-ascii":
            return .compare(compareSession(steps: 30), options: UIOptions(color: false, ascii: true))
        case "compare-end":
            var session = compareSession(steps: 0)
            while session.stepLockstep() {}
            return .compare(session, options: UIOptions())
        case "focus":
            var state = AppState.compare(compareSession(steps: 30), options: UIOptions())
            state.session?.selectedPane = 3
            state.session?.panes[3].selectedThread = 2
            state.screen = .focus(pane: 3)
            return state
        case "focus-ascii":
            var state = AppState.compare(compareSession(steps: 30), options: UIOptions(color: false, ascii: true))
            state.session?.selectedPane = 3
            state.session?.panes[3].selectedThread = 2
            state.screen = .focus(pane: 3)
            return state
        case "playground-help":
            var state = state("playground")
            state.overlay = .help
            return state
        case "help":
            var state = AppState.compare(compareSession(steps: 30), options: UIOptions())
            state.overlay = .help
            return state
        case "playground":
            var session = Session(kind: .playground, caption: "method3-alertable.c",
                                  simulations: [BuiltinRuns.program("method3-alertable.c")])
            for _ in 0..<12 { session.stepLockstep() }
            return .playground(session, options: UIOptions())
        case "playground-end":
            var session = Session(kind: .playground, caption: "method4-iocp.c", simulations: [BuiltinRuns.program("method4-iocp.c")])
            while session.stepLockstep() {}
            return .playground(session, options: UIOptions(theme: .light))
        default:
            return AppState()
        }
    }

    static let cases: [(String, Int, Int)] = [
        ("home", 80, 24), ("home", 160, 48), ("home-lessons", 80, 24), ("home-lessons", 160, 48), ("home-open-file", 80, 24), ("home-help", 80, 24),
        ("compare-start", 80, 24), ("compare", 80, 24), ("compare", 160, 48), ("compare", 200, 50),
        ("compare-ascii", 80, 24),
        ("focus", 80, 24), ("focus", 160, 48), ("focus-ascii", 100, 30), ("playground-help", 100, 30),
        ("help", 80, 24), ("help", 160, 48),
        ("playground", 80, 24), ("playground", 160, 48), ("playground-end", 80, 24),
        ("compare", 79, 24), ("home", 40, 10),
    ]

    @Test(arguments: cases)
    func screenMatchesGolden(name: String, width: Int, height: Int) throws {
        try Self.check(Self.state(name), name: name, width: width, height: height)
    }

    /// Compares the screen `state` draws at `width`×`height` with its golden
    /// file (or, with `UPDATE_GOLDEN=1`, rewrites the file).
    static func check(_ state: AppState, name: String, width: Int, height: Int) throws {
        let text = state.view(size: Size(width: width, height: height)).plainText()
        let url = goldenDirectory.appendingPathComponent("\(name)-\(width)x\(height).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "screen \(name) at \(width)x\(height) differs from \(url.lastPathComponent)")
    }

    @Test func asciiModeUsesOnlyASCII() {
        let text = Self.state("compare-ascii").view(size: Size(width: 120, height: 40)).plainText()
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func everyScreenFillsTheGridAtAllSizes() {
        for name in ["home", "compare", "focus", "help", "playground"] {
            for (w, h) in [(80, 24), (81, 25), (100, 30), (167, 40), (168, 40), (250, 80)] {
                let grid = Self.state(name).view(size: Size(width: w, height: h))
                #expect(grid.size == Size(width: w, height: h))
            }
        }
    }

    @Test func compareLaysOutOneToFourPanes() {
        for count in 1...4 {
            var session = Session(kind: .compare, caption: "", simulations: Array(BuiltinRuns.standard().prefix(count)),
                                  labels: Array(BuiltinRuns.standardLabels.prefix(count)))
            for _ in 0..<20 { session.stepLockstep() }
            let text = AppState.compare(session, options: UIOptions()).view(size: Size(width: 80, height: 24)).plainText()
            for label in BuiltinRuns.standardLabels.prefix(count) {
                #expect(text.contains(label), "pane \(label) missing with \(count) panes")
            }
        }
    }

    @Test func monochromeScreensUseNoColour() {
        let grid = Self.state("compare-ascii").view(size: Size(width: 80, height: 24))
        #expect(grid.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }
}
