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

struct EventState: Sendable {
    var manualReset: Bool
    var signaled: Bool
    /// Requests in flight with this event as their `hEvent`.
    var requestsInFlight = 0
}

struct SemaphoreState: Sendable { var count: Int32; var maximum: Int32 }

struct MutexState: Sendable { var owner: ThreadID?; var recursion: Int = 0; var abandoned: Bool = false }

/// One entry of a process's handle table.
struct HandleEntry: Sendable { var object: ObjectID }
