/// Code for statements: one small function per kind of statement. Every
/// statement and every evaluation of a condition starts with `.stmt`, the
/// unit the VM counts and the scheduler charges for.
extension CodeGenerator {
    func statement(_ s: Stmt) {
        switch s {
        case .empty: return
        case .expression(let e): expressionStatement(e)
        case .declaration(let decls): for d in decls { localDeclaration(d) }
        case .block(let items): block(items)
        case .ifElse(let c, let then, let otherwise, let loc): ifElse(c, then, otherwise, loc)
        case .whileLoop(let c, let body, let loc): whileLoop(c, body, loc)
        case .doWhile(let body, let c, _): doWhile(body, c)
        case .forLoop(let initial, let c, let step, let body, let loc): forLoop(initial, c, step, body, loc)
        case .switchStmt(let c, let body, let loc): switchStatement(c, body, loc)
        case .caseLabel(let e, let body, _):
            if let v = ConstantEvaluator.evaluate(e, depth: 0) {
                function.switches[function.switches.count - 1].cases.append((v, here))
            }
            statement(body)
        case .defaultLabel(let body, _):
            function.switches[function.switches.count - 1].defaultTarget = here
            statement(body)
        case .breakStmt(let loc): jump(at: loc) { $0.breakJumps[$0.breakJumps.count - 1].append($1) }
        case .continueStmt(let loc): jump(at: loc) { $0.continueJumps[$0.continueJumps.count - 1].append($1) }
        case .gotoStmt(let name, let loc): jump(at: loc) { $0.gotos.append((name, $1)) }
        case .returnStmt(let e, let loc): returnStatement(e, loc)
        case .label(let name, let body, _):
            function.labels[name] = here
            statement(body)
        }
    }

    private func expressionStatement(_ e: Expr) {
        location = e.location
        emit(.stmt)
        discard(e)
    }

    private func block(_ items: [Stmt]) {
        function.scopes.append([:])
        for i in items { statement(i) }
        function.scopes.removeLast()
    }

    private func ifElse(_ c: Expr, _ then: Stmt, _ otherwise: Stmt?, _ loc: SourceLocation) {
        location = loc
        emit(.stmt)
        condition(c)
        let skip = emit(.jumpIfZero)
        statement(then)
        if let otherwise {
            let end = emit(.jump)
            patch(skip, to: here)
            statement(otherwise)
            patch(end, to: here)
        } else {
            patch(skip, to: here)
        }
    }

    private func whileLoop(_ c: Expr, _ body: Stmt, _ loc: SourceLocation) {
        let top = here
        location = loc
        emit(.stmt)
        condition(c)
        let exit = emit(.jumpIfZero)
        loopBody(body)
        finishContinues(to: top)
        location = loc
        emit(.jump, a: Int32(top))
        patch(exit, to: here)
        finishBreaks()
    }

    private func doWhile(_ body: Stmt, _ c: Expr) {
        let top = here
        loopBody(body)
        finishContinues(to: here)
        location = c.location
        emit(.stmt)
        condition(c)
        emit(.jumpIfNotZero, a: Int32(top))
        finishBreaks()
    }

    private func forLoop(_ initial: Stmt?, _ c: Expr?, _ step: Expr?, _ body: Stmt, _ loc: SourceLocation) {
        function.scopes.append([:])
        if let initial { statement(initial) }
        let top = here
        location = c?.location ?? loc
        emit(.stmt)
        var exit: Int?
        if let c {
            condition(c)
            exit = emit(.jumpIfZero)
        }
        loopBody(body)
        finishContinues(to: here)
        if let step {
            location = step.location
            discard(step)
        }
        emit(.jump, a: Int32(top))
        if let exit { patch(exit, to: here) }
        finishBreaks()
        function.scopes.removeLast()
    }

    /// The value goes to a register; the cases are compared after the body,
    /// where the dispatch jump lands.
    private func switchStatement(_ c: Expr, _ body: Stmt, _ loc: SourceLocation) {
        location = loc
        emit(.stmt)
        let t = rvalue(c)
        let promoted = TypeRules.promote(t)
        convert(from: t, to: promoted)
        let temp = function.allocateRegister()
        emit(.storeReg, a: temp)
        let dispatch = emit(.jump)
        function.switches.append(FunctionCompilation.SwitchContext())
        function.breakJumps.append([])
        statement(body)
        let end = emit(.jump)
        patch(dispatch, to: here)
        let context = function.switches.removeLast()
        for (value, target) in context.cases {
            emit(.loadReg, a: temp)
            emitConst(UInt64(bitPattern: ConstantEvaluator.normalize(UInt64(bitPattern: value), promoted)))
            emit(.eq)
            emit(.jumpIfNotZero, a: Int32(target))
        }
        if let d = context.defaultTarget { emit(.jump, a: Int32(d)) }
        patch(end, to: here)
        finishBreaks()
    }

    /// `break`, `continue`, `goto`: a jump whose target `record` keeps for
    /// patching later.
    private func jump(at loc: SourceLocation, record: (inout FunctionCompilation, Int) -> Void) {
        location = loc
        emit(.stmt)
        let at = emit(.jump)
        record(&function, at)
    }

    private func returnStatement(_ e: Expr?, _ loc: SourceLocation) {
        location = loc
        emit(.stmt)
        guard let e else { emit(.retVoid); return }
        if function.returnType.isVoid {
            rvalue(e)
            emit(.pop)
            emit(.retVoid)
        } else if let hidden = function.hiddenResult {
            // A struct result is copied to the caller's temporary.
            emit(.loadReg, a: hidden)
            assignConvert(from: rvalue(e), to: function.returnType)
            location = loc
            emit(.copyBlock, b: UInt64(function.returnType.size))
            emit(.ret)
        } else {
            assignConvert(from: rvalue(e), to: function.returnType)
            location = loc
            emit(.ret)
        }
    }

    private func loopBody(_ body: Stmt) {
        function.breakJumps.append([])
        function.continueJumps.append([])
        statement(body)
    }

    private func finishContinues(to target: Int) {
        for j in function.continueJumps.removeLast() { patch(j, to: target) }
    }

    private func finishBreaks() {
        for j in function.breakJumps.removeLast() { patch(j, to: here) }
    }

    /// Evaluates an expression for its side effects only.
    func discard(_ e: Expr) {
        // `i++` as a statement needs no copy of the old value.
        if case .postfix(let op, let x) = e.kind {
            _ = incDec(x, increment: op == .increment, prefix: true, at: e.location)
        } else {
            _ = rvalue(e)
        }
        // `x = v;` ends in teeReg + pop: store instead, unless a jump lands on the pop.
        if let last = code.last, last.op == .teeReg, lastJumpTarget < here {
            code[code.count - 1].op = .storeReg
            return
        }
        emit(.pop)
    }

    /// Pushes a value that is zero exactly when `e` is false.
    func condition(_ e: Expr) {
        if rvalue(e).isDouble {
            emitConst(0)
            emit(.fne)
        }
    }

    // MARK: Declarations in blocks

    func localDeclaration(_ original: VarDecl) {
        var d = original
        location = d.location
        if d.storage == .externStorage {
            if case .variable(let a, let t) = globals[d.name] {
                function.declare(d.name, .global(a, t))
            } else if case .function = d.type {
                // A block-scope prototype: calls resolve through the globals.
            } else {
                let a = allocateGlobal(d.type, name: d.name)
                globals[d.name] = .variable(a, d.type)
                function.declare(d.name, .global(a, d.type))
            }
            return
        }
        d.type = completeArrayType(d.type, d.initializer)
        if d.storage == .staticStorage {
            let a = allocateGlobal(d.type, name: "\(function.name).\(d.name)", alignment: d.alignment)
            function.declare(d.name, .global(a, d.type))
            if let initializer = d.initializer {
                // Runs once, at program start, like C's static initialization.
                staticInitializers.append((a, d.type, initializer))
            }
            return
        }
        let symbol: LocalSymbol
        if d.type.isScalar && !function.addressTaken.contains(d.name) {
            symbol = .register(function.allocateRegister(), d.type)
        } else {
            symbol = .frame(function.allocateFrame(d.type, alignment: d.alignment), d.type)
        }
        // The initializer sees the new name (C scope starts at the declarator).
        function.declare(d.name, symbol)
        guard let initializer = d.initializer else { return }
        emit(.stmt)
        initializeObject(symbol, type: d.type, initializer: initializer, zeroFirst: true)
    }
}
