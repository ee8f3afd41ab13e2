extension CodeGenerator {
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

    /// An assignment-like conversion (assignment, argument, return,
    /// initializer), which the checker found valid.
    func assignConvert(from: CType, to: CType) {
        if from.isVoid || from.isRecord || to.isRecord || to.isArray { return }
        convert(from: from, to: to)
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

    /// Emits code that pushes the value of `e`; returns its type.
    @discardableResult
    func rvalue(_ e: Expr) -> CType {
        let saved = location
        location = e.location
        let t = rvalueInner(e)
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
            emitConst(UInt64(t.size))
            return .ulonglong
        case .sizeofExpr:
            emitConst(UInt64((types.sizeofOperand(of: e) ?? .error).size))
            return .ulonglong
        case .offsetof(let t, let path):
            emitConst(UInt64(ConstantEvaluator.offset(of: t, path: path)?.0 ?? 0))
            return .ulonglong
        case .cast(let to, let x):
            let from = rvalue(x)
            if to.isVoid {
                emit(.pop)
                emitConst(0)
                return .void
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
        if let l = function.lookup(name) {
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
            emitConst(Program.externalBase + UInt64(externalFunction(name)) * 16)
            return .pointer(.function(f))
        case nil:
            let c = Win32Constants.lookup(name)
            emitConst(c?.value ?? 0)
            return c?.type ?? .error
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
            if let l = function.lookup(name) {
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
            guard case .variable(let a, let t) = globals[name] else { return nil }
            emitConst(a)
            return .memory(t)
        case .unary(.dereference, let p):
            guard let pointee = rvalue(p).pointee else { return nil }
            return .memory(pointee)
        case .index(let a, let i):
            // `i[p]` is `p[i]`.
            let (base, index) = typeOf(a).isInteger && typeOf(i).pointee != nil ? (i, a) : (a, i)
            guard let element = rvalue(base).pointee else { return nil }
            rvalue(index)
            location = e.location
            if element.size != 1 { emit(.mulConst, b: UInt64(element.size)) }
            emit(.add)
            return .memory(element)
        case .member(let base, let name, let arrow):
            let bt = rvalue(base)
            guard case .record(let r) = arrow ? (bt.pointee ?? .error) : bt, let m = r.member(named: name) else { return nil }
            location = e.location
            if m.offset != 0 { emit(.addConst, b: UInt64(m.offset)) }
            return .memory(m.type)
        case .string, .call, .integer, .floating, .binary, .assign, .conditional, .comma, .cast, .postfix, .sizeofType, .sizeofExpr, .offsetof,
             .unary:
            // Only a struct value is a place here (a call's result, `a = b`'s).
            let t = rvalue(e)
            return t.isRecord ? .memory(t) : nil
        case .compoundLiteral(let type, let initializer):
            return compoundLiteral(type, initializer, at: e.location)
        case .invalid:
            return nil
        }
    }
}
