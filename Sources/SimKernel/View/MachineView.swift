/// A read-only picture of one simulated machine at one instant.
///
/// This is the only way views (the terminal UI) and lesson checkpoints look at
/// the kernel: they never reach into kernel internals. Everything here is
/// plain data, ordered deterministically (by id unless stated otherwise).
public struct MachineView: Sendable, Equatable {
    /// Virtual time in microseconds.
    public var now: UInt64
    public var cpuCount: Int
    /// The thread running on each CPU (index = CPU number), nil when idle.
    public var cpus: [Int?]
    public var threads: [ThreadView]
    public var events: [EventView]
    public var semaphores: [SemaphoreView]
    public var mutexes: [MutexView]
    public var files: [FileObjectView]
    public var ports: [PortView]
    /// Requests issued and not yet completed, oldest first.
    public var requests: [IORequestView]
    public var counters: MachineCounters
    /// The `OVERLAPPED` structures the program has passed to the kernel, as
    /// they are in its memory now, oldest first (filled in by the runtime,
    /// which knows the program's names for them; empty from a bare kernel).
    public var overlappeds: [OverlappedView] = []

    public init(now: UInt64 = 0, cpuCount: Int = 2, cpus: [Int?] = [], threads: [ThreadView] = [],
                events: [EventView] = [], semaphores: [SemaphoreView] = [], mutexes: [MutexView] = [],
                files: [FileObjectView] = [], ports: [PortView] = [], requests: [IORequestView] = [],
                counters: MachineCounters = MachineCounters()) {
        self.now = now; self.cpuCount = cpuCount; self.cpus = cpus; self.threads = threads
        self.events = events; self.semaphores = semaphores; self.mutexes = mutexes
        self.files = files; self.ports = ports; self.requests = requests; self.counters = counters
    }

    public func thread(_ id: Int) -> ThreadView? { threads.first { $0.id == id } }
}

/// Where in its program a thread is; supplied by the thread body (the kernel
/// does not know what a source line is).
public struct CodeLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    /// The function executing, for the view ("worker", "ReadCompleted").
    public var function: String
    public init(file: String, line: Int, column: Int, function: String = "") {
        self.file = file; self.line = line; self.column = column; self.function = function
    }
}

/// A kernel object as a view names it.
public struct ObjectRef: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Equatable, Hashable {
        case event, semaphore, mutex, thread, file, port, process
    }
    /// Kernel object id (stable for the object's life, never reused in a run).
    public var id: Int
    public var kind: Kind
    /// A short label: the program's name for it when known ("hEvent[2]"),
    /// otherwise kind and id ("Event#3").
    public var label: String
    public init(id: Int, kind: Kind, label: String) { self.id = id; self.kind = kind; self.label = label }
}

public struct ThreadView: Sendable, Equatable {
    /// Thread id as `GetCurrentThreadId` reports it.
    public var id: Int
    /// From `SetThreadDescription`, else "T<n>" (main thread: "main").
    public var name: String
    public var state: ThreadStateView
    /// Innermost first: the current location, then its callers. A completion
    /// routine or APC running inside an alertable wait appears as a frame
    /// above the waiting call.
    public var stack: [CodeLocation]
    /// True while the thread runs a user APC / completion routine delivered in
    /// an alertable wait.
    public var inAPC: Bool
    /// Queued user APCs (completion routines and QueueUserAPC), oldest first.
    public var apcQueue: [APCView]
    /// The completion port this thread is associated with (rule 32), if any.
    public var associatedPort: Int?
    public var lastError: UInt32
    public var cpuTime: UInt64
    public var wakeups: Int
    /// Current (dynamic) priority: `basePriority` plus what is left of a
    /// wait boost.
    public var priority: Int
    /// Normal priority (8) for every user thread.
    public var basePriority: Int
    /// Misuse warnings this thread raised (`MisuseWarning`).
    public var warnings = 0
    public init(id: Int, name: String, state: ThreadStateView, stack: [CodeLocation] = [], inAPC: Bool = false,
                apcQueue: [APCView] = [], associatedPort: Int? = nil, lastError: UInt32 = 0,
                cpuTime: UInt64 = 0, wakeups: Int = 0, priority: Int = 8, basePriority: Int = 8) {
        self.id = id; self.name = name; self.state = state; self.stack = stack; self.inAPC = inAPC
        self.apcQueue = apcQueue; self.associatedPort = associatedPort; self.lastError = lastError
        self.cpuTime = cpuTime; self.wakeups = wakeups; self.priority = priority; self.basePriority = basePriority
    }
    public var location: CodeLocation? { stack.first }
}

public enum ThreadStateView: Sendable, Equatable {
    case ready
    case running(cpu: Int)
    case waiting(WaitView)
    case terminated(exitCode: UInt32)

    /// The state without its details: what a timeline records.
    public var kind: ThreadStateKind {
        switch self {
        case .ready: return .ready
        case .running: return .running
        case .waiting(let w): return w.alertable ? .alertable : .waiting
        case .terminated: return .terminated
        }
    }

    /// One letter for the state, so colour is never the only cue.
    public var letter: Character { kind.letter }
}

/// The five states a thread is drawn in, alertable waits apart from others.
public enum ThreadStateKind: Sendable, Equatable, CaseIterable {
    case running, ready, waiting, alertable, terminated

    /// The letter screens, traces and lessons show for the state.
    public var letter: Character {
        switch self {
        case .running: return "X"
        case .ready: return "R"
        case .waiting: return "W"
        case .alertable: return "A"
        case .terminated: return "T"
        }
    }
}

/// One thread's state as a timeline records it, taken without building the
/// whole picture.
public struct ThreadStateSample: Sendable, Equatable {
    public var id: Int
    public var kind: ThreadStateKind
    public init(id: Int, kind: ThreadStateKind) { self.id = id; self.kind = kind }
}

public struct WaitView: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// WaitForSingle/MultipleObjects(Ex), SignalObjectAndWait, GetOverlappedResult.
        case objects([ObjectRef], waitAll: Bool)
        /// Sleep / SleepEx.
        case sleep
        /// GetQueuedCompletionStatus(Ex) on this port.
        case completionPort(ObjectRef)
        /// A synchronous ReadFile/WriteFile in progress.
        case synchronousIO(ObjectRef)
    }
    public var reason: Reason
    public var alertable: Bool
    /// Absolute virtual time at which the wait times out; nil for INFINITE.
    public var deadline: UInt64?
    /// The Win32 call that is waiting ("WaitForMultipleObjects").
    public var call: String
    public init(reason: Reason, alertable: Bool, deadline: UInt64?, call: String) {
        self.reason = reason; self.alertable = alertable; self.deadline = deadline; self.call = call
    }
}

public struct APCView: Sendable, Equatable {
    public typealias Kind = APCKind
    public var kind: Kind
    /// Address of the routine in program memory and its name when known.
    public var routine: UInt64
    public var routineName: String
    /// For completion routines: error code, bytes, overlapped address.
    /// For user APCs: the ULONG_PTR argument in `argument`.
    public var errorCode: UInt32
    public var bytes: UInt32
    public var argument: UInt64
    /// For completion routines: the program's name for the request's
    /// `OVERLAPPED` ("ior[2]"), when the runtime knows it.
    public var overlappedLabel: String?
    public init(kind: Kind, routine: UInt64, routineName: String, errorCode: UInt32 = 0, bytes: UInt32 = 0, argument: UInt64 = 0) {
        self.kind = kind; self.routine = routine; self.routineName = routineName
        self.errorCode = errorCode; self.bytes = bytes; self.argument = argument
    }
}

public struct EventView: Sendable, Equatable {
    public var object: ObjectRef
    public var manualReset: Bool
    public var signaled: Bool
    /// Handle values in the process's table that refer to this event (to
    /// name an `OVERLAPPED.hEvent` by its event).
    public var handles: [UInt64] = []
    public init(object: ObjectRef, manualReset: Bool, signaled: Bool) {
        self.object = object; self.manualReset = manualReset; self.signaled = signaled
    }
}

public struct SemaphoreView: Sendable, Equatable {
    public var object: ObjectRef
    public var count: Int32
    public var maximum: Int32
    public init(object: ObjectRef, count: Int32, maximum: Int32) { self.object = object; self.count = count; self.maximum = maximum }
}

public struct MutexView: Sendable, Equatable {
    public var object: ObjectRef
    public var owner: Int?
    public var recursion: Int
    public var abandoned: Bool
    public init(object: ObjectRef, owner: Int?, recursion: Int, abandoned: Bool) {
        self.object = object; self.owner = owner; self.recursion = recursion; self.abandoned = abandoned
    }
}

public struct FileObjectView: Sendable, Equatable {
    public var object: ObjectRef
    public var path: String
    public var overlapped: Bool
    public var noBuffering: Bool
    /// The file object's own manual-reset signal (method 1).
    public var signaled: Bool
    /// Current position (synchronous handles).
    public var position: UInt64
    public var port: Int?
    public var key: UInt64?
    /// FILE_SKIP_COMPLETION_PORT_ON_SUCCESS / FILE_SKIP_SET_EVENT_ON_HANDLE.
    public var notificationModes: UInt8
    /// Handle values in the process's table that refer to this file object.
    public var handles: [UInt64]
    public init(object: ObjectRef, path: String, overlapped: Bool, noBuffering: Bool, signaled: Bool,
                position: UInt64, port: Int?, key: UInt64?, notificationModes: UInt8, handles: [UInt64]) {
        self.object = object; self.path = path; self.overlapped = overlapped; self.noBuffering = noBuffering
        self.signaled = signaled; self.position = position; self.port = port; self.key = key
        self.notificationModes = notificationModes; self.handles = handles
    }
}

public struct PacketView: Sendable, Equatable {
    public var bytes: UInt32
    public var key: UInt64
    public var overlapped: UInt64
    /// NTSTATUS of the completion (0 = STATUS_SUCCESS).
    public var status: UInt32
    /// True for PostQueuedCompletionStatus packets.
    public var posted: Bool
    /// The program's name for the `OVERLAPPED` the packet points at, when known.
    public var overlappedLabel: String?
    public init(bytes: UInt32, key: UInt64, overlapped: UInt64, status: UInt32, posted: Bool) {
        self.bytes = bytes; self.key = key; self.overlapped = overlapped; self.status = status; self.posted = posted
    }
}

/// A completion port as the chapter draws it. `waiting` and `queue` are NT's
/// real structures; `released` and `paused` are derived (docs/SEMANTICS.md
/// "Completion port view").
public struct PortView: Sendable, Equatable {
    public var object: ObjectRef
    public struct Device: Sendable, Equatable {
        public var file: ObjectRef
        public var key: UInt64
        public init(file: ObjectRef, key: UInt64) { self.file = file; self.key = key }
    }
    public var devices: [Device]
    /// Completion packets, oldest first (FIFO).
    public var queue: [PacketView]
    /// Thread ids blocked in GetQueuedCompletionStatus(Ex), most recent first (LIFO).
    public var waiting: [Int]
    /// Associated threads counted as running (on a CPU or ready).
    public var released: [Int]
    /// Associated threads blocked in some other wait.
    public var paused: [Int]
    public var running: Int
    public var limit: Int
    public var closed: Bool
    public init(object: ObjectRef, devices: [Device], queue: [PacketView], waiting: [Int], released: [Int],
                paused: [Int], running: Int, limit: Int, closed: Bool) {
        self.object = object; self.devices = devices; self.queue = queue; self.waiting = waiting
        self.released = released; self.paused = paused; self.running = running; self.limit = limit; self.closed = closed
    }
}

public struct IORequestView: Sendable, Equatable {
    public typealias Operation = IOOperation
    public var id: Int
    public var thread: Int
    public var file: ObjectRef
    public var operation: Operation
    public var offset: UInt64
    public var length: UInt32
    /// Address of the OVERLAPPED, 0 for a synchronous request without one.
    public var overlapped: UInt64
    public var issuedAt: UInt64
    /// When the device will finish it (known to the simulator, shown to learners).
    public var completesAt: UInt64?
    /// The program's name for the request's `OVERLAPPED` ("oRead",
    /// "ior[2]"), when the runtime knows it.
    public var overlappedLabel: String?
    public init(id: Int, thread: Int, file: ObjectRef, operation: Operation, offset: UInt64, length: UInt32,
                overlapped: UInt64, issuedAt: UInt64, completesAt: UInt64?) {
        self.id = id; self.thread = thread; self.file = file; self.operation = operation; self.offset = offset
        self.length = length; self.overlapped = overlapped; self.issuedAt = issuedAt; self.completesAt = completesAt
    }
}

/// One `OVERLAPPED` as it is in the program's memory: what the kernel wrote
/// into it (`Internal`, `InternalHigh`) and what the program set (`Offset`,
/// `hEvent`), under the program's name for it.
public struct OverlappedView: Sendable, Equatable {
    public var address: UInt64
    /// The program's name for it: the expression passed to the call, with a
    /// loop index resolved to the element ("ior[2]", "g_requests[3].ov").
    public var label: String
    /// NTSTATUS: `STATUS_PENDING` while the request is in flight.
    public var status: UInt32
    /// Bytes transferred, once complete.
    public var bytes: UInt64
    public var offset: UInt64
    public var hEvent: UInt64
    public init(address: UInt64, label: String, status: UInt32, bytes: UInt64, offset: UInt64, hEvent: UInt64) {
        self.address = address; self.label = label; self.status = status; self.bytes = bytes
        self.offset = offset; self.hEvent = hEvent
    }
}

public struct MachineCounters: Sendable, Equatable {
    /// Scheduled events handled (timers, device completions, dispatches)
    /// plus system services performed.
    public var kernelEvents: Int = 0
    public var contextSwitches: Int = 0
    public var wakeups: Int = 0
    public var requestsIssued: Int = 0
    public var requestsCompleted: Int = 0
    /// Busy microseconds per CPU.
    public var cpuBusy: [UInt64] = []
    /// Sum over handled completions of (handled time − completion time), and
    /// how many were handled: mean completion-to-handling latency.
    public var handlingLatencyTotal: UInt64 = 0
    public var handledCompletions: Int = 0
    /// The longest completion-to-handling latency seen.
    public var handlingLatencyMax: UInt64 = 0
    /// Highest number of runnable (ready or running) threads seen at once.
    public var peakRunnable: Int = 0
    /// Times a readied thread of higher current priority took a CPU from a
    /// running thread (quantum-end switches are not counted).
    public var preemptions: Int = 0
    public init() {}
}
