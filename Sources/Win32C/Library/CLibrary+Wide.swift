import SimMemory

/// The wide-character (`wchar_t`, UTF-16) string functions that `wmain`
/// programs and Unicode documentation samples use, with the same rules as
/// their narrow forms.
extension CLibrary {
    static func wide(_ function: Function, _ args: CallArguments, memory: inout Memory,
                     process: inout CProcess) throws(MemoryFault) -> CLibraryResult {
        func arg(_ i: Int) -> UInt64 { args[i] }
        func ok(_ v: UInt64) -> CLibraryResult { .value(v, lastError: nil) }
        func signed(_ v: Int64) -> CLibraryResult { .value(UInt64(bitPattern: v), lastError: nil) }
        func units(_ i: Int) throws(MemoryFault) -> [UInt16] { try readUnits(memory: &memory, at: arg(i), wide: true) }
        func store(_ text: [UInt16], at address: UInt64) throws(MemoryFault) {
            for (i, u) in text.enumerated() { try memory.store(UInt64(u), at: address + UInt64(2 * i), size: 2) }
        }
        /// `wprintf`'s formatting, as UTF-16 units.
        func format(_ formatIndex: Int) throws(MemoryFault) -> [UInt16] {
            var formatter = PrintfFormatter(arguments: Array(args.array.dropFirst(formatIndex + 1)), wide: true)
            let bytes = try formatter.format(try units(formatIndex), memory: &memory)
            return Array(String(decoding: bytes, as: UTF8.self).utf16)
        }
        func compare(_ a: [UInt16], _ b: [UInt16], limit: Int = .max, folding: Bool = false) -> CLibraryResult {
            func fold(_ u: UInt16) -> UInt16 { folding && u >= 65 && u <= 90 ? u + 32 : u }
            var i = 0
            while i < limit {
                let x = i < a.count ? fold(a[i]) : 0, y = i < b.count ? fold(b[i]) : 0
                if x != y { return signed(x < y ? -1 : 1) }
                if x == 0 { break }
                i += 1
            }
            return ok(0)
        }
        switch function {
        case .swprintf, ._snwprintf:
            // swprintf (conforming): -1 when the text does not fit; _snwprintf
            // like _snprintf: no terminator when it exactly fills the buffer.
            let text = try format(2), count = Int(clamping: arg(1))
            if text.count < count { try store(text + [0], at: arg(0)); return signed(Int64(text.count)) }
            if function == .swprintf {
                if count > 0 { try store(Array(text.prefix(count - 1)) + [0], at: arg(0)) }
                return signed(-1)
            }
            try store(Array(text.prefix(count)), at: arg(0))
            return signed(text.count == count ? Int64(count) : -1)
        case .swprintf_s:
            guard arg(0) != 0, arg(1) > 0 else { return invalidParameter(function, "NULL or empty buffer") }
            let text = try format(2), size = Int(clamping: arg(1))
            if text.count < size { try store(text + [0], at: arg(0)); return signed(Int64(text.count)) }
            try store([0], at: arg(0))
            return invalidParameter(function, "\(text.count + 1) characters do not fit the \(size)-character buffer")
        case .wcscat:
            try store(try units(1) + [0], at: arg(0) + UInt64(2 * (try units(0)).count))
            return ok(arg(0))
        case .wcscpy_s, .wcscat_s:
            let size = try count(arg(1))
            guard arg(0) != 0, size > 0 else { return invalidParameter(function, "NULL or empty destination") }
            guard arg(2) != 0 else { try store([0], at: arg(0)); return invalidParameter(function, "NULL source") }
            let existing = function == .wcscat_s ? try units(0) : []
            let source = try units(2)
            if existing.count + source.count + 1 > size {
                try store([0], at: arg(0))
                return invalidParameter(function, "\(existing.count + source.count + 1) characters do not fit the \(size)-character destination")
            }
            try store(source + [0], at: arg(0) + UInt64(2 * existing.count))
            return ok(0)
        case .wcsncmp:
            return compare(try units(0), try units(1), limit: try count(arg(2)))
        case ._wcsicmp:
            return compare(try units(0), try units(1), folding: true)
        case .wcschr, .wcsrchr:
            let s = try units(0), wanted = UInt16(truncatingIfNeeded: arg(1))
            if wanted == 0 { return ok(arg(0) + UInt64(2 * s.count)) }
            let found = function == .wcschr ? s.firstIndex(of: wanted) : s.lastIndex(of: wanted)
            return ok(found.map { arg(0) + UInt64(2 * $0) } ?? 0)
        case .wcsstr:
            let s = try units(0), needle = try units(1)
            if needle.isEmpty { return ok(arg(0)) }
            guard s.count >= needle.count else { return ok(0) }
            for i in 0...(s.count - needle.count) where Array(s[i..<(i + needle.count)]) == needle {
                return ok(arg(0) + UInt64(2 * i))
            }
            return ok(0)
        case ._wtoi, .wcstol, .wcstoul:
            // Digits are ASCII, so the narrow parser reads the low bytes.
            let narrow = try units(0).map { $0 < 128 ? UInt8($0) : 0xFF }
            let parsed = parseInteger(narrow, base: function == ._wtoi ? 10 : Int(Int32(truncatingIfNeeded: arg(2))))
            if function == ._wtoi { return signed(Int64(Int32(truncatingIfNeeded: clamp(parsed, .strtol)))) }
            if arg(1) != 0 { try memory.storeUInt64(arg(0) + UInt64(2 * parsed.consumed), at: arg(1)) }
            return ok(clamp(parsed, function == .wcstol ? .strtol : .strtoul))
        case .StringCchPrintfW, .StringCchCopyW, .StringCchCatW:
            let size = Int(clamping: arg(1))
            guard arg(0) != 0, size > 0, size <= 2_147_483_647 else { return ok(0x8007_0057) }
            let existing = function == .StringCchCatW ? try units(0).count : 0
            guard existing < size else { return ok(0x8007_0057) }
            let text = function == .StringCchPrintfW ? try format(2) : try units(2)
            let room = size - 1 - existing
            try store(Array(text.prefix(room)) + [0], at: arg(0) + UInt64(2 * existing))
            return ok(text.count <= room ? 0 : 0x8007_007A)
        default:   // StringCchLengthW
            let limit = Int(clamping: arg(1))
            let n = try readUnits(memory: &memory, at: arg(0), wide: true, limit: limit).count
            guard arg(0) != 0, n < limit else { return ok(0x8007_0057) }
            if arg(2) != 0 { try memory.storeUInt64(UInt64(n), at: arg(2)) }
            return ok(0)
        }
    }
}
