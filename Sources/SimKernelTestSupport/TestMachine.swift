import SimKernel
import SimMemory

/// A ready-made machine layout for kernel tests: one process whose memory
/// maps `size` bytes at `TestMachine.base`.
public enum TestMachine {
    public static let base: UInt64 = 0x10_0000
    /// OVERLAPPED structures: `overlapped(i)` is 32 bytes at a fixed place.
    public static func overlapped(_ i: Int) -> UInt64 { base + UInt64(i) * 64 }
    /// Scratch words for out-params: `out(i)` is 8 bytes.
    public static func out(_ i: Int) -> UInt64 { base + 0x8000 + UInt64(i) * 8 }
    /// Data buffers start here, 64 KiB aligned.
    public static let buffers: UInt64 = base + 0x10000

    public static func memory(size: UInt64 = 4 << 20) -> Memory {
        var m = Memory()
        try? m.map(base: base, size: size, name: "test")
        return m
    }

    /// A kernel with one process ("test") and `bodies` as its threads.
    public static func kernel(_ configuration: KernelConfiguration = KernelConfiguration(),
                              memorySize: UInt64 = 4 << 20, bodies: [ScriptedBody]) -> (Kernel, [Int]) {
        var k = Kernel(configuration: configuration)
        let p = k.createProcess(name: "test", memory: memory(size: memorySize))
        var ids: [Int] = []
        for b in bodies { ids.append(k.createThread(process: p, body: b)) }
        return (k, ids)
    }

    /// The scripted body of thread `tid`.
    public static func script(_ k: Kernel, _ tid: Int) -> ScriptedBody {
        (k.body(ofThread: tid) as? ScriptedBody) ?? ScriptedBody([])
    }
}

extension ScriptedBody.Step {
    /// Fills OVERLAPPED `i` with an offset and an event handle taken from the
    /// value `event` (nil → no event; `lowBit` sets bit 0 of hEvent).
    public static func overlapped(_ i: Int, offset: UInt64 = 0, event: String? = nil, lowBit: Bool = false) -> Self {
        .write { m, env in
            let ov = TestMachine.overlapped(i)
            try? m.fill(0, at: ov, count: 32)
            try? m.storeUInt32(UInt32(truncatingIfNeeded: offset), at: ov + 16)
            try? m.storeUInt32(UInt32(truncatingIfNeeded: offset >> 32), at: ov + 20)
            let h = event.map { env[$0] } ?? 0
            try? m.storeUInt64(h | (lowBit ? 1 : 0), at: ov + 24)
        }
    }

    /// Stores handle values from `names` as a HANDLE array at `address`.
    public static func handleArray(_ names: [String], at address: UInt64) -> Self {
        .write { m, env in
            for (i, n) in names.enumerated() { try? m.storeUInt64(env[n], at: address + UInt64(i) * 8) }
        }
    }

    /// Saves a 32- or 64-bit memory value under `name`.
    public static func load(_ name: String, from address: UInt64, size: Int = 4) -> Self {
        .set(name) { m, _ in (try? m.load(address, size: size)) ?? 0xDEAD_BEEF }
    }
}
