/// Everything that shapes a run besides the program: same configuration and
/// program → the same trace, byte for byte.
public struct KernelConfiguration: Sendable, Equatable {
    /// Number of simulated CPUs (at least 1).
    public var cpus: Int = 2
    /// Seed of the kernel's random generator (disk jitter, file patterns).
    public var seed: UInt64 = 1
    /// Scheduler quantum in µs: a computing thread is preempted after this
    /// much CPU time when another thread is ready.
    public var timeSliceUs: UInt64 = 10_000
    /// Virtual time a CPU spends switching to a different thread.
    public var contextSwitchUs: UInt64 = 5
    /// CPU time charged for each system service that returns at once, so a
    /// program polling in a loop still advances time.
    public var serviceCostUs: UInt64 = 1
    /// Latency of a request the file system answers without the disk
    /// (a read at end of file on an overlapped handle).
    public var fileSystemLatencyUs: UInt64 = 20
    public var disk = DiskConfiguration()
    /// Files present when the machine starts; their content is a seeded
    /// pattern (a function of seed, path and offset) until written.
    public var initialFiles: [InitialFile] = []
    /// Record trace events. Off → no strings are built on the hot path.
    public var tracing: Bool = true
    /// Trace events kept (the oldest are dropped in batches once the trace
    /// grows an eighth past it); nil = unlimited.
    public var traceLimit: Int? = nil
    /// Quotas: handles, queued APCs and packets, volume free space.
    public var limits = KernelLimits()
    /// Watch each request's `OVERLAPPED` and buffer while it is in flight,
    /// and count requests per file and event, for the misuse warnings that
    /// need them (written, reused, read, freed or returned from while
    /// pending; an event or file shared by requests in flight). Off only to
    /// measure what the watching costs (`overlapped bench --without-io-watch`).
    public var watchesPendingIO = true

    public init(cpus: Int = 2, seed: UInt64 = 1, timeSliceUs: UInt64 = 10_000, contextSwitchUs: UInt64 = 5,
                serviceCostUs: UInt64 = 1, disk: DiskConfiguration = DiskConfiguration(),
                initialFiles: [InitialFile] = [], tracing: Bool = true) {
        self.cpus = max(1, cpus); self.seed = seed; self.timeSliceUs = max(1, timeSliceUs)
        self.contextSwitchUs = contextSwitchUs; self.serviceCostUs = serviceCostUs
        self.disk = disk; self.initialFiles = initialFiles; self.tracing = tracing
    }
}

/// The disk device of the volume.
public struct DiskConfiguration: Sendable, Equatable {
    /// Fixed part of every request's service time.
    public var latencyUs: UInt64 = 2_000
    /// Uniform random extra latency in `0...jitterUs` (seeded).
    public var jitterUs: UInt64 = 1_000
    /// Requests in service at once; more wait in the device queue (FIFO).
    /// With jitter, requests in service can complete out of order.
    public var parallel: Int = 4
    /// Volume sector size: `FILE_FLAG_NO_BUFFERING` offsets, lengths and
    /// buffer addresses must be multiples of it.
    public var sectorSize: UInt64 = 512
    /// Transfer rate in bytes per µs added to each request (200 ≈ 200 MB/s); 0 = instant.
    public var bytesPerUs: UInt64 = 200
    /// Page cache capacity in bytes for buffered handles; 0 disables the cache.
    public var cacheBytes: UInt64 = 64 << 20
    public init(latencyUs: UInt64 = 2_000, jitterUs: UInt64 = 1_000, parallel: Int = 4, sectorSize: UInt64 = 512,
                bytesPerUs: UInt64 = 200, cacheBytes: UInt64 = 64 << 20) {
        self.latencyUs = latencyUs; self.jitterUs = jitterUs; self.parallel = max(1, parallel)
        self.sectorSize = max(1, sectorSize); self.bytesPerUs = bytesPerUs; self.cacheBytes = cacheBytes
    }
}

/// A file that exists when the machine starts.
public struct InitialFile: Sendable, Equatable {
    public var path: String
    public var size: UInt64
    public init(path: String, size: UInt64) { self.path = path; self.size = size }
}
