/// A C type with x64 Windows (LLP64) sizes and alignment.
///
/// Values of every scalar type travel through the VM as 64-bit patterns:
/// signed integers sign-extended, unsigned ones zero-extended, pointers as
/// addresses, doubles as their IEEE bits.
indirect enum CType: Sendable {
    case void
    case integer(IntKind)
    case double
    case pointer(CType)
    case array(CType, Int?)
    case function(FunctionType)
    case record(RecordType)
    /// The type of an expression that already produced a diagnostic.
    case error

    enum IntKind: Int, Sendable {
        case char, schar, uchar, short, ushort, int, uint, long, ulong, longlong, ulonglong, wchar
        /// `_Bool` / `bool`: one byte, and any value stored in it becomes 0 or 1.
        case bool

        var size: Int {
            switch self {
            case .char, .schar, .uchar, .bool: return 1
            case .short, .ushort, .wchar: return 2
            case .int, .uint, .long, .ulong: return 4
            case .longlong, .ulonglong: return 8
            }
        }

        var isSigned: Bool {
            switch self {
            case .char, .schar, .short, .int, .long, .longlong: return true
            default: return false
            }
        }

        /// Conversion rank (C 6.3.1.1).
        var rank: Int {
            switch self {
            case .char, .schar, .uchar, .bool: return 1
            case .short, .ushort, .wchar: return 2
            case .int, .uint: return 3
            case .long, .ulong: return 4
            case .longlong, .ulonglong: return 5
            }
        }

        var unsignedVersion: IntKind {
            switch self {
            case .char, .schar: return .uchar
            case .short: return .ushort
            case .int: return .uint
            case .long: return .ulong
            case .longlong: return .ulonglong
            default: return self
            }
        }

        var name: String {
            switch self {
            case .char: return "char"
            case .schar: return "signed char"
            case .uchar: return "unsigned char"
            case .short: return "short"
            case .ushort: return "unsigned short"
            case .int: return "int"
            case .uint: return "unsigned int"
            case .long: return "long"
            case .ulong: return "unsigned long"
            case .longlong: return "long long"
            case .ulonglong: return "unsigned long long"
            case .wchar: return "wchar_t"
            case .bool: return "_Bool"
            }
        }
    }

    static let int = CType.integer(.int)
    static let uint = CType.integer(.uint)
    static let char = CType.integer(.char)
    static let ulonglong = CType.integer(.ulonglong)
    static let longlong = CType.integer(.longlong)
    static let voidPointer = CType.pointer(.void)

    var size: Int {
        switch self {
        case .void: return 1
        case .integer(let k): return k.size
        case .double, .pointer: return 8
        case .array(let e, let n): return e.size &* (n ?? 0)
        case .function: return 8
        case .record(let r): return r.size
        case .error: return 8
        }
    }

    var alignment: Int {
        switch self {
        case .integer(let k): return k.size
        case .array(let e, _): return e.alignment
        case .record(let r): return r.alignment
        case .void: return 1
        default: return 8
        }
    }

    var isInteger: Bool { if case .integer = self { return true }; return false }
    var isDouble: Bool { if case .double = self { return true }; return false }
    var isArithmetic: Bool { isInteger || isDouble }
    var isPointer: Bool { if case .pointer = self { return true }; return false }
    var isScalar: Bool { isArithmetic || isPointer || isError }
    var isVoid: Bool { if case .void = self { return true }; return false }
    var isError: Bool { if case .error = self { return true }; return false }
    var isArray: Bool { if case .array = self { return true }; return false }
    var isRecord: Bool { if case .record = self { return true }; return false }
    var isFunction: Bool { if case .function = self { return true }; return false }

    var isSigned: Bool { if case .integer(let k) = self { return k.isSigned }; return false }

    var pointee: CType? {
        switch self {
        case .pointer(let t): return t
        case .array(let t, _): return t
        default: return nil
        }
    }

    /// Arrays become pointers to their first element, functions pointers to themselves.
    var decayed: CType {
        switch self {
        case .array(let e, _): return .pointer(e)
        case .function: return .pointer(self)
        default: return self
        }
    }

    /// The function type behind a function or a pointer to one.
    var functionType: FunctionType? {
        switch self {
        case .function(let f): return f
        case .pointer(.function(let f)): return f
        default: return nil
        }
    }

    var isComplete: Bool {
        switch self {
        case .void: return false
        case .array(let e, let n): return n != nil && e.isComplete
        case .record(let r): return r.isComplete
        default: return true
        }
    }

    var description: String {
        switch self {
        case .void: return "void"
        case .integer(let k): return k.name
        case .double: return "double"
        case .pointer(let t): return t.isFunction ? "function pointer" : "\(t.description) *"
        case .array(let e, let n): return "\(e.description) [\(n.map(String.init) ?? "")]"
        case .function(let f): return "function returning \(f.returnType.description)"
        case .record(let r): return (r.isUnion ? "union " : "struct ") + (r.name ?? "<anonymous>")
        case .error: return "<error>"
        }
    }
}

/// A function's signature. `hasPrototype` is false for `int f()` declarations,
/// whose calls are not checked.
struct FunctionType: Sendable {
    var returnType: CType
    var parameters: [CType]
    var isVariadic: Bool
    var hasPrototype: Bool
}

/// A struct or union: a reference type so self-referential types work and a
/// forward-declared tag is completed in place.
final class RecordType: @unchecked Sendable {
    // Mutated only by the parser while the declaration is being read.
    struct Member {
        var name: String?
        var type: CType
        var offset: Int
    }

    let name: String?
    let isUnion: Bool
    var members: [Member] = []
    var size = 0
    var alignment = 1
    var isComplete = false

    init(name: String?, isUnion: Bool) {
        self.name = name
        self.isUnion = isUnion
    }

    /// Lays out members in order with natural alignment (unions overlay them);
    /// `minimumAlignment` is a `__declspec(align(N))` on the tag.
    func complete(with fields: [(String?, CType)], minimumAlignment: Int = 1) {
        var offset = 0
        var align = max(1, minimumAlignment)
        var size = 0
        members = []
        for (name, type) in fields {
            let a = max(1, type.alignment)
            align = max(align, a)
            if isUnion {
                members.append(Member(name: name, type: type, offset: 0))
                size = max(size, type.size)
            } else {
                offset = (offset + a - 1) / a * a
                members.append(Member(name: name, type: type, offset: offset))
                offset &+= type.size
                size = offset
            }
        }
        self.alignment = align
        self.size = (size + align - 1) / align * align
        isComplete = true
    }

    /// Finds a member by name, looking through anonymous struct/union members.
    func member(named name: String) -> (offset: Int, type: CType)? {
        for m in members {
            if m.name == name { return (m.offset, m.type) }
            if m.name == nil, case .record(let inner) = m.type, let found = inner.member(named: name) {
                return (m.offset + found.offset, found.type)
            }
        }
        return nil
    }
}
