/// The types of operators, assignments and calls, and their errors.
extension TypeChecker {
    // MARK: Operators

    func unary(_ op: UnaryOperator, _ x: Expr, _ e: Expr) -> CType {
        switch op {
        case .addressOf:
            if case .identifier(let name) = x.kind, lookup(name) == nil {
                if case .function(let f) = globals[name] { return .pointer(.function(f)) }
                if case .external(let f) = globals[name] {
                    checkImplemented(name, at: x.location)
                    noteExternal(name)
                    return .pointer(.function(f))
                }
            }
            if case .unary(.dereference, let inner) = x.kind {
                let t = check(inner)
                return t.isPointer ? t : .error
            }
            guard let place = place(x) else { return .error }
            switch place {
            case .register(let t):
                error("cannot take the address of '\(t.description)' value", e.location)
                return .error
            case .memory(let t):
                return .pointer(t)
            }
        case .dereference:
            guard let place = place(e) else { return .error }
            let t = place.type
            if t.isFunction { return .pointer(t) }
            return t.decayed
        case .increment, .decrement:
            return incDec(x, increment: op == .increment, at: e.location)
        case .logicalNot:
            let t = check(x)
            if !t.isDouble && !t.isScalar {
                error("invalid argument type '\(t.description)' to unary expression", e.location)
                return .error
            }
            return .int
        case .bitNot:
            let t = check(x)
            if t.isError { return .error }
            guard t.isInteger else { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
            return TypeRules.promote(t)
        case .negate, .plus:
            let t = check(x)
            if t.isError { return .error }
            guard t.isArithmetic else { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
            return t.isDouble ? .double : TypeRules.promote(t)
        }
    }

    func incDec(_ x: Expr, increment: Bool, at: SourceLocation) -> CType {
        guard let place = place(x) else { return .error }
        let t = place.type
        switch t {
        case .pointer(let p):
            if !p.isComplete { error("arithmetic on a pointer to an incomplete type '\(p.description)'", at); return .error }
        case .integer, .double: break
        case .error: return .error
        default:
            error("cannot \(increment ? "increment" : "decrement") value of type '\(t.description)'", at)
            return .error
        }
        return t
    }

    func conditional(_ c: Expr, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        let ta = typeOf(a), tb = typeOf(b)
        var result: CType
        if ta.isError || tb.isError { result = .error }
        else if ta.isArithmetic && tb.isArithmetic { result = TypeRules.commonType(ta, tb) }
        else if ta.isPointer && (tb.isPointer || tb.isInteger) { result = ta }
        else if tb.isPointer && ta.isInteger { result = tb }
        else if ta.isVoid || tb.isVoid { result = .void }
        else if case .record(let x) = ta, case .record(let y) = tb, x === y { result = ta }
        else {
            error("incompatible operand types ('\(ta.description)' and '\(tb.description)')", e.location)
            result = .error
        }
        condition(c)
        check(a)
        check(b)
        return result
    }

    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        if op == .logicalAnd || op == .logicalOr {
            condition(a)
            condition(b)
            return .int
        }
        let ta = typeOf(a), tb = typeOf(b)
        if ta.isError || tb.isError {
            check(a); check(b)
            return .error
        }
        if ta.isPointer || tb.isPointer {
            return pointerBinary(op, a, b, ta, tb, e)
        }
        guard ta.isArithmetic && tb.isArithmetic, !((op == .shiftLeft || op == .shiftRight) && !(ta.isInteger && tb.isInteger)) else {
            error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
            check(a); check(b)
            return .error
        }
        check(a)
        check(b)
        if op == .shiftLeft || op == .shiftRight { return TypeRules.promote(ta) }
        return arithmetic(op, TypeRules.commonType(ta, tb), e)
    }

    /// The type of `op` applied to two values of type `common`.
    func arithmetic(_ op: BinaryOperator, _ common: CType, _ e: Expr) -> CType {
        if common.isDouble {
            switch op {
            case .add, .subtract, .multiply, .divide: return .double
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return .int
            default:
                error("invalid operands to binary expression ('double' and 'double')", e.location)
                return .error
            }
        }
        switch op {
        case .logicalAnd, .logicalOr, .shiftLeft, .shiftRight:
            error("unsupported operator '\(op)'", e.location)
            return .error
        default:
            return op.isComparison ? .int : common
        }
    }

    func pointerBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ ta: CType, _ tb: CType, _ e: Expr) -> CType {
        if op.isComparison {
            if ta.isDouble || tb.isDouble || ta.isRecord || tb.isRecord {
                error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
                check(a); check(b)
                return .error
            }
            check(a)
            check(b)
            return .int
        }
        if op == .add || op == .subtract {
            if ta.isPointer && tb.isPointer && op == .subtract {
                check(a)
                check(b)
                return .longlong
            }
            if ta.isPointer && tb.isInteger || (op == .add && tb.isPointer && ta.isInteger) {
                let (p, n, pt) = ta.isPointer ? (a, b, ta) : (b, a, tb)
                let element = pt.pointee ?? .error
                if !element.isComplete && !element.isVoid {
                    error("arithmetic on a pointer to an incomplete type '\(element.description)'", e.location)
                }
                if ta.isPointer { check(p); check(n) } else { check(n); check(p) }
                return pt
            }
        }
        error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
        check(a); check(b)
        return .error
    }

    // MARK: Assignment

    func assign(_ op: AssignmentOperator, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        guard let place = place(a) else {
            check(b)
            return .error
        }
        let t = place.type
        if t.isArray {
            error("array type '\(t.description)' is not assignable", e.location)
            check(b)
            return .error
        }
        guard case .compound(let binop) = op else {
            let vt = check(b)
            assignConvert(from: vt, to: t, at: e.location, what: "assigning to")
            return t
        }
        let rt = typeOf(b)
        if t.isError || rt.isError { check(b); return .error }
        if t.isPointer && (binop == .add || binop == .subtract) && rt.isInteger {
            check(b)
        } else if t.isArithmetic && rt.isArithmetic {
            if binop == .shiftLeft || binop == .shiftRight {
                guard t.isInteger && rt.isInteger else {
                    error("invalid operands to compound assignment", e.location)
                    check(b)
                    return .error
                }
                check(b)
            } else {
                let common = TypeRules.commonType(t, rt)
                check(b)
                if (binop == .remainder || binop == .bitAnd || binop == .bitOr || binop == .bitXor) && common.isDouble {
                    error("invalid operands to binary expression ('\(t.description)' and '\(rt.description)')", e.location)
                    return .error
                }
                _ = arithmetic(binop, common, e)
            }
        } else {
            error("invalid operands to compound assignment ('\(t.description)' and '\(rt.description)')", e.location)
            check(b)
            return .error
        }
        return t
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
        case (_, .record), (.record, _), (.double, .pointer), (.pointer, .double):
            error("\(what) '\(to.description)' with an expression of incompatible type '\(from.description)'", at)
        case (_, .array):
            error("array type '\(to.description)' is not assignable", at)
        default:
            return
        }
    }

    // MARK: Calls

    func call(_ callee: Expr, _ args: [Expr], _ e: Expr) -> CType {
        if args.count > 64 {
            error("too many arguments in call (at most 64 are supported)", e.location)
            return .error
        }
        if case .identifier(let name) = callee.kind, lookup(name) == nil {
            switch globals[name] {
            case .function(let f):
                arguments(args, f, name: name, at: e.location)
                return f.returnType
            case .external(let f):
                checkImplemented(name, at: callee.location)
                arguments(args, f, name: name, at: e.location)
                noteExternal(name)
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
                noteExternal(name)
                return .int
            }
        }
        let ct = typeOf(callee)
        if ct.isError {
            // Check it in its turn so the callee's own errors are reported.
            check(callee)
            for a in args { check(a) }
            return .error
        }
        guard let f = ct.functionType else {
            error("called object type '\(ct.description)' is not a function or function pointer", e.location)
            return .error
        }
        arguments(args, f, name: nil, at: e.location)
        check(callee)
        return f.returnType
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
            let t = check(arg)
            if f.hasPrototype && i < f.parameters.count {
                assignConvert(from: t, to: f.parameters[i], at: arg.location, what: "passing to parameter of type")
            } else if !t.isRecord && t.isVoid {
                error("argument may not have 'void' type", arg.location)
            }
        }
    }
}
