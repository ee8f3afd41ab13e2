/// `__declspec(...)`: `align(N)` is honoured (unbuffered I/O needs
/// sector-aligned buffers); the other attributes (`dllimport`, `noinline`,
/// `selectany`, …) change nothing in a one-file simulated program.
extension Parser {
    /// Parses `__declspec( … )` at `current`; returns the `align(N)` value, or 0.
    mutating func parseDeclspec() -> Int {
        _ = advance()   // __declspec
        guard accept("(") else {
            error("expected '(' after '__declspec'", current.location)
            return 0
        }
        var alignment = 0
        var level = 1
        while !atEnd && level > 0 {
            if current.isIdent("align") && peek().isPunct("(") {
                _ = advance(); _ = advance()
                let value = current
                if value.kind == .number && !value.isFloat && peek().isPunct(")"),
                   value.intValue >= 1, value.intValue <= 8192, value.intValue & (value.intValue - 1) == 0 {
                    alignment = max(alignment, Int(value.intValue))
                } else {
                    error("__declspec(align(N)) needs a power of two from 1 to 8192", value.location)
                }
                while !atEnd && !current.isPunct(")") { _ = advance() }
                _ = accept(")")
                continue
            }
            if current.isPunct("(") { level += 1 }
            if current.isPunct(")") { level -= 1 }
            _ = advance()
        }
        return alignment
    }
}
