import SimKernel
import Win32C

/// What the runtime keeps per simulated process, shared by its threads: the
/// C library's heap and console output, the statement count against the
/// budget, and the first fault. Lives in the kernel's process record
/// (`ThreadContext.processState`), so a kernel copy is a whole snapshot.
struct ProcessRuntime: Sendable {
    /// The fields live behind one reference, copied on write: the runtime is
    /// moved out of the kernel's process-state slot and back on every thread
    /// step, and as a one-word value that is a reference move instead of a
    /// heap box plus a retain of every table. Copies (kernel snapshots)
    /// still never see each other's changes.
    final class Storage: ProcessState, @unchecked Sendable {
        // Mutated only through a uniquely referenced `ProcessRuntime` (see
        // `unique`), one access at a time: the run-time exclusivity checks
        // a class property gets by default (two calls per C library call
        // answered inside the VM) are left out.
        @exclusivity(unchecked) var library = CProcess()
        @exclusivity(unchecked) var statements = 0
        @exclusivity(unchecked) var maxStatements: Int
        @exclusivity(unchecked) var maxOutputBytes = RunSettings.defaultMaxOutputBytes
        @exclusivity(unchecked) var nextThreadNumber = 1
        @exclusivity(unchecked) var endedThreadNumbers: [Int] = []
        @exclusivity(unchecked) var cpus: Int
        @exclusivity(unchecked) var fault: RecordedFault?
        @exclusivity(unchecked) var steppingThread: Int?
        @exclusivity(unchecked) var pausesAtStatements = false
        @exclusivity(unchecked) var labelsMade: [Int: Int] = [:]
        @exclusivity(unchecked) var scratchMapped = false
        @exclusivity(unchecked) var overlappeds = OverlappedRegistry()
        @exclusivity(unchecked) var namesOverlappeds = true

        init(maxStatements: Int, cpus: Int) {
            self.maxStatements = maxStatements
            self.cpus = cpus
        }

        init(copying other: Storage) {
            library = other.library
            statements = other.statements
            maxStatements = other.maxStatements
            maxOutputBytes = other.maxOutputBytes
            nextThreadNumber = other.nextThreadNumber
            endedThreadNumbers = other.endedThreadNumbers
            cpus = other.cpus
            fault = other.fault
            steppingThread = other.steppingThread
            pausesAtStatements = other.pausesAtStatements
            labelsMade = other.labelsMade
            scratchMapped = other.scratchMapped
            overlappeds = other.overlappeds
            namesOverlappeds = other.namesOverlappeds
        }
    }

    private var storage: Storage

    init(maxStatements: Int, cpus: Int) {
        storage = Storage(maxStatements: maxStatements, cpus: cpus)
    }

    /// The runtime a kernel process-state slot holds, if it holds one.
    init?(_ state: (any ProcessState)?) {
        guard let storage = state as? Storage else { return nil }
        self.storage = storage
    }

    /// The runtime moved out of a thread's context (left empty), so that it
    /// is uniquely referenced while the thread runs; a new one when the
    /// slot holds none.
    init(taking slot: inout (any ProcessState)?) {
        storage = slot.take() as? Storage ?? Storage(maxStatements: RunSettings.defaultMaxStatements, cpus: 1)
    }

    /// What the kernel keeps in the process's slot.
    var state: any ProcessState { storage }

    /// The storage, copied first if another value shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    var library: CProcess {
        get { storage.library }
        _modify { yield &unique().library }
    }
    /// Statements executed by all threads so far.
    var statements: Int {
        get { storage.statements }
        set { unique().statements = newValue }
    }
    var maxStatements: Int {
        get { storage.maxStatements }
        set { unique().maxStatements = newValue }
    }
    var maxOutputBytes: Int {
        get { storage.maxOutputBytes }
        set { unique().maxOutputBytes = newValue }
    }
    /// VM thread numbers pick each thread's stack; 0 is the main thread.
    var nextThreadNumber: Int {
        get { storage.nextThreadNumber }
        set { unique().nextThreadNumber = newValue }
    }
    /// Stack numbers of threads that have ended, reused (newest first) once
    /// every number has been handed out: only live threads count against
    /// `maxThreads`. Not before, so programs that stay under the limit keep
    /// the stack addresses (and traces) they always had.
    var endedThreadNumbers: [Int] {
        get { storage.endedThreadNumbers }
        _modify { yield &unique().endedThreadNumbers }
    }
    /// Threads whose stacks are in use: numbers handed out less those ended.
    var liveThreadStacks: Int { nextThreadNumber - 1 - endedThreadNumbers.count }

    /// Charges the live threads' stacks (1 MiB each, the main thread's too)
    /// against the commit limit the C library's `VirtualAlloc` shares.
    mutating func chargeThreadStacks() {
        library.stackBytes = UInt64(liveThreadStacks + 1) * VMThread.stackSize
    }
    var cpus: Int {
        get { storage.cpus }
        set { unique().cpus = newValue }
    }
    /// Set by the thread that faulted, before it reports the fault.
    var fault: RecordedFault? {
        get { storage.fault }
        set { unique().fault = newValue }
    }
    /// The thread `ProgramRun.stepStatement` is stepping: it pauses after
    /// each statement.
    var steppingThread: Int? {
        get { storage.steppingThread }
        set { unique().steppingThread = newValue }
    }
    /// While set, every thread of the process pauses after each statement
    /// (`ThreadStep.paused`), so a lesson can test its conditions there.
    var pausesAtStatements: Bool {
        get { storage.pausesAtStatements }
        set { unique().pausesAtStatements = newValue }
    }
    /// Objects labelled so far per call site (key: line << 20 | column);
    /// looked up, never iterated.
    var labelsMade: [Int: Int] {
        get { storage.labelsMade }
        _modify { yield &unique().labelsMade }
    }
    /// The `OVERLAPPED`s the program has passed to the kernel, with its names for them.
    var overlappeds: OverlappedRegistry {
        get { storage.overlappeds }
        _modify { yield &unique().overlappeds }
    }
    /// Whether to note the program's names for its `OVERLAPPED`s: only runs
    /// that record a trace are looked at (an untraced run is a measurement).
    var namesOverlappeds: Bool {
        get { storage.namesOverlappeds }
        set { unique().namesOverlappeds = newValue }
    }
    /// Whether the scratch area for out-parameters the runtime needs is mapped.
    var scratchMapped: Bool {
        get { storage.scratchMapped }
        set { unique().scratchMapped = newValue }
    }

    /// Stacks are laid out below the globals; beyond this many live threads
    /// `CreateThread` fails with `ERROR_NOT_ENOUGH_MEMORY`.
    static let maxThreads = 2_000
    /// One 64-byte slot per VM thread for out-parameters of calls the
    /// runtime builds from other services (`GetFileSize`, `SetFilePointer`).
    static let scratchBase: UInt64 = 0x0000_7FFE_0000_0000
    static let scratchSize: UInt64 = UInt64(maxThreads) * 64
}

/// A runtime fault and the thread it stopped.
struct RecordedFault: Sendable, Equatable {
    var thread: Int
    var fault: RuntimeFault
}
