/// The ranges pending I/O owns (`WatchSet`), as the kernel and the VM use
/// them. Not part of the memory's contents (`==` ignores them); kept in the
/// space, so a `Memory` is still one reference, and changing them makes the
/// space this value's own, as a store does.
///
/// The interval tests are inlined into the VM's loads and stores and read
/// plain words kept in the space (`AddressSpace.watchBounds`), one pointer
/// away. Everything else stays out of line: it runs only for accesses
/// inside an interval, and for each request as it starts and completes.
extension Memory {
    /// Whether a load at `address` may touch a pending read's buffer (the
    /// VM's check before every load).
    @inlinable @inline(__always)
    public func mayWatchLoad(_ address: UInt64) -> Bool { address &- space.watchBounds.loadBase < space.watchBounds.loadSpan }

    /// Whether a store at `address` may touch a pending request's `OVERLAPPED`.
    @inlinable @inline(__always)
    public func mayWatchStore(_ address: UInt64) -> Bool { address &- space.watchBounds.storeBase < space.watchBounds.storeSpan }

    /// Whether a store at `address` (inside the interval `mayWatchStore`
    /// tests) really lands in a pending request's `OVERLAPPED`. Reads only,
    /// and one call deep: the VM asks it for every store near one.
    @inline(never)
    public func storeHitsPendingOverlapped(_ address: UInt64) -> Bool {
        space.watch.holdsOverlapped(address)
    }

    /// Whether `low ..< high` may hold any watched range.
    @inlinable @inline(__always)
    public func mayWatchRange(_ low: UInt64, _ high: UInt64) -> Bool {
        space.watchBounds.anySpan != 0 && low < space.watchBounds.anyBase &+ space.watchBounds.anySpan
            && high > space.watchBounds.anyBase
    }

    /// Whether accesses were noted that the kernel has not collected.
    @inlinable @inline(__always)
    public var hasWatchHits: Bool { space.watchBounds.hasHits }

    /// Changes the set in place (the space made this value's own first).
    private mutating func changeWatch<T>(_ change: (WatchSet) -> T) -> T {
        let s = ownSpace()
        defer { s.watchBounds = s.watch.bounds }
        return change(s.watch)
    }

    /// Request `request` starting: its `OVERLAPPED` (at `overlapped`, 0 for
    /// none) and its buffer (`length` bytes at `buffer`, which it reads into
    /// when `reading`) are its own until it completes. Also the oldest
    /// request already pending with an `OVERLAPPED` at the same address, if
    /// any. One call for both, with plain values, since every request pays it.
    @inline(never)
    public mutating func watch(request: Int, overlapped: UInt64, buffer: UInt64, length: UInt32, reading: Bool)
        -> (overlapped: WatchSet.Slot, buffer: WatchSet.Slot, requestAtSameAddress: Int?) {
        let s = ownSpace()
        var result: (overlapped: WatchSet.Slot, buffer: WatchSet.Slot, requestAtSameAddress: Int?) = (.none, .none, nil)
        if overlapped != 0 { (result.overlapped, result.requestAtSameAddress) = s.watch.fileOverlapped(overlapped, request: request) }
        if length != 0 {
            result.buffer = s.watch.fileBuffer(WatchSet.Range(base: buffer, end: buffer &+ UInt64(length),
                                                              role: reading ? .readBuffer : .writeBuffer, request: request))
        }
        s.watchBounds = s.watch.bounds
        return result
    }

    /// Request `request` completed: its `OVERLAPPED` at `overlappedBase`
    /// and buffer at `bufferBase`, in the slots `watch` gave, are the
    /// program's again.
    @inline(never)
    public mutating func unwatch(request: Int, overlapped: WatchSet.Slot, at overlappedBase: UInt64,
                                 buffer: WatchSet.Slot, at bufferBase: UInt64) {
        guard overlapped != .none || buffer != .none else { return }
        let s = ownSpace()
        s.watch.release(request: request, overlapped: overlapped, at: overlappedBase, buffer: buffer, at: bufferBase)
        s.watchBounds = s.watch.bounds
    }

    /// The accesses noted since the last call, oldest first.
    @inline(never)
    public mutating func takeWatchHits() -> [WatchSet.Hit] {
        changeWatch { $0.takeHits() }
    }

    /// Gives the hits noted without a place (by library calls) the place of the call.
    @inline(never)
    public mutating func locateWatchHits(line: Int, column: Int) {
        changeWatch { $0.locateHits(line: line, column: column) }
    }

    /// `free` and its kin releasing `size` bytes at `base`: noted if pending I/O still owns part of them.
    @inline(never)
    public mutating func noteFreed(_ base: UInt64, size: UInt64) {
        guard mayWatchRange(base, base &+ size) else { return }
        changeWatch { $0.noteRelease(.free, base: base, end: base &+ size) }
    }

    /// A returning function's frame `low ..< high`: noted if pending I/O still owns part of it.
    @inline(never)
    public mutating func noteFrameReturn(_ low: UInt64, _ high: UInt64, line: Int, column: Int) {
        changeWatch { $0.noteRelease(.frameReturn, base: low, end: high, line: line, column: column) }
    }

    /// A load or store inside a watched interval: noted if it really touches a range of `role`.
    @inline(never)
    public mutating func noteAccess(_ access: WatchSet.Access, at address: UInt64, role: WatchSet.Role, line: Int, column: Int) {
        changeWatch { $0.noteAccess(access, at: address, role: role, line: line, column: column) }
    }

    /// The watched range of `role` holding `address`.
    @inline(never)
    public mutating func watchedRange(containing address: UInt64, role: WatchSet.Role) -> WatchSet.Range? {
        changeWatch { $0.range(containing: address, role: role) }
    }

    /// The first watched range overlapping `low ..< high`.
    @inline(never)
    public mutating func firstWatchedOverlap(_ low: UInt64, _ high: UInt64) -> WatchSet.Range? {
        changeWatch { $0.firstOverlap(low, high) }
    }
}
