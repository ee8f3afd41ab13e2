import Testing
import TUI

/// Bytes from the terminal become characters; bytes that are not UTF-8 are
/// dropped one sequence at a time, never blocking what follows.
@Suite struct InputDecodingTests {
    func decode(_ bytes: [UInt8]) -> String {
        var decoder = UTF8InputDecoder()
        var text = ""
        for byte in bytes { if let scalar = decoder.feed(byte) { text.unicodeScalars.append(scalar) } }
        return text
    }

    @Test func validUTF8IsDecoded() {
        #expect(decode(Array("qé→😀".utf8)) == "qé→😀")
    }

    @Test func invalidBytesAreDroppedAndLaterKeysStillArrive() {
        #expect(decode([0xFF, 0x71]) == "q")
        #expect(decode([0xE9, 0x71]) == "q")          // Latin-1 é, then q
        #expect(decode([0xE2, 0x86, 0x71, 0x70]) == "qp")  // a sequence cut short
        #expect(decode([0x80, 0xBF, 0x73]) == "s")    // stray continuation bytes
        #expect(decode([0xC0, 0xAF, 0x74]) == "t")    // overlong "/"
        #expect(decode([0xED, 0xA0, 0x80, 0x75]) == "u")  // a surrogate
    }

    @Test func hugeTerminalsAreDrawnAtACappedSize() {
        #expect(Size(width: 10_000, height: 10_000).cappedForDrawing == Size.largestDrawn)
        #expect(Size(width: 80, height: 24).cappedForDrawing == Size(width: 80, height: 24))
        #expect(Size(width: -1, height: 5).cappedForDrawing == Size(width: 0, height: 5))
    }
}
