import SimMemory

/// What a simulated thread runs: anything that can be stepped.
///
/// The kernel calls `step` whenever the thread is on a CPU and has nothing
/// pending. The body answers with one `ThreadStep`; the kernel carries it out
/// (advancing virtual time, running a service, blocking the thread) and later
/// steps the body again with the outcome as `ThreadInput`.
///
/// Bodies must be value types (their whole state copied with the kernel), so
/// that a copy of the `Kernel` is a snapshot and restoring it and running
/// again reproduces the same trace.
public protocol ThreadBody: Sendable {
    /// Runs the thread until its next interaction with the kernel.
    mutating func step(_ input: ThreadInput, context: inout ThreadContext) -> ThreadStep
    /// Innermost first: where the thread is in its program (for the view).
    /// An APC routine running inside an alertable wait is a frame above it.
    var stack: [CodeLocation] { get }
    /// Where the thread is, or was last when it has ended (for warnings).
    var lastLocation: CodeLocation? { get }
}

extension ThreadBody {
    public var lastLocation: CodeLocation? { stack.first }
}

/// What the kernel hands a body when it steps it.
public enum ThreadInput: Sendable, Equatable {
    /// First step of a new thread.
    case start
    /// The computation the body reported (`.computed`) has been done.
    case proceed
    /// The service the body called has returned.
    case resume(ServiceResult)
    /// An alertable wait is delivering a user APC: call `routine` with
    /// `arguments` as a nested call on this thread's stack, then report
    /// `.apcReturned`. Completion routines get (dwErrorCode,
    /// dwNumberOfBytesTransfered, lpOverlapped); `QueueUserAPC` functions get
    /// (dwData).
    case runAPC(routine: UInt64, arguments: [UInt64])
}

/// What a body answers when stepped.
public enum ThreadStep: Sendable {
    /// The thread ran for this many µs of CPU time (may be preempted meanwhile).
    case computed(UInt64)
    /// The thread calls a system service; its result arrives as `.resume`.
    case call(Service)
    /// The APC routine delivered with `.runAPC` has returned.
    case apcReturned
    /// The thread's start routine returned (like `ExitThread(code)`).
    case exited(UInt32)
    /// A runtime fault (bad pointer, division by zero): the machine stops.
    case faulted(String)
    /// The body stopped between two statements only so that whoever steps the
    /// kernel can look at this moment: no time passes, and the next
    /// `Kernel.step()` goes on with this body (`.proceed`) before any event,
    /// exactly where an unpaused run would have gone on. A lesson's
    /// conditions are tested at these moments.
    case paused
}

/// The thread's window on its process while it is being stepped.
public struct ThreadContext: Sendable {
    /// The process's address space (loads, stores, buffers).
    public var memory: Memory
    /// The process's console output so far; append to it.
    public var stdout: String
    public internal(set) var threadId: Int
    public internal(set) var processId: Int
    /// Virtual time in µs.
    public internal(set) var now: UInt64
    /// State the runtime keeps per process (the C library's heap and output,
    /// shared by the process's threads). Opaque to the kernel; copied with it,
    /// so it is part of every snapshot.
    public var processState: (any ProcessState)?

    public init(memory: Memory, stdout: String, threadId: Int, processId: Int, now: UInt64,
                processState: (any ProcessState)? = nil) {
        self.memory = memory; self.stdout = stdout; self.threadId = threadId; self.processId = processId; self.now = now
        self.processState = processState
    }
}

/// What a runtime keeps per process in the kernel (`ThreadContext.processState`).
///
/// A class, so handing it to a body and back on every step moves one
/// reference. The kernel never looks inside, and a copy of the kernel (a
/// snapshot) shares the object: a runtime must copy it before changing it
/// unless it holds the only reference (copy on write).
public protocol ProcessState: AnyObject, Sendable {}

/// The outcome of a service: the Win32 return value (BOOL, DWORD, HANDLE…
/// widened to 64 bits) and the thread's last-error value after the call.
/// Out-parameters have already been written into memory by the kernel.
public struct ServiceResult: Sendable, Equatable, CustomStringConvertible {
    public var value: UInt64
    public var lastError: UInt32

    public init(value: UInt64, lastError: UInt32) { self.value = value; self.lastError = lastError }

    /// Convenience for BOOL-returning services.
    public var succeeded: Bool { value != 0 }
    public var description: String { "\(value) (err \(lastError))" }
}

/// A body that stopped between statements (`ThreadStep.paused`) and where it runs.
struct PausedBody: Sendable, Equatable {
    var thread: ThreadID
    var cpu: Int
}
