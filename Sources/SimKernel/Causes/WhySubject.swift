/// Something on screen that "Why" can explain: a thread's last wake, a
/// request, a packet in a port's queue, an APC in a thread's queue, or an
/// object's signal.
public enum WhySubject: Sendable, Equatable, Hashable {
    /// A thread, by id.
    case thread(Int)
    /// An I/O request, in flight or done, by id.
    case request(Int)
    /// The packet at `index` (0 = oldest) of the queue of port object `port`.
    case packet(port: Int, index: Int)
    /// The APC at `index` (0 = oldest) of thread `thread`'s queue.
    case apc(thread: Int, index: Int)
    /// A kernel object (event, semaphore, mutex, file, thread, port), by object id.
    case object(Int)
}

/// How a chain of causes names what the kernel alone knows only by number:
/// the program's names for its `OVERLAPPED`s and threads, as the rest of the
/// view shows them. Without them a request is "request #N" and a thread has
/// the kernel's name.
public struct CauseNames {
    /// The program's name for the `OVERLAPPED` at an address ("ior[2]").
    public var overlapped: (UInt64) -> String?
    /// A thread's name as the view shows it ("Worker #3").
    public var thread: (Int) -> String?

    public init(overlapped: @escaping (UInt64) -> String? = { _ in nil },
                thread: @escaping (Int) -> String? = { _ in nil }) {
        self.overlapped = overlapped; self.thread = thread
    }
}
