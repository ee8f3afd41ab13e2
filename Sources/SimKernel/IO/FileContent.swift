/// The bytes of one file, stored sparsely in copy-on-write chunks.
///
/// A byte nobody wrote is either part of the file's initial seeded pattern
/// (offsets below `patternLimit`) or zero. Only written chunks cost memory,
/// and copying a `FileContent` (a snapshot) shares every chunk until one side
/// writes it.
public struct FileContent: Sendable, Equatable {
    public static let chunkSize: UInt64 = 64 * 1024
    public private(set) var size: UInt64
    /// Seed of the initial pattern; nil for files created empty.
    let patternSeed: UInt64?
    /// Unwritten bytes below this offset come from the pattern.
    private(set) var patternLimit: UInt64
    private var chunks: [UInt64: [UInt8]] = [:]

    /// An empty file.
    public init() { size = 0; patternSeed = nil; patternLimit = 0 }

    /// A file of `size` bytes holding the pattern for `seed`.
    public init(size: UInt64, patternSeed: UInt64) {
        self.size = size; self.patternSeed = patternSeed; patternLimit = size
    }

    public var storedChunks: Int { chunks.count }

    /// The pattern byte at `offset`: byte `offset % 8` of SplitMix64(seed + offset / 8).
    @inline(__always)
    public static func patternByte(seed: UInt64, offset: UInt64) -> UInt8 {
        UInt8(truncatingIfNeeded: SplitMix64.mix(seed &+ (offset >> 3)) >> ((offset & 7) * 8))
    }

    /// The content a never-written chunk has.
    private func baseChunk(_ index: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(FileContent.chunkSize))
        let start = index * FileContent.chunkSize
        appendBase(from: start, to: start + FileContent.chunkSize, into: &bytes)
        return bytes
    }

    /// Appends what never-written bytes `start ..< end` hold (see `copyBase`).
    private func appendBase(from start: UInt64, to end: UInt64, into out: inout [UInt8]) {
        let first = out.count
        out.append(contentsOf: repeatElement(0, count: Int(end - start)))
        out.withUnsafeMutableBytes { raw in
            copyBase(from: start, into: UnsafeMutableRawBufferPointer(rebasing: raw[first...]))
        }
    }

    /// Bytes in `offset ..< offset+count`, clipped to the file size.
    public func read(offset: UInt64, count: Int) -> [UInt8] {
        guard offset < size, count > 0 else { return [] }
        let end = min(size, offset + UInt64(count))
        var out: [UInt8] = []
        out.reserveCapacity(Int(end - offset))
        var position = offset
        while position < end {
            let index = position / FileContent.chunkSize
            let inChunk = Int(position % FileContent.chunkSize)
            let n = Int(min(end - position, FileContent.chunkSize - UInt64(inChunk)))
            if let chunk = chunks[index] {
                chunk.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[inChunk ..< inChunk + n])) }
            } else {
                // Only the bytes asked for: building the whole 64 KiB base
                // chunk for a small read cost more than the rest of the I/O.
                appendBase(from: position, to: position + UInt64(n), into: &out)
            }
            position += UInt64(n)
        }
        return out
    }

    /// Copies the bytes at `offset ..< offset + destination.count` into
    /// `destination`; bytes past the end of the file are left alone.
    public func copy(offset: UInt64, into destination: UnsafeMutableRawBufferPointer) {
        guard offset < size, let base = destination.baseAddress, !destination.isEmpty else { return }
        let end = min(size, offset + UInt64(destination.count))
        var position = offset
        while position < end {
            let index = position / FileContent.chunkSize
            let inChunk = Int(position % FileContent.chunkSize)
            let n = Int(min(end - position, FileContent.chunkSize - UInt64(inChunk)))
            let dst = UnsafeMutableRawBufferPointer(start: base + Int(position - offset), count: n)
            if let chunk = chunks[index] {
                chunk.withUnsafeBytes { dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[inChunk ..< inChunk + n])) }
            } else {
                copyBase(from: position, into: dst)
            }
            position += UInt64(n)
        }
    }

    /// Copies what never-written bytes from `start` hold into
    /// `destination`: the pattern below `patternLimit`, then zeros.
    private func copyBase(from start: UInt64, into destination: UnsafeMutableRawBufferPointer) {
        guard let base = destination.baseAddress else { return }
        let end = start + UInt64(destination.count)
        var offset = start
        if let seed = patternSeed {
            let patternEnd = min(max(patternLimit, start), end)
            while offset < patternEnd && offset & 7 != 0 {
                destination[Int(offset - start)] = FileContent.patternByte(seed: seed, offset: offset)
                offset += 1
            }
            // One mix per 8-byte word, stored whole (unaligned stores are fine).
            let words = (patternEnd - offset) / 8
            if words > 0 {
                var word = seed &+ (offset >> 3)
                var out = base + Int(offset - start)
                for _ in 0 ..< words {
                    out.storeBytes(of: SplitMix64.mix(word).littleEndian, as: UInt64.self)
                    out += 8
                    word &+= 1
                }
                offset += words * 8
            }
            while offset < patternEnd {
                destination[Int(offset - start)] = FileContent.patternByte(seed: seed, offset: offset)
                offset += 1
            }
        }
        if offset < end {
            UnsafeMutableRawBufferPointer(rebasing: destination[Int(offset - start)...]).initializeMemory(as: UInt8.self, repeating: 0)
        }
    }

    /// Writes `bytes` at `offset`, extending the file (zero-filled gap) if needed.
    public mutating func write(_ bytes: [UInt8], at offset: UInt64) {
        guard !bytes.isEmpty else { return }
        let end = offset + UInt64(bytes.count)
        if end > size { size = end }
        var position = offset
        var done = 0
        while done < bytes.count {
            let index = position / FileContent.chunkSize
            let inChunk = Int(position % FileContent.chunkSize)
            let n = min(bytes.count - done, Int(FileContent.chunkSize) - inChunk)
            if chunks[index] == nil { chunks[index] = baseChunk(index) }
            bytes.withUnsafeBytes { src in
                chunks[index]!.withUnsafeMutableBytes { dst in
                    dst.baseAddress!.advanced(by: inChunk).copyMemory(from: src.baseAddress!.advanced(by: done), byteCount: n)
                }
            }
            done += n
            position += UInt64(n)
        }
    }

    /// Sets the file's end; bytes past a shrink read as zero if it grows again.
    public mutating func resize(to newSize: UInt64) {
        if newSize < size {
            patternLimit = min(patternLimit, newSize)
            let firstDropped = (newSize + FileContent.chunkSize - 1) / FileContent.chunkSize
            for index in chunks.keys where index >= firstDropped { chunks[index] = nil }
            let partial = newSize / FileContent.chunkSize
            if newSize % FileContent.chunkSize != 0, chunks[partial] != nil {
                let from = Int(newSize % FileContent.chunkSize)
                chunks[partial]!.replaceSubrange(from..., with: repeatElement(0, count: Int(FileContent.chunkSize) - from))
            }
        }
        size = newSize
    }
}
