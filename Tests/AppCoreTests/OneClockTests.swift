import LessonKit
import SimKernel
import SimRuntime
import Testing
@testable import AppCore

/// The picture is never wrong: every built-in lesson and the default Compare
/// scenario, on the real C runtime, stepped to the end, with the one-clock
/// invariants checked at every step.
@Suite struct OneClockTests {
    /// What must hold of panes on one clock `clock`: none has handled an event
    /// later than it, none has an event still pending before it, and every
    /// thread's latest timeline mark is the state it is in.
    /// Returns how many blocking moments were found in the timelines.
    @discardableResult
    static func checkInvariants(_ panes: [RecordedSimulation], clock: UInt64, _ place: String) -> Int {
        var blocks = 0
        for (index, pane) in panes.enumerated() {
            #expect(pane.machine.now <= clock, "\(place), pane \(index): handled an event at \(pane.machine.now) after T=\(clock)")
            var copy = pane.simulation
            if let next = copy.nextEventTime() {
                #expect(next >= clock, "\(place), pane \(index): left behind with an event at \(next) before T=\(clock)")
            }
            for thread in pane.machine.threads {
                let track = pane.history.tracks.first { $0.id == thread.id }
                #expect(track?.changes.last?.kind == thread.state.kind,
                        "\(place), pane \(index): \(thread.name)'s timeline ends in \(String(describing: track?.changes.last?.kind)) but it is \(thread.state.letter)")
                let times = track?.changes.map(\.time) ?? []
                #expect(times == times.sorted() && (times.last ?? 0) <= clock, "\(place), pane \(index): \(thread.name)'s marks out of order")
            }
            // Nothing is missing: every time a thread blocked, its timeline has a mark.
            for entry in pane.simulation.log where entry.result == "blocks" {
                guard let thread = entry.thread, let track = pane.history.tracks.first(where: { $0.id == thread }) else { continue }
                #expect(track.changes.contains { $0.time == entry.time },
                        "\(place), pane \(index): T\(thread) blocked at \(entry.time) but its timeline has no mark then")
                blocks += 1
            }
        }
        return blocks
    }

    static func checkInvariants(_ session: Session, _ place: String) {
        checkInvariants(session.panes.map(\.recorded), clock: session.clock, place)
        #expect(session.panes.allSatisfy { $0.machine.now <= session.clock }, "\(place): a pane is ahead of the header's clock")
    }

    @Test func everyBuiltInLessonKeepsOneClockAtEveryStepAndReveal() throws {
        let library = LessonLibrary(files: LessonLibrary.builtinFiles)
        var blocksSeen = 0
        defer { #expect(blocksSeen > 100, "the history check saw the threads block") }
        for lesson in library.lessons {
            var state = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: BuiltinRuns.factory)),
                                        options: UIOptions())
            var index = 0
            while true {
                let place = "\(lesson.id) step \(index + 1)"
                let run = try #require(state.lesson?.lesson.run)
                blocksSeen += Self.checkInvariants(run.recorded, clock: run.clock, place)
                Self.checkInvariants(try #require(state.session), place + " (screen)")
                #expect(state.session?.clock == run.clock, "\(place): the screen and the lesson disagree on T")
                if let question = state.lesson?.lesson.pendingQuestion {
                    _ = state.update(.lesson(.answer(question.answer)))
                    let revealed = try #require(state.lesson?.lesson.run)
                    Self.checkInvariants(revealed.recorded, clock: revealed.clock, place + " after the reveal")
                }
                _ = state.update(.lesson(.next))
                if state.lesson?.lesson.stepIndex == index { break }
                index += 1
            }
            // Then free stepping to the end, event by event and statement by statement.
            var session = try #require(state.session)
            var count = 0
            while !session.isFinished && count < 3_000 {
                let moved = count % 7 == 3 ? session.stepSelectedStatement() : session.stepLockstep()
                if !moved { break }
                Self.checkInvariants(session, "\(lesson.id) after the last step, step \(count)")
                count += 1
            }
        }
    }

    @Test func theDefaultCompareScenarioKeepsOneClockToTheEnd() throws {
        let simulations = try Scenario.standard.panes.map { pane in
            let source = try #require(LessonLibrary.builtinFiles.first?.readProgram("programs/\(pane.program)"))
            return try ProgramRun.make(source: source, fileName: pane.program, settings: RunSettings()) as any Simulation
        }
        var session = Session(kind: .compare, caption: "", simulations: simulations, labels: Scenario.standard.panes.map(\.label))
        var count = 0
        while !session.isFinished && count < 20_000 {
            // Now and then a statement step of a worker in the port pane, as a learner would.
            if count % 11 == 5 && !session.panes[3].isFinished {
                session.selectedPane = 3
                session.panes[3].moveSelection(by: 1)
                guard session.stepSelectedStatement() else { break }
            } else {
                guard session.stepLockstep() else { break }
            }
            Self.checkInvariants(session, "compare step \(count)")
            count += 1
        }
        let finished = session.isFinished
        #expect(finished, "stopped after \(count) steps at T=\(session.clock)")
        // Stepping back replays exactly: the same clock and histories.
        let end = session
        for _ in 0..<40 { session.stepBack() }
        #expect(session.clock <= end.clock)
        Self.checkInvariants(session, "compare after stepping back")
    }
}
