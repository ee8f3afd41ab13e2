import SimKernel
import Win32C

/// What the runtime keeps per simulated process, shared by its threads: the
/// C library's heap and console output, the statement count against the
/// budget, and the first fault. Lives in the kernel's process record
/// (`ThreadContext.processState`), so a kernel copy is a whole snapshot.
struct ProcessRuntime: Sendable {
    var library = CProcess()
    /// Statements executed by all threads so far.
    var statements = 0
    var maxStatements: Int
    var maxOutputBytes = RunSettings.defaultMaxOutputBytes
    /// VM thread numbers pick each thread's stack; 0 is the main thread.
    var nextThreadNumber = 1
    var cpus: Int
    /// Set by the thread that faulted, before it reports the fault.
    var fault: RecordedFault?
    /// The thread `ProgramRun.stepStatement` is stepping: it runs one
    /// statement per kernel step instead of a chunk.
    var steppingThread: Int?
    /// Objects labelled so far per call site (key: line << 20 | column);
    /// looked up, never iterated.
    var labelsMade: [Int: Int] = [:]
    /// Whether the scratch area for out-parameters the runtime needs is mapped.
    var scratchMapped = false

    init(maxStatements: Int, cpus: Int) {
        self.maxStatements = maxStatements
        self.cpus = cpus
    }

    /// Stacks are laid out below the globals; beyond this many threads
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
