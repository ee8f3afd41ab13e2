import SimRuntime

/// Simulations being watched together: the four methods of Compare, or one
/// program in the Playground. Stepping is lockstep on one virtual clock.
///
/// A session is a value. `history` records every step and keeps copies of
/// the panes for the most recent steps and for a bounded number of older
/// checkpoints; stepping back to a state without a copy restores the nearest
/// earlier copy and replays the recorded steps, which is exact because
/// simulations are deterministic.
public struct Session: Sendable {
    public enum Kind: Sendable, Equatable { case compare, playground }

    public var kind: Kind
    /// A caption for the header ("default scenario · seed 1 · 2 CPUs").
    public var caption: String
    public var panes: [PaneState]
    /// The shared virtual clock in µs: the time of the latest lockstep step.
    public var clock: UInt64
    public var steps: Int
    public var selectedPane: Int
    public var running: Bool
    public var speedLevel: Int
    /// The first moment the panes' behaviour differed, once seen.
    public var divergence: Divergence?
    /// Every step taken since the start (or restart), oldest first.
    public var history: [HistoryEntry]
    /// Steps between kept checkpoints outside the recent window; doubles
    /// whenever more than `maxCheckpoints` would be kept.
    var checkpointSpacing: Int
    /// How many of the latest steps keep a full copy.
    public var recentSnapshots: Int = 16
    /// How many older copies (checkpoints) are kept at most.
    public var maxCheckpoints: Int = 16
    /// How many steps back the history reaches at most; older steps are
    /// forgotten, so a run watched for hours stays in bounded memory.
    public var maxHistory: Int = 50_000
    /// The panes as they started, for restart.
    public var initialPanes: [PaneState]
    /// Whether leaving this session returns to Home (else it quits the app).
    public var returnsToHome: Bool
    /// How many lines the Focus view's event log is scrolled back from its
    /// newest line (0: the newest are in view).
    public var logScroll: Int = 0
    /// Lines the source view is scrolled from where it keeps the selected
    /// thread's line (negative: up); a step sets it back to 0.
    public var sourceScroll: Int = 0
    /// Lines the Focus view's program output is scrolled back from its end.
    public var outputScroll: Int = 0
    /// Moves to replay before any free stepping (a lesson's reveal, watched
    /// move by move); nil when the session steps freely. Stepping takes the
    /// next one; stepping back puts the undone move back in front.
    public var script: [HistoryEntry.Step]?

    /// One step: what it was, and the state before it when a copy is kept.
    public struct HistoryEntry: Sendable {
        public enum Step: Sendable, Equatable {
            case lockstep
            case statement(pane: Int, thread: Int)
            /// A lockstep step with threads pausing after each statement (a lesson's reveal).
            case pausingStep
        }
        public var step: Step
        public var before: Snapshot?
    }

    /// The part of a session that stepping changes.
    public struct Snapshot: Sendable {
        public var panes: [PaneState]
        public var clock: UInt64
        public var steps: Int
        public var divergence: Divergence?
    }

    public struct Divergence: Sendable, Equatable {
        public var time: UInt64
        /// Requests completed per pane at that moment.
        public var done: [Int]
        /// Completions handled per pane (dequeued from a port or run as an APC).
        public var handled: [Int]
    }

    public init(kind: Kind, caption: String, simulations: [any Simulation], labels: [String] = [],
                returnsToHome: Bool = false) {
        self.kind = kind
        self.caption = caption
        self.panes = simulations.enumerated().map { index, simulation in
            PaneState(simulation: simulation, label: index < labels.count ? labels[index] : nil)
        }
        self.clock = 0
        self.steps = 0
        self.selectedPane = 0
        self.running = false
        self.speedLevel = Speed.defaultLevel
        self.divergence = nil
        self.history = []
        self.checkpointSpacing = 16
        self.initialPanes = panes
        self.returnsToHome = returnsToHome
    }

    public var isFinished: Bool { panes.allSatisfy(\.isFinished) }
    public var speed: Speed { Speed.level(speedLevel) }

    public var snapshot: Snapshot {
        Snapshot(panes: panes, clock: clock, steps: steps, divergence: divergence)
    }

    mutating func restore(_ snapshot: Snapshot) {
        panes = snapshot.panes
        clock = snapshot.clock
        steps = snapshot.steps
        divergence = snapshot.divergence
        if selectedPane >= panes.count { selectedPane = 0 }
    }
}
