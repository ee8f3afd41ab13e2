/// Quotas of the simulated machine, like the ones Windows has, set low
/// enough that a hostile program stays at about 1 GB of host memory even
/// when it fills every quota at once, with the runtime's 512 MiB commit
/// limit (every handle, APC, packet and written byte is kept for real;
/// bench/README.md has what each costs in host memory).
/// Programs that reach one see the error Windows gives, not a crash.
public struct KernelLimits: Sendable, Equatable {
    /// Open handles per process. Windows allows 2^24; past the limit a
    /// creating call fails with `ERROR_NO_SYSTEM_RESOURCES` (1450).
    public var handlesPerProcess: Int = 250_000
    /// User APCs that may wait in thread queues, all threads together (as
    /// Windows takes them from one kernel pool); past it `QueueUserAPC`
    /// fails with `ERROR_NOT_ENOUGH_MEMORY` (8), as when Windows cannot
    /// allocate the APC. Completion routines are not counted (each belongs
    /// to a request).
    public var queuedUserAPCs: Int = 250_000
    /// Packets from `PostQueuedCompletionStatus` that may wait in ports,
    /// all ports together; past it the call fails with
    /// `ERROR_NO_SYSTEM_RESOURCES` (1450). Packets of completed I/O are not
    /// counted.
    public var queuedPostedPackets: Int = 250_000
    /// Free space of the volume at start, in bytes, beyond the files the
    /// machine starts with: a write or `SetEndOfFile` that would grow the
    /// files past it fails with `ERROR_DISK_FULL` (112).
    public var volumeFreeBytes: UInt64 = 256 << 20

    public init() {}
}
