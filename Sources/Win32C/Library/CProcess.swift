import SimMemory

/// Per-process state of the pure C library: what `printf` wrote and the
/// allocators' bookkeeping. A value type, so a snapshot of a process is this
/// plus its `Memory` and threads.
public struct CProcess: Sendable, Equatable {
    /// Bytes written to stdout (UTF-8; wide output is converted).
    public var output: [UInt8] = []
    /// Bytes written to stderr (`fprintf(stderr, …)`, failed `assert`s).
    public var errorOutput: [UInt8] = []
    /// `rand`'s state (MSVC's generator). The runtime starts it from the
    /// simulation's seed; 1, the default seed, is what `rand` starts from on Windows.
    public var randomState: UInt32 = 1
    /// The last number `GetTempFileName` chose itself (deterministic, from 1).
    public var tempFileNumber: UInt32 = 0
    /// Where `strtok` goes on from (0: nowhere); per thread in the MSVC runtime, per process here.
    public var strtokNext: UInt64 = 0

    static let heapBase: UInt64 = 0x0000_0002_0000_0000
    static let heapSize: UInt64 = 64 << 20
    static let virtualBase: UInt64 = 0x0000_0003_0000_0000

    var heapMapped = false
    var heapTop: UInt64 = 0
    /// Live `malloc` blocks: address → size. Looked up, never iterated.
    var allocations: [UInt64: UInt64] = [:]
    /// Free blocks sorted by address (first fit keeps results deterministic).
    var freeBlocks: [(address: UInt64, size: UInt64)] = []
    var virtualNext: UInt64 = 0
    /// `VirtualAlloc` regions: base → size.
    var virtualRegions: [UInt64: UInt64] = [:]
    /// Bytes committed by live `VirtualAlloc` regions.
    var committedBytes: UInt64 = 0
    /// The commit limit for `VirtualAlloc`: past it the call returns NULL
    /// with `ERROR_COMMITMENT_LIMIT`, as Windows does when the page file is
    /// full. Every committed page a program touches is host memory, so the
    /// default keeps a hostile program well under 1 GB.
    public var commitLimit: UInt64 = CProcess.defaultCommitLimit
    public static let defaultCommitLimit: UInt64 = 512 << 20
    /// Bytes the live threads' stacks hold against the commit limit (set by
    /// whoever creates threads): a stack a thread has touched is host memory
    /// too, so stacks and `VirtualAlloc` share one limit.
    public var stackBytes: UInt64 = 0

    public init() {}

    public static func == (a: CProcess, b: CProcess) -> Bool {
        a.output == b.output && a.errorOutput == b.errorOutput && a.randomState == b.randomState && a.tempFileNumber == b.tempFileNumber && a.strtokNext == b.strtokNext && a.heapTop == b.heapTop && a.allocations == b.allocations
            && a.freeBlocks.map(\.address) == b.freeBlocks.map(\.address) && a.freeBlocks.map(\.size) == b.freeBlocks.map(\.size)
            && a.virtualNext == b.virtualNext && a.virtualRegions == b.virtualRegions && a.heapMapped == b.heapMapped
    }

    /// Bytes written to stdout and stderr together (what the output limit counts).
    @inlinable public var consoleBytes: Int { output.count + errorOutput.count }

    /// Number of live heap blocks (for leak reports and tests).
    public var liveAllocations: Int { allocations.count }

    mutating func malloc(_ requested: UInt64, memory: inout Memory) -> UInt64 {
        guard requested <= CProcess.heapSize else { return 0 }
        let size = max(16, (requested + 15) & ~15)
        if !heapMapped {
            do { try memory.map(base: CProcess.heapBase, size: CProcess.heapSize, name: "heap") } catch { return 0 }
            heapMapped = true
            heapTop = CProcess.heapBase
        }
        if let i = freeBlocks.firstIndex(where: { $0.size >= size }) {
            let block = freeBlocks[i]
            if block.size > size {
                freeBlocks[i] = (block.address + size, block.size - size)
            } else {
                freeBlocks.remove(at: i)
            }
            allocations[block.address] = size
            return block.address
        }
        guard heapTop + size <= CProcess.heapBase + CProcess.heapSize else { return 0 }
        let address = heapTop
        heapTop += size
        allocations[address] = size
        return address
    }

    /// Returns false when `address` is not a live block.
    mutating func free(_ address: UInt64) -> Bool {
        if address == 0 { return true }
        guard let size = allocations.removeValue(forKey: address) else { return false }
        let index = freeBlocks.firstIndex { $0.address > address } ?? freeBlocks.count
        freeBlocks.insert((address, size), at: index)
        // Merge with neighbours so freed space is reusable for larger requests.
        if index + 1 < freeBlocks.count, freeBlocks[index].address + freeBlocks[index].size == freeBlocks[index + 1].address {
            freeBlocks[index].size += freeBlocks[index + 1].size
            freeBlocks.remove(at: index + 1)
        }
        if index > 0, freeBlocks[index - 1].address + freeBlocks[index - 1].size == freeBlocks[index].address {
            freeBlocks[index - 1].size += freeBlocks[index].size
            freeBlocks.remove(at: index)
        }
        return true
    }

    mutating func virtualAlloc(_ requested: UInt64, memory: inout Memory) -> UInt64 {
        guard requested > 0, requested <= (1 << 32) else { return 0 }
        if virtualNext == 0 { virtualNext = CProcess.virtualBase }
        let size = (requested + 4095) & ~4095
        let address = virtualNext
        do { try memory.map(base: address, size: size, name: "VirtualAlloc") } catch { return 0 }
        virtualRegions[address] = size
        committedBytes += size
        virtualNext = (address + size + 0xFFFF) & ~0xFFFF
        return address
    }

    mutating func virtualFree(_ address: UInt64, memory: inout Memory) -> Bool {
        guard let size = virtualRegions.removeValue(forKey: address) else { return false }
        do { try memory.unmap(base: address) } catch { return false }
        committedBytes -= size
        return true
    }

    func virtualRegionSize(_ address: UInt64) -> UInt64? { virtualRegions[address] }

    /// True when committing `requested` more bytes would pass `commitLimit`.
    public func exceedsCommitLimit(_ requested: UInt64) -> Bool {
        let size = (min(requested, 1 << 40) + 4095) & ~4095
        return committedBytes + stackBytes + size > commitLimit
    }
}
