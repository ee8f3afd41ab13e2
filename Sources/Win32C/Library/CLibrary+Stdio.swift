import SimMemory

/// The `printf` family into buffers and onto `stdout`/`stderr`, sharing
/// `printf`'s formatter. `FILE *` values are the prelude's three constants.
extension CLibrary {
    /// `stdin`, `stdout`, `stderr` as the prelude defines them.
    static let stdinHandle: UInt64 = 0x7FF7_0000_0000, stdoutHandle: UInt64 = 0x7FF7_0000_0001
    static let stderrHandle: UInt64 = 0x7FF7_0000_0002

    static func stdio(_ function: Function, _ args: CallArguments, memory: inout Memory,
                      process: inout CProcess) throws(MemoryFault) -> CLibraryResult {
        func arg(_ i: Int) -> UInt64 { args[i] }
        func format(_ formatIndex: Int) throws(MemoryFault) -> [UInt8] {
            let text = try readUnits(memory: &memory, at: arg(formatIndex), wide: false)
            var formatter = PrintfFormatter(arguments: Array(args.array.dropFirst(formatIndex + 1)), wide: false)
            return try formatter.format(text, memory: &memory)
        }
        func length(_ n: Int) -> CLibraryResult { .value(UInt64(bitPattern: Int64(n)), lastError: nil) }
        /// Writes `bytes` (truncated to `room`) and a NUL at `buffer`.
        func store(_ bytes: [UInt8], room: Int) throws(MemoryFault) {
            try memory.writeBytes(bytes.prefix(room) + [0], at: arg(0))
        }
        switch function {
        case .sprintf:
            let bytes = try format(1)
            try store(bytes, room: bytes.count)
            return length(bytes.count)
        case .snprintf:
            // C99: at most count - 1 characters and a NUL; returns the full length.
            let bytes = try format(2), count = Int(clamping: arg(1))
            if count > 0 { try store(bytes, room: count - 1) }
            return length(bytes.count)
        case ._snprintf:
            // MSVC: no NUL when the text fills the buffer; -1 when it does not fit.
            let bytes = try format(2), count = Int(clamping: arg(1))
            if bytes.count < count { try store(bytes, room: bytes.count); return length(bytes.count) }
            try memory.writeBytes(bytes.prefix(count), at: arg(0))
            return length(bytes.count == count ? count : -1)
        case .sprintf_s, ._snprintf_s:
            // Secure versions: always terminated. _snprintf_s stores at most
            // `count` characters, and with _TRUNCATE keeps what fits and
            // returns -1; any other text that does not fit empties the buffer
            // and calls the invalid-parameter handler, which by default ends
            // the program.
            let formatIndex = function == .sprintf_s ? 2 : 3
            guard arg(0) != 0, arg(1) > 0 else { return invalidParameter(function, "NULL or empty buffer") }
            let bytes = try format(formatIndex), size = Int(clamping: arg(1))
            let truncating = function == ._snprintf_s && arg(2) == UInt64.max
            let count = function == ._snprintf_s && !truncating ? Int(clamping: arg(2)) : Int.max
            if bytes.count <= min(count, size - 1) { try store(bytes, room: bytes.count); return length(bytes.count) }
            if truncating { try store(bytes, room: size - 1); return length(-1) }
            if count < size { try store(bytes, room: count); return length(-1) }
            try memory.writeBytes([0], at: arg(0))
            return invalidParameter(function, "\(bytes.count + 1) bytes do not fit the \(size)-byte buffer")
        case .StringCchPrintfA, .StringCchCopyA, .StringCchCatA:
            // strsafe.h: always terminated; a text that does not fit is cut and
            // STRSAFE_E_INSUFFICIENT_BUFFER returned.
            let size = Int(clamping: arg(1))
            guard arg(0) != 0, size > 0, size <= 2_147_483_647 else { return .value(0x8007_0057, lastError: nil) }
            let existing = function == .StringCchCatA ? try readUnits(memory: &memory, at: arg(0), wide: false).count : 0
            guard existing < size else { return .value(0x8007_0057, lastError: nil) }
            let text = function == .StringCchPrintfA ? try format(2)
                : try readUnits(memory: &memory, at: arg(2), wide: false).map { UInt8(truncatingIfNeeded: $0) }
            let room = size - 1 - existing
            try memory.writeBytes(Array(text.prefix(room)) + [0], at: arg(0) + UInt64(existing))
            return .value(text.count <= room ? 0 : 0x8007_007A, lastError: nil)
        case .StringCchLengthA:
            let limit = Int(clamping: arg(1))
            let n = try readUnits(memory: &memory, at: arg(0), wide: false, limit: limit).count
            guard arg(0) != 0, n < limit else { return .value(0x8007_0057, lastError: nil) }   // STRSAFE_E_INVALID_PARAMETER
            if arg(2) != 0 { try memory.storeUInt64(UInt64(n), at: arg(2)) }
            return length(0)
        case .fprintf:
            guard let stream = stream(arg(0)) else { return badStream(function, arg(0)) }
            let bytes = try format(1)
            write(bytes, to: stream, &process)
            return length(bytes.count)
        case .fputs:
            guard let stream = stream(arg(1)) else { return badStream(function, arg(1)) }
            let text = try readUnits(memory: &memory, at: arg(0), wide: false).map { UInt8(truncatingIfNeeded: $0) }
            write(text, to: stream, &process)
            return length(0)
        case .fputc:
            guard let stream = stream(arg(1)) else { return badStream(function, arg(1)) }
            write([UInt8(truncatingIfNeeded: arg(0))], to: stream, &process)
            return .value(arg(0) & 0xFF, lastError: nil)
        default:   // fflush: the console is unbuffered here
            return stream(arg(0)) != nil || arg(0) == 0 ? length(0) : badStream(function, arg(0))
        }
    }

    /// 1 for stdout, 2 for stderr.
    private static func stream(_ file: UInt64) -> Int? {
        file == stdoutHandle ? 1 : file == stderrHandle ? 2 : nil
    }

    private static func write(_ bytes: [UInt8], to stream: Int, _ process: inout CProcess) {
        if stream == 1 { process.output += bytes } else { process.errorOutput += bytes }
    }

    /// What the MSVC runtime's default invalid-parameter handler does to a
    /// secure function's bad argument: it ends the program.
    static func invalidParameter(_ function: Function, _ what: String) -> CLibraryResult {
        .fault(.libraryError, "\(function.rawValue): \(what); the C runtime's invalid-parameter handler ends the program")
    }

    private static func badStream(_ function: Function, _ file: UInt64) -> CLibraryResult {
        .fault(.libraryError, "\(function.rawValue): only stdout and stderr can be written (FILE * 0x\(String(file, radix: 16, uppercase: true)))")
    }
}
