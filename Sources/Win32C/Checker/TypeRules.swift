/// C's typing rules that the checker and the code generator both apply.
enum TypeRules {
    /// Integer promotion: types narrower than `int` compute as `int`.
    static func promote(_ t: CType) -> CType {
        if case .integer(let k) = t, k.rank < 3 { return .int }
        return t
    }

    /// C's usual arithmetic conversions (LLP64).
    static func commonType(_ a: CType, _ b: CType) -> CType {
        if a.isError || b.isError { return .error }
        if a.isDouble || b.isDouble { return .double }
        guard case .integer(let x) = promote(a), case .integer(let y) = promote(b) else { return .error }
        if x == y { return .integer(x) }
        if x.isSigned == y.isSigned { return .integer(x.rank >= y.rank ? x : y) }
        let (u, s) = x.isSigned ? (y, x) : (x, y)
        if u.rank >= s.rank { return .integer(u) }
        if s.size > u.size { return .integer(s) }
        return .integer(s.unsignedVersion)
    }

    /// Structs of 1, 2, 4 or 8 bytes travel by value in a register (as on x64).
    static func passesInRegister(_ t: CType) -> Bool { [1, 2, 4, 8].contains(t.size) }

    /// Whether an anonymous struct/union member (transitively) has a member `name`.
    static func contains(_ type: CType, _ name: String) -> Bool {
        if case .record(let r) = type { return r.member(named: name) != nil }
        return false
    }

    /// `int a[] = {1, 2, 3}` and `char s[] = "abc"` take their size from the
    /// initializer. `typeOf` gives the type of an initializer expression.
    static func completeArrayType(_ type: CType, _ initializer: Initializer?, typeOf: (Expr) -> CType) -> CType {
        guard case .array(let element, nil) = type, let initializer else { return type }
        switch initializer {
        case .list(let items, _):
            if items.count == 1, case .expression(let e) = items[0], case .string(let u, _) = e.kind, element.isInteger {
                return .array(element, u.count + 1)
            }
            // Count elements the way initialization consumes items (brace elision, designators).
            var index = 0
            var position = 0
            var count = 0
            while index < items.count {
                if case .designated(let ds, _, _) = items[index], case .index(let e)? = ds.first,
                   let v = ConstantEvaluator.evaluate(e, depth: 0), v >= 0, v < (1 << 24) {
                    position = Int(v)
                    index += 1
                } else {
                    index += max(1, itemsConsumed(by: element, items, from: index, typeOf: typeOf))
                }
                position += 1
                count = max(count, position)
            }
            return .array(element, count)
        case .expression(let e):
            if case .string(let u, _) = e.kind { return .array(element, u.count + 1) }
            return type
        case .designated:
            return type
        }
    }

    /// How many list items initialize one object of `type` starting at `index`
    /// when its braces are elided.
    static func itemsConsumed(by type: CType, _ items: [Initializer], from index: Int, depth: Int = 0,
                              typeOf: (Expr) -> CType) -> Int {
        guard index < items.count, depth < 64 else { return 0 }
        guard case .expression(let e) = items[index] else { return 1 }
        switch type {
        case .array(let element, let n):
            if element.isInteger, case .string = e.kind { return 1 }
            var used = 0
            for _ in 0..<(n ?? 0) where index + used < items.count {
                if case .designated = items[index + used] { break }
                used += max(1, itemsConsumed(by: element, items, from: index + used, depth: depth + 1, typeOf: typeOf))
            }
            return used
        case .record(let r):
            if case .record(let other) = typeOf(e), other === r { return 1 }
            var used = 0
            for m in (r.isUnion ? Array(r.members.prefix(1)) : r.members) where index + used < items.count {
                if case .designated = items[index + used] { break }
                used += max(1, itemsConsumed(by: m.type, items, from: index + used, depth: depth + 1, typeOf: typeOf))
            }
            return used
        default:
            return 1
        }
    }

    /// Whether an initializer item of an array or struct element is the
    /// whole element (a string for a character array, a struct value of the
    /// same type) rather than the first of its elided members.
    static func initializesWhole(_ type: CType, _ e: Expr, typeOf: (Expr) -> CType) -> Bool {
        if case .array(let element, _) = type, element.isInteger, case .string = e.kind { return true }
        if case .record(let a) = type, case .record(let b) = typeOf(e), a === b { return true }
        return false
    }
}
