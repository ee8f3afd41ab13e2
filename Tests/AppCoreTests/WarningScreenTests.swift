import Foundation
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// Misuse warnings on screen: a `warn:N` mark on the thread's row and a
/// `warning KIND: …` line in the event log.
@Suite struct WarningScreenTests {
    @Test func theThreadListAndTheLogShowAWarning() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SimRuntimeTests/Misuse/event-shared.c")
        let run = try ProgramRun.make(sourcePath: url.path)
        var session = Session(kind: .playground, caption: "event-shared.c", simulations: [run], labels: ["event-shared.c"])
        // Up to the moment the second ReadFile shares the event.
        while session.panes[0].machine.threads.first?.warnings == 0, session.stepLockstep() {}
        let state = AppState.playground(session, options: UIOptions())
        let screen = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(screen.contains("main") && screen.contains("warn:1"), "\(screen)")
        #expect(screen.contains("note warning event-shared: the event 'event'"), "\(screen)")
    }
}
