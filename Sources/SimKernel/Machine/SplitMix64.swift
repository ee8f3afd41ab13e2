/// The kernel's one source of randomness: SplitMix64 (Steele, Lea, Flood
/// 2014). Small, fast, a pure function of its seed, and part of the kernel's
/// value state, so a snapshot restores the generator too.
public struct SplitMix64: Sendable, Equatable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// A value in `0...bound` (inclusive); 0 when `bound` is 0.
    public mutating func next(upTo bound: UInt64) -> UInt64 {
        if bound == 0 { return 0 }
        if bound == UInt64.max { return next() }
        return next() % (bound &+ 1)
    }

    /// The SplitMix64 finalizer, also used as a stateless hash (file patterns).
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
