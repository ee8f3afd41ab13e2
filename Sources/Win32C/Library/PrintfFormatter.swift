import SimMemory

/// `printf`-family formatting with MSVC's x64 conventions: `%ld` is 32-bit,
/// `%I64d`/`%lld` 64-bit, `%p` prints 16 uppercase hex digits, and in
/// `wprintf` `%s` is a wide string while `%S` is narrow (the reverse in `printf`).
struct PrintfFormatter {
    let arguments: [UInt64]
    let wide: Bool
    var next = 0

    init(arguments: [UInt64], wide: Bool) {
        self.arguments = arguments
        self.wide = wide
    }

    private mutating func take() -> UInt64 {
        defer { next += 1 }
        return next < arguments.count ? arguments[next] : 0
    }

    private func text(_ units: [UInt16]) -> [UInt8] {
        if wide { return Array(String(decoding: units, as: UTF16.self).utf8) }
        return units.map { UInt8(truncatingIfNeeded: $0) }
    }

    mutating func format(_ f: [UInt16], memory: inout Memory) throws(MemoryFault) -> [UInt8] {
        var out: [UInt8] = []
        var literal: [UInt16] = []
        var i = 0
        func peek(_ k: Int) -> UInt16 { k < f.count ? f[k] : 0 }
        while i < f.count {
            let c = f[i]
            if c != 37 {  // '%'
                literal.append(c)
                i += 1
                continue
            }
            out += text(literal)
            literal = []
            i += 1
            var leftAlign = false, zeroPad = false, plus = false, space = false, alternate = false
            flags: while i < f.count {
                switch f[i] {
                case 45: leftAlign = true
                case 48: zeroPad = true
                case 43: plus = true
                case 32: space = true
                case 35: alternate = true
                default: break flags
                }
                i += 1
            }
            var width = 0
            if peek(i) == 42 {
                let w = Int32(truncatingIfNeeded: take())
                if w < 0 { leftAlign = true; width = min(Int(-Int64(w)), 4096) } else { width = min(Int(w), 4096) }
                i += 1
            } else {
                while peek(i) >= 48 && peek(i) <= 57 { width = min(width * 10 + Int(peek(i) - 48), 4096); i += 1 }
            }
            var precision: Int?
            if peek(i) == 46 {
                i += 1
                if peek(i) == 42 {
                    let p = Int32(truncatingIfNeeded: take())
                    precision = p < 0 ? nil : Int(p)
                    i += 1
                } else {
                    var p = 0
                    while peek(i) >= 48 && peek(i) <= 57 { p = min(p * 10 + Int(peek(i) - 48), 4096); i += 1 }
                    precision = p
                }
            }
            // Length modifiers.
            var bits = 32
            var wideArg: Bool?
            lengths: while i < f.count {
                switch f[i] {
                case 104: bits = peek(i + 1) == 104 ? 8 : 16; if bits == 8 { i += 1 }; wideArg = false  // h, hh
                case 108:  // l, ll
                    if peek(i + 1) == 108 { bits = 64; i += 1 } else { wideArg = true }
                case 76, 113, 106, 122, 116: bits = 64  // L q j z t
                case 119: wideArg = true  // w
                case 73:  // I, I32, I64
                    if peek(i + 1) == 54 && peek(i + 2) == 52 { bits = 64; i += 2 }
                    else if peek(i + 1) == 51 && peek(i + 2) == 50 { bits = 32; i += 2 }
                    else { bits = 64 }
                default: break lengths
                }
                i += 1
            }
            guard i < f.count else { out.append(37); break }
            let conversion = f[i]
            i += 1
            var body: [UInt8] = []
            var prefix: [UInt8] = []
            var isNumeric = false
            switch conversion {
            case 37: body = [37]  // %%
            case 100, 105:  // d i
                let raw = take()
                let v: Int64
                switch bits {
                case 8: v = Int64(Int8(truncatingIfNeeded: raw))
                case 16: v = Int64(Int16(truncatingIfNeeded: raw))
                case 32: v = Int64(Int32(truncatingIfNeeded: raw))
                default: v = Int64(bitPattern: raw)
                }
                body = digits(v.magnitude, radix: 10, uppercase: false, precision: precision)
                if v < 0 { prefix = [45] } else if plus { prefix = [43] } else if space { prefix = [32] }
                isNumeric = true
            case 117, 120, 88, 111:  // u x X o
                let raw = take()
                let v: UInt64
                switch bits {
                case 8: v = raw & 0xFF
                case 16: v = raw & 0xFFFF
                case 32: v = raw & 0xFFFF_FFFF
                default: v = raw
                }
                let radix = conversion == 117 ? 10 : (conversion == 111 ? 8 : 16)
                body = digits(v, radix: radix, uppercase: conversion == 88, precision: precision)
                if alternate && v != 0 {
                    if conversion == 120 { prefix = [48, 120] } else if conversion == 88 { prefix = [48, 88] } else if conversion == 111 { prefix = [48] }
                }
                isNumeric = true
            case 112:  // p
                let v = take()
                body = digits(v, radix: 16, uppercase: true, precision: 16)
            case 99, 67:  // c C
                let v = take()
                let isWideChar = conversion == 67 ? !wide : (wideArg ?? wide)
                if isWideChar {
                    body = Array(String(decoding: [UInt16(truncatingIfNeeded: v)], as: UTF16.self).utf8)
                } else {
                    body = [UInt8(truncatingIfNeeded: v)]
                }
            case 115, 83:  // s S
                let address = take()
                let isWideString = conversion == 83 ? !wide : (wideArg ?? wide)
                if address == 0 {
                    body = Array("(null)".utf8)
                } else {
                    var units = try CLibrary.readUnits(memory: &memory, at: address, wide: isWideString,
                                                       limit: precision)
                    if let p = precision, units.count > p { units = Array(units.prefix(p)) }
                    body = isWideString ? Array(String(decoding: units, as: UTF16.self).utf8) : units.map { UInt8(truncatingIfNeeded: $0) }
                }
            case 102, 70, 101, 69, 103, 71:  // f F e E g G
                let d = Double(bitPattern: take())
                let (sign, text) = PrintfFormatter.formatDouble(d, conversion: conversion, precision: precision ?? 6, alternate: alternate)
                body = text
                if sign { prefix = [45] } else if plus { prefix = [43] } else if space { prefix = [32] }
                isNumeric = d.isFinite
            default:
                // Unknown conversion: print it as written.
                body = [37] + text([conversion])
            }
            let length = prefix.count + body.count
            if width > length {
                let pad = width - length
                if leftAlign {
                    out += prefix + body + [UInt8](repeating: 32, count: pad)
                } else if zeroPad && isNumeric && (precision == nil || conversion == 102 || conversion == 101 || conversion == 103) {
                    out += prefix + [UInt8](repeating: 48, count: pad) + body
                } else {
                    out += [UInt8](repeating: 32, count: pad) + prefix + body
                }
            } else {
                out += prefix + body
            }
        }
        out += text(literal)
        return out
    }

    private func digits(_ v: UInt64, radix: Int, uppercase: Bool, precision: Int?) -> [UInt8] {
        if v == 0 && precision == 0 { return [] }
        var s = Array(String(v, radix: radix, uppercase: uppercase).utf8)
        if let p = precision, s.count < p { s = [UInt8](repeating: 48, count: p - s.count) + s }
        return s
    }

    /// Formats a double without Foundation. Returns (negative, digits).
    static func formatDouble(_ d: Double, conversion: UInt16, precision: Int, alternate: Bool) -> (Bool, [UInt8]) {
        let upper = conversion == 70 || conversion == 69 || conversion == 71
        if d.isNaN { return (d.sign == .minus, Array((upper ? "NAN" : "nan").utf8)) }
        if d.isInfinite { return (d < 0, Array((upper ? "INF" : "inf").utf8)) }
        let negative = d.sign == .minus && d != 0 || (d == 0 && d.sign == .minus)
        let a = abs(d)
        let p = min(precision, 40)
        switch conversion {
        case 101, 69:
            return (negative, exponential(a, p, upper: upper))
        case 103, 71:
            let pp = p == 0 ? 1 : p
            var exponent = 0
            if a != 0 { exponent = Int((a.log10Floor)) }
            // Rounding can bump the exponent (9.99 → 10.0).
            let rounded = Array(exponential(a, pp - 1, upper: upper))
            if let eIndex = rounded.lastIndex(where: { $0 == 101 || $0 == 69 }),
               let e = Int(String(decoding: rounded[(eIndex + 1)...], as: UTF8.self)) { exponent = e }
            var text: [UInt8]
            if exponent < -4 || exponent >= pp {
                text = rounded
                if !alternate, let eIndex = text.lastIndex(where: { $0 == 101 || $0 == 69 }) {
                    var mantissa = Array(text[..<eIndex])
                    if mantissa.contains(46) {
                        while mantissa.last == 48 { mantissa.removeLast() }
                        if mantissa.last == 46 { mantissa.removeLast() }
                    }
                    text = mantissa + Array(text[eIndex...])
                }
            } else {
                text = fixed(a, max(0, pp - 1 - exponent))
                if !alternate && text.contains(46) {
                    while text.last == 48 { text.removeLast() }
                    if text.last == 46 { text.removeLast() }
                }
            }
            return (negative, text)
        default:
            return (negative, fixed(a, p))
        }
    }

    private static func fixed(_ a: Double, _ p: Int) -> [UInt8] {
        var scale = 1.0
        for _ in 0..<p { scale *= 10 }
        let scaled = (a * scale).rounded(.toNearestOrEven)
        var digits: [UInt8]
        if scaled < 1.8e19 {
            digits = Array(String(UInt64(scaled)).utf8)
        } else {
            // Very large values: integer digits from the shortest representation.
            let whole = a.rounded(.toNearestOrEven)
            var s = ""
            var x = whole
            var count = 0
            while x >= 1 && x.isFinite && count < 400 {
                let r = x.truncatingRemainder(dividingBy: 10)
                guard r.isFinite, r >= 0, r < 10 else { break }
                s = String(Int(r)) + s
                x = (x - r) / 10
                count += 1
            }
            return Array(s.utf8) + (p > 0 ? [46] + [UInt8](repeating: 48, count: p) : [])
        }
        if digits.count <= p { digits = [UInt8](repeating: 48, count: p - digits.count + 1) + digits }
        if p == 0 { return digits }
        let point = digits.count - p
        return Array(digits[..<point]) + [46] + Array(digits[point...])
    }

    private static func exponential(_ a: Double, _ p: Int, upper: Bool) -> [UInt8] {
        var exponent = 0
        var m = a
        if a != 0 {
            exponent = a.log10Floor
            // Scale in two steps so 10^324 never overflows for subnormal values.
            m = exponent < -300 ? (a * 1e300) / pow10(exponent + 300) : a / pow10(exponent)
            if !m.isFinite || m == 0 { m = 1; exponent = 0 }
            if m >= 10 { m /= 10; exponent += 1 }
            if m < 1 { m *= 10; exponent -= 1 }
        }
        var mantissa = fixed(m, p)
        if mantissa.first == 49, mantissa.count > 1, mantissa[1] == 48, m >= 9.5 || Array(mantissa.prefix(2)) == [49, 48] {
            // Rounded up to 10.x: renormalize.
            if let parsed = Double(String(decoding: mantissa, as: UTF8.self)), parsed >= 10 {
                exponent += 1
                mantissa = fixed(parsed / 10, p)
            }
        }
        let sign: [UInt8] = exponent < 0 ? [45] : [43]
        var e = Array(String(abs(exponent)).utf8)
        if e.count < 2 { e = [48] + e }
        return mantissa + [upper ? 69 : 101] + sign + e
    }

    private static func pow10(_ e: Int) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<min(e, 400) { r *= 10 } } else { for _ in 0..<min(-e, 400) { r /= 10 } }
        return r
    }
}

private extension Double {
    /// floor(log10(self)) for positive finite values, computed without libm.
    var log10Floor: Int {
        var e = 0
        var x = self
        while x >= 10 && e < 400 { x /= 10; e += 1 }
        while x < 1 && x > 0 && e > -400 { x *= 10; e -= 1 }
        return e
    }
}
