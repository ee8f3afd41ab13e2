import SimKernel
import SimRuntime
import SimulationTestSupport
import Testing
@testable import AppCore

/// What lockstep stepping, statement stepping, step back and restart do.
@Suite struct SessionTests {
    func session(_ times: [[UInt64]]) -> Session {
        Session(kind: .compare, caption: "",
                simulations: times.enumerated().map { ScriptedSimulation.alternating(title: "P\($0.offset)", eventTimes: $0.element) })
    }

    func positions(_ session: Session) -> [Int] {
        session.panes.map { ($0.simulation as? ScriptedSimulation)?.index ?? -1 }
    }

    @Test func lockstepStepsOnlyThePanesWithTheEarliestEvent() {
        var s = session([[10, 30], [20, 30], [10, 40]])
        let stepped1 = s.stepLockstep(); #expect(stepped1)
        #expect(positions(s) == [1, 0, 1])
        #expect(s.clock == 10)
        let stepped2 = s.stepLockstep(); #expect(stepped2)
        #expect(positions(s) == [1, 1, 1])
        #expect(s.clock == 20)
        let stepped3 = s.stepLockstep(); #expect(stepped3)
        #expect(positions(s) == [2, 2, 1])
        #expect(s.clock == 30)
        let stepped4 = s.stepLockstep(); #expect(stepped4)
        #expect(positions(s) == [2, 2, 2])
        #expect(s.clock == 40)
        #expect(s.isFinished)
        let stepped5 = s.stepLockstep(); #expect(!stepped5)
        #expect(s.steps == 4)
    }

    @Test func theStepThatEndsARunCountsEvenWhenItAnswersFalse() {
        var fake = ScriptedSimulation.alternating(title: "P", eventTimes: [10, 20])
        fake.falseOnLastStep = true
        var s = Session(kind: .compare, caption: "", simulations: [fake, ScriptedSimulation.alternating(title: "Q", eventTimes: [15])])
        while s.stepLockstep() {}
        #expect(s.isFinished)
        #expect(s.clock == 20)
    }

    @Test func stepBackReturnsExactlyToTheEarlierState() {
        var s = session([[10, 30, 50], [20, 30], [15]])
        s.stepLockstep()
        let before = s
        s.stepLockstep()
        s.stepLockstep()
        let stepped6 = s.stepBack(); #expect(stepped6)
        let stepped7 = s.stepBack(); #expect(stepped7)
        #expect(positions(s) == positions(before))
        #expect(s.clock == before.clock)
        #expect(s.steps == before.steps)
        #expect(s.divergence == before.divergence)
        for (a, b) in zip(s.panes, before.panes) {
            #expect(a.machine == b.machine)
            #expect(a.simulation.log == b.simulation.log)
            #expect(a.tracks == b.tracks)
            #expect(a.doneHistory == b.doneHistory)
        }
        let stepped8 = s.stepBack(); #expect(stepped8)
        let stepped9 = s.stepBack(); #expect(!stepped9)
        #expect(s.clock == 0)
    }

    @Test func divergenceIsNotedAtTheFirstDifferentCount() {
        var s = session([[10, 20], [10, 30]])
        s.stepLockstep()
        #expect(s.divergence == nil)
        s.stepLockstep()
        #expect(s.divergence == Session.Divergence(time: 20, done: [2, 1], handled: [2, 1]))
        s.stepLockstep()
        #expect(s.divergence?.time == 20)
    }

    @Test func statementStepMovesEveryPaneOnTheOneClock() {
        // Pane 1's thread runs its next statement only at 30 us: the clock,
        // and pane 0 with its events at 10 and 20 us, go there with it.
        var s = session([[10, 20, 40], [30]])
        s.selectedPane = 1
        let stepped = s.stepSelectedStatement(); #expect(stepped)
        #expect(s.clock == 30)
        #expect(positions(s) == [2, 1])
        #expect(s.panes.allSatisfy { $0.machine.now <= s.clock })
        let back = s.stepBack(); #expect(back)
        #expect(positions(s) == [0, 0])
        #expect(s.clock == 0)
    }

    @Test func restartForgetsHistory() {
        var s = session([[10, 20]])
        s.stepLockstep()
        s.stepLockstep()
        s.restart()
        #expect(positions(s) == [0])
        #expect(s.history.isEmpty)
        #expect(s.clock == 0 && s.steps == 0)
    }

    @Test func timelineRecordsEachStateChangeOnce() {
        var s = session([[10, 20, 30]])
        while s.stepLockstep() {}
        let track = s.panes[0].tracks.first { $0.id == 1 }
        #expect(track?.changes.map(\.kind.letter) == ["X", "W", "X", "W"])
        #expect(track?.changes.map(\.time) == [0, 10, 20, 30])
        #expect(s.panes[0].tracks.first { $0.id == 2 }?.changes.count == 1)
    }

    @Test func keptCopiesAreBoundedWhileEveryStepIsRecorded() {
        var s = session([Array(stride(from: UInt64(1), through: 6000, by: 1))])
        s.recentSnapshots = 8
        s.maxCheckpoints = 6
        for _ in 0..<5100 { s.stepLockstep() }
        #expect(s.history.count == 5100)
        #expect(s.keptSnapshots <= 8 + 6 + 1)
        #expect(s.history[0].before != nil)
    }

    @Test func stepBackThroughThinnedHistoryIsExact() {
        // Record the exact states on the way forward, then walk all the way back.
        var s = BuiltinRuns.compare(caption: "")
        s.recentSnapshots = 3
        s.maxCheckpoints = 2
        var states: [[MachineView]] = [s.panes.map(\.machine)]
        var logs: [[[LogEntry]]] = [s.panes.map(\.simulation.log)]
        var tracks: [[[PaneHistory.ThreadTrack]]] = [s.panes.map(\.tracks)]
        var step = 0
        while true {
            // Mix statement steps into the lockstep ones.
            let stepped: Bool
            if step % 5 == 4 {
                s.selectedPane = step % 4
                stepped = s.stepSelectedStatement() || s.stepLockstep()
            } else {
                stepped = s.stepLockstep()
            }
            if !stepped { break }
            states.append(s.panes.map(\.machine))
            logs.append(s.panes.map(\.simulation.log))
            tracks.append(s.panes.map(\.tracks))
            step += 1
        }
        #expect(step > 20)
        #expect(s.keptSnapshots <= 3 + 2 + 1)
        for index in stride(from: states.count - 2, through: 0, by: -1) {
            let back = s.stepBack()
            #expect(back)
            #expect(s.panes.map(\.machine) == states[index], "state \(index) differs after stepping back")
            #expect(s.panes.map(\.simulation.log) == logs[index])
            #expect(s.panes.map(\.tracks) == tracks[index])
            #expect(s.steps == index)
        }
        let more = s.stepBack()
        #expect(!more)
    }

    @Test func stepBackKeepsTheSelection() {
        // By step 20 the port program has started its worker threads.
        var s = BuiltinRuns.compare(caption: "", steps: 20)
        s.panes[3].selectedThread = 3
        s.stepBack()
        #expect(s.panes[3].selectedThread == 3)
    }

    @Test func theFourMethodProgramsFinishInLockstep() {
        var s = BuiltinRuns.compare(caption: "")
        var guardCount = 0
        while s.stepLockstep() { guardCount += 1; if guardCount > 100_000 { break } }
        #expect(s.isFinished)
        for pane in s.panes {
            #expect(pane.machine.counters.requestsCompleted == 8)
            #expect(pane.machine.counters.handledCompletions == 8)
        }
        #expect(s.divergence != nil)
        // The port finishes first, the one-at-a-time device method last.
        let ends = s.panes.map(\.machine.now)
        #expect(ends[3] < ends[0])
    }
}

@Suite struct FormatTests {
    @Test func shortLabels() {
        #expect(Format.shortLabel("hEvent[2]") == "2")
        #expect(Format.shortLabel("Event#4") == "#4")
        #expect(Format.shortLabel("hPort") == "hPort")
        #expect(Format.shortLabel("odd#") == "odd#")
        #expect(Format.shortLabel("a#b") == "a#b")
    }

    @Test func times() {
        #expect(Format.time(0) == "0.000 ms")
        #expect(Format.time(1_204) == "1.204 ms")
        #expect(Format.time(12_345_678) == "12345.678 ms")
        #expect(Format.duration(45, glyphs: .ascii) == "45us")
        #expect(Format.duration(1_250, glyphs: .unicode) == "1.3ms")
        #expect(Format.duration(16_985, glyphs: .unicode) == "17.0ms")
        #expect(Format.duration(999_960, glyphs: .unicode) == "1.0s")
        #expect(Format.bytes(65536) == "64K")
        #expect(Format.bytes(1000) == "1000")
    }
}

@Suite struct BoundedHistoryTests {
    @Test func aLongRunForgetsItsOldestStepsButStepsBackExactly() {
        var s = Session(kind: .playground, caption: "",
                        simulations: [ScriptedSimulation.alternating(title: "long", eventTimes: (1...400).map { UInt64($0) * 10 })])
        s.maxHistory = 40
        s.recentSnapshots = 4
        s.maxCheckpoints = 4
        for _ in 0..<300 { s.stepLockstep() }
        #expect(s.history.count <= 50, "history holds \(s.history.count) steps")
        #expect(s.history.first?.before != nil, "the oldest kept step can be restored")
        let reach = s.history.count
        for back in 1...reach {
            let stepped = s.stepBack()
            #expect(stepped)
            #expect((s.panes[0].simulation as? ScriptedSimulation)?.index == 300 - back)
            #expect(s.clock == UInt64(300 - back) * 10)
        }
        let older = s.stepBack()
        #expect(!older, "nothing older is kept")
    }

    @Test func aTimelineThinsItsOldMarksButKeepsItsEnds() {
        var history = PaneHistory()
        for n in 0..<50_000 {
            var machine = MachineView(now: UInt64(n))
            machine.threads = [ThreadView(id: 1, name: "main", state: n % 2 == 0 ? .ready : .running(cpu: 0))]
            history.record(machine)
        }
        let changes = history.tracks[0].changes
        #expect(changes.count <= PaneHistory.maxChanges)
        #expect(changes.first?.time == 0 && changes.last?.time == 49_999 && changes.last?.kind == .running)
        #expect(changes.map(\.time) == changes.map(\.time).sorted())
    }
}
