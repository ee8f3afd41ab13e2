import Foundation
import LessonKit
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// Golden screens drawn from real program runs on the simulated kernel (the
/// default Compare scenario, built-in lessons), not from scripted states:
/// what a learner sees, names and clock included. `UPDATE_GOLDEN=1` rewrites.
@Suite struct RealRunGoldenTests {
    static func realCompare(steps: Int) throws -> Session { BuiltinRuns.compare(steps: steps) }

    static func lesson(_ id: String, nexts: Int) throws -> AppState {
        let library = LessonLibrary(files: LessonLibrary.builtinFiles)
        let lesson = try #require(library.lessons.first { $0.id == id })
        var state = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: BuiltinRuns.factory)),
                                    options: UIOptions())
        for _ in 0..<nexts {
            if let question = state.lesson?.lesson.pendingQuestion { _ = state.update(.lesson(.answer(question.answer))) }
            _ = state.update(.lesson(.next))
        }
        return state
    }

    static func state(_ name: String) throws -> AppState {
        switch name {
        case "real-compare":
            return .compare(try realCompare(steps: 45), options: UIOptions())
        case "real-compare-end":
            var session = try realCompare(steps: 0)
            while session.stepLockstep() {}
            return .compare(session, options: UIOptions())
        case "real-compare-end-ascii":
            var session = try realCompare(steps: 0)
            while session.stepLockstep() {}
            return .compare(session, options: UIOptions(color: false, ascii: true))
        case "real-focus":
            var state = AppState.compare(try realCompare(steps: 45), options: UIOptions())
            state.session?.selectedPane = 3
            state.screen = .focus(pane: 3)
            return state
        case "real-side-by-side":
            return try lesson("side-by-side", nexts: 1)
        case "real-port-concurrency":
            return try lesson("port-concurrency", nexts: 0)
        default:
            Issue.record("no real-run screen named \(name)")
            return AppState()
        }
    }

    static let cases: [(String, Int, Int)] = [
        ("real-compare", 80, 24), ("real-compare", 120, 40), ("real-compare-end", 80, 24), ("real-compare-end", 100, 30),
        ("real-compare-end", 200, 60), ("real-compare-end-ascii", 120, 40), ("real-focus", 100, 30), ("real-focus", 200, 60),
        ("real-side-by-side", 120, 40), ("real-port-concurrency", 120, 40), ("real-port-concurrency", 80, 24),
    ]

    @Test(arguments: cases)
    func realScreenMatchesGolden(name: String, width: Int, height: Int) throws {
        try GoldenScreenTests.check(Self.state(name), name: name, width: width, height: height)
    }

    /// Every pane's title shows the one clock of the header.
    @Test func everyPaneTitleShowsTheHeadersClock() throws {
        let text = try Self.state("real-compare").view(size: Size(width: 120, height: 40)).plainText()
        let session = try Self.realCompare(steps: 45)
        let clock = "t=" + Format.time(session.clock)
        let lines = text.split(separator: "\n")
        #expect(lines.first?.contains(clock) == true)
        let paneTitles = lines.filter { $0.contains("┌ ") && $0.contains("t=") }
        #expect(!paneTitles.isEmpty)
        for title in paneTitles {
            let stamps = title.components(separatedBy: "t=").dropFirst().map { "t=" + $0.prefix(while: { $0 != " " }) + " ms" }
            #expect(stamps.allSatisfy { $0 == clock }, "\(title)")
        }
    }
}
