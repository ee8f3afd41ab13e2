extension CodeGenerator {
    func statement(_ s: Stmt) {
        switch s {
        case .empty: return
        case .expression(let e):
            location = e.location
            emit(.stmt)
            discard(e)
        case .declaration(let decls):
            for d in decls { localDeclaration(d) }
        case .block(let items):
            scopes.append([:])
            for i in items { statement(i) }
            scopes.removeLast()
        case .ifElse(let c, let then, let otherwise, let loc):
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
        case .whileLoop(let c, let body, let loc):
            let top = here
            location = loc
            emit(.stmt)
            condition(c)
            let exit = emit(.jumpIfZero)
            loopBody(body, continueTarget: top)
            location = loc
            emit(.jump, a: Int32(top))
            patch(exit, to: here)
            finishBreaks()
        case .doWhile(let body, let c, let loc):
            let top = here
            breakJumps.append([])
            continueJumps.append([])
            statement(body)
            for j in continueJumps.removeLast() { patch(j, to: here) }
            location = c.location
            emit(.stmt)
            condition(c)
            emit(.jumpIfNotZero, a: Int32(top))
            _ = loc
            finishBreaks()
        case .forLoop(let initial, let c, let step, let body, let loc):
            scopes.append([:])
            if let initial { statement(initial) }
            let top = here
            location = c?.location ?? loc
            emit(.stmt)
            var exit: Int?
            if let c {
                condition(c)
                exit = emit(.jumpIfZero)
            }
            breakJumps.append([])
            continueJumps.append([])
            statement(body)
            for j in continueJumps.removeLast() { patch(j, to: here) }
            if let step {
                location = step.location
                discard(step)
            }
            emit(.jump, a: Int32(top))
            if let exit { patch(exit, to: here) }
            finishBreaks()
            scopes.removeLast()
        case .switchStmt(let c, let body, let loc):
            location = loc
            emit(.stmt)
            var t = rvalue(c)
            let promoted = TypeRules.promote(t)
            convert(from: t, to: promoted)
            t = promoted
            let temp = allocateRegister()
            emit(.storeReg, a: temp)
            let dispatch = emit(.jump)
            switches.append(SwitchContext())
            breakJumps.append([])
            statement(body)
            let end = emit(.jump)
            patch(dispatch, to: here)
            let context = switches.removeLast()
            for (value, target) in context.cases {
                emit(.loadReg, a: temp)
                emitConst(UInt64(bitPattern: ConstantEvaluator.normalize(UInt64(bitPattern: value), t)))
                emit(.eq)
                emit(.jumpIfNotZero, a: Int32(target))
            }
            if let d = context.defaultTarget { emit(.jump, a: Int32(d)) }
            patch(end, to: here)
            finishBreaks()
        case .caseLabel(let e, let body, _):
            if let v = ConstantEvaluator.evaluate(e, depth: 0) {
                switches[switches.count - 1].cases.append((v, here))
            }
            statement(body)
        case .defaultLabel(let body, _):
            switches[switches.count - 1].defaultTarget = here
            statement(body)
        case .breakStmt(let loc):
            location = loc
            emit(.stmt)
            breakJumps[breakJumps.count - 1].append(emit(.jump))
        case .continueStmt(let loc):
            location = loc
            emit(.stmt)
            continueJumps[continueJumps.count - 1].append(emit(.jump))
        case .returnStmt(let e, let loc):
            location = loc
            emit(.stmt)
            if let e {
                if returnType.isVoid {
                    rvalue(e)
                    emit(.pop)
                    emit(.retVoid)
                    return
                }
                if let hidden = hiddenResult {
                    emit(.loadReg, a: hidden)
                    assignConvert(from: rvalue(e), to: returnType)
                    location = loc
                    emit(.copyBlock, b: UInt64(returnType.size))
                    emit(.ret)
                    return
                }
                assignConvert(from: rvalue(e), to: returnType)
                location = loc
                emit(.ret)
            } else {
                emit(.retVoid)
            }
        case .gotoStmt(let name, let loc):
            location = loc
            emit(.stmt)
            gotos.append((name, emit(.jump)))
        case .label(let name, let body, _):
            labels[name] = here
            statement(body)
        }
    }

    private func loopBody(_ body: Stmt, continueTarget: Int) {
        breakJumps.append([])
        continueJumps.append([])
        statement(body)
        for j in continueJumps.removeLast() { patch(j, to: continueTarget) }
    }

    private func finishBreaks() {
        for j in breakJumps.removeLast() { patch(j, to: here) }
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
                declareLocal(d.name, .global(a, t))
            } else if case .function = d.type {
                // A block-scope prototype: calls resolve through the globals.
            } else {
                let a = allocateGlobal(d.type, name: d.name)
                globals[d.name] = .variable(a, d.type)
                declareLocal(d.name, .global(a, d.type))
            }
            return
        }
        d.type = completeArrayType(d.type, d.initializer)
        if d.storage == .staticStorage {
            let a = allocateGlobal(d.type, name: "\(functionName).\(d.name)", alignment: d.alignment)
            declareLocal(d.name, .global(a, d.type))
            if let initializer = d.initializer {
                // Runs once, at program start, like C's static initialization.
                staticInitializers.append((a, d.type, initializer))
            }
            return
        }
        let symbol: LocalSymbol
        if d.type.isScalar && !addressTaken.contains(d.name) {
            symbol = .register(allocateRegister(), d.type)
        } else {
            symbol = .frame(allocateFrame(d.type, alignment: d.alignment), d.type)
        }
        // The initializer sees the new name (C scope starts at the declarator).
        declareLocal(d.name, symbol)
        guard let initializer = d.initializer else { return }
        emit(.stmt)
        initializeObject(symbol, type: d.type, initializer: initializer, zeroFirst: true)
    }
}
