import Foundation
import TUI
import Testing
@testable import AppCore

/// The Lesson screen rendered to text and compared with files in `Golden/`
/// (the same mechanism as `GoldenScreenTests`: `UPDATE_GOLDEN=1` rewrites them).
@Suite struct LessonGoldenTests {
    static func state(_ name: String) throws -> AppState {
        var state = try SampleLesson.state()
        func send(_ keys: [Key]) {
            for key in keys { if let action = KeyMap.action(for: key, in: state) { _ = state.update(action) } }
        }
        switch name {
        case "lesson-first":
            break
        case "lesson-hint":
            send([.character("h")])
        case "lesson-question":
            send([.enter])
        case "lesson-refused":
            send([.enter, .enter])
        case "lesson-answered":
            send([.enter, .character("b")])
            // The reveal played to its end.
            while state.isRunning { _ = state.update(.tick()) }
        case "lesson-ascii":
            state = try SampleLesson.state(options: UIOptions(color: false, ascii: true))
            send([.enter, .character("a"), .enter])
        case "lesson-help":
            send([.character("?")])
        case "lesson-exploring":
            send([.enter, .character("a"), .enter, .character("s"), .character("s")])
        default:
            break
        }
        return state
    }

    static let cases: [(String, Int, Int)] = [
        ("lesson-first", 80, 24), ("lesson-first", 160, 48),
        ("lesson-hint", 80, 24), ("lesson-hint", 160, 48),
        ("lesson-question", 80, 24), ("lesson-question", 160, 48),
        ("lesson-refused", 80, 24),
        ("lesson-answered", 80, 24), ("lesson-answered", 160, 48),
        ("lesson-ascii", 80, 24), ("lesson-ascii", 160, 48),
        ("lesson-exploring", 120, 40), ("lesson-help", 80, 24),
    ]

    @Test(arguments: cases)
    func lessonScreenMatchesGolden(name: String, width: Int, height: Int) throws {
        try GoldenScreenTests.check(Self.state(name), name: name, width: width, height: height)
    }

    @Test func asciiLessonScreenUsesOnlyASCIIAndMarksResultsInWords() throws {
        let text = try Self.state("lesson-ascii").view(size: Size(width: 160, height: 48)).plainText()
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("ok Two reads have completed."))
        #expect(text.contains("FAIL A checkpoint that does not hold"))
    }

    @Test func monochromeLessonScreenUsesNoColour() throws {
        for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
            let grid = try Self.state("lesson-ascii").view(size: size)
            #expect(grid.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        }
    }

    @Test func theLessonScreenFillsTheGridAtAllSizes() throws {
        for name in ["lesson-first", "lesson-answered"] {
            for (w, h) in [(80, 24), (81, 25), (100, 30), (119, 40), (120, 40), (250, 80), (60, 20)] {
                let grid = try Self.state(name).view(size: Size(width: w, height: h))
                #expect(grid.size == Size(width: w, height: h))
            }
        }
    }
}
