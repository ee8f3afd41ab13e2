import DequeModule
import SimMemory

// Internal state records of the kernel. All are value types: the `Kernel`
// that holds them is copied whole for a snapshot.

/// Where a thread is in its life.
enum RunState: Sendable, Equatable {
    case ready
    case running(cpu: Int)
    case waiting
    case terminated
}

/// A user APC waiting in a thread's queue.
struct QueuedAPC: Sendable, Equatable {
    var kind: APCView.Kind
    var routine: UInt64
    var arguments: [UInt64]
    var queuedAt: UInt64
}

/// One simulated thread.
struct ThreadRecord: Sendable {
    let id: Int
    let process: Int
    let objectId: Int
    var name: String
    var body: any ThreadBody
    var state: RunState = .ready
    /// What the body receives when it is next stepped.
    var pendingInput: ThreadInput = .start
    /// CPU time still to burn before the body is stepped again.
    var remainingCompute: UInt64 = 0
    /// When the current burst on a CPU started (for CPU-time accounting).
    var burstStart: UInt64 = 0
    var sliceEnd: UInt64 = 0
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
    var apcFrames: [WaitContinuation] = []
    var associatedPort: Int?
    var cpuTime: UInt64 = 0
    var wakeups: Int = 0
}

/// Why and how a thread is blocked.
struct WaitBlock: Sendable {
    var objects: [Int]
    var waitAll: Bool
    var alertable: Bool
    var deadline: UInt64?
    var call: String
    var continuation: WaitContinuation
    var generation: UInt64 = 0
    /// Port whose running count this wait decremented (rule 31).
    var countedDownPort: Int?
    /// Set for GetQueuedCompletionStatus(Ex) waits.
    var port: Int?
    /// Set for a synchronous-handle request the thread waits for.
    var request: Int?
}

/// How a wait turns into the service's return value when it ends.
enum WaitContinuation: Sendable, Equatable {
    case waitStatus
    case sleep(ex: Bool)
    case overlappedResult(overlapped: UInt64, bytesOut: UInt64, ex: Bool)
    case dequeue(bytesOut: UInt64, keyOut: UInt64, overlappedOut: UInt64)
    case dequeueEx(entries: UInt64, count: UInt32, removedOut: UInt64)
    case synchronousIO(bytesOut: UInt64, withOverlapped: Bool)
}

/// How a wait ended.
enum WaitOutcome: Sendable {
    case object(index: Int, abandoned: Bool)
    case timeout
    case userAPC
    case packets([CompletionPacket])
    case portClosed
    case ioDone(status: UInt32, bytes: UInt64)
}

/// An entry in an object's (or port's) list of blocked threads.
struct WaitEntry: Sendable, Equatable {
    var thread: Int
    var generation: UInt64
}

/// What every kernel object has.
struct KernelObject: Sendable {
    var kind: ObjectRef.Kind
    var label: String?
    var handleCount: Int = 0
    /// Threads blocked on this object, in wait order (FIFO).
    var waiters: [WaitEntry] = []
    /// False once the object is gone (last handle closed, nothing refers to it).
    var alive: Bool = true
}

struct EventState: Sendable { var manualReset: Bool; var signaled: Bool }
struct SemaphoreState: Sendable { var count: Int32; var maximum: Int32 }
struct MutexState: Sendable { var owner: Int?; var recursion: Int = 0; var abandoned: Bool = false }

/// A completion packet (NT: a KQUEUE entry).
struct CompletionPacket: Sendable, Equatable {
    var bytes: UInt32
    var key: UInt64
    var overlapped: UInt64
    var status: UInt32
    var posted: Bool
    var queuedAt: UInt64
}

/// An I/O completion port: NT's KQUEUE plus its associations.
struct PortState: Sendable {
    var limit: Int
    var running: Int = 0
    var packets: Deque<CompletionPacket> = []
    /// Blocked GetQueuedCompletionStatus callers; the newest is last (LIFO).
    var waiters: [WaitEntry] = []
    /// Associated threads, in association order. Entries of threads that
    /// left (`associatedPort` no longer this port) are dropped lazily; every
    /// reader skips them.
    var associated: [Int] = []
    /// How many entries of `associated` may be such leftovers.
    var staleAssociations = 0
    var devices: [PortView.Device] = []
    var closed: Bool = false
}

/// An open instance of a file (NT FILE_OBJECT).
struct FileObjectState: Sendable {
    var node: Int
    var process: Int
    var path: String
    var canRead: Bool
    var canWrite: Bool
    var canDelete: Bool
    var shareMode: UInt32
    var overlapped: Bool
    var noBuffering: Bool
    var signaled: Bool = true
    var position: UInt64 = 0
    var port: Int?
    var key: UInt64 = 0
    var modes: UInt8 = 0
    /// A synchronous file object serializes its requests (rule 1).
    var syncBusy: Bool = false
    var syncQueue: Deque<Int> = []
    /// Outstanding request ids (lookup only; sorted before any decision).
    var requests: Set<Int> = []
    var closed: Bool = false
    var hasDataAccess: Bool { canRead || canWrite || canDelete }

    /// The scalar fields only. Binding a whole `FileObjectState` while
    /// mutating `files` would make its collections copy on write.
    struct Summary {
        var node: Int, canRead: Bool, canWrite: Bool, overlapped: Bool, noBuffering: Bool, position: UInt64
        var port: Int?
    }
    var summary: Summary {
        Summary(node: node, canRead: canRead, canWrite: canWrite, overlapped: overlapped, noBuffering: noBuffering,
                position: position, port: port)
    }
}

/// One entry of a process's handle table.
struct HandleEntry: Sendable { var object: Int }

/// A process: address space, console output and handle table.
struct ProcessRecord: Sendable {
    let id: Int
    var name: String
    var memory: Memory
    var stdout: String = ""
    /// Index = handle value / 4; handle values are never reused.
    var handles: [HandleEntry?] = [nil]
    var objectId: Int
    var threads: [Int] = []
    /// Threads of `threads` not yet terminated (so an exit need not scan them all).
    var liveThreads = 0
    var exitCode: UInt32?
    /// The runtime's per-process state (see `ThreadContext.processState`).
    var runtimeState: (any Sendable)?
}

/// A queued or in-flight file request.
struct IORequest: Sendable {
    enum Phase: Sendable, Equatable { case waitingForFile, queuedOnDisk, inService, fileSystem }
    var id: Int
    var thread: Int
    var process: Int
    var fileObject: Int
    var node: Int
    var operation: IORequestView.Operation
    var offset: UInt64
    var length: UInt32
    var buffer: UInt64
    var overlapped: UInt64
    var event: Int?
    var suppressPacket: Bool
    var routine: UInt64
    var issuedAt: UInt64
    var completesAt: UInt64?
    var phase: Phase
    var writeData: [UInt8]
    var synchronousHandle: Bool
    /// A synchronous-handle request without OVERLAPPED uses the file position.
    var usesPosition: Bool
    var bytesOut: UInt64
    var cancelled: Bool = false
}

/// One CPU.
struct CPUState: Sendable {
    var thread: Int?
    var lastThread: Int?
    var busySince: UInt64?
    var busyTotal: UInt64 = 0
    /// Recent busy intervals (merged), for SimCpuUsage.
    var recent: Deque<(start: UInt64, end: UInt64)> = []
}

/// Something that happens at a virtual time.
struct ScheduledEvent: Sendable, Comparable {
    enum Action: Sendable {
        case cpuTimer(cpu: Int, thread: Int, generation: UInt64)
        case switchDone(cpu: Int, thread: Int, generation: UInt64)
        case waitTimeout(thread: Int, generation: UInt64)
        case diskDone(request: Int)
        case fileSystemDone(request: Int)
    }
    var time: UInt64
    var sequence: UInt64
    var action: Action
    static func < (a: ScheduledEvent, b: ScheduledEvent) -> Bool {
        a.time != b.time ? a.time < b.time : a.sequence < b.sequence
    }
    static func == (a: ScheduledEvent, b: ScheduledEvent) -> Bool { a.time == b.time && a.sequence == b.sequence }
}
