import SimRuntime

/// Steps a Compare session as a learner does, for `overlapped bench`'s
/// `compare-step` workload: every `s` to the end, then `t` on the port
/// pane's threads, then `b` back. A step must feel instant (≤ 2 ms).
public enum StepBenchmark {
    /// Per-step times in seconds of the clock given (CPU time of the
    /// stepping thread in the bench, so a busy machine does not count).
    public struct Timing: Sendable {
        public var count = 0
        public var total: Double = 0
        public var slowest: Double = 0

        mutating func add(_ seconds: Double) {
            count += 1
            total += seconds
            slowest = max(slowest, seconds)
        }

        public var meanMilliseconds: Double { count > 0 ? total * 1000 / Double(count) : 0 }
        public var slowestMilliseconds: Double { slowest * 1000 }
    }

    public struct Result: Sendable {
        /// `s`: one step of the shared clock.
        public var events = Timing()
        /// `t`: until the selected thread runs a statement (all panes follow).
        public var statements = Timing()
        /// `b`: one step back (exact, replaying from the nearest copy).
        public var back = Timing()
        /// The clock when the event steps ended (the run's virtual length).
        public var finalClock: UInt64 = 0
    }

    public static func stepCompare(simulations: [any Simulation], labels: [String] = [], statementSteps: Int = 400,
                                   backSteps: Int = 200, seconds: () -> Double) -> Result {
        var result = Result()
        let start = Session(kind: .compare, caption: "bench", simulations: simulations, labels: labels)
        var session = start
        while true {
            let begin = seconds()
            guard session.stepLockstep() else { break }
            result.events.add(seconds() - begin)
        }
        result.finalClock = session.clock
        for _ in 0..<min(backSteps, session.history.count) {
            let begin = seconds()
            session.stepBack()
            result.back.add(seconds() - begin)
        }
        session = start
        let pane = max(0, session.panes.count - 1)
        session.selectedPane = pane
        for index in 0..<statementSteps where !session.isFinished {
            if session.panes[pane].isFinished { break }
            // Take each thread in turn, as a learner exploring the pool would.
            if index % 5 == 0 { session.panes[pane].moveSelection(by: 1) }
            let begin = seconds()
            guard session.stepSelectedStatement() else { break }
            result.statements.add(seconds() - begin)
        }
        return result
    }
}
