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
            if !t.isInteger && !t.isError { error("switch quantity is not an integer", c.location) }
            let promoted = CodeGenerator.promote(t)
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
            for (value, target, _) in context.cases {
                emit(.loadReg, a: temp)
                emitConst(UInt64(bitPattern: ConstantEvaluator.normalize(UInt64(bitPattern: value), t)))
                emit(.eq)
                emit(.jumpIfNotZero, a: Int32(target))
            }
            if let d = context.defaultTarget { emit(.jump, a: Int32(d)) }
            patch(end, to: here)
            finishBreaks()
        case .caseLabel(let e, let body, let loc):
            if switches.isEmpty {
                error("'case' label not within a switch statement", loc)
            } else if let v = ConstantEvaluator.evaluate(e, depth: 0) {
                if switches[switches.count - 1].cases.contains(where: { $0.0 == v }) {
                    error("duplicate case value '\(v)'", e.location)
                }
                switches[switches.count - 1].cases.append((v, here, loc))
            } else {
                error("case label is not an integer constant", e.location)
            }
            statement(body)
        case .defaultLabel(let body, let loc):
            if switches.isEmpty { error("'default' label not within a switch statement", loc) }
            else if switches[switches.count - 1].defaultTarget != nil { error("multiple default labels in one switch", loc) }
            else { switches[switches.count - 1].defaultTarget = here }
            statement(body)
        case .breakStmt(let loc):
            location = loc
            guard !breakJumps.isEmpty else { error("'break' statement not in loop or switch statement", loc); return }
            emit(.stmt)
            breakJumps[breakJumps.count - 1].append(emit(.jump))
        case .continueStmt(let loc):
            location = loc
            guard !continueJumps.isEmpty else { error("'continue' statement not in loop statement", loc); return }
            emit(.stmt)
            continueJumps[continueJumps.count - 1].append(emit(.jump))
        case .returnStmt(let e, let loc):
            location = loc
            emit(.stmt)
            if let e {
                if returnType.isVoid {
                    let t = rvalue(e)
                    if !t.isVoid && !t.isError { error("void function '\(functionName)' should not return a value", e.location) }
                    emit(.pop)
                    emit(.retVoid)
                    return
                }
                if let hidden = hiddenResult {
                    emit(.loadReg, a: hidden)
                    let t = rvalue(e)
                    assignConvert(from: t, to: returnType, at: e.location, what: "returning")
                    location = loc
                    emit(.copyBlock, b: UInt64(returnType.size))
                    emit(.ret)
                    return
                }
                let t = rvalue(e)
                assignConvert(from: t, to: returnType, at: e.location, what: "returning")
                location = loc
                emit(.ret)
            } else {
                emit(.retVoid)
            }
        case .gotoStmt(let name, let loc):
            location = loc
            emit(.stmt)
            gotos.append((name, emit(.jump), loc))
        case .label(let name, let body, let loc):
            if labels[name] != nil { error("redefinition of label '\(name)'", loc) }
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
            let t = incDec(x, increment: op == .increment, prefix: true, at: e.location)
            _ = t
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
        let t = rvalue(e)
        if t.isDouble {
            emitConst(0)
            emit(.fne)
        } else if t.isRecord || t.isVoid {
            error("used type '\(t.description)' where a scalar is required", e.location)
        }
    }

    // MARK: Declarations in blocks

    func localDeclaration(_ original: VarDecl) {
        var d = original
        location = d.location
        if d.storage == .externStorage {
            if case .variable(let a, let t) = globals[d.name] {
                declareLocal(d.name, .global(a, t), at: d.location)
            } else if case .function = d.type {
                // A block-scope prototype: calls resolve through the globals.
            } else {
                let a = allocateGlobal(d.type, name: d.name)
                globals[d.name] = .variable(a, d.type)
                declareLocal(d.name, .global(a, d.type), at: d.location)
            }
            return
        }
        d.type = completeArrayType(d.type, d.initializer)
        if !d.type.isComplete && !d.type.isError {
            error("variable '\(d.name)' has incomplete type '\(d.type.description)'", d.location)
            declareLocal(d.name, .frame(0, .error), at: d.location)
            return
        }
        if d.type.isError {
            declareLocal(d.name, .register(allocateRegister(), .error), at: d.location)
            return
        }
        if d.storage == .staticStorage {
            let a = allocateGlobal(d.type, name: "\(functionName).\(d.name)", alignment: d.alignment)
            declareLocal(d.name, .global(a, d.type), at: d.location)
            if let initializer = d.initializer {
                // Runs once, at program start, like C's static initialization.
                staticInitializers.append((a, d.type, initializer))
            }
            return
        }
        if d.type.size > (1 << 20) {
            error("local variable '\(d.name)' is too large for the stack (\(d.type.size) bytes)", d.location)
            return
        }
        if d.alignment > 16 {
            error("__declspec(align(\(d.alignment))) on a local variable is not supported (the stack is 16-byte aligned); make it static or global", d.location)
        }
        let symbol: LocalSymbol
        if d.type.isScalar && !addressTaken.contains(d.name) {
            symbol = .register(allocateRegister(), d.type)
        } else {
            symbol = .frame(allocateFrame(d.type, alignment: d.alignment), d.type)
        }
        // The initializer sees the new name (C scope starts at the declarator).
        declareLocal(d.name, symbol, at: d.location)
        guard let initializer = d.initializer else { return }
        emit(.stmt)
        initializeObject(symbol, type: d.type, initializer: initializer, zeroFirst: true)
    }

    // MARK: Initializers

    private func pushAddress(_ place: LocalSymbol, offset: Int) {
        switch place {
        case .frame(let base, _): emit(.frameAddr, b: UInt64(base + offset))
        case .global(let a, _): emitConst(a + UInt64(offset))
        case .register: break
        }
    }

    func initializeObject(_ place: LocalSymbol, type: CType, initializer: Initializer, zeroFirst: Bool) {
        if case .register(let r, let t) = place {
            var item = initializer
            if case .list(let items, let loc) = initializer {
                if items.count > 1 { error("excess elements in scalar initializer", items[1].location) }
                guard let first = items.first else {
                    location = loc
                    emitConst(0)
                    emit(.storeReg, a: r)
                    return
                }
                item = first
            }
            guard case .expression(let e) = item else { error("braces around scalar initializer", item.location); return }
            let vt = rvalue(e)
            assignConvert(from: vt, to: t, at: e.location, what: "initializing")
            emit(.storeReg, a: r)
            return
        }
        if zeroFirst, type.isArray || type.isRecord {
            if case .list = initializer {
                pushAddress(place, offset: 0)
                emit(.zeroBlock, b: UInt64(type.size))
            } else if case .expression(let e) = initializer, case .string = e.kind, type.isArray {
                pushAddress(place, offset: 0)
                emit(.zeroBlock, b: UInt64(type.size))
            }
        }
        initializeMember(place, offset: 0, type: type, initializer: initializer, depth: 0)
    }

    private func initializeMember(_ place: LocalSymbol, offset: Int, type: CType, initializer: Initializer, depth: Int) {
        guard depth < 64 else { error("initializer nested too deeply", initializer.location); return }
        switch (type, initializer) {
        case (_, .designated(_, _, let loc)):
            error("designator outside a braced initializer list", loc)
        case (.array(let element, let count), .expression(let e)):
            guard case .string(let units, let wide) = e.kind, element.isInteger else {
                error("array initializer must be an initializer list or string literal", e.location)
                return
            }
            location = e.location
            let unit = wide ? 2 : 1
            if element.size != unit { error("initializing an array of \(element.description) from a string literal of another width", e.location) }
            let n = min((count ?? 0) * element.size, (units.count + 1) * unit)
            if units.count * unit > (count ?? 0) * element.size { error("initializer string is too long for the array", e.location) }
            pushAddress(place, offset: offset)
            emitConst(stringAddress(units, wide: wide))
            emit(.copyBlock, b: UInt64(n))
            emit(.pop)
        case (.array(let element, _), .list(let items, _)):
            if items.count == 1, case .expression(let e) = items[0], case .string = e.kind, element.isInteger {
                initializeMember(place, offset: offset, type: type, initializer: items[0], depth: depth + 1)
                return
            }
            var index = 0
            initializeAggregate(place, offset: offset, type: type, items: items, index: &index, depth: depth + 1, braced: true)
            if index < items.count { error("excess elements in array initializer", items[index].location) }
        case (.record(let r), .list(let items, _)):
            var index = 0
            initializeAggregate(place, offset: offset, type: type, items: items, index: &index, depth: depth + 1, braced: true)
            if index < items.count {
                error("excess elements in \(r.isUnion ? "union" : "struct") initializer", items[index].location)
            }
        case (.record, .expression(let e)):
            location = e.location
            pushAddress(place, offset: offset)
            let t = rvalue(e)
            if case .record(let a) = t, case .record(let b) = type, a === b {
                emit(.copyBlock, b: UInt64(type.size))
                emit(.pop)
            } else {
                if !t.isError { error("initializing '\(type.description)' with an expression of incompatible type '\(t.description)'", e.location) }
                emit(.pop); emit(.pop)
            }
        case (_, .list(let items, let loc)):
            if items.count > 1 { error("excess elements in scalar initializer", items[1].location) }
            if let first = items.first {
                initializeMember(place, offset: offset, type: type, initializer: first, depth: depth + 1)
            } else {
                location = loc
                pushAddress(place, offset: offset)
                emitConst(0)
                emit(.storePop, a: Int32(type.size))
            }
        case (_, .expression(let e)):
            location = e.location
            pushAddress(place, offset: offset)
            let t = rvalue(e)
            assignConvert(from: t, to: type, at: e.location, what: "initializing")
            emit(.storePop, a: Int32(type.size))
        }
    }

    /// Fills an array or struct from `items[index...]`, letting nested
    /// aggregates take their elements without braces (C's brace elision).
    /// Designators (`.name =`, `[i] =`) move the position; in an elided
    /// aggregate they end it and go back to the enclosing braces.
    private func initializeAggregate(_ place: LocalSymbol, offset: Int, type: CType, items: [Initializer], index: inout Int,
                                     depth: Int, braced: Bool = false) {
        guard depth < 64 else { error("initializer nested too deeply", items.first?.location ?? location); return }
        switch type {
        case .array(let element, let count):
            var i = 0
            while index < items.count {
                if case .designated(let designators, let value, let loc) = items[index] {
                    guard braced else { return }
                    guard case .index(let e) = designators[0] else {
                        error("member designator used to initialize an array", loc)
                        index += 1
                        continue
                    }
                    guard let v = ConstantEvaluator.evaluate(e, depth: 0), v >= 0, v < (count ?? 0) else {
                        error("array designator index is not a constant within the array bounds", e.location)
                        index += 1
                        continue
                    }
                    i = Int(v)
                    initializeDesignated(place, offset: offset + i * element.size, type: element,
                                         rest: Array(designators.dropFirst()), value: value, loc: loc, depth: depth + 1)
                    index += 1
                    i += 1
                    continue
                }
                guard i < (count ?? 0) else { return }
                initializeElement(place, offset: offset + i * element.size, type: element, items: items, index: &index, depth: depth + 1)
                i += 1
            }
        case .record(let r):
            var f = 0
            let limit = r.isUnion ? min(1, r.members.count) : r.members.count
            while index < items.count {
                if case .designated(let designators, let value, let loc) = items[index] {
                    guard braced else { return }
                    guard case .member(let name, let nameLoc) = designators[0] else {
                        error("array designator used to initialize a struct", loc)
                        index += 1
                        continue
                    }
                    guard let found = r.member(named: name),
                          let top = r.members.firstIndex(where: { $0.name == name || ($0.name == nil && CodeGenerator.contains($0.type, name)) })
                    else {
                        error("no member named '\(name)' in '\(type.description)'", nameLoc)
                        index += 1
                        continue
                    }
                    initializeDesignated(place, offset: offset + found.offset, type: found.type,
                                         rest: Array(designators.dropFirst()), value: value, loc: loc, depth: depth + 1)
                    index += 1
                    f = top + 1
                    continue
                }
                guard f < limit else { return }
                let m = r.members[f]
                initializeElement(place, offset: offset + m.offset, type: m.type, items: items, index: &index, depth: depth + 1)
                f += 1
            }
        default:
            if index < items.count {
                if case .designated(_, _, let loc) = items[index] {
                    error("designator in a scalar initializer", loc)
                    index += 1
                    return
                }
                initializeMember(place, offset: offset, type: type, initializer: items[index], depth: depth + 1)
                index += 1
            }
        }
    }

    /// Whether an anonymous struct/union member (transitively) has a member `name`.
    static func contains(_ type: CType, _ name: String) -> Bool {
        if case .record(let r) = type { return r.member(named: name) != nil }
        return false
    }

    private func initializeDesignated(_ place: LocalSymbol, offset: Int, type: CType, rest: [Designator], value: Initializer,
                                      loc: SourceLocation, depth: Int) {
        if rest.isEmpty {
            initializeMember(place, offset: offset, type: type, initializer: value, depth: depth + 1)
        } else {
            var index = 0
            initializeAggregate(place, offset: offset, type: type, items: [.designated(rest, value, loc)], index: &index,
                                depth: depth + 1, braced: true)
        }
    }

    private func initializeElement(_ place: LocalSymbol, offset: Int, type: CType, items: [Initializer], index: inout Int, depth: Int) {
        let item = items[index]
        if case .designated = item {
            // Only reached at a braced level's start; handled by the caller.
            index += 1
            return
        }
        if type.isArray || type.isRecord, case .expression(let e) = item {
            var direct = false
            if case .array(let element, _) = type, element.isInteger, case .string = e.kind { direct = true }
            if case .record(let a) = type, case .record(let b) = typeOf(e), a === b { direct = true }
            if !direct {
                initializeAggregate(place, offset: offset, type: type, items: items, index: &index, depth: depth + 1)
                return
            }
        }
        initializeMember(place, offset: offset, type: type, initializer: item, depth: depth + 1)
        index += 1
    }
}
