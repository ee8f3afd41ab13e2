/// Turns program bytes into tokens. Never traps: stray bytes, unterminated
/// comments and strings, and oversized literals become diagnostics.
struct Lexer {
    private let bytes: [UInt8]
    private let inPrelude: Bool
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private(set) var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], inPrelude: Bool = false) {
        self.bytes = bytes
        self.inPrelude = inPrelude
    }

    private static let punctuators: [String] = [
        ">>=", "<<=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "##", "::",
    ]

    private func peek(_ offset: Int = 0) -> UInt8 {
        let i = pos + offset
        return i < bytes.count ? bytes[i] : 0
    }

    private var location: SourceLocation {
        SourceLocation(line: line, column: pos - lineStart + 1, inPrelude: inPrelude)
    }

    private mutating func error(_ message: String, _ at: SourceLocation) {
        diagnostics.append(Diagnostic(message, at: at))
    }

    private mutating func newline() {
        line += 1
        lineStart = pos
    }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        var atLineStart = true
        var space = false
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 10 {
                pos += 1
                newline()
                atLineStart = true
                space = true
                continue
            }
            if c == 32 || c == 9 || c == 13 || c == 11 || c == 12 {
                pos += 1
                space = true
                continue
            }
            if c == 92 && (peek(1) == 10 || (peek(1) == 13 && peek(2) == 10)) {  // line splice
                pos += peek(1) == 13 ? 3 : 2
                newline()
                space = true
                continue
            }
            if c == 47 && peek(1) == 47 {
                while pos < bytes.count && bytes[pos] != 10 { pos += 1 }
                space = true
                continue
            }
            if c == 47 && peek(1) == 42 {
                let start = location
                pos += 2
                var closed = false
                while pos < bytes.count {
                    if bytes[pos] == 42 && peek(1) == 47 { pos += 2; closed = true; break }
                    if bytes[pos] == 10 { pos += 1; newline() } else { pos += 1 }
                }
                if !closed { error("unterminated comment", start) }
                space = true
                continue
            }
            let startPos = pos, startLine = line
            var token = lexToken()
            token.length = line == startLine ? max(1, pos - startPos) : 1
            token.atLineStart = atLineStart
            token.spaceBefore = space
            atLineStart = false
            space = false
            tokens.append(token)
        }
        var eof = Token(.eof, "", location)
        eof.atLineStart = true
        tokens.append(eof)
        return tokens
    }

    private mutating func lexToken() -> Token {
        let start = location
        let c = bytes[pos]
        if (c == 76) && (peek(1) == 34 || peek(1) == 39) {  // L"..." or L'.'
            pos += 1
            return peek() == 34 ? lexString(start, wide: true) : lexChar(start, wide: true)
        }
        if Lexer.isIdentStart(c) || c >= 0x80 && false {
            let s = pos
            while pos < bytes.count && (Lexer.isIdentStart(bytes[pos]) || Lexer.isDigit(bytes[pos])) { pos += 1 }
            return Token(.identifier, String(decoding: bytes[s..<pos], as: UTF8.self), start)
        }
        if Lexer.isDigit(c) || (c == 46 && Lexer.isDigit(peek(1))) { return lexNumber(start) }
        if c == 34 { return lexString(start, wide: false) }
        if c == 39 { return lexChar(start, wide: false) }
        for p in Lexer.punctuators {
            let u = Array(p.utf8)
            var ok = true
            for (k, b) in u.enumerated() where peek(k) != b { ok = false; break }
            if ok {
                pos += u.count
                return Token(.punct, p, start)
            }
        }
        if let scalar = "[](){}.&*+-~!/%<>^|?:;=,#".utf8.first(where: { $0 == c }) {
            pos += 1
            return Token(.punct, String(UnicodeScalar(scalar)), start)
        }
        // Skip one whole UTF-8 sequence (or one stray byte) and report it.
        pos += 1
        while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        let shown = c >= 32 && c < 127 ? "'\(String(UnicodeScalar(c)))'" : "byte 0x" + String(c, radix: 16, uppercase: true)
        error("unexpected character \(shown)", start)
        return lexTokenAfterError(start)
    }

    /// A placeholder that the parser treats as an already-reported error.
    private func lexTokenAfterError(_ start: SourceLocation) -> Token {
        Token(.punct, "<invalid>", start)
    }

    private mutating func lexNumber(_ start: SourceLocation) -> Token {
        let s = pos
        // Consume a preprocessing number: digits, letters, dots, exponents with signs.
        while pos < bytes.count {
            let b = bytes[pos]
            if Lexer.isDigit(b) || Lexer.isIdentStart(b) || b == 46 {
                let isExp = (b == 101 || b == 69 || b == 112 || b == 80)
                pos += 1
                if isExp && (peek() == 43 || peek() == 45) {
                    let isHex = pos - s > 2 && (bytes[s + 1] == 120 || bytes[s + 1] == 88)
                    if !isHex || b == 112 || b == 80 { pos += 1 }
                }
            } else { break }
        }
        let text = String(decoding: bytes[s..<pos], as: UTF8.self)
        var token = Token(.number, text, start)
        let lower = text.lowercased()
        let isHex = lower.hasPrefix("0x")
        if !isHex && (lower.contains(".") || lower.contains("e")) {
            var body = Substring(lower)
            if body.hasSuffix("f") || body.hasSuffix("l") { body = body.dropLast() }
            token.isFloat = true
            if let v = Double(body) { token.floatValue = v } else { error("invalid floating constant '\(text)'", start) }
            return token
        }
        var digits = Substring(lower)
        // Suffixes: u, l, ll, and the Microsoft i64 / ui64.
        while true {
            if digits.hasSuffix("i64") { digits = digits.dropLast(3); token.longCount = 2; continue }
            if digits.hasSuffix("u") { digits = digits.dropLast(); token.isUnsigned = true; continue }
            if digits.hasSuffix("ll") { digits = digits.dropLast(2); token.longCount = 2; continue }
            if digits.hasSuffix("l") { digits = digits.dropLast(); token.longCount = max(token.longCount, 1); continue }
            break
        }
        var radix = 10
        if isHex { radix = 16; digits = digits.dropFirst(2); token.isDecimal = false }
        else if digits.count > 1 && digits.hasPrefix("0") { radix = 8; digits = digits.dropFirst(); token.isDecimal = false }
        if digits.isEmpty && radix != 8 {
            error("invalid integer constant '\(text)'", start)
            return token
        }
        if digits.isEmpty { return token }
        guard let v = UInt64(digits, radix: radix) else {
            if digits.allSatisfy({ $0.isHexDigit && (radix == 16 || $0.isNumber && ($0 < "8" || radix == 10)) }) {
                error("integer constant '\(text)' is too large", start)
            } else {
                error("invalid integer constant '\(text)'", start)
            }
            return token
        }
        token.intValue = v
        return token
    }

    /// Reads one (possibly escaped) character of a literal; returns nil at end of line.
    private mutating func literalUnit(wide: Bool, into units: inout [UInt32]) -> Bool {
        guard pos < bytes.count, bytes[pos] != 10 else { return false }
        let c = bytes[pos]
        if c == 92 {
            pos += 1
            guard pos < bytes.count, bytes[pos] != 10 else { return false }
            let e = bytes[pos]
            pos += 1
            switch e {
            case 110: units.append(10)
            case 116: units.append(9)
            case 114: units.append(13)
            case 97: units.append(7)
            case 98: units.append(8)
            case 102: units.append(12)
            case 118: units.append(11)
            case 120:
                var v: UInt32 = 0
                var n = 0
                while pos < bytes.count, let d = hexValue(bytes[pos]) { v = (v &<< 4) | d; pos += 1; n += 1 }
                if n == 0 { error("\\x used with no following hex digits", location) }
                units.append(wide ? v & 0xFFFF : v & 0xFF)
            case 48...55:
                var v = UInt32(e - 48)
                var n = 1
                while n < 3, pos < bytes.count, bytes[pos] >= 48, bytes[pos] <= 55 { v = v * 8 + UInt32(bytes[pos] - 48); pos += 1; n += 1 }
                units.append(wide ? v & 0xFFFF : v & 0xFF)
            default: units.append(UInt32(e))
            }
            return true
        }
        if wide && c >= 0x80 {
            // Decode one UTF-8 sequence to UTF-16 units.
            var len = 1
            if c & 0xE0 == 0xC0 { len = 2 } else if c & 0xF0 == 0xE0 { len = 3 } else if c & 0xF8 == 0xF0 { len = 4 }
            let end = min(bytes.count, pos + len)
            let scalarText = String(decoding: bytes[pos..<end], as: UTF8.self)
            pos = end
            for u in scalarText.utf16 { units.append(UInt32(u)) }
            return true
        }
        units.append(UInt32(c))
        pos += 1
        return true
    }

    private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 97...102: return UInt32(c - 87)
        case 65...70: return UInt32(c - 55)
        default: return nil
        }
    }

    private mutating func lexString(_ start: SourceLocation, wide: Bool) -> Token {
        pos += 1
        var units: [UInt32] = []
        var closed = false
        while pos < bytes.count {
            if bytes[pos] == 34 { pos += 1; closed = true; break }
            if !literalUnit(wide: wide, into: &units) { break }
        }
        if !closed { error("unterminated string literal", start) }
        var token = Token(.string, "\"...\"", start)
        token.units = units
        token.isWide = wide
        return token
    }

    private mutating func lexChar(_ start: SourceLocation, wide: Bool) -> Token {
        pos += 1
        var units: [UInt32] = []
        var closed = false
        while pos < bytes.count {
            if bytes[pos] == 39 { pos += 1; closed = true; break }
            if !literalUnit(wide: wide, into: &units) { break }
        }
        var token = Token(.character, "'.'", start)
        token.isWide = wide
        if !closed { error("unterminated character constant", start) }
        else if units.isEmpty { error("empty character constant", start) }
        // Narrow char constants have type int with the (signed) char value.
        if let u = units.first {
            token.intValue = wide ? UInt64(u) : UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: u)))
        }
        return token
    }
}
