extension CodeGenerator {
    // MARK: Types

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

    /// The type of an expression, without emitting code.
    func typeOf(_ e: Expr) -> CType {
        if let t = typeCache[ObjectIdentifier(e)] { return t }
        let (count, saved, floor) = (code.count, location, peepholeFloor)
        peepholeFloor = count
        dryRun += 1
        let t = rvalue(e)
        dryRun -= 1
        peepholeFloor = floor
        code.removeSubrange(count...)
        lines.removeSubrange(count...)
        columns.removeSubrange(count...)
        location = saved
        return t
    }

    /// Checks an expression that is not evaluated (the operand of `sizeof`):
    /// reports its errors, emits nothing.
    func checkOnly(_ e: Expr) {
        let (count, saved, floor) = (code.count, location, peepholeFloor)
        peepholeFloor = count
        rvalue(e)
        peepholeFloor = floor
        code.removeSubrange(count...)
        lines.removeSubrange(count...)
        columns.removeSubrange(count...)
        location = saved
    }

    /// The declared (undecayed) type, for `sizeof`.
    func objectType(_ e: Expr) -> CType {
        switch e.kind {
        case .identifier(let name):
            if let l = lookup(name) {
                switch l { case .register(_, let t), .frame(_, let t), .global(_, let t): return t }
            }
            if case .variable(_, let t) = globals[name] { return t }
            if case .function(_, let f) = globals[name] { return .function(f) }
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

    // MARK: Conversions

    static func normalizeOp(_ k: CType.IntKind) -> Opcode? {
        switch (k.size, k.isSigned) {
        case (1, true): return .sext8
        case (1, false): return .zext8
        case (2, true): return .sext16
        case (2, false): return .zext16
        case (4, true): return .sext32
        case (4, false): return .zext32
        default: return nil
        }
    }

    func normalize(_ t: CType) {
        if case .integer(let k) = t, let op = CodeGenerator.normalizeOp(k) { emit(op) }
    }

    /// Converts the value on top of the stack from one scalar type to another.
    func convert(from: CType, to: CType) {
        if from.isError || to.isError { return }
        switch (from, to) {
        case (.integer(.bool), .integer):
            return   // already 0 or 1
        case (.integer, .integer(.bool)), (.pointer, .integer(.bool)), (.function, .integer(.bool)), (.array, .integer(.bool)):
            emit(.lnot); emit(.lnot)   // C 6.3.1.2: nonzero becomes 1
        case (.double, .integer(.bool)):
            emitConst(0); emit(.fne)
        case (.integer(let f), .integer(let t)):
            if t.size == 8 { return }
            if f.size < t.size && (f.isSigned == t.isSigned || !f.isSigned) { return }
            if f.size == t.size && f.isSigned == t.isSigned { return }
            normalize(to)
        case (.integer(let f), .double):
            emit(f.size == 8 && !f.isSigned ? .u2f : .i2f)
        case (.double, .integer(let t)):
            emit(t.size == 8 && !t.isSigned ? .f2u : .f2i)
            normalize(to)
        case (.pointer, .integer), (.function, .integer), (.array, .integer):
            normalize(to)
        case (.void, _):
            return
        default:
            return
        }
    }

    /// Checks an assignment-like conversion (assignment, argument, return, initializer).
    func assignConvert(from: CType, to: CType, at: SourceLocation, what: String) {
        if from.isError || to.isError { return }
        if from.isVoid {
            error("void value not ignored as it ought to be", at)
            return
        }
        switch (from, to) {
        case (.record(let a), .record(let b)) where a === b: return
        case (_, .record), (.record, _):
            error("\(what) '\(to.description)' with an expression of incompatible type '\(from.description)'", at)
        case (.double, .pointer), (.pointer, .double):
            error("\(what) '\(to.description)' with an expression of incompatible type '\(from.description)'", at)
        case (_, .array):
            error("array type '\(to.description)' is not assignable", at)
        default:
            convert(from: from, to: to)
        }
    }

    func loadValue(_ t: CType) {
        switch t {
        case .integer(let k): emit(.load, a: Int32(k.size) | (k.isSigned ? 16 : 0))
        case .double, .pointer: emit(.load, a: 8)
        case .array, .record, .function, .error: return
        case .void: emit(.pop); emitConst(0)
        }
    }

    // MARK: Values

    @discardableResult
    func rvalue(_ e: Expr) -> CType {
        // A dry run only wants the type, and its code is thrown away.
        if dryRun > 0, let t = typeCache[ObjectIdentifier(e)] { return t }
        let saved = location
        location = e.location
        let t = rvalueInner(e)
        typeCache[ObjectIdentifier(e)] = t
        location = saved
        return t
    }

    func rvalueInner(_ e: Expr) -> CType {
        switch e.kind {
        case .invalid:
            emitConst(0)
            return .error
        case .integer(let v, let t):
            emitConst(v)
            return t
        case .floating(let d):
            emitConst(d.bitPattern)
            return .double
        case .string(let units, let wide):
            emitConst(stringAddress(units, wide: wide))
            return .pointer(.integer(wide ? .wchar : .char))
        case .identifier(let name):
            return identifier(name, e)
        case .sizeofType(let t):
            if !t.isComplete && !t.isError { error("invalid application of 'sizeof' to an incomplete type '\(t.description)'", e.location) }
            emitConst(UInt64(t.size))
            return .ulonglong
        case .sizeofExpr(let x):
            let t = objectType(x)
            if t.isError { checkOnly(x) }
            if t.isFunction { error("invalid application of 'sizeof' to a function type", e.location) }
            emitConst(UInt64(t.size))
            return .ulonglong
        case .offsetof(let t, let path):
            guard let (offset, _) = ConstantEvaluator.offset(of: t, path: path) else {
                error("no member named '\(path.joined(separator: "."))' in '\(t.description)'", e.location)
                emitConst(0)
                return .error
            }
            emitConst(UInt64(offset))
            return .ulonglong
        case .cast(let to, let x):
            let from = rvalue(x)
            if to.isVoid {
                emit(.pop)
                emitConst(0)
                return .void
            }
            if to.isRecord || to.isArray || to.isFunction {
                if !from.isError { error("cannot cast to '\(to.description)'", e.location) }
                return .error
            }
            if from.isRecord || (from.isVoid) {
                error("cannot cast '\(from.description)' to '\(to.description)'", e.location)
                return .error
            }
            if (from.isDouble && to.isPointer) || (from.isPointer && to.isDouble) {
                error("cannot cast '\(from.description)' to '\(to.description)'", e.location)
                return .error
            }
            convert(from: from, to: to)
            return to
        case .comma(let a, let b):
            rvalue(a)
            emit(.pop)
            return rvalue(b)
        case .conditional(let c, let a, let b):
            return conditional(c, a, b, e)
        case .unary(let op, let x):
            return unary(op, x, e)
        case .postfix(let op, let x):
            return incDec(x, increment: op == .increment, prefix: false, at: e.location)
        case .binary(let op, let a, let b):
            return binary(op, a, b, e)
        case .assign(let op, let a, let b):
            return assign(op, a, b, e)
        case .call(let f, let args):
            return call(f, args, e)
        case .index, .member, .compoundLiteral:
            guard let lv = lvalue(e) else { return .error }
            if case .register(let r, let t) = lv { emit(.loadReg, a: r); return t }
            let t = lv.type
            loadValue(t)
            return t.decayed
        }
    }

    func identifier(_ name: String, _ e: Expr) -> CType {
        if let l = lookup(name) {
            switch l {
            case .register(let r, let t):
                emit(.loadReg, a: r)
                return t
            case .frame(let offset, let t):
                emit(.frameAddr, b: UInt64(offset))
                loadValue(t)
                return t.decayed
            case .global(let a, let t):
                emitConst(a)
                loadValue(t)
                return t.decayed
            }
        }
        switch globals[name] {
        case .variable(let a, let t):
            emitConst(a)
            loadValue(t)
            return t.decayed
        case .function(let i, let f):
            emitConst(Program.codeBase + UInt64(i) * 16)
            return .pointer(.function(f))
        case .external(_, let f):
            checkImplemented(name, at: e.location)
            emitConst(Program.externalBase + UInt64(externalFunction(name)) * 16)
            return .pointer(.function(f))
        case nil:
            if let c = Win32Constants.lookup(name) {
                emitConst(c.value)
                return c.type
            }
            error("use of undeclared identifier '\(name)'", e.location)
            emitConst(0)
            return .error
        }
    }

    // MARK: Places

    func lvalue(_ e: Expr) -> LValue? {
        let saved = location
        location = e.location
        let r = lvalueInner(e)
        location = saved
        return r
    }

    func lvalueInner(_ e: Expr) -> LValue? {
        switch e.kind {
        case .identifier(let name):
            if let l = lookup(name) {
                switch l {
                case .register(let r, let t): return .register(r, t)
                case .frame(let offset, let t):
                    emit(.frameAddr, b: UInt64(offset))
                    return .memory(t)
                case .global(let a, let t):
                    emitConst(a)
                    return .memory(t)
                }
            }
            if case .variable(let a, let t) = globals[name] {
                emitConst(a)
                return .memory(t)
            }
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
            let t = rvalue(p)
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
            var ta = typeOf(a)
            var (base, index) = (a, i)
            if ta.isInteger && typeOf(i).pointee != nil {
                (base, index) = (i, a)
                ta = typeOf(i)
            }
            let pt = rvalue(base)
            if pt.isError { rvalue(index); return nil }
            guard let element = pt.pointee, !pt.isFunction else {
                error("subscripted value is not an array or pointer", e.location)
                return nil
            }
            if !element.isComplete {
                error("subscript of pointer to incomplete type '\(element.description)'", e.location)
                return nil
            }
            let it = rvalue(index)
            guard it.isInteger || it.isError else {
                error("array subscript is not an integer", index.location)
                return nil
            }
            location = e.location
            if element.size != 1 { emit(.mulConst, b: UInt64(element.size)) }
            emit(.add)
            _ = ta
            return .memory(element)
        case .member(let base, let name, let arrow):
            let bt = rvalue(base)
            if bt.isError { return nil }
            var recordType = bt
            if arrow {
                guard case .pointer(let p) = bt else {
                    error("member reference type '\(bt.description)' is not a pointer; did you mean '.'?", e.location)
                    return nil
                }
                recordType = p
            } else if bt.isPointer, case .pointer(.record) = bt {
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
            location = e.location
            if m.offset != 0 { emit(.addConst, b: UInt64(m.offset)) }
            return .memory(m.type)
        case .string, .call, .integer, .floating, .binary, .assign, .conditional, .comma, .cast, .postfix, .sizeofType, .sizeofExpr, .offsetof:
            let t = rvalue(e)
            if t.isRecord { return .memory(t) }
            if !t.isError { error("expression is not assignable", e.location) }
            return nil
        case .unary:
            rvalue(e)
            error("expression is not assignable", e.location)
            return nil
        case .compoundLiteral(let type, let initializer):
            return compoundLiteral(type, initializer, at: e.location)
        case .invalid:
            return nil
        }
    }

}
