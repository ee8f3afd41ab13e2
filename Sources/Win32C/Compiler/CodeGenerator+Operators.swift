/// Code for operators, assignments and calls: each returns the type of its result.
extension CodeGenerator {
    // MARK: Operators

    func unary(_ op: UnaryOperator, _ x: Expr, _ e: Expr) -> CType {
        switch op {
        case .addressOf:
            if case .identifier(let name) = x.kind, function.lookup(name) == nil {
                if case .function(let i, let f) = globals[name] {
                    emitConst(Program.codeBase + UInt64(i) * 16)
                    return .pointer(.function(f))
                }
                if case .external(_, let f) = globals[name] {
                    emitConst(Program.externalBase + UInt64(externalFunction(name)) * 16)
                    return .pointer(.function(f))
                }
            }
            if case .unary(.dereference, let inner) = x.kind {
                let t = rvalue(inner)
                return t.isPointer ? t : .error
            }
            guard case .memory(let t)? = lvalue(x) else { return .error }
            return .pointer(t)
        case .dereference:
            guard let lv = lvalue(e) else { return .error }
            let t = lv.type
            if t.isFunction { return .pointer(t) }
            loadValue(t)
            return t.decayed
        case .increment, .decrement:
            return incDec(x, increment: op == .increment, prefix: true, at: e.location)
        case .logicalNot:
            if rvalue(x).isDouble { emitConst(0); emit(.fne) }
            emit(.lnot)
            return .int
        case .bitNot:
            let p = TypeRules.promote(rvalue(x))
            emit(.not)
            normalize(p)
            return p
        case .negate, .plus:
            let t = rvalue(x)
            if t.isDouble {
                if op == .negate { emit(.fneg) }
                return .double
            }
            let p = TypeRules.promote(t)
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
        let delta = UInt64(t.pointee?.size ?? 1)
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
                let temp = function.allocateRegister()
                emit(.teeReg, a: temp)
                step()
                emit(.storePop, a: size)
                emit(.loadReg, a: temp)
            }
        }
        return t
    }

    func conditional(_ c: Expr, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        let result = typeOf(e)
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
        if ta.isPointer || tb.isPointer {
            return pointerBinary(op, a, b, ta, tb, e)
        }
        if op == .shiftLeft || op == .shiftRight {
            let lt = TypeRules.promote(ta)
            rvalue(a)
            rvalue(b)
            location = e.location
            let mask: Int32 = lt.size == 8 ? 63 : 31
            if op == .shiftLeft { emit(.shl, a: mask); normalize(lt) } else { emit(lt.isSigned ? .shrS : .shrU, a: mask) }
            return lt
        }
        let common = TypeRules.commonType(ta, tb)
        let ra = rvalue(a)
        convert(from: ra, to: common)
        let rb = rvalue(b)
        convert(from: rb, to: common)
        location = e.location
        return arithmetic(op, common)
    }

    /// Applies `op` to the two values of type `common` on the stack.
    func arithmetic(_ op: BinaryOperator, _ common: CType) -> CType {
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
            default: return .error   // rejected by the checker
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
        case .shiftLeft, .shiftRight, .logicalAnd, .logicalOr: return .error   // compiled elsewhere
        }
        if isComparison { return .int }
        if op == .add || op == .subtract || op == .multiply || op == .divide { normalize(common) }
        return common
    }

    func pointerBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ ta: CType, _ tb: CType, _ e: Expr) -> CType {
        if op.isComparison {
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
        if ta.isPointer && tb.isPointer {
            // `p - q`: the distance in elements.
            let ea = ta.pointee ?? .error
            rvalue(a)
            rvalue(b)
            location = e.location
            emit(.sub)
            if ea.size > 1 { emitConst(UInt64(ea.size)); emit(.divS) }
            return .longlong
        }
        // `p + n`, `n + p`, `p - n`: steps of the element size.
        let (p, n, pt) = ta.isPointer ? (a, b, ta) : (b, a, tb)
        let element = pt.pointee ?? .error
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

    // MARK: Assignment

    func assign(_ op: AssignmentOperator, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        guard let lv = lvalue(a) else { return .error }
        let t = lv.type
        guard case .compound(let binop) = op else {
            // Plain `=`.
            let vt = rvalue(b)
            location = e.location
            assignConvert(from: vt, to: t)
            switch lv {
            case .register(let r, _): emit(.teeReg, a: r)
            case .memory where t.isRecord: emit(.copyBlock, b: UInt64(t.size))
            case .memory: emit(.store, a: Int32(t.size))
            }
            return t
        }
        let rt = typeOf(b)
        // Load the current value.
        switch lv {
        case .register(let r, _): emit(.loadReg, a: r)
        case .memory:
            emit(.dup)
            loadValue(t)
        }
        if t.isPointer {
            let element = t.pointee ?? .error
            rvalue(b)
            location = e.location
            if element.size > 1 { emit(.mulConst, b: UInt64(element.size)) }
            emit(binop == .add ? .add : .sub)
        } else if binop == .shiftLeft || binop == .shiftRight {
            let lt = TypeRules.promote(t)
            rvalue(b)
            location = e.location
            let mask: Int32 = lt.size == 8 ? 63 : 31
            if binop == .shiftLeft { emit(.shl, a: mask) } else { emit(lt.isSigned ? .shrS : .shrU, a: mask) }
            convert(from: lt, to: t)
            normalize(t)
        } else {
            let common = TypeRules.commonType(t, rt)
            convert(from: t, to: common)
            let r2 = rvalue(b)
            convert(from: r2, to: common)
            location = e.location
            let resultType = arithmetic(binop, common)
            convert(from: resultType, to: t)
            // `arithmetic` may already have normalized to this very type.
            if case .integer(let k) = t, let op = CodeGenerator.normalizeOp(k), code.last?.op != op { emit(op) }
        }
        switch lv {
        case .register(let r, _): emit(.teeReg, a: r)
        case .memory: emit(.store, a: Int32(t.size))
        }
        return t
    }

    // MARK: Calls

    func call(_ callee: Expr, _ args: [Expr], _ e: Expr) -> CType {
        if case .identifier(let name) = callee.kind, function.lookup(name) == nil {
            switch globals[name] {
            case .function(let index, let f):
                let hidden = pushResultSlot(f)
                arguments(args, f)
                location = e.location
                emit(.call, a: Int32(index), b: UInt64(args.count + (hidden ? 1 : 0)))
                return f.returnType
            case .external(_, let f):
                arguments(args, f)
                location = e.location
                emit(.callExternal, a: Int32(externalFunction(name)), b: UInt64(args.count))
                normalize(f.returnType)
                return f.returnType
            case .variable, nil:
                break
            }
        }
        guard let f = typeOf(callee).functionType else { return .error }
        let hidden = pushResultSlot(f)
        arguments(args, f)
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
        emit(.frameAddr, b: UInt64(function.allocateFrame(f.returnType)))
        return true
    }

    func arguments(_ args: [Expr], _ f: FunctionType) {
        for (i, arg) in args.enumerated() {
            let t = rvalue(arg)
            if f.hasPrototype && i < f.parameters.count {
                let p = f.parameters[i]
                assignConvert(from: t, to: p)
                if p.isRecord && TypeRules.passesInRegister(p) {
                    emit(.load, a: Int32(p.size))
                }
            } else if t.isRecord {
                if TypeRules.passesInRegister(t) { emit(.load, a: Int32(t.size)) }
            }
        }
    }
}
