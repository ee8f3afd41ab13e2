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
        case .unary("*", let p):
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

    private func rvalueInner(_ e: Expr) -> CType {
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
            return incDec(x, increment: op == "++", prefix: false, at: e.location)
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

    private func identifier(_ name: String, _ e: Expr) -> CType {
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

    private func lvalueInner(_ e: Expr) -> LValue? {
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
        case .unary("*", let p):
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

    // MARK: Operators

    private func unary(_ op: String, _ x: Expr, _ e: Expr) -> CType {
        switch op {
        case "&":
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
            if case .unary("*", let inner) = x.kind {
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
        case "*":
            guard let lv = lvalue(e) else { return .error }
            let t = lv.type
            if t.isFunction { return .pointer(t) }
            loadValue(t)
            return t.decayed
        case "++", "--":
            return incDec(x, increment: op == "++", prefix: true, at: e.location)
        case "!":
            let t = rvalue(x)
            if t.isDouble { emitConst(0); emit(.fne) }
            else if !t.isScalar { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
            emit(.lnot)
            return .int
        default:
            let t = rvalue(x)
            if t.isError { return .error }
            if op == "~" {
                guard t.isInteger else { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
                let p = CodeGenerator.promote(t)
                emit(.not)
                normalize(p)
                return p
            }
            guard t.isArithmetic else { error("invalid argument type '\(t.description)' to unary expression", e.location); return .error }
            if t.isDouble {
                if op == "-" { emit(.fneg) }
                return .double
            }
            let p = CodeGenerator.promote(t)
            if op == "-" {
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

    private func conditional(_ c: Expr, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
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

    private static let comparisonOps: Set<String> = ["==", "!=", "<", ">", "<=", ">="]

    private func binary(_ op: String, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        if op == "&&" || op == "||" {
            condition(a)
            location = e.location
            let first = emit(op == "&&" ? .jumpIfZero : .jumpIfNotZero)
            condition(b)
            location = e.location
            let second = emit(op == "&&" ? .jumpIfZero : .jumpIfNotZero)
            emitConst(op == "&&" ? 1 : 0)
            let end = emit(.jump)
            patch(first, to: here)
            patch(second, to: here)
            emitConst(op == "&&" ? 0 : 1)
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
        if op == "<<" || op == ">>" {
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
            if op == "<<" { emit(.shl, a: mask); normalize(lt) } else { emit(lt.isSigned ? .shrS : .shrU, a: mask) }
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
    func arithmetic(_ op: String, _ common: CType, _ e: Expr) -> CType {
        let isComparison = CodeGenerator.comparisonOps.contains(op)
        if common.isDouble {
            switch op {
            case "+": emit(.fadd)
            case "-": emit(.fsub)
            case "*": emit(.fmul)
            case "/": emit(.fdiv)
            case "==": emit(.feq)
            case "!=": emit(.fne)
            case "<": emit(.flt)
            case "<=": emit(.fle)
            case ">": emit(.fgt)
            case ">=": emit(.fge)
            default:
                error("invalid operands to binary expression ('double' and 'double')", e.location)
                emit(.pop)
                return .error
            }
            return isComparison ? .int : .double
        }
        let signed = common.isSigned
        switch op {
        case "+": emit(.add)
        case "-": emit(.sub)
        case "*": emit(.mul)
        case "/": emit(signed ? .divS : .divU)
        case "%": emit(signed ? .modS : .modU)
        case "&": emit(.and)
        case "|": emit(.or)
        case "^": emit(.xor)
        case "==": emit(.eq)
        case "!=": emit(.ne)
        case "<": emit(signed ? .ltS : .ltU)
        case "<=": emit(signed ? .leS : .leU)
        case ">": emit(signed ? .gtS : .gtU)
        case ">=": emit(signed ? .geS : .geU)
        default:
            error("unsupported operator '\(op)'", e.location)
            return .error
        }
        if isComparison { return .int }
        if op == "+" || op == "-" || op == "*" || op == "/" { normalize(common) }
        return common
    }

    private func pointerBinary(_ op: String, _ a: Expr, _ b: Expr, _ ta: CType, _ tb: CType, _ e: Expr) -> CType {
        if CodeGenerator.comparisonOps.contains(op) {
            if ta.isDouble || tb.isDouble || ta.isRecord || tb.isRecord {
                error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
                rvalue(a); rvalue(b); emit(.pop)
                return .error
            }
            rvalue(a)
            rvalue(b)
            location = e.location
            switch op {
            case "==": emit(.eq)
            case "!=": emit(.ne)
            case "<": emit(.ltU)
            case "<=": emit(.leU)
            case ">": emit(.gtU)
            default: emit(.geU)
            }
            return .int
        }
        if op == "+" || op == "-" {
            if ta.isPointer && tb.isPointer && op == "-" {
                let ea = ta.pointee ?? .error
                rvalue(a)
                rvalue(b)
                location = e.location
                emit(.sub)
                if ea.size > 1 { emitConst(UInt64(ea.size)); emit(.divS) }
                return .longlong
            }
            if ta.isPointer && tb.isInteger || (op == "+" && tb.isPointer && ta.isInteger) {
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
                emit(op == "+" ? .add : .sub)
                return pt
            }
        }
        error("invalid operands to binary expression ('\(ta.description)' and '\(tb.description)')", e.location)
        rvalue(a); rvalue(b); emit(.pop)
        return .error
    }

    // MARK: Assignment

    private func assign(_ op: String, _ a: Expr, _ b: Expr, _ e: Expr) -> CType {
        guard let lv = lvalue(a) else {
            rvalue(b)
            return .error
        }
        let t = lv.type
        if t.isArray {
            error("array type '\(t.description)' is not assignable", e.location)
            emit(.pop); rvalue(b); return .error
        }
        if op == "=" {
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
        let binop = String(op.dropLast())
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
        if t.isPointer && (binop == "+" || binop == "-") && rt.isInteger {
            let element = t.pointee ?? .error
            rvalue(b)
            location = e.location
            if element.size > 1 { emit(.mulConst, b: UInt64(element.size)) }
            emit(binop == "+" ? .add : .sub)
        } else if t.isArithmetic && rt.isArithmetic {
            if binop == "<<" || binop == ">>" {
                guard t.isInteger && rt.isInteger else {
                    error("invalid operands to compound assignment", e.location)
                    rvalue(b); emit(.pop)
                    return .error
                }
                let lt = CodeGenerator.promote(t)
                rvalue(b)
                location = e.location
                let mask: Int32 = lt.size == 8 ? 63 : 31
                if binop == "<<" { emit(.shl, a: mask) } else { emit(lt.isSigned ? .shrS : .shrU, a: mask) }
                convert(from: lt, to: t)
                normalize(t)
            } else {
                let common = CodeGenerator.commonType(t, rt)
                convert(from: t, to: common)
                let r2 = rvalue(b)
                convert(from: r2, to: common)
                location = e.location
                if (binop == "%" || binop == "&" || binop == "|" || binop == "^") && common.isDouble {
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

    private func call(_ callee: Expr, _ args: [Expr], _ e: Expr) -> CType {
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
    private func pushResultSlot(_ f: FunctionType) -> Bool {
        guard f.returnType.isRecord else { return false }
        emit(.frameAddr, b: UInt64(allocateFrame(f.returnType)))
        return true
    }

    private func arguments(_ args: [Expr], _ f: FunctionType, name: String?, at: SourceLocation) {
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
