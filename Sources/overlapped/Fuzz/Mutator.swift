import SimKernel

/// Seeded byte-level mutations of program and lesson text, for `overlapped
/// fuzz`. The same seed gives the same inputs on every machine (the
/// generator is the kernel's SplitMix64, never the system's).
struct Mutator {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    /// Fragments that reach deep paths of the front ends: extreme numbers,
    /// nesting, macro fan-out, condition prefixes, YAML structure.
    static let dictionary: [String] = [
        "-9223372036854775808", "18446744073709551615", "0xFFFFFFFF", "2147483648", "1e999",
        "(((((((((((((((((((", "}}}}}}}}", "{{{{{{{{", "[[[[[[[[", "\"", "'", "/*", "*/", "\\\n",
        "#define A(x) x x x x x x x x x x\n", "#if ", "#endif\n", "#pragma sim param(N, -1)\n",
        "#pragma sim file(\"f\", 17179869184)\n", "not not not ", "in a, ", "\r\n", "\u{FEFF}", "\u{00}",
        "---\n", ": ", "- ", "  ", "\t", "&anchor ", "*anchor", "!!binary ", "%%", "&&", "->", "sizeof(", "(int)",
        "SimCompute(0xFFFFFFFF);", "Sleep(0xFFFFFFFE);", "QueueUserAPC(", "CreateThread(", "WaitForMultipleObjects(",
    ]

    /// `input` changed by one to four mutations; `other` is material to splice in.
    mutating func mutate(_ input: [UInt8], splicing other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0 ..< 1 + below(4) {
            let at = below(bytes.count + 1)
            switch below(7) {
            case 0 where !bytes.isEmpty:   // flip a bit
                let i = min(at, bytes.count - 1)
                bytes[i] ^= UInt8(1) << UInt8(below(8))
            case 1 where !bytes.isEmpty:   // delete a range
                bytes.removeSubrange(at ..< min(bytes.count, at + 1 + below(64)))
            case 2 where !bytes.isEmpty:   // duplicate a range in place
                let end = min(bytes.count, at + 1 + below(256))
                if at < end { bytes.insert(contentsOf: bytes[at ..< end], at: at) }
            case 3:                        // insert a dictionary word, sometimes many times
                let word = Array(Self.dictionary[below(Self.dictionary.count)].utf8)
                let times = below(8) == 0 ? 1 + below(2_000) : 1
                for _ in 0 ..< times { bytes.insert(contentsOf: word, at: min(at, bytes.count)) }
            case 4 where !other.isEmpty:   // splice from another input
                let from = below(other.count)
                bytes.insert(contentsOf: other[from ..< min(other.count, from + 1 + below(512))], at: at)
            case 5:                        // a random byte
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            default:                       // cut the tail
                if at < bytes.count { bytes.removeSubrange(at...) }
            }
        }
        return bytes
    }
}
