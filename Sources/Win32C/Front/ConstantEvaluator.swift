/// Folds integer constant expressions (array sizes, enumerators, case labels,
/// `#pragma sim param` values) with C's wrap-around semantics.
enum ConstantEvaluator {
    static func evaluate(_ e: Expr, depth: Int) -> Int64? {
        guard depth < 256 else { return nil }
        switch e.kind {
        case .integer(let v, let t): return normalize(v, t)
        case .identifier(let name):
            guard let c = Win32Constants.lookup(name), c.type.isInteger else { return nil }
            return normalize(c.value, c.type)
        case .sizeofType(let t): return t.isComplete || t.isFunction ? Int64(t.size) : nil
        case .offsetof(let t, let path): return offset(of: t, path: path).map { Int64($0.0) }
        case .cast(let t, let inner):
            guard t.isInteger, let v = evaluate(inner, depth: depth + 1) else { return nil }
            return normalize(UInt64(bitPattern: v), t)
        case .unary(let op, let inner):
            guard let v = evaluate(inner, depth: depth + 1) else { return nil }
            switch op {
            case .negate: return 0 &- v
            case .plus: return v
            case .bitNot: return ~v
            case .logicalNot: return v == 0 ? 1 : 0
            default: return nil
            }
        case .conditional(let c, let a, let b):
            guard let cv = evaluate(c, depth: depth + 1) else { return nil }
            return evaluate(cv != 0 ? a : b, depth: depth + 1)
        case .binary(let op, let l, let r):
            guard let a = evaluate(l, depth: depth + 1), let b = evaluate(r, depth: depth + 1) else { return nil }
            switch op {
            case .add: return a &+ b
            case .subtract: return a &- b
            case .multiply: return a &* b
            case .divide: return b == 0 ? nil : a.dividedReportingOverflow(by: b).partialValue
            case .remainder: return b == 0 ? nil : a.remainderReportingOverflow(dividingBy: b).partialValue
            case .shiftLeft: return a << (b & 63)
            case .shiftRight: return a >> (b & 63)
            case .bitAnd: return a & b
            case .bitOr: return a | b
            case .bitXor: return a ^ b
            case .equal: return a == b ? 1 : 0
            case .notEqual: return a != b ? 1 : 0
            case .less: return a < b ? 1 : 0
            case .greater: return a > b ? 1 : 0
            case .lessOrEqual: return a <= b ? 1 : 0
            case .greaterOrEqual: return a >= b ? 1 : 0
            case .logicalAnd: return a != 0 && b != 0 ? 1 : 0
            case .logicalOr: return a != 0 || b != 0 ? 1 : 0
            }
        default: return nil
        }
    }

    static func normalize(_ v: UInt64, _ t: CType) -> Int64 {
        guard case .integer(let k) = t else { return Int64(bitPattern: v) }
        switch (k.size, k.isSigned) {
        case (1, true): return Int64(Int8(truncatingIfNeeded: v))
        case (1, false): return Int64(UInt8(truncatingIfNeeded: v))
        case (2, true): return Int64(Int16(truncatingIfNeeded: v))
        case (2, false): return Int64(UInt16(truncatingIfNeeded: v))
        case (4, true): return Int64(Int32(truncatingIfNeeded: v))
        case (4, false): return Int64(UInt32(truncatingIfNeeded: v))
        default: return Int64(bitPattern: v)
        }
    }

    /// Byte offset and type of a member path within a record type.
    static func offset(of t: CType, path: [String]) -> (Int, CType)? {
        var type = t
        var total = 0
        for name in path {
            guard case .record(let r) = type, let m = r.member(named: name) else { return nil }
            total += m.offset
            type = m.type
        }
        return (total, type)
    }
}
