import DequeModule

/// One simulated thread.
struct ThreadRecord: Sendable {
    let id: ThreadID
    let process: Int
    let objectId: ObjectID
    /// The program's name for it: its description once set, else `startName`.
    var name: String
    /// The name it was created with (the function it started at, "main").
    let startName: String
    /// True once `SetThreadDescription` named it.
    var described = false
    var body: any ThreadBody
    var state: RunState = .ready
    /// What the body receives when it is next stepped.
    var pendingInput: ThreadInput = .start
    /// CPU time still to burn before the body is stepped again.
    var remainingCompute: UInt64 = 0
    /// When the current burst on a CPU started (for CPU-time accounting).
    var burstStart: UInt64 = 0
    var sliceEnd: UInt64 = 0
    /// True while a compute burst is timed on the CPU (`burstStart` valid).
    var inBurst = false
    /// The priority the thread returns to (normal: 8; every user thread has it).
    var basePriority = Kernel.normalPriority
    /// Current (dynamic) priority: base plus what is left of a wait boost.
    /// Never below the base; a boost decays by one at each quantum end.
    var priority = Kernel.normalPriority
    /// Bumped whenever the thread leaves a CPU, so stale CPU timers are ignored.
    var cpuGeneration: UInt64 = 0
    var wait: WaitBlock?
    /// Bumped whenever a wait begins or ends: stale waiter entries and
    /// timeouts carry an older generation.
    var waitGeneration: UInt64 = 0
    var lastError: UInt32 = 0
    var exitCode: UInt32?
    var apcQueue: Deque<QueuedAPC> = []
    /// One entry per alertable wait currently delivering APCs (innermost
    /// last): how that wait returns once the queue is drained (rule 21).
    var apcFrames: [APCFrame] = []
    var associatedPort: ObjectID?
    var cpuTime: UInt64 = 0
    var wakeups: Int = 0
    /// Completions this thread's last wait or GetOverlappedResult observed,
    /// handled when the thread next runs (see `Kernel+Observation`): how
    /// many, the sum of their completion times and the earliest of them.
    var observedCompletions = 0
    var observedTimeSum: UInt64 = 0
    var observedEarliest: UInt64 = .max
}

/// Where a thread is in its life.
enum RunState: Sendable, Equatable {
    case ready
    case running(cpu: Int)
    case waiting
    case terminated
}

/// An alertable wait that is delivering APCs: the call it belongs to (for
/// the trace) and how it returns once the queue is drained.
struct APCFrame: Sendable {
    var call: String
    var continuation: WaitContinuation
}

/// A user APC waiting in a thread's queue.
struct QueuedAPC: Sendable, Equatable {
    var kind: APCKind
    var routine: UInt64
    var arguments: [UInt64]
    var queuedAt: UInt64
}

/// What an APC is: a completion routine of an alertable request, or one
/// queued by `QueueUserAPC`.
public enum APCKind: String, Sendable, Equatable { case completionRoutine, userAPC }
