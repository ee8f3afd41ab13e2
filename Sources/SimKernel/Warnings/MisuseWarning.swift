/// A mistake in the use of the Win32 I/O API that the simulated kernel or
/// runtime saw the program make as it ran: the program may still work here,
/// but on Windows the mistake corrupts memory, loses completions or
/// notifies the wrong request.
public struct MisuseWarning: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// An `OVERLAPPED` passed to a new request while its request is pending.
        case overlappedReused = "overlapped-reused"
        /// A field of a pending request's `OVERLAPPED` written by the program.
        case overlappedModified = "overlapped-modified"
        /// A function returned while its stack frame holds a pending request's `OVERLAPPED` or buffer.
        case pendingFrameReturned = "frame-returned-while-pending"
        /// `free`/`HeapFree`/`VirtualFree` of a pending request's `OVERLAPPED` or buffer.
        case pendingMemoryFreed = "freed-while-pending"
        /// One event as `hEvent` of two requests in flight.
        case eventShared = "event-shared"
        /// A wait on a file handle (method 1) with two or more requests in flight on it.
        case ambiguousFileWait = "ambiguous-file-wait"
        /// A thread ended with completion routines queued that never ran.
        case completionRoutinesLost = "completion-routines-lost"
        /// The last handle of a file closed with requests in flight.
        case handleClosedWithIO = "closed-with-io-pending"
        /// A completion port's last handle closed with threads waiting on it.
        case portClosedWithWaiters = "port-closed-with-waiters"
        /// A load from a pending read's buffer.
        case pendingBufferRead = "pending-buffer-read"
    }

    public var kind: Kind
    /// The thread that made the mistake.
    public var thread: Int
    /// Virtual time in µs.
    public var time: UInt64
    /// Where in the program (nil when the thread runs no C code).
    public var location: CodeLocation?
    public var message: String

    public init(kind: Kind, thread: Int, time: UInt64, location: CodeLocation?, message: String) {
        self.kind = kind; self.thread = thread; self.time = time; self.location = location; self.message = message
    }

    /// Clang's form, the kind in brackets as clang names its warning flag:
    /// `FILE:LINE:COL: warning: MESSAGE [KIND]`, so a reader can look the kind up.
    public var diagnostic: String {
        guard let at = location else { return "warning: \(message) [\(kind.rawValue)]" }
        return "\(at.file):\(at.line):\(at.column): warning: \(message) [\(kind.rawValue)]"
    }
}

/// One place in the program a kind of warning is reported from once.
struct WarningSite: Hashable, Sendable {
    var kind: MisuseWarning.Kind
    var file: String
    var line: Int
    var column: Int
}
