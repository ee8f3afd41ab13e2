import SimKernel
import TUI
import Testing
@testable import AppCore

/// Requests, packets and APCs are named as the program names them.
@Suite struct StructureTextTests {
    func request(_ label: String?, offset: UInt64) -> IORequestView {
        var request = IORequestView(id: 1, thread: 1, file: ObjectRef(id: 3, kind: .file, label: "hFile"), operation: .read,
                                    offset: offset, length: 4096, overlapped: 0x1000, issuedAt: 0, completesAt: nil)
        request.overlappedLabel = label
        return request
    }

    @Test func requestsAreNamedByTheirOverlappedWithOffsetAndLength() {
        #expect(StructureText.request(request("ior[2]", offset: 8192)) == "ior[2] @8K 4K")
        #expect(StructureText.request(request(nil, offset: 0)) == "read @0 4K")
        #expect(StructureText.compactRequest(request("ior[2]", offset: 8192)) == "2 @8K")
        #expect(StructureText.compactRequest(request(nil, offset: 8192)) == "r@8K")
    }

    @Test func packetsShowKeyOverlappedBytesAndStatus() {
        var io = PacketView(bytes: 4096, key: 1, overlapped: 0x1000, status: Win32.STATUS_SUCCESS, posted: false)
        io.overlappedLabel = "oRead"
        #expect(StructureText.packet(io) == "key 1 oRead 4K")
        let failed = PacketView(bytes: 0, key: 1, overlapped: 0x2000, status: Win32.STATUS_END_OF_FILE, posted: false)
        #expect(StructureText.packet(failed) == "key 1 ov 0x2000 0B END_OF_FILE")
        let posted = PacketView(bytes: 0, key: 2, overlapped: 0, status: 0, posted: true)
        #expect(StructureText.packet(posted) == "posted key 2 0B")
        #expect(StructureText.compactPacket(posted) == "post k2")
    }

    @Test func apcsNameTheRoutineAndTheRequest() {
        var routine = APCView(kind: .completionRoutine, routine: 0x10, routineName: "ReadDone", bytes: 4096, argument: 0x1000)
        routine.overlappedLabel = "g_requests[3].ov"
        #expect(StructureText.apc(routine) == "ReadDone g_requests[3].ov 4K")
        #expect(StructureText.compactAPC(routine) == "3")
        let user = APCView(kind: .userAPC, routine: 0x20, routineName: "Wake", argument: 7)
        #expect(StructureText.apc(user) == "Wake(7)")
    }

    @Test func aChainIsShownInFullWhenItFitsAndCompactOtherwise() {
        let context = DrawContext(theme: .dark, glyphs: .ascii)
        let requests = (0..<3).map { request("ior[\($0)]", offset: UInt64($0) * 8192) }
        let wide = StructureText.chain(requests, full: StructureText.request, compact: StructureText.compactRequest,
                                       width: 200, context: context).plainText
        #expect(wide.contains("[ior[0] @0 4K]"))
        let narrow = StructureText.chain(requests, full: StructureText.request, compact: StructureText.compactRequest,
                                         width: 30, context: context).plainText
        #expect(narrow.hasPrefix("[0 @0]"))
    }
}
