/// Statements and block-scope declarations: one small function per kind
/// of statement.
extension TypeChecker {
    func statement(_ s: Stmt) {
        switch s {
        case .empty: return
        case .expression(let e): check(e)
        case .declaration(let decls): for d in decls { localDeclaration(d) }
        case .block(let items): block(items)
        case .ifElse(let c, let then, let otherwise, _): ifElse(c, then, otherwise)
        case .whileLoop(let c, let body, _): whileLoop(c, body)
        case .doWhile(let body, let c, _): doWhile(body, c)
        case .forLoop(let initial, let c, let step, let body, _): forLoop(initial, c, step, body)
        case .switchStmt(let c, let body, _): switchStatement(c, body)
        case .caseLabel(let e, let body, let loc): caseLabel(e, body, loc)
        case .defaultLabel(let body, let loc): defaultLabel(body, loc)
        case .breakStmt(let loc):
            if function.breakable == 0 { error("'break' statement not in loop or switch statement", loc) }
        case .continueStmt(let loc):
            if function.loops == 0 { error("'continue' statement not in loop statement", loc) }
        case .returnStmt(let e, _): if let e { returnValue(e) }
        case .gotoStmt(let name, let loc): function.gotos.append((name, loc))
        case .label(let name, let body, let loc):
            if !function.labels.insert(name).inserted { error("redefinition of label '\(name)'", loc) }
            statement(body)
        }
    }

    private func block(_ items: [Stmt]) {
        function.scopes.append([:])
        for i in items { statement(i) }
        function.scopes.removeLast()
    }

    private func ifElse(_ c: Expr, _ then: Stmt, _ otherwise: Stmt?) {
        condition(c)
        statement(then)
        if let otherwise { statement(otherwise) }
    }

    private func whileLoop(_ c: Expr, _ body: Stmt) {
        condition(c)
        loopBody(body)
    }

    private func doWhile(_ body: Stmt, _ c: Expr) {
        loopBody(body)
        condition(c)
    }

    private func forLoop(_ initial: Stmt?, _ c: Expr?, _ step: Expr?, _ body: Stmt) {
        function.scopes.append([:])
        if let initial { statement(initial) }
        if let c { condition(c) }
        loopBody(body)
        if let step { check(step) }
        function.scopes.removeLast()
    }

    private func loopBody(_ body: Stmt) {
        function.breakable += 1
        function.loops += 1
        statement(body)
        function.loops -= 1
        function.breakable -= 1
    }

    private func switchStatement(_ c: Expr, _ body: Stmt) {
        let t = check(c)
        if !t.isInteger && !t.isError { error("switch quantity is not an integer", c.location) }
        function.switches.append(([], false))
        function.breakable += 1
        statement(body)
        function.breakable -= 1
        function.switches.removeLast()
    }

    private func caseLabel(_ e: Expr, _ body: Stmt, _ loc: SourceLocation) {
        if function.switches.isEmpty {
            error("'case' label not within a switch statement", loc)
        } else if let v = ConstantEvaluator.evaluate(e, depth: 0) {
            if function.switches[function.switches.count - 1].cases.contains(v) {
                error("duplicate case value '\(v)'", e.location)
            }
            function.switches[function.switches.count - 1].cases.append(v)
        } else {
            error("case label is not an integer constant", e.location)
        }
        statement(body)
    }

    private func defaultLabel(_ body: Stmt, _ loc: SourceLocation) {
        if function.switches.isEmpty { error("'default' label not within a switch statement", loc) }
        else if function.switches[function.switches.count - 1].hasDefault { error("multiple default labels in one switch", loc) }
        else { function.switches[function.switches.count - 1].hasDefault = true }
        statement(body)
    }

    private func returnValue(_ e: Expr) {
        let t = check(e)
        if function.returnType.isVoid {
            if !t.isVoid && !t.isError { error("void function '\(function.name)' should not return a value", e.location) }
        } else {
            assignConvert(from: t, to: function.returnType, at: e.location, what: "returning")
        }
    }

    /// Checks a controlling expression: it must be a scalar.
    func condition(_ e: Expr) {
        let t = check(e)
        if !t.isDouble && (t.isRecord || t.isVoid) {
            error("used type '\(t.description)' where a scalar is required", e.location)
        }
    }

    // MARK: Declarations in blocks

    func localDeclaration(_ original: VarDecl) {
        var d = original
        if d.storage == .externStorage {
            if case .variable(let t) = globals[d.name] {
                declareLocal(d.name, .memory(t), at: d.location)
            } else if case .function = d.type {
                // A block-scope prototype: calls resolve through the globals.
            } else {
                globals[d.name] = .variable(d.type)
                declareLocal(d.name, .memory(d.type), at: d.location)
            }
            return
        }
        d.type = completeArrayType(d.type, d.initializer)
        if !d.type.isComplete && !d.type.isError {
            error("variable '\(d.name)' has incomplete type '\(d.type.description)'", d.location)
            declareLocal(d.name, .memory(.error), at: d.location)
            return
        }
        if d.type.isError {
            declareLocal(d.name, .register(.error), at: d.location)
            return
        }
        if d.storage == .staticStorage {
            declareLocal(d.name, .memory(d.type), at: d.location)
            if let initializer = d.initializer { addStaticInitializer(d.type, initializer) }
            return
        }
        if d.type.size > (1 << 20) {
            error("local variable '\(d.name)' is too large for the stack (\(d.type.size) bytes)", d.location)
            return
        }
        if d.alignment > 16 {
            error("__declspec(align(\(d.alignment))) on a local variable is not supported (the stack is 16-byte aligned); make it static or global", d.location)
        }
        let binding: Binding = d.type.isScalar && !function.addressTaken.contains(d.name) ? .register(d.type) : .memory(d.type)
        // The initializer sees the new name (C scope starts at the declarator).
        declareLocal(d.name, binding, at: d.location)
        if let initializer = d.initializer { initializeObject(binding, type: d.type, initializer: initializer) }
    }
}
