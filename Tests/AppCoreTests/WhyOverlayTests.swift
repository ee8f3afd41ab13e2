import Foundation
import LessonKit
import SimKernel
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// `w`: the "Why" overlay over Compare, a lesson and the Playground, and
/// Enter stepping back exactly to the chosen cause.
@Suite struct WhyOverlayTests {
    /// Compare stepped until a worker of the completion-port pane has woken, that worker selected.
    static func compareWithWokenWorker() throws -> AppState {
        var session = try RealRunGoldenTests.realCompare(steps: 0)
        let pane = session.panes.count - 1
        func woken(_ s: Session) -> ThreadView? {
            s.panes[pane].machine.threads.first { $0.name != "main" && $0.wakeups > 0 && $0.state != .running(cpu: 0) }
        }
        while woken(session) == nil, session.stepLockstep() {}
        let worker = try #require(woken(session))
        session.selectedPane = pane
        session.panes[pane].selectedThread = worker.id
        var state = AppState.compare(session, options: UIOptions())
        _ = state.update(try #require(KeyMap.action(for: .character("w"), in: state)))
        return state
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40), (200, 60)])
    func whyOverCompareMatchesGolden(width: Int, height: Int) throws {
        try GoldenScreenTests.check(Self.compareWithWokenWorker(), name: "why-compare", width: width, height: height)
    }

    @Test func theChainRunsFromTheWakeBackToTheRead() throws {
        let state = try Self.compareWithWokenWorker()
        guard case .why(let why)? = state.overlay else { Issue.record("no Why overlay"); return }
        let texts = why.links.map(\.text)
        #expect(texts.first?.contains("woke from GetQueuedCompletionStatus") == true, "\(texts)")
        #expect(texts.contains { $0.contains("released it") }, "\(texts)")
        #expect(texts.last?.contains("started ReadFile") == true, "\(texts)")
        let screen = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(screen.contains("┌ Why"))
    }

    @Test func enterStepsBackExactlyToTheChosenCause() throws {
        var state = try Self.compareWithWokenWorker()
        guard case .why(let why)? = state.overlay else { Issue.record("no Why overlay"); return }
        _ = state.update(.whyMove(delta: 99))
        _ = state.update(.whyJump)
        #expect(state.overlay == nil)
        let session = try #require(state.session)
        let target = try #require(why.links.last).time
        #expect(session.clock <= target)
        // Exactly: the same as a fresh run taken the same number of steps.
        var fresh = try RealRunGoldenTests.realCompare(steps: 0)
        for _ in 0..<session.steps { fresh.stepLockstep() }
        #expect(fresh.clock == session.clock)
        #expect(fresh.panes.map(\.machine) == session.panes.map(\.machine))
    }

    @Test func wOpensWhyInALessonAndInThePlayground() throws {
        var lesson = try RealRunGoldenTests.lesson("port-concurrency", nexts: 1)
        _ = lesson.update(try #require(KeyMap.action(for: .character("w"), in: lesson)))
        guard case .why(let inLesson)? = lesson.overlay else { Issue.record("no Why overlay in the lesson"); return }
        #expect(!inLesson.links.isEmpty)
        #expect(lesson.view(size: Size(width: 100, height: 30)).plainText().contains("┌ Why"))
        // Closing it with w again.
        _ = lesson.update(try #require(KeyMap.action(for: .character("w"), in: lesson)))
        #expect(lesson.overlay == nil)

        let source = try #require(LessonLibrary.builtinProgram(named: "method2-event.c"))
        var session = Session(kind: .playground, caption: "method2-event.c",
                              simulations: [try ProgramRun.make(source: source, fileName: "method2-event.c")],
                              labels: ["method2-event.c"])
        while session.panes[0].machine.threads.first.map({ $0.wakeups == 0 }) ?? false, session.stepLockstep() {}
        var playground = AppState.playground(session, options: UIOptions())
        _ = playground.update(try #require(KeyMap.action(for: .character("w"), in: playground)))
        guard case .why(let inPlayground)? = playground.overlay else { Issue.record("no Why overlay in the Playground"); return }
        #expect(inPlayground.links.contains { $0.text.contains("signaled by the completion of g_ov[") },
                "\(inPlayground.links.map(\.text))")
    }
}
