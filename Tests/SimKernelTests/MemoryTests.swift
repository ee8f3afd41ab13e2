import Testing
@testable import SimMemory

@Suite struct MemoryTests {
    @Test func nullPageFaults() {
        var m = Memory()
        #expect(throws: MemoryFault.self) { _ = try m.loadUInt32(0) }
    }

    @Test func littleEndianRoundTripAcrossPages() throws {
        var m = Memory()
        try m.map(base: 0x10000, size: 3 * 4096, name: "test")
        try m.storeUInt64(0x1122_3344_5566_7788, at: 0x10000 + 4092)
        #expect(try m.loadUInt64(0x10000 + 4092) == 0x1122_3344_5566_7788)
        #expect(try m.readBytes(at: 0x10000 + 4092, count: 2) == [0x88, 0x77])
    }

    @Test func copiesShareUntilWritten() throws {
        var a = Memory()
        try a.map(base: 0x20000, size: 4096, name: "g")
        try a.storeUInt32(7, at: 0x20000)
        var b = a
        try b.storeUInt32(9, at: 0x20000)
        #expect(try a.loadUInt32(0x20000) == 7)
        #expect(try b.loadUInt32(0x20000) == 9)
        #expect(a != b)
    }

    @Test func accessPastRegionEndFaults() throws {
        var m = Memory()
        try m.map(base: 0x20000, size: 16, name: "g")
        #expect(throws: MemoryFault.self) { try m.storeUInt64(1, at: 0x2000C) }
    }
}
