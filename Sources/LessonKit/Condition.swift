/// A statement about a running lesson simulation that is either true or false
/// right now: where a thread is, what state a kernel object is in, what the
/// log or output shows.
///
/// The same language serves stop conditions (the simulation advances until it
/// holds), checkpoints (it must hold) and question choices (the one that holds
/// after the reveal is the right answer). Authors write it as text; see
/// `ConditionParser` and the authoring guide. `description` renders the
/// canonical text, which parses back to an equal value.
public indirect enum Condition: Sendable, Equatable {
    /// The inner condition is false.
    case not(Condition)
    /// Every one of the conditions holds (`A and B`).
    case and([Condition])
    /// At least one of the conditions holds (`A or B`).
    case or([Condition])
    /// The inner condition, evaluated in the named pane of a compare lesson.
    case pane(String, Condition)
    case thread(ThreadRef, ThreadPredicate)
    /// An event's signaled state.
    case event(ObjectSelector, signaled: Bool)
    /// How many events are in that state.
    case eventCount(Comparison, signaled: Bool)
    /// How many threads are in that state (in that call, when given).
    case threadCount(Comparison, ThreadStateKind, call: String?)
    /// A file object's own signal (method 1).
    case file(ObjectSelector, signaled: Bool)
    case port(ObjectSelector, PortPredicate)
    /// The machine's count of completed requests.
    case completions(Comparison)
    /// Virtual time in microseconds.
    case time(Comparison)
    /// The Win32 call `name` returned (at once or when its wait ended) or
    /// blocked since the step (or question) began, with this result (any
    /// when nil), by this thread (any when nil).
    case call(name: String, result: String?, thread: ThreadRef?)
    /// A log line added since the step (or question) began contains the text.
    case logShows(String)
    /// Everything the program printed so far contains the text.
    case outputContains(String)
    /// A misuse warning whose kind or message contains the text was raised since the step began.
    case warning(String)
    /// The program has finished; with a code, it exited with that code.
    case programEnds(exitCode: Int32?)
    /// A semaphore's count.
    case semaphore(ObjectSelector, Comparison)
    /// A mutex's owner or abandoned state.
    case mutex(ObjectSelector, MutexPredicate)
    /// A field of an `OVERLAPPED` the program has passed to the kernel, named
    /// as the program names it (`ov`, `ovs[1]`).
    case overlapped(String, OverlappedField, Comparison)
}

/// How a condition names a thread.
public enum ThreadRef: Sendable, Equatable {
    /// The name `SetThreadDescription` gave it, or "main", or "T<n>".
    case name(String)
    /// The id `GetCurrentThreadId` reports.
    case id(Int)
}

/// How a condition names an event, file or port.
public enum ObjectSelector: Sendable, Equatable {
    /// The object's label as the machine view shows it (for a file, its path also matches).
    case label(String)
    /// "the port": the only (or first) object of the kind.
    case only
}

/// A thread's state as conditions speak of it.
public enum ThreadStateKind: String, Sendable, Equatable, CaseIterable {
    case running, ready, waiting
    case waitingAlertably = "waiting alertably"
    case terminated
}

public enum ThreadPredicate: Sendable, Equatable {
    /// The thread's current statement is on this line (of this file, when given).
    case atLine(Int, file: String?)
    /// The thread is in this state; for waits, optionally in this call.
    case state(ThreadStateKind, call: String?)
    /// The thread is running a completion routine or user APC.
    case inAPC
    /// How many APCs wait in the thread's queue.
    case apcQueue(Comparison)
    /// The thread's last-error value (`GetLastError()`).
    case lastError(Comparison)
    /// What the thread's most recent Win32 call returned, in the trace's
    /// words ("1", "pending", "0 err=1168").
    case lastCall(String)
}

public enum PortPredicate: Sendable, Equatable {
    /// Packets in the FIFO.
    case queue(Comparison)
    /// Threads blocked in GetQueuedCompletionStatus (the LIFO).
    case waiting(Comparison)
    case released(Comparison)
    case paused(Comparison)
    /// The running count, and optionally the concurrency limit.
    case running(Comparison, limit: Int?)
    case limit(Int)
    /// The FIFO holds more packets than when the step (or question) began.
    case packetQueued
    /// The FIFO holds a packet with these fields.
    case packet(PacketMatch)
}

/// A number compared with an expected value.
public enum Comparison: Sendable, Equatable {
    case equal(Int)
    case atLeast(Int)
    case atMost(Int)

    public func holds(for value: Int) -> Bool {
        switch self {
        case .equal(let n): return value == n
        case .atLeast(let n): return value >= n
        case .atMost(let n): return value <= n
        }
    }
}
