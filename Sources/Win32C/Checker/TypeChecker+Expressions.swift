/// The types of values and places, and the errors in them.
extension TypeChecker {
    /// A place an expression names: a VM register (no address) or memory.
    enum Place {
        case register(CType)
        case memory(CType)

        var type: CType {
            switch self {
            case .register(let t), .memory(let t): return t
            }
        }
    }

    /// Checks `e` as a value and records its type (arrays decayed).
    @discardableResult
    func check(_ e: Expr) -> CType {
        // Working a type out silently needs each node once.
        if silentlyKnown, let t = types[e] { return t }
        let t = checkValue(e)
        recordType(t, of: e)
        return t
    }

    private func checkValue(_ e: Expr) -> CType {
        switch e.kind {
        case .invalid:
            return .error
        case .integer(_, let t):
            return t
        case .floating:
            return .double
        case .string(_, let wide):
            return .pointer(.integer(wide ? .wchar : .char))
        case .identifier(let name):
            return identifier(name, e)
        case .sizeofType(let t):
            if !t.isComplete && !t.isError { error("invalid application of 'sizeof' to an incomplete type '\(t.description)'", e.location) }
            return .ulonglong
        case .sizeofExpr(let x):
            let t = objectType(x)
            if t.isError { check(x) }
            if t.isFunction { error("invalid application of 'sizeof' to a function type", e.location) }
            recordSizeofOperand(t, of: e)
            return .ulonglong
        case .offsetof(let t, let path):
            guard ConstantEvaluator.offset(of: t, path: path) != nil else {
                error("no member named '\(path.joined(separator: "."))' in '\(t.description)'", e.location)
                return .error
            }
            return .ulonglong
        case .cast(let to, let x):
            let from = check(x)
            if to.isVoid { return .void }
            if to.isRecord || to.isArray || to.isFunction {
                if !from.isError { error("cannot cast to '\(to.description)'", e.location) }
                return .error
            }
            if from.isRecord || from.isVoid || (from.isDouble && to.isPointer) || (from.isPointer && to.isDouble) {
                error("cannot cast '\(from.description)' to '\(to.description)'", e.location)
                return .error
            }
            return to
        case .comma(let a, let b):
            check(a)
            return check(b)
        case .conditional(let c, let a, let b):
            return conditional(c, a, b, e)
        case .unary(let op, let x):
            return unary(op, x, e)
        case .postfix(let op, let x):
            return incDec(x, increment: op == .increment, at: e.location)
        case .binary(let op, let a, let b):
            return binary(op, a, b, e)
        case .assign(let op, let a, let b):
            return assign(op, a, b, e)
        case .call(let f, let args):
            return call(f, args, e)
        case .index, .member, .compoundLiteral:
            guard let place = place(e) else { return .error }
            if case .register(let t) = place { return t }
            return place.type.decayed
        }
    }

    private func identifier(_ name: String, _ e: Expr) -> CType {
        if let binding = lookup(name) {
            switch binding {
            case .register(let t): return t
            case .memory(let t): return t.decayed
            }
        }
        switch globals[name] {
        case .variable(let t):
            return t.decayed
        case .function(let f):
            return .pointer(.function(f))
        case .external(let f):
            checkImplemented(name, at: e.location)
            noteExternal(name)
            return .pointer(.function(f))
        case nil:
            if let c = Win32Constants.lookup(name) { return c.type }
            error("use of undeclared identifier '\(name)'", e.location)
            return .error
        }
    }

    /// The declared (undecayed) type, for `sizeof`.
    func objectType(_ e: Expr) -> CType {
        switch e.kind {
        case .identifier(let name):
            if let binding = lookup(name) { return binding.type }
            if case .variable(let t) = globals[name] { return t }
            if case .function(let f) = globals[name] { return .function(f) }
            return typeOf(e)
        case .string(let units, let wide): return .array(.integer(wide ? .wchar : .char), units.count + 1)
        case .member(let base, let name, let arrow):
            let bt = arrow ? (typeOf(base).pointee ?? .error) : objectType(base)
            if case .record(let r) = bt, let m = r.member(named: name) { return m.type }
            return typeOf(e)
        case .index(let a, _):
            if let p = typeOf(a).pointee { return p }
            return typeOf(e)
        case .unary(.dereference, let p):
            if let t = typeOf(p).pointee { return t }
            return typeOf(e)
        default: return typeOf(e)
        }
    }

    // MARK: Places

    /// Checks `e` as a place (assignment target, `&` operand, member base);
    /// nil when it is none (reported).
    func place(_ e: Expr) -> Place? {
        switch e.kind {
        case .identifier(let name):
            if let binding = lookup(name) {
                switch binding {
                case .register(let t): return .register(t)
                case .memory(let t): return .memory(t)
                }
            }
            if case .variable(let t) = globals[name] { return .memory(t) }
            if globals[name] != nil {
                error("function '\(name)' is not assignable", e.location)
                return nil
            }
            if Win32Constants.lookup(name) != nil {
                error("'\(name)' is a constant and cannot be assigned or addressed", e.location)
                return nil
            }
            error("use of undeclared identifier '\(name)'", e.location)
            return nil
        case .unary(.dereference, let p):
            let t = check(p)
            if t.isError { return nil }
            guard let pointee = t.pointee else {
                error("indirection requires pointer operand (type '\(t.description)' is not a pointer)", e.location)
                return nil
            }
            if pointee.isVoid {
                error("dereferencing a 'void *' pointer", e.location)
                return nil
            }
            return .memory(pointee)
        case .index(let a, let i):
            // `i[p]` is `p[i]`.
            let (base, index) = typeOf(a).isInteger && typeOf(i).pointee != nil ? (i, a) : (a, i)
            let pt = check(base)
            if pt.isError { check(index); return nil }
            guard let element = pt.pointee, !pt.isFunction else {
                error("subscripted value is not an array or pointer", e.location)
                return nil
            }
            if !element.isComplete {
                error("subscript of pointer to incomplete type '\(element.description)'", e.location)
                return nil
            }
            let it = check(index)
            guard it.isInteger || it.isError else {
                error("array subscript is not an integer", index.location)
                return nil
            }
            return .memory(element)
        case .member(let base, let name, let arrow):
            let bt = check(base)
            if bt.isError { return nil }
            var recordType = bt
            if arrow {
                guard case .pointer(let p) = bt else {
                    error("member reference type '\(bt.description)' is not a pointer; did you mean '.'?", e.location)
                    return nil
                }
                recordType = p
            } else if case .pointer(.record) = bt {
                error("member reference type '\(bt.description)' is a pointer; did you mean '->'?", e.location)
                return nil
            }
            guard case .record(let r) = recordType else {
                error("member reference base type '\(recordType.description)' is not a structure or union", e.location)
                return nil
            }
            if !r.isComplete {
                error("incomplete definition of type '\(recordType.description)'", e.location)
                return nil
            }
            guard let m = r.member(named: name) else {
                error("no member named '\(name)' in '\(recordType.description)'", e.location)
                return nil
            }
            return .memory(m.type)
        case .string, .call, .integer, .floating, .binary, .assign, .conditional, .comma, .cast, .postfix, .sizeofType, .sizeofExpr, .offsetof:
            let t = check(e)
            if t.isRecord { return .memory(t) }
            if !t.isError { error("expression is not assignable", e.location) }
            return nil
        case .unary:
            check(e)
            error("expression is not assignable", e.location)
            return nil
        case .compoundLiteral(let declared, let initializer):
            return compoundLiteral(declared, initializer, at: e.location)
        case .invalid:
            return nil
        }
    }

    /// `(type){ … }`: an unnamed object of the enclosing function.
    private func compoundLiteral(_ declared: CType, _ initializer: Initializer, at location: SourceLocation) -> Place? {
        let type = completeArrayType(declared, initializer)
        guard type.isComplete, !type.isFunction, !type.isVoid else {
            error("compound literal has incomplete type '\(type.description)'", location)
            return nil
        }
        guard !function.scopes.isEmpty else {
            error("compound literals outside a function are not supported", location)
            return nil
        }
        initializeObject(.memory(type), type: type, initializer: initializer)
        return .memory(type)
    }
}
