/// Turns the bytes a terminal sends into characters, one byte at a time,
/// dropping whatever is not UTF-8.
///
/// Why it exists: asking ncurses for wide characters (`get_wch`) leaves its
/// decoder stuck after one byte that is not UTF-8 (a pasted Latin-1 text),
/// and every later key is lost. Reading bytes and decoding them here means a
/// bad byte is only that byte: the sequence it broke is dropped and the next
/// valid byte starts afresh.
public struct UTF8InputDecoder: Sendable, Equatable {
    private var value: UInt32 = 0
    private var remaining = 0
    private var minimum: UInt32 = 0

    public init() {}

    /// True while a multi-byte sequence is incomplete.
    public var isPending: Bool { remaining > 0 }

    /// Feeds one byte; returns the scalar it completes, if any.
    public mutating func feed(_ byte: UInt8) -> Unicode.Scalar? {
        if remaining > 0 {
            if byte & 0xC0 == 0x80 {
                value = value << 6 | UInt32(byte & 0x3F)
                remaining -= 1
                guard remaining == 0 else { return nil }
                // Overlong forms and surrogates are not UTF-8 either.
                return value >= minimum ? Unicode.Scalar(value) : nil
            }
            // The sequence broke off: drop it and read this byte anew.
            remaining = 0
        }
        switch byte {
        case 0x00...0x7F:
            return Unicode.Scalar(byte)
        case 0xC2...0xDF:
            start(byte & 0x1F, count: 1, minimum: 0x80)
        case 0xE0...0xEF:
            start(byte & 0x0F, count: 2, minimum: 0x800)
        case 0xF0...0xF4:
            start(byte & 0x07, count: 3, minimum: 0x1_0000)
        default:
            break  // a stray continuation byte, or a byte UTF-8 never uses
        }
        return nil
    }

    private mutating func start(_ bits: UInt8, count: Int, minimum: UInt32) {
        value = UInt32(bits)
        remaining = count
        self.minimum = minimum
    }
}
