/// Numbers and lists as narration speaks them: "2.900 ms", "4 KiB", "a, b or c".
public enum NarrationWords {
    /// Virtual time: microseconds below a millisecond ("15 µs"), else
    /// milliseconds always with three decimals ("2.040 ms"), so that times
    /// side by side read alike and line up.
    public static func time(_ microseconds: UInt64) -> String {
        if microseconds < 1_000 { return "\(microseconds) µs" }
        let fraction = String(microseconds % 1_000)
        return "\(microseconds / 1_000).\(String(repeating: "0", count: 3 - fraction.count) + fraction) ms"
    }

    /// A byte count: whole KiB or MiB when exact, else bytes.
    public static func size(_ bytes: UInt64) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// "a", "a or b", "a, b or c".
    public static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
