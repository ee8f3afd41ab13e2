import Testing
import SimKernel

/// Reading never-written bytes builds only what is read; the bytes must be
/// exactly the seeded pattern (then zeros past the pattern's end) whatever
/// the alignment, and mixed reads across written and unwritten chunks agree.
@Suite struct FileContentReadTests {
    func expected(_ content: FileContent, seed: UInt64, patternEnd: UInt64, offset: UInt64, count: Int) -> [UInt8] {
        let end = min(content.size, offset + UInt64(count))
        guard offset < end else { return [] }
        return (offset ..< end).map { $0 < patternEnd ? FileContent.patternByte(seed: seed, offset: $0) : 0 }
    }

    @Test(arguments: [(0, 1), (1, 7), (3, 4096), (65_530, 20), (65_536 - 8, 16), (131_000, 70_000), (199_990, 100)])
    func unwrittenBytesAreThePattern(offset: Int, count: Int) {
        let content = FileContent(size: 200_000, patternSeed: 42)
        #expect(content.read(offset: UInt64(offset), count: count)
                == expected(content, seed: 42, patternEnd: 200_000, offset: UInt64(offset), count: count))
    }

    @Test func patternStopsWhereTheFileWasShrunkThenZeros() {
        var content = FileContent(size: 300_000, patternSeed: 9)
        content.resize(to: 70_003)
        content.resize(to: 140_000)
        for (offset, count) in [(69_990, 30), (70_000, 8), (65_536, 70_000), (1, 139_999)] {
            #expect(content.read(offset: UInt64(offset), count: count)
                    == expected(content, seed: 9, patternEnd: 70_003, offset: UInt64(offset), count: count))
        }
    }

    @Test func readsSpanningWrittenAndUnwrittenChunksAgree() {
        var content = FileContent(size: 262_144, patternSeed: 3)
        content.write([7, 7, 7, 7], at: 65_534)
        var want = expected(content, seed: 3, patternEnd: 262_144, offset: 60_000, count: 80_000)
        for k in 0..<4 { want[65_534 - 60_000 + k] = 7 }
        #expect(content.read(offset: 60_000, count: 80_000) == want)
    }

    @Test func aFileCreatedEmptyReadsZerosWhereNothingWasWritten() {
        var content = FileContent()
        content.write([1], at: 100_000)
        #expect(content.read(offset: 99_990, count: 11) == Array(repeating: 0, count: 10) + [1])
    }
}
