import SimMemory

/// What a pure library call did.
public enum CLibraryResult: Sendable, Equatable {
    /// The return value; `lastError`, when set, is what `GetLastError` should
    /// report afterwards (the runtime owns per-thread last-error values).
    case value(UInt64, lastError: UInt32?)
    /// `exit(n)` / `ExitProcess(n)`.
    case exit(Int32)
    case fault(RuntimeFault.Kind, String)
}

/// The part of the C and Win32 library that needs no kernel: console output,
/// memory and string functions, heap and virtual memory, interlocked
/// operations. `call` returns nil for any other name, so a runtime tries this
/// first and handles kernel services itself.
public enum CLibrary {
    /// One case per function the pure library implements (raw value: its C name).
    public enum Function: String, Sendable, CaseIterable {
        case printf, _tprintf, wprintf, puts, putchar, memset, memcpy, memmove, memcmp, strlen, wcslen, strcmp
        case malloc, calloc, free, VirtualAlloc, VirtualFree
        case InterlockedIncrement, InterlockedDecrement, InterlockedExchange, InterlockedExchangeAdd
        case InterlockedCompareExchange, InterlockedIncrement64, InterlockedDecrement64, InterlockedExchangeAdd64
        case InterlockedExchangePointer, InterlockedCompareExchangePointer
        case exit, ExitProcess
        // Formatting into buffers and onto the console's two streams (CLibrary+Stdio.swift).
        case sprintf, snprintf, _snprintf, sprintf_s, _snprintf_s, fprintf, fputs, fputc, fflush
        // Strings, conversions, characters, numbers (CLibrary+Strings.swift).
        case strcpy, strncpy, strcat, strncat, strchr, strrchr, strstr, strncmp, _stricmp, _strnicmp, strnlen
        case strcpy_s, strcat_s, _strdup, strdup, memchr, wcscmp, wcscpy
        case atoi, atol, _atoi64, strtol, strtoul, strtoll, strtoull
        case isdigit, isalpha, isalnum, isspace, isupper, islower, isxdigit, isprint, ispunct, iscntrl, toupper, tolower
        case abs, labs, llabs, rand, srand, _assert, abort
        case strtok, strtok_s, _itoa, _ltoa, _ultoa, _i64toa, _ui64toa
        case StringCchPrintfA, StringCchCopyA, StringCchCatA, StringCchLengthA
        // Wide strings (CLibrary+Wide.swift).
        case swprintf, _snwprintf, swprintf_s, wcscat, wcscpy_s, wcscat_s, wcsncmp, _wcsicmp, wcschr, wcsrchr, wcsstr
        case _wtoi, wcstol, wcstoul, StringCchPrintfW, StringCchCopyW, StringCchCatW, StringCchLengthW
        // The process heap (CLibrary+Heap.swift).
        case realloc, GetProcessHeap, HeapAlloc, HeapReAlloc, HeapFree
    }

    public static let names: Set<String> = Set(Function.allCases.map(\.rawValue))

    public static func handles(_ name: String) -> Bool { names.contains(name) }

    public static func call(_ name: String, _ args: [UInt64], memory: inout Memory, process: inout CProcess) -> CLibraryResult? {
        guard let function = Function(rawValue: name) else { return nil }
        return call(function, CallArguments(args), memory: &memory, process: &process)
    }

    /// Performs `function` (resolved once per call site by the caller, so no
    /// name is compared per call).
    public static func call(_ function: Function, _ args: CallArguments, memory: inout Memory,
                            process: inout CProcess) -> CLibraryResult {
        func arg(_ i: Int) -> UInt64 { args[i] }
        func ok(_ v: UInt64) -> CLibraryResult { .value(v, lastError: nil) }
        func signed32(_ v: Int32) -> UInt64 { UInt64(bitPattern: Int64(v)) }
        do throws(MemoryFault) {
            switch function {
            case .printf, ._tprintf, .wprintf:
                let wide = function == .wprintf
                let format = try readUnits(memory: &memory, at: arg(0), wide: wide)
                var formatter = PrintfFormatter(arguments: Array(args.array.dropFirst()), wide: wide)
                let bytes = try formatter.format(format, memory: &memory)
                process.output += bytes
                return ok(signed32(Int32(clamping: bytes.count)))
            case .puts:
                let s = try readUnits(memory: &memory, at: arg(0), wide: false)
                process.output += s.map { UInt8(truncatingIfNeeded: $0) } + [10]
                return ok(0)
            case .putchar:
                process.output.append(UInt8(truncatingIfNeeded: arg(0)))
                return ok(arg(0) & 0xFF)
            case .memset:
                try memory.fill(UInt8(truncatingIfNeeded: arg(1)), at: arg(0), count: try count(arg(2)))
                return ok(arg(0))
            case .memcpy, .memmove:
                try memory.copy(from: arg(1), to: arg(0), count: try count(arg(2)))
                return ok(arg(0))
            case .memcmp:
                let n = try count(arg(2))
                let a = try memory.readBytes(at: arg(0), count: n), b = try memory.readBytes(at: arg(1), count: n)
                for i in 0..<n where a[i] != b[i] { return ok(a[i] < b[i] ? UInt64.max : 1) }
                return ok(0)
            case .strlen, .wcslen:
                return ok(UInt64(try readUnits(memory: &memory, at: arg(0), wide: function == .wcslen).count))
            case .strcmp:
                let a = try readUnits(memory: &memory, at: arg(0), wide: false)
                let b = try readUnits(memory: &memory, at: arg(1), wide: false)
                for (x, y) in zip(a, b) where x != y { return ok(x < y ? UInt64.max : 1) }
                return ok(a.count == b.count ? 0 : (a.count < b.count ? UInt64.max : 1))
            case .malloc:
                return ok(process.malloc(arg(0), memory: &memory))
            case .calloc:
                let (total, overflow) = arg(0).multipliedReportingOverflow(by: arg(1))
                if overflow { return ok(0) }
                let p = process.malloc(total, memory: &memory)
                if p != 0 { try memory.fill(0, at: p, count: Int(total)) }
                return ok(p)
            case .free:
                memory.noteFreed(arg(0), size: process.allocations[arg(0)] ?? 0)
                if !process.free(arg(0)) {
                    return .fault(.libraryError, "free() of a pointer that malloc did not return (0x\(String(arg(0), radix: 16, uppercase: true)))")
                }
                return ok(0)
            case .VirtualAlloc:
                let address = arg(0)
                if address != 0, process.virtualRegionSize(address) != nil { return ok(address) }
                if address != 0 { return .value(0, lastError: 487) }
                if process.exceedsCommitLimit(arg(1)) { return .value(0, lastError: 1455) }  // ERROR_COMMITMENT_LIMIT
                let p = process.virtualAlloc(arg(1), memory: &memory)
                return p == 0 ? .value(0, lastError: arg(1) == 0 ? 87 : 8) : ok(p)
            case .VirtualFree:
                let type = arg(2) & 0xFFFF_FFFF
                if type == 0x8000 {
                    if arg(1) != 0 { return .value(0, lastError: 87) }
                    memory.noteFreed(arg(0), size: process.virtualRegionSize(arg(0)) ?? 0)
                    return process.virtualFree(arg(0), memory: &memory) ? ok(1) : .value(0, lastError: 487)
                }
                return process.virtualRegionSize(arg(0)) != nil || type == 0x4000 ? ok(1) : .value(0, lastError: 487)
            case .InterlockedIncrement, .InterlockedDecrement, .InterlockedExchange, .InterlockedExchangeAdd,
                 .InterlockedCompareExchange:
                let p = arg(0)
                let old = Int32(truncatingIfNeeded: try memory.load(p, size: 4))
                let value = Int32(truncatingIfNeeded: arg(1))
                var new = old
                var result = old
                switch function {
                case .InterlockedIncrement: new = old &+ 1; result = new
                case .InterlockedDecrement: new = old &- 1; result = new
                case .InterlockedExchange: new = value
                case .InterlockedExchangeAdd: new = old &+ value
                default: if old == Int32(truncatingIfNeeded: arg(2)) { new = value }
                }
                try memory.store(UInt64(UInt32(bitPattern: new)), at: p, size: 4)
                return ok(signed32(result))
            case .InterlockedIncrement64, .InterlockedDecrement64, .InterlockedExchangeAdd64, .InterlockedExchangePointer,
                 .InterlockedCompareExchangePointer:
                let p = arg(0)
                let old = try memory.load(p, size: 8)
                var new = old
                var result = old
                switch function {
                case .InterlockedIncrement64: new = old &+ 1; result = new
                case .InterlockedDecrement64: new = old &- 1; result = new
                case .InterlockedExchangeAdd64: new = old &+ arg(1)
                case .InterlockedExchangePointer: new = arg(1)
                default: if old == arg(2) { new = arg(1) }
                }
                try memory.store(new, at: p, size: 8)
                return ok(result)
            case .exit, .ExitProcess:
                return .exit(Int32(truncatingIfNeeded: arg(0)))
            case .sprintf, .snprintf, ._snprintf, .sprintf_s, ._snprintf_s, .fprintf, .fputs, .fputc, .fflush,
                 .StringCchPrintfA, .StringCchCopyA, .StringCchCatA, .StringCchLengthA:
                return try stdio(function, args, memory: &memory, process: &process)
            case .swprintf, ._snwprintf, .swprintf_s, .wcscat, .wcscpy_s, .wcscat_s, .wcsncmp, ._wcsicmp, .wcschr, .wcsrchr,
                 .wcsstr, ._wtoi, .wcstol, .wcstoul, .StringCchPrintfW, .StringCchCopyW, .StringCchCatW, .StringCchLengthW:
                return try wide(function, args, memory: &memory, process: &process)
            case .realloc, .GetProcessHeap, .HeapAlloc, .HeapReAlloc, .HeapFree:
                return try heap(function, args, memory: &memory, process: &process)
            default:
                return try strings(function, args, memory: &memory, process: &process)
            }
        } catch {
            let hex = "0x" + String(error.address, radix: 16, uppercase: true)
            let name = function.rawValue
            if error.kind == .null { return .fault(.nullPointer, "NULL pointer passed to \(name) (address \(hex))") }
            if error.kind == .unterminated { return .fault(.libraryError, "\(name): \(error.description)") }
            return .fault(.wildPointer, "wild pointer passed to \(name): access to unmapped memory at \(hex)")
        }
    }

    static func count(_ n: UInt64) throws(MemoryFault) -> Int {
        // Sizes beyond any mapping fault as an access to the range's end.
        guard n <= (1 << 32) else { throw MemoryFault(address: n, length: 0, kind: .unmapped) }
        return Int(n)
    }

    /// The longest NUL-terminated string the library reads (16 Mi units);
    /// a longer one is a fault that says so, never a silent cut.
    static let maxStringUnits = 16 << 20

    /// Reads a NUL-terminated string as code units (bytes or UTF-16 units).
    /// With an explicit `limit` (`strnlen`, a `%.*s` precision) reading stops
    /// there; without one, a string longer than `maxStringUnits` faults.
    static func readUnits(memory: inout Memory, at address: UInt64, wide: Bool, limit: Int? = nil) throws(MemoryFault) -> [UInt16] {
        var units: [UInt16] = []
        let step: UInt64 = wide ? 2 : 1
        var a = address
        let bound = limit ?? maxStringUnits
        while units.count < bound {
            let u = UInt16(truncatingIfNeeded: try memory.load(a, size: Int(step)))
            if u == 0 { return units }
            units.append(u)
            a &+= step
        }
        if limit == nil {
            throw MemoryFault(address: address, length: bound * Int(step), kind: .unterminated)
        }
        return units
    }
}
