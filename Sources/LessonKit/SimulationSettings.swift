/// Settings a lesson applies on top of its program's `#pragma sim` lines, as
/// the `--cpus`, `--seed` and `--param` options would. Nil means "keep the
/// program's own value".
public struct SimulationSettings: Sendable, Equatable {
    public var cpus: Int?
    public var seed: UInt64?
    public var disk: DiskSettings
    /// `#pragma sim param` overrides, in the order written.
    public var params: [Parameter]

    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: Int64
        public init(name: String, value: Int64) { self.name = name; self.value = value }
    }

    /// The disk's timing and shape, as in `#pragma sim disk(...)`.
    public struct DiskSettings: Sendable, Equatable {
        public var latencyMicroseconds: Int?
        public var jitterMicroseconds: Int?
        public var parallel: Int?
        public var sectorSize: Int?
        public var cache: Bool?
        public init(latencyMicroseconds: Int? = nil, jitterMicroseconds: Int? = nil, parallel: Int? = nil,
                    sectorSize: Int? = nil, cache: Bool? = nil) {
            self.latencyMicroseconds = latencyMicroseconds; self.jitterMicroseconds = jitterMicroseconds
            self.parallel = parallel; self.sectorSize = sectorSize; self.cache = cache
        }
    }

    public init(cpus: Int? = nil, seed: UInt64? = nil, disk: DiskSettings = DiskSettings(), params: [Parameter] = []) {
        self.cpus = cpus; self.seed = seed; self.disk = disk; self.params = params
    }
}
