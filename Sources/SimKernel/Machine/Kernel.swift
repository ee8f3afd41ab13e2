import SimMemory

/// The simulated Windows NT kernel: CPUs, threads, kernel objects, waits,
/// files on a disk, APCs and completion ports, in virtual time.
///
/// A `Kernel` is a value. Copying it is a snapshot; running the copy again
/// gives the same trace as running the original (thread bodies must be value
/// types for this to hold). Everything it does is a pure function of the
/// configuration, the programs and the seed.
///
/// Typical use:
/// ```swift
/// var k = Kernel(configuration: KernelConfiguration(cpus: 2, seed: 7))
/// let p = k.createProcess(name: "demo", memory: memory)
/// k.createThread(process: p, body: MyBody(), name: "main")
/// let status = k.run()           // .finished, .deadlock(report), .faulted …
/// print(k.trace.text)            // one line per kernel action
/// let picture = k.view()         // MachineView for the UI
/// ```
public struct Kernel: Sendable {
    public let configuration: KernelConfiguration
    /// Every kernel action so far (empty when tracing is off).
    public internal(set) var trace = TraceLog()
    /// Set when the machine stopped for good (fault, process exit).
    public internal(set) var halted: RunStatus?

    // The parts (see the SimKernel documentation, "Inside"): each holds its
    // own state and the operations on it alone; what spans parts is here.

    /// Clock, event queue, CPUs, ready queues.
    @usableFromInline var scheduler: Scheduler
    /// Object records, events, semaphores, mutexes, thread objects.
    var objects = ObjectStore()
    /// Volume, page cache, file objects, requests in flight, disk.
    var io: IOSystem
    /// Completion ports.
    var ports = PortTable()
    /// Index = thread id; slot 0 unused. Every part refers to threads.
    var threads = DenseTable<ThreadID, ThreadRecord>(
        placeholder: ThreadRecord(id: ThreadID(0), process: 0, objectId: ObjectID(0), name: "", startName: "", body: IdleBody(),
                                  state: .terminated))
    @usableFromInline var processes: [ProcessRecord] = []

    /// Virtual time in µs.
    @inlinable public var now: UInt64 { scheduler.now }
    /// The disk's files.
    public var volume: Volume { io.volume }

    var rng: SplitMix64
    /// The thread whose body is being stepped right now (see
    /// `CPUState.preemptPending`).
    var steppingThread: ThreadID?
    /// The thread (and its CPU) whose body answered `.paused`: the next
    /// `step()` continues it before handling any event.
    var pausedBody: PausedBody?
    /// Set for the duration of `step(runningAhead: true)`.
    var runningAhead = false
    var counters = MachineCounters()
    /// Completions that signaled an event or a file and were not yet seen
    /// by a wait or GetOverlappedResult (see `Kernel+Observation`).
    var signaledCompletions: [SignaledCompletion] = []
    /// User APCs waiting in any thread's queue: the quota of `KernelLimits`
    /// counts these (as `PortTable` counts posted packets; I/O completions
    /// are bounded by requests).
    var queuedUserAPCs = 0
    var tracing: Bool
    /// Names of routines in program memory (completion routines, APC
    /// functions) for the view, supplied by the runtime.
    var routineNames: [UInt64: String] = [:]
    /// Misuse warnings so far (see `Kernel+Warnings`), and the places that reported them.
    var warnings: [MisuseWarning] = []
    var warningSites: Set<WarningSite> = []
    /// The program file the last located warning named (for one whose thread has no C frame left).
    var lastWarningFile: String?
    /// The files with two or more requests in flight, which a wait on them
    /// is warned about: few, so a wait checks its objects against this list.
    var filesWithSeveralRequests: [ObjectID] = []
    /// Why things happened, for `why(thread:)`; recorded only while tracing.
    var causes = CauseBook()

    public init(configuration: KernelConfiguration = KernelConfiguration()) {
        self.configuration = configuration
        rng = SplitMix64(seed: configuration.seed)
        scheduler = Scheduler(cpuCount: configuration.cpus)
        io = IOSystem(cacheBytes: configuration.disk.cacheBytes)
        tracing = configuration.tracing
        counters.cpuBusy = Array(repeating: 0, count: scheduler.cpus.count)
        for file in configuration.initialFiles {
            let seed = Volume.patternSeed(kernelSeed: configuration.seed, path: file.path)
            _ = io.volume.create(path: file.path, content: FileContent(size: file.size, patternSeed: seed))
        }
        io.volumeCapacity = io.volume.usedBytes &+ configuration.limits.volumeFreeBytes
    }

    // MARK: Setting up

    /// Creates a process around an address space the caller has laid out.
    @discardableResult
    public mutating func createProcess(name: String, memory: Memory = Memory()) -> Int {
        let objectId = objects.create(.process, label: name)
        let id = processes.count
        processes.append(ProcessRecord(id: id, name: name, memory: memory, objectId: objectId))
        return id
    }

    /// Creates a ready thread in `process`. The first thread of a process is
    /// named "main" unless a name is given.
    @discardableResult
    public mutating func createThread(process: Int, body: some ThreadBody, name: String? = nil) -> Int {
        spawnThread(process: process, body: body, name: name, creator: nil).rawValue
    }

    /// Adds a file to the volume (content copied in; for tests and tools).
    public mutating func addFile(path: String, bytes: [UInt8]) {
        var content = FileContent()
        content.write(bytes, at: 0)
        if let id = io.volume.nodeID(path: path) {
            _ = io.volume.with(id) { $0.content = content }
        } else {
            _ = io.volume.create(path: path, content: content)
        }
    }

    // MARK: Process access for the runtime

    public func memory(of process: Int) -> Memory? {
        processes.indices.contains(process) ? processes[process].memory : nil
    }

    /// Changes a process's memory between steps (loading a program, tests).
    public mutating func withMemory<R>(of process: Int, _ body: (inout Memory) throws -> R) rethrows -> R? {
        guard processes.indices.contains(process) else { return nil }
        return try body(&processes[process].memory)
    }

    public func stdout(of process: Int) -> String {
        processes.indices.contains(process) ? processes[process].stdout : ""
    }

    /// The runtime's per-process state (see `ThreadContext.processState`).
    public func processState(of process: Int) -> (any ProcessState)? {
        processes.indices.contains(process) ? processes[process].runtimeState : nil
    }

    /// Sets the runtime's per-process state between steps (loading a program).
    public mutating func setProcessState(_ state: (any ProcessState)?, of process: Int) {
        guard processes.indices.contains(process) else { return }
        processes[process].runtimeState = state
    }

    /// The body of a thread as it is now (tests inspect scripted bodies).
    public func body(ofThread id: Int) -> (any ThreadBody)? {
        threads.contains(ThreadID(id)) ? threads[ThreadID(id)].body : nil
    }

    /// Whether thread `id` is blocked in a wait, and whether it has ended:
    /// what a caller stepping one thread needs after each event, without
    /// building the whole `view()`.
    public func waitingOrEnded(thread id: Int) -> (waiting: Bool, ended: Bool) {
        let tid = ThreadID(id)
        guard threads.contains(tid) else { return (false, true) }
        return (threads[tid].state == .waiting, threads[tid].state == .terminated)
    }

    public func exitCode(ofThread id: Int) -> UInt32? {
        threads.contains(ThreadID(id)) ? threads[ThreadID(id)].exitCode : nil
    }

    public func lastError(ofThread id: Int) -> UInt32? {
        threads.contains(ThreadID(id)) ? threads[ThreadID(id)].lastError : nil
    }

    /// Inlinable: a caller stepping the kernel in a loop asks this after
    /// every step, and a call across the module copied the whole kernel.
    @inlinable
    public func exitCode(ofProcess id: Int) -> UInt32? {
        processes.indices.contains(id) ? processes[id].exitCode : nil
    }

    /// Gives the object behind a handle a name for the view.
    public mutating func label(handle: UInt64, in process: Int, as label: String) {
        if let id = objectID(handle: handle, process: process, thread: nil) { objects[id].label = label }
    }

    /// Names a routine address ("ReadCompleted") for the view's APC queues.
    public mutating func nameRoutine(at address: UInt64, _ name: String) { routineNames[address] = name }

    /// The object id behind a handle value, if any.
    public func objectID(handle: UInt64, process: Int) -> Int? {
        objectID(handle: handle, process: process, thread: nil)?.rawValue
    }

    // MARK: Bookkeeping helpers

    /// Adds an event to the trace when tracing. Callers that build texts
    /// for it test `tracing` first: Swift evaluates arguments before the
    /// call, and lazy (autoclosure) arguments that read `self` would
    /// overlap this mutating access.
    @inline(__always)
    mutating func record(_ thread: ThreadID?, _ action: TraceEvent.Action, _ name: String, objects: [ObjectID] = [],
                         _ detail: String = "", result: String = "", mentioning mentioned: ThreadID? = nil) {
        guard tracing else { return }
        trace.append(TraceEvent(time: now, thread: thread?.rawValue, action: action, name: name, objects: objects.map(\.rawValue),
                                detail: detail, result: result, mentionedThread: mentioned?.rawValue))
        trimTrace()
    }

    /// Keeps the trace near `traceLimit`, dropping the oldest events a chunk
    /// at a time.
    mutating func trimTrace() {
        if let limit = configuration.traceLimit { trace.trim(toAtLeast: limit) }
    }
}

/// A body that never runs; fills thread slot 0.
struct IdleBody: ThreadBody {
    mutating func step(_ input: ThreadInput, context: inout ThreadContext) -> ThreadStep { .exited(0) }
    var stack: [CodeLocation] { [] }
}
