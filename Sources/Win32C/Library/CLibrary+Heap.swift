import SimMemory

/// `realloc` and the Win32 process heap, on the same allocator as `malloc`:
/// there is one heap per process, and `GetProcessHeap` names it.
extension CLibrary {
    /// What `GetProcessHeap` returns: the heap's base address, as on Windows
    /// (where the handle is the heap's address).
    static let processHeapHandle: UInt64 = CProcess.heapBase

    static func heap(_ function: Function, _ args: CallArguments, memory: inout Memory,
                     process: inout CProcess) throws(MemoryFault) -> CLibraryResult {
        func arg(_ i: Int) -> UInt64 { args[i] }
        func ok(_ v: UInt64) -> CLibraryResult { .value(v, lastError: nil) }
        func badHeap() -> CLibraryResult { .value(0, lastError: 6) }   // ERROR_INVALID_HANDLE
        switch function {
        case .GetProcessHeap:
            return ok(processHeapHandle)
        case .HeapAlloc:
            guard arg(0) == processHeapHandle else { return badHeap() }
            let p = process.malloc(arg(2), memory: &memory)
            if p != 0 && arg(1) & 8 != 0 { try memory.fill(0, at: p, count: Int(arg(2))) }   // HEAP_ZERO_MEMORY
            return p == 0 ? .value(0, lastError: 8) : ok(p)
        case .HeapFree:
            guard arg(0) == processHeapHandle else { return badHeap() }
            memory.noteFreed(arg(2), size: process.allocations[arg(2)] ?? 0)
            return process.free(arg(2)) ? ok(1) : .value(0, lastError: 87)   // ERROR_INVALID_PARAMETER
        case .HeapReAlloc:
            guard arg(0) == processHeapHandle else { return badHeap() }
            guard arg(2) != 0 else { return .value(0, lastError: 87) }
            let p = try reallocate(arg(2), to: arg(3), zeroing: arg(1) & 8 != 0, memory: &memory, process: &process)
            return p.map { $0 == 0 ? .value(0, lastError: 8) : ok($0) } ?? .value(0, lastError: 87)
        default:   // realloc
            if arg(0) == 0 { return ok(process.malloc(arg(1), memory: &memory)) }
            if arg(1) == 0 {
                memory.noteFreed(arg(0), size: process.allocations[arg(0)] ?? 0)
                _ = process.free(arg(0))
                return ok(0)
            }
            guard let p = try reallocate(arg(0), to: arg(1), zeroing: false, memory: &memory, process: &process) else {
                return .fault(.libraryError, "realloc() of a pointer that malloc did not return (0x\(String(arg(0), radix: 16, uppercase: true)))")
            }
            return ok(p)
        }
    }

    /// A new block with the old one's bytes (nil when `address` is not a
    /// live block; 0 when there is no room, the old block kept).
    private static func reallocate(_ address: UInt64, to size: UInt64, zeroing: Bool, memory: inout Memory,
                                   process: inout CProcess) throws(MemoryFault) -> UInt64? {
        guard let old = process.allocations[address] else { return nil }
        let p = process.malloc(size, memory: &memory)
        guard p != 0 else { return 0 }
        try memory.copy(from: address, to: p, count: Int(min(old, size)))
        if zeroing && size > old { try memory.fill(0, at: p + old, count: Int(size - old)) }
        _ = process.free(address)
        return p
    }
}
