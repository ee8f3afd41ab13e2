/// Code for operators, assignments and calls: each returns the type of its result.
extension CodeGenerator {
    // MARK: Operators

    func unary(_ op: UnaryOperator, _ x: Expr, _ e: Expr) -> CType {
        switch op {
        case .addressOf:
            if case .identifier(let name) = x.kind, lookup(name) == nil {
                if case .function(let i, let f) = globals[name] {
                    emitConst(Program.codeBase + UInt64(i) * 16)
                    return .pointer(.function(f))
                }
                if case .external(_, let f) = globals[name] {
                    checkImplemented(name, at: x.location)
                    emitConst(Program.externalBase + UInt64(externalFunction(name)) * 16)
                    return .pointer(.function(f))
                }
            }
            if case .unary(.dereference, let inner) = x.kind {
                let t = rvalue(inner)
                return t.isPointer ? t : .error
            }
            guard let lv = lvalue(x) else { return .error }
            switch lv {
            case .register(_, let t):
                error("cannot take the address of '\(t.description)' value", e.location)
                emitConst(0)
                return .error
            case .memory(let t):
                return .pointer(t)
            }
        case .dereference:
            guard let lv = lvalue(e) else { return .error }
            let t = lv.type
            if t.isFunction { return .pointer(t) }
            loadValue(t)
            return t.decayed
        case .increment, .decrement:
            return incDec(x, increment: op == .increment, prefix: true, at: e.location)
        case .logicalNot:
            let t = rvalue(x)
            if t.isDouble { emitConst(0); emit(.fne) }
            else if !t.isScalar { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
            emit(.lnot)
            return .int
        default:
            let t = rvalue(x)
            if t.isError { return .error }
            if op == .bitNot {
                guard t.isInteger else { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
                let p = CodeGenerator.promote(t)
                emit(.not)
                normalize(p)
                return p
            }
            guard t.isArithmetic else { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
            if t.isDouble {
                if op == .negate { emit(.fneg) }
                return .double
            }
            let p = CodeGenerator.promote(t)
            if op == .negate {
                emit(.neg)
                normalize(p)
            }
            return p
        }
    }

    func incDec(_ x: Expr, increment: Bool, prefix: Bool, at: SourceLocation) -> CType {
        guard let lv = lvalue(x) else { return .error }
        let t = lv.type
        location = at
        var delta: UInt64 = 1
        switch t {
        case .pointer(let p):
            if !p.isComplete { error("arithmetic on a pointer to an incomplete type '\(p.description)'", at); return .error }
            delta = UInt64(p.size)
        case .integer, .double: break
        case .error: return .error
        default:
            error("cannot \(increment ? "increment" : "decrement") value of type '\(t.description)'", at)
            return .error
        }
        func step() {
            if t.isDouble {
                emitConst(1.0.bitPattern)
                emit(increment ? .fadd : .fsub)
            } else {
                emit(.addConst, b: increment ? delta : 0 &- delta)
                normalize(t)
            }
        }
        switch lv {
        case .register(let r, _):
            emit(.loadReg, a: r)
            if !prefix { emit(.loadReg, a: r) }
            step()
            emit(prefix ? .teeReg : .storeReg, a: r)
        case .memory:
            let size = Int32(t.size)
            emit(.dup)
            loadValue(t)
            if prefix {
                step()
                emit(.store, a: size)
            } else {
                let temp = allocateRegister()
                emit(.teeReg, a: temp)
                step()
                emit(.storePop, a: size)
                emit(.loadReg, a: temp)
            }
        }
        return t
    }

    func conditional(_ c: Expr, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        let ta = typeOf(a), tb = typeOf(b)
        var result: CType
        if ta.isError || tb.isError { result = .error }
        else if ta.isArithmetic && tb.isArithmetic { result = CodeGenerator.commonType(ta, tb) }
        else if ta.isPointer && (tb.isPointer || tb.isInteger) { result = ta }
        else if tb.isPointer && ta.isInteger { result = tb }
        else if ta.isVoid || tb.isVoid { result = .void }
        else if case .record(let x) = ta, case .record(let y) = tb, x === y { result = ta }
        else {
            error("incompatible operand types ('\(ta.description)' and '\(tb.description)')", e.location)
            result = .error
        }
        condition(c)
        location = e.location
        let elseJump = emit(.jumpIfZero)
        let t1 = rvalue(a)
        convert(from: t1, to: result)
        location = e.location
        let endJump = emit(.jump)
        patch(elseJump, to: here)
        let t2 = rvalue(b)
        convert(from: t2, to: result)
        patch(endJump, to: here)
        return result
    }

    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        if op == .logicalAnd || op == .logicalOr {
            condition(a)
            location = e.location
            let first = emit(op == .logicalAnd ? .jumpIfZero : .jumpIfNotZero)
            condition(b)
            location = e.location
            let second = emit(op == .logicalAnd ? .jumpIfZero : .jumpIfNotZero)
            emitConst(op == .logicalAnd ? 1 : 0)
            let end = emit(.jump)
            patch(first, to: here)
            patch(second, to: here)
            emitConst(op == .logicalAnd ? 0 : 1)
            patch(end, to: here)
            return .int
        }
        let ta = typeOf(a), tb = typeOf(b)
        if ta.isError || tb.isError {
            rvalue(a); rvalue(b); emit(.pop)
            return .error
        }
        // Pointer arithmetic and comparisons.
        if ta.isPointer || tb.isPointer {
            return pointerBinary(op, a, b, ta, tb, e)
        }
        guard ta.isArithmetic && tb.isArithmetic else {
            error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
            rvalue(a); rvalue(b); emit(.pop)
            return .error
        }
        if op == .shiftLeft || op == .shiftRight {
            guard ta.isInteger && tb.isInteger else {
                error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
                rvalue(a); rvalue(b); emit(.pop)
                return .error
            }
            let lt = CodeGenerator.promote(ta)
            rvalue(a)
            rvalue(b)
            location = e.location
            let mask: Int32 = lt.size == 8 ? 63 : 31
            if op == .shiftLeft { emit(.shl, a: mask); normalize(lt) } else { emit(lt.isSigned ? .shrS : .shrU, a: mask) }
            return lt
        }
        let common = CodeGenerator.commonType(ta, tb)
        let ra = rvalue(a)
        convert(from: ra, to: common)
        let rb = rvalue(b)
        convert(from: rb, to: common)
        location = e.location
        return arithmetic(op, common, e)
    }

    /// Applies `op` to the two values of type `common` on the stack.
    func arithmetic(_ op: BinaryOperator, _ common: CType, _ e: Expr) -> CType {
        let isComparison = op.isComparison
        if common.isDouble {
            switch op {
            case .add: emit(.fadd)
            case .subtract: emit(.fsub)
            case .multiply: emit(.fmul)
            case .divide: emit(.fdiv)
            case .equal: emit(.feq)
            case .notEqual: emit(.fne)
            case .less: emit(.flt)
            case .lessOrEqual: emit(.fle)
            case .greater: emit(.fgt)
            case .greaterOrEqual: emit(.fge)
            default:
                error("invalid operands to binary expression ('double' and 'double')", e.location)
                emit(.pop)
                return .error
            }
            return isComparison ? .int : .double
        }
        let signed = common.isSigned
        switch op {
        case .add: emit(.add)
        case .subtract: emit(.sub)
        case .multiply: emit(.mul)
        case .divide: emit(signed ? .divS : .divU)
        case .remainder: emit(signed ? .modS : .modU)
        case .bitAnd: emit(.and)
        case .bitOr: emit(.or)
        case .bitXor: emit(.xor)
        case .equal: emit(.eq)
        case .notEqual: emit(.ne)
        case .less: emit(signed ? .ltS : .ltU)
        case .lessOrEqual: emit(signed ? .leS : .leU)
        case .greater: emit(signed ? .gtS : .gtU)
        case .greaterOrEqual: emit(signed ? .geS : .geU)
        default:
            error("unsupported operator '\(op)'", e.location)
            return .error
        }
        if isComparison { return .int }
        if op == .add || op == .subtract || op == .multiply || op == .divide { normalize(common) }
        return common
    }

    func pointerBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ ta: CType, _ tb: CType, _ e: Expr) -> CType {
        if op.isComparison {
            if ta.isDouble || tb.isDouble || ta.isRecord || tb.isRecord {
                error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
                rvalue(a); rvalue(b); emit(.pop)
                return .error
            }
            rvalue(a)
            rvalue(b)
            location = e.location
            switch op {
            case .equal: emit(.eq)
            case .notEqual: emit(.ne)
            case .less: emit(.ltU)
            case .lessOrEqual: emit(.leU)
            case .greater: emit(.gtU)
            default: emit(.geU)
            }
            return .int
        }
        if op == .add || op == .subtract {
            if ta.isPointer && tb.isPointer && op == .subtract {
                let ea = ta.pointee ?? .error
                rvalue(a)
                rvalue(b)
                location = e.location
                emit(.sub)
                if ea.size > 1 { emitConst(UInt64(ea.size)); emit(.divS) }
                return .longlong
            }
            if ta.isPointer && tb.isInteger || (op == .add && tb.isPointer && ta.isInteger) {
                let (p, n, pt) = ta.isPointer ? (a, b, ta) : (b, a, tb)
                let element = pt.pointee ?? .error
                if !element.isComplete && !element.isVoid {
                    error("arithmetic on a pointer to an incomplete type '\(element.description)'", e.location)
                }
                let size = element.isVoid ? 1 : element.size
                if ta.isPointer {
                    rvalue(p)
                    rvalue(n)
                    location = e.location
                    if size != 1 { emit(.mulConst, b: UInt64(size)) }
                } else {
                    rvalue(n)
                    location = e.location
                    if size != 1 { emit(.mulConst, b: UInt64(size)) }
                    rvalue(p)
                }
                location = e.location
                emit(op == .add ? .add : .sub)
                return pt
            }
        }
        error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
        rvalue(a); rvalue(b); emit(.pop)
        return .error
    }

    // MARK: Assignment

    func assign(_ op: AssignmentOperator, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        guard let lv = lvalue(a) else {
            rvalue(b)
            return .error
        }
        let t = lv.type
        if t.isArray {
            error("array type '\(t.description)' is not assignable", e.location)
            emit(.pop); rvalue(b); return .error
        }
        guard case .compound(let binop) = op else {
            // Plain `=`.
            let vt = rvalue(b)
            location = e.location
            switch lv {
            case .register(let r, _):
                assignConvert(from: vt, to: t, at: e.location, what: "assigning to")
                emit(.teeReg, a: r)
            case .memory:
                if t.isRecord {
                    assignConvert(from: vt, to: t, at: e.location, what: "assigning to")
                    emit(.copyBlock, b: UInt64(t.size))
                } else {
                    assignConvert(from: vt, to: t, at: e.location, what: "assigning to")
                    emit(.store, a: Int32(t.size))
                }
            }
            return t
        }
        let rt = typeOf(b)
        if t.isError || rt.isError { rvalue(b); emit(.pop); return .error }
        // Load the current value.
        switch lv {
        case .register(let r, _): emit(.loadReg, a: r)
        case .memory:
            emit(.dup)
            loadValue(t)
        }
        var resultType = t
        if t.isPointer && (binop == .add || binop == .subtract) && rt.isInteger {
            let element = t.pointee ?? .error
            rvalue(b)
            location = e.location
            if element.size > 1 { emit(.mulConst, b: UInt64(element.size)) }
            emit(binop == .add ? .add : .sub)
        } else if t.isArithmetic && rt.isArithmetic {
            if binop == .shiftLeft || binop == .shiftRight {
                guard t.isInteger && rt.isInteger else {
                    error("invalid operands to compound assignment", e.location)
                    rvalue(b); emit(.pop)
                    return .error
                }
                let lt = CodeGenerator.promote(t)
                rvalue(b)
                location = e.location
                let mask: Int32 = lt.size == 8 ? 63 : 31
                if binop == .shiftLeft { emit(.shl, a: mask) } else { emit(lt.isSigned ? .shrS : .shrU, a: mask) }
                convert(from: lt, to: t)
                normalize(t)
            } else {
                let common = CodeGenerator.commonType(t, rt)
                convert(from: t, to: common)
                let r2 = rvalue(b)
                convert(from: r2, to: common)
                location = e.location
                if (binop == .remainder || binop == .bitAnd || binop == .bitOr || binop == .bitXor) && common.isDouble {
                    error("invalid operands to binary expression ('\(t.description)' and '\(rt.description)')", e.location)
                    return .error
                }
                resultType = arithmetic(binop, common, e)
                convert(from: resultType, to: t)
                // `arithmetic` may already have normalized to this very type.
                if case .integer(let k) = t, let op = CodeGenerator.normalizeOp(k), code.last?.op != op { emit(op) }
            }
        } else {
            error("invalid operands to compound assignment ('\(t.description)' and '\(rt.description)')", e.location)
            rvalue(b); emit(.pop)
            return .error
        }
        switch lv {
        case .register(let r, _): emit(.teeReg, a: r)
        case .memory: emit(.store, a: Int32(t.size))
        }
        return t
    }

    // MARK: Calls

    func call(_ callee: Expr, _ args: [Expr], _ e: Expr) -> CType {
        if args.count > 64 {
            error("too many arguments in call (at most 64 are supported)", e.location)
            return .error
        }
        if case .identifier(let name) = callee.kind, lookup(name) == nil {
            switch globals[name] {
            case .function(let index, let f):
                let hidden = pushResultSlot(f)
                arguments(args, f, name: name, at: e.location)
                location = e.location
                emit(.call, a: Int32(index), b: UInt64(args.count + (hidden ? 1 : 0)))
                return f.returnType
            case .external(_, let f):
                checkImplemented(name, at: callee.location)
                arguments(args, f, name: name, at: e.location)
                location = e.location
                emit(.callExternal, a: Int32(externalFunction(name)), b: UInt64(args.count))
                normalize(f.returnType)
                return f.returnType
            case .variable:
                break
            case nil:
                if Win32Constants.lookup(name) != nil {
                    error("called object '\(name)' is not a function", e.location)
                    return .error
                }
                reportUndeclaredCall(name, at: callee.location)
                let f = FunctionType(returnType: .int, parameters: [], isVariadic: true, hasPrototype: false)
                arguments(args, f, name: name, at: e.location)
                location = e.location
                emit(.callExternal, a: Int32(externalFunction(name)), b: UInt64(args.count))
                normalize(.int)
                return .int
            }
        }
        let ct = typeOf(callee)
        if ct.isError {
            // Compile for real so the callee's own errors are reported.
            rvalue(callee)
            for a in args { rvalue(a); emit(.pop) }
            return .error
        }
        guard let f = ct.functionType else {
            error("called object type '\(ct.description)' is not a function or function pointer", e.location)
            return .error
        }
        let hidden = pushResultSlot(f)
        arguments(args, f, name: nil, at: e.location)
        rvalue(callee)
        location = e.location
        emit(.callIndirect, a: Int32(args.count + (hidden ? 1 : 0)))
        normalize(f.returnType)
        return f.returnType
    }

    /// For a struct-returning callee, pushes the address of a caller temporary
    /// that receives the result (the hidden first argument).
    @discardableResult
    func pushResultSlot(_ f: FunctionType) -> Bool {
        guard f.returnType.isRecord else { return false }
        emit(.frameAddr, b: UInt64(allocateFrame(f.returnType)))
        return true
    }

    func arguments(_ args: [Expr], _ f: FunctionType, name: String?, at: SourceLocation) {
        if f.hasPrototype {
            let n = f.parameters.count
            if args.count < n || (args.count > n && !f.isVariadic) {
                let which = args.count < n ? "few" : "many"
                error("too \(which) arguments to function call\(name.map { " '\($0)'" } ?? ""), expected \(n), have \(args.count)", at)
            }
        }
        for (i, arg) in args.enumerated() {
            let t = rvalue(arg)
            if f.hasPrototype && i < f.parameters.count {
                let p = f.parameters[i]
                assignConvert(from: t, to: p, at: arg.location, what: "passing to parameter of type")
                if p.isRecord && CodeGenerator.passesInRegister(p) {
                    emit(.load, a: Int32(p.size))
                }
            } else if t.isRecord {
                if CodeGenerator.passesInRegister(t) { emit(.load, a: Int32(t.size)) }
            } else if t.isVoid {
                error("argument may not have 'void' type", arg.location)
            }
        }
    }
}
