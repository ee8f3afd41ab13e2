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

    @Test func copiesStayApartWhicheverSideWritesFirst() throws {
        var a = Memory()
        try a.map(base: 0x20000, size: 2 * 4096, name: "g")
        try a.map(base: 0x40000, size: 4096, name: "h")
        try a.storeUInt32(1, at: 0x20000)
        try a.storeUInt32(2, at: 0x40000)
        #expect(try a.loadUInt32(0x20000) == 1)   // cached for reading and writing
        var b = a
        // b writes another region first; a's later writes must stay a's.
        try b.storeUInt32(3, at: 0x40000)
        try a.storeUInt32(4, at: 0x20000)
        try a.storeUInt32(5, at: 0x21000)          // a page never written before the copy
        #expect(try b.loadUInt32(0x20000) == 1)
        #expect(try b.loadUInt32(0x21000) == 0)
        #expect(try b.loadUInt32(0x40000) == 3)
        #expect(try a.loadUInt32(0x40000) == 2)
        #expect(try a.loadUInt32(0x20000) == 4)
        // And the other way round, through the bulk paths.
        let c = a
        try a.writeBytes([9, 9], at: 0x20000)
        try a.fill(7, at: 0x21000, count: 4)
        #expect(try c.readBytesCopy(at: 0x20000) == 4)
        #expect(try c.readBytesCopy(at: 0x21000) == 5)
        #expect(try a.loadUInt32(0x21000) == 0x0707_0707)
    }

    @Test func unmappingMovesLaterPagesAlong() throws {
        var m = Memory()
        try m.map(base: 0x20000, size: 4096, name: "a")
        try m.map(base: 0x30000, size: 4096, name: "b")
        try m.storeUInt32(11, at: 0x30000)
        try m.unmap(base: 0x20000)
        #expect(try m.loadUInt32(0x30000) == 11)
        #expect(throws: MemoryFault.self) { _ = try m.loadUInt32(0x20000) }
        try m.map(base: 0x10000, size: 4096, name: "c")
        #expect(try m.loadUInt32(0x30000) == 11)
        #expect(try m.loadUInt32(0x10000) == 0)
        #expect(m.isMapped(0x30000, length: 4096) && !m.isMapped(0x30FFF, length: 2))
    }

    @Test func unalignedRegionsKeepTheirBounds() throws {
        var m = Memory()
        try m.map(base: 0x20010, size: 4100, name: "odd")
        try m.storeUInt64(0x0102_0304_0506_0708, at: 0x20010 + 4092)
        #expect(try m.loadUInt64(0x20010 + 4092) == 0x0102_0304_0506_0708)
        #expect(throws: MemoryFault.self) { try m.storeUInt32(1, at: 0x20010 + 4098) }
        #expect(throws: MemoryFault.self) { _ = try m.loadUInt32(0x2000C) }
    }
}

extension Memory {
    /// A load from a copy, leaving the original untouched.
    fileprivate func readBytesCopy(at address: UInt64) throws -> UInt32 {
        var copy = self
        return try copy.loadUInt32(address)
    }
}
