import SimKernel

/// A program run that tells every kernel event it handles in a sentence
/// (`Narrator`). It is a `Simulation` like the run it wraps, so the lesson
/// runner and the one-clock stepping drive it unchanged; the sentences are
/// part of its value, so a snapshot carries the narration so far.
public struct NarratedRun: Simulation {
    public private(set) var run: ProgramRun
    /// Every sentence so far, oldest first.
    public private(set) var sentences: [Narration] = []
    /// The picture after the last event: the "before" of the next sentence.
    private var lastMachine: MachineView
    /// Trace events seen so far (dropped ones included).
    private var traceSeen: Int
    private var toldEnding = false

    public init(_ run: ProgramRun) {
        self.run = run
        lastMachine = run.machine
        traceSeen = run.kernel.trace.dropped + run.kernel.trace.count
    }

    public var title: String { run.title }
    public var sourceFiles: [SourceFile] { run.sourceFiles }
    public var machine: MachineView { run.machine }
    public var log: [LogEntry] { run.log }
    public var output: String { run.output }
    public var outcome: SimulationOutcome? { run.outcome }
    public var now: UInt64 { run.now }
    public var logCount: Int { run.logCount }
    public var timelineSample: TimelineSample { run.timelineSample }
    public func recentLog(_ count: Int) -> [LogEntry] { run.recentLog(count) }
    public mutating func nextEventTime() -> UInt64? { run.nextEventTime() }
    public func statementMark(thread: Int) -> StatementMark? { run.statementMark(thread: thread) }
    public mutating func setStatementThread(_ thread: Int?) { run.setStatementThread(thread) }

    @discardableResult
    public mutating func stepEvent() -> Bool {
        let wasRunning = run.outcome == nil
        let more = run.stepEvent()
        guard wasRunning else { return more }
        let trace = run.kernel.trace
        let total = trace.dropped + trace.count
        let fresh = max(0, min(total - traceSeen, trace.count))
        let events = Array(trace.suffix(fresh))
        traceSeen = total
        let machine = run.machine
        if let sentence = Narrator.sentence(events: events, before: lastMachine, after: machine) {
            sentences.append(sentence)
        }
        lastMachine = machine
        if let outcome = run.outcome, !toldEnding {
            toldEnding = true
            sentences.append(Narrator.ending(outcome, at: run.now))
        }
        return more
    }
}
