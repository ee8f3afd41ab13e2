/// `__declspec(...)`: `align(N)` is honoured (unbuffered I/O needs
/// sector-aligned buffers); the other attributes (`dllimport`, `noinline`,
/// `selectany`, …) change nothing in a one-file simulated program.
extension Parser {
    /// Parses `__declspec( … )` at `current`; returns the `align(N)` value, or 0.
    mutating func parseDeclspec() -> Int {
        _ = advance()   // __declspec
        guard accept(.leftParen) else {
            error("expected '(' after '__declspec'", current.location)
            return 0
        }
        var alignment = 0
        var level = 1
        while !atEnd && level > 0 {
            if current.isIdent("align") && peek().isPunct(.leftParen) {
                _ = advance(); _ = advance()
                let value = current
                if value.kind == .number && !value.isFloat && peek().isPunct(.rightParen),
                   value.intValue >= 1, value.intValue <= 8192, value.intValue & (value.intValue - 1) == 0 {
                    alignment = max(alignment, Int(value.intValue))
                } else {
                    error("__declspec(align(N)) needs a power of two from 1 to 8192", value.location)
                }
                while !atEnd && !current.isPunct(.rightParen) { _ = advance() }
                _ = accept(.rightParen)
                continue
            }
            if current.isPunct(.leftParen) { level += 1 }
            if current.isPunct(.rightParen) { level -= 1 }
            _ = advance()
        }
        return alignment
    }
}

extension Parser {
    /// `typedef DECLSPEC_ALIGN(16) struct _X { … } X;` aligns the struct type
    /// itself, as MSVC does; on any other typedef it is refused, not ignored.
    mutating func alignTypedef(_ type: CType, to alignment: Int, at location: SourceLocation) {
        guard alignment > 0 else { return }
        guard case .record(let record) = type, record.isComplete else {
            error("__declspec(align(N)) on a typedef of '\(type.description)' is not supported; align the variable or the struct", location)
            return
        }
        if alignment > record.alignment {
            record.alignment = alignment
            record.size = (record.size + alignment - 1) / alignment * alignment
        }
    }
}
