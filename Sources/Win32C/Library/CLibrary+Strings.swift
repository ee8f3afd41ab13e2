import SimMemory

/// `string.h`, the `stdlib.h` conversions and numbers, `ctype.h` (the "C"
/// locale), `rand`/`srand` and `assert`'s failure path, as the MSVC runtime
/// behaves.
extension CLibrary {
    static func strings(_ function: Function, _ args: CallArguments, memory: inout Memory,
                        process: inout CProcess) throws(MemoryFault) -> CLibraryResult {
        func arg(_ i: Int) -> UInt64 { args[i] }
        func ok(_ v: UInt64) -> CLibraryResult { .value(v, lastError: nil) }
        func signed(_ v: Int64) -> CLibraryResult { .value(UInt64(bitPattern: v), lastError: nil) }
        func bytes(_ i: Int) throws(MemoryFault) -> [UInt8] {
            try readUnits(memory: &memory, at: arg(i), wide: false).map { UInt8(truncatingIfNeeded: $0) }
        }
        func compare(_ a: [UInt8], _ b: [UInt8], limit: Int = .max, folding: Bool = false) -> CLibraryResult {
            var i = 0
            while i < limit {
                let x = i < a.count ? a[i] : 0, y = i < b.count ? b[i] : 0
                let cx = folding ? lower(x) : x, cy = folding ? lower(y) : y
                if cx != cy { return signed(Int64(cx) - Int64(cy) < 0 ? -1 : 1) }
                if x == 0 { break }
                i += 1
            }
            return ok(0)
        }
        let c = Int32(truncatingIfNeeded: arg(0))
        let byte = UInt8(truncatingIfNeeded: c)
        func ctype(_ test: (UInt8) -> Bool) -> CLibraryResult { ok(c >= 0 && c < 128 && test(byte) ? 1 : 0) }
        switch function {
        case .strcpy:
            try memory.writeBytes(try bytes(1) + [0], at: arg(0))
            return ok(arg(0))
        case .strncpy:
            // Pads with NULs to n; no terminator when the source is n or longer.
            let n = try count(arg(2)), source = try bytes(1)
            try memory.writeBytes(Array(source.prefix(n)) + Array(repeating: 0, count: max(0, n - source.count)), at: arg(0))
            return ok(arg(0))
        case .strcat:
            let end = arg(0) + UInt64(try bytes(0).count)
            try memory.writeBytes(try bytes(1) + [0], at: end)
            return ok(arg(0))
        case .strncat:
            let end = arg(0) + UInt64(try bytes(0).count)
            try memory.writeBytes(Array(try bytes(1).prefix(try count(arg(2)))) + [0], at: end)
            return ok(arg(0))
        case .strcpy_s, .strcat_s:
            // A bad argument (EINVAL) or a destination too small (ERANGE)
            // empties the destination and calls the invalid-parameter
            // handler, which by default ends the program.
            let size = try count(arg(1))
            guard arg(0) != 0, size > 0 else { return invalidParameter(function, "NULL or empty destination") }
            guard arg(2) != 0 else { try memory.writeBytes([0], at: arg(0)); return invalidParameter(function, "NULL source") }
            let existing = function == .strcat_s ? try bytes(0) : []
            let source = try bytes(2)
            if existing.count + source.count + 1 > size {
                try memory.writeBytes([0], at: arg(0))
                return invalidParameter(function, "\(existing.count + source.count + 1) bytes do not fit the \(size)-byte destination")
            }
            try memory.writeBytes(source + [0], at: arg(0) + UInt64(existing.count))
            return ok(0)
        case .strchr, .strrchr:
            let s = try bytes(0), wanted = UInt8(truncatingIfNeeded: arg(1))
            if wanted == 0 { return ok(arg(0) + UInt64(s.count)) }
            let found = function == .strchr ? s.firstIndex(of: wanted) : s.lastIndex(of: wanted)
            return ok(found.map { arg(0) + UInt64($0) } ?? 0)
        case .strstr:
            let s = try bytes(0), needle = try bytes(1)
            if needle.isEmpty { return ok(arg(0)) }
            guard s.count >= needle.count else { return ok(0) }
            for i in 0...(s.count - needle.count) where s[i] == needle[0] && Array(s[i..<(i + needle.count)]) == needle {
                return ok(arg(0) + UInt64(i))
            }
            return ok(0)
        case .strncmp:
            return compare(try bytes(0), try bytes(1), limit: try count(arg(2)))
        case ._stricmp:
            return compare(try bytes(0), try bytes(1), folding: true)
        case ._strnicmp:
            return compare(try bytes(0), try bytes(1), limit: try count(arg(2)), folding: true)
        case .strnlen:
            return ok(UInt64(try readUnits(memory: &memory, at: arg(0), wide: false, limit: try count(arg(1))).count))
        case ._strdup, .strdup:
            guard arg(0) != 0 else { return ok(0) }
            let s = try bytes(0)
            let p = process.malloc(UInt64(s.count + 1), memory: &memory)
            if p != 0 { try memory.writeBytes(s + [0], at: p) }
            return ok(p)
        case .memchr:
            let n = try count(arg(2)), wanted = UInt8(truncatingIfNeeded: arg(1))
            let s = try memory.readBytes(at: arg(0), count: n)
            return ok(s.firstIndex(of: wanted).map { arg(0) + UInt64($0) } ?? 0)
        case .wcscmp:
            let a = try readUnits(memory: &memory, at: arg(0), wide: true), b = try readUnits(memory: &memory, at: arg(1), wide: true)
            for (x, y) in zip(a, b) where x != y { return signed(x < y ? -1 : 1) }
            return signed(a.count == b.count ? 0 : (a.count < b.count ? -1 : 1))
        case .wcscpy:
            let units = try readUnits(memory: &memory, at: arg(1), wide: true) + [0]
            for (i, u) in units.enumerated() { try memory.store(UInt64(u), at: arg(0) + UInt64(2 * i), size: 2) }
            return ok(arg(0))
        case .atoi, .atol:
            // MSVC's atoi saturates like strtol.
            return signed(Int64(Int32(truncatingIfNeeded: clamp(parseInteger(try bytes(0), base: 10), .strtol))))
        case ._atoi64:
            return ok(clamp(parseInteger(try bytes(0), base: 10), .strtoll))
        case .strtol, .strtoul, .strtoll, .strtoull:
            let text = try bytes(0)
            let parsed = parseInteger(text, base: Int(Int32(truncatingIfNeeded: arg(2))))
            if arg(1) != 0 { try memory.storeUInt64(arg(0) + UInt64(parsed.consumed), at: arg(1)) }
            return ok(clamp(parsed, function))
        case .isdigit: return ctype { $0 >= 48 && $0 <= 57 }
        case .isalpha: return ctype { isLetter($0) }
        case .isalnum: return ctype { isLetter($0) || ($0 >= 48 && $0 <= 57) }
        case .isspace: return ctype { $0 == 32 || ($0 >= 9 && $0 <= 13) }
        case .isupper: return ctype { $0 >= 65 && $0 <= 90 }
        case .islower: return ctype { $0 >= 97 && $0 <= 122 }
        case .isxdigit: return ctype { ($0 >= 48 && $0 <= 57) || (lower($0) >= 97 && lower($0) <= 102) }
        case .isprint: return ctype { $0 >= 32 && $0 < 127 }
        case .ispunct: return ctype { $0 > 32 && $0 < 127 && !isLetter($0) && !($0 >= 48 && $0 <= 57) }
        case .iscntrl: return ctype { $0 < 32 || $0 == 127 }
        case .toupper: return signed(Int64(c >= 97 && c <= 122 ? c - 32 : c))
        case .tolower: return signed(Int64(c >= 65 && c <= 90 ? c + 32 : c))
        case .abs, .labs: return signed(Int64(c == Int32.min ? c : Swift.abs(c)))
        case .llabs:
            let v = Int64(bitPattern: arg(0))
            return signed(v == Int64.min ? v : Swift.abs(v))
        case .srand:
            process.randomState = UInt32(truncatingIfNeeded: arg(0))
            return ok(0)
        case .rand:
            process.randomState = process.randomState &* 214_013 &+ 2_531_011
            return ok(UInt64((process.randomState >> 16) & 0x7FFF))
        case ._assert:
            // What the MSVC runtime prints for a console program, then abort().
            let message = "Assertion failed: " + String(decoding: try bytes(0), as: UTF8.self) + ", file "
                + String(decoding: try bytes(1), as: UTF8.self) + ", line \(UInt32(truncatingIfNeeded: arg(2)))\n"
            process.errorOutput += Array(message.utf8)
            return .exit(3)
        case .abort:
            return .exit(3)   // abort()'s exit status on Windows
        case .strtok:
            var next = process.strtokNext
            let token = try tokenize(arg(0), delimiters: try bytes(1), next: &next, memory: &memory)
            process.strtokNext = next
            return ok(token)
        case .strtok_s:
            guard arg(2) != 0 else { return invalidParameter(function, "NULL context") }
            var next = try memory.loadUInt64(arg(2))
            let token = try tokenize(arg(0), delimiters: try bytes(1), next: &next, memory: &memory)
            try memory.storeUInt64(next, at: arg(2))
            return ok(token)
        case ._itoa, ._ltoa, ._ultoa, ._i64toa, ._ui64toa:
            let radix = Int(Int32(truncatingIfNeeded: arg(2)))
            guard radix >= 2 && radix <= 36 else { return invalidParameter(function, "radix \(radix)") }
            let value = arg(0)
            var text: String
            switch function {
            case ._itoa, ._ltoa:
                let v = Int32(truncatingIfNeeded: value)
                text = radix == 10 ? String(v) : String(UInt32(bitPattern: v), radix: radix)
            case ._ultoa: text = String(UInt32(truncatingIfNeeded: value), radix: radix)
            case ._i64toa: text = radix == 10 ? String(Int64(bitPattern: value)) : String(value, radix: radix)
            default: text = String(value, radix: radix)
            }
            try memory.writeBytes(Array(text.utf8) + [0], at: arg(1))
            return ok(arg(1))
        default:
            return .fault(.libraryError, "\(function.rawValue) is not implemented")
        }
    }

    /// One `strtok` step from `start` (or, when it is NULL, from `next`):
    /// the token's address or 0; `next` is where the following call goes on.
    private static func tokenize(_ start: UInt64, delimiters: [UInt8], next: inout UInt64,
                                 memory: inout Memory) throws(MemoryFault) -> UInt64 {
        var p = start != 0 ? start : next
        guard p != 0 else { return 0 }
        func byte(_ a: UInt64) throws(MemoryFault) -> UInt8 { UInt8(truncatingIfNeeded: try memory.load(a, size: 1)) }
        while try byte(p) != 0, delimiters.contains(try byte(p)) { p += 1 }
        if try byte(p) == 0 { next = 0; return 0 }
        let token = p
        while try byte(p) != 0, !delimiters.contains(try byte(p)) { p += 1 }
        if try byte(p) == 0 {
            next = p
        } else {
            try memory.store(0, at: p, size: 1)
            next = p + 1
        }
        return token
    }

    private static func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
    private static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

    /// `strtol`'s parse: white space, a sign, `0x`/`0` prefixes for base 16/0,
    /// digits. `consumed` is 0 when no digits were read (endptr = the string).
    struct ParsedInteger {
        var value: UInt64 = 0
        var negative = false
        var overflow = false
        var consumed = 0
    }

    static func parseInteger(_ s: [UInt8], base requested: Int) -> ParsedInteger {
        var result = ParsedInteger()
        guard requested == 0 || (requested >= 2 && requested <= 36) else { return result }
        var i = 0
        while i < s.count, s[i] == 32 || (s[i] >= 9 && s[i] <= 13) { i += 1 }
        if i < s.count, s[i] == 43 || s[i] == 45 { result.negative = s[i] == 45; i += 1 }
        var base = requested
        if (base == 0 || base == 16), i + 1 < s.count, s[i] == 48, lower(s[i + 1]) == 120,
           i + 2 < s.count, digit(s[i + 2]) < 16 {
            i += 2
            base = 16
        } else if base == 0 {
            base = i < s.count && s[i] == 48 ? 8 : 10
        }
        let start = i
        while i < s.count, digit(s[i]) < base {
            let (m, o1) = result.value.multipliedReportingOverflow(by: UInt64(base))
            let (a, o2) = m.addingReportingOverflow(UInt64(digit(s[i])))
            if o1 || o2 { result.overflow = true }
            result.value = a
            i += 1
        }
        result.consumed = i > start ? i : 0
        return result
    }

    private static func digit(_ c: UInt8) -> Int {
        if c >= 48 && c <= 57 { return Int(c) - 48 }
        let l = lower(c)
        if l >= 97 && l <= 122 { return Int(l) - 87 }
        return 99
    }

    /// The value as the function's type holds it, saturated as C says
    /// (`LONG_MAX`, `ULONG_MAX`, … on overflow).
    static func clamp(_ p: ParsedInteger, _ function: Function) -> UInt64 {
        switch function {
        case .strtol:
            if p.overflow || p.value > (p.negative ? 0x8000_0000 : 0x7FFF_FFFF) {
                return UInt64(bitPattern: p.negative ? Int64(Int32.min) : Int64(Int32.max))
            }
            return UInt64(bitPattern: p.negative ? -Int64(p.value) : Int64(p.value))
        case .strtoul:
            if p.overflow || p.value > 0xFFFF_FFFF { return 0xFFFF_FFFF }
            return UInt64(p.negative ? UInt32(truncatingIfNeeded: 0 &- p.value) : UInt32(p.value))
        case .strtoll:
            if p.overflow || p.value > (p.negative ? 1 << 63 : UInt64(Int64.max)) {
                return UInt64(bitPattern: p.negative ? Int64.min : Int64.max)
            }
            return p.negative ? 0 &- p.value : p.value
        default:   // strtoull
            if p.overflow { return UInt64.max }
            return p.negative ? 0 &- p.value : p.value
        }
    }
}
