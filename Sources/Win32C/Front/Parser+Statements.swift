/// Statements, by recursive descent.
extension Parser {
    // MARK: Statements

    mutating func parseBlockItem() -> Stmt {
        if let handled = parseStaticAssertOrSEH() { return handled }
        if startsDeclaration(current) && !peek().isPunct(.colon) {
            return parseLocalDeclaration()
        }
        if current.kind == .identifier && peek().kind == .identifier && !Parser.statementKeywords.contains(current.text)
            && !Parser.cppKeywords.contains(current.text) && current.text != "new" && current.text != "delete" {
            report("unknown type name '\(current.text)'", current.location)
            _ = advance()
            return parseLocalDeclaration(Specifiers(type: .error, storage: .none, isTypedef: false, sawType: true))
        }
        return parseStatement()
    }

    static let statementKeywords: Set<String> = [
        "if", "else", "while", "do", "for", "switch", "case", "default", "break", "continue", "return", "goto", "sizeof",
    ]

    mutating func parseLocalDeclaration(_ given: Specifiers? = nil) -> Stmt {
        let spec = given ?? parseSpecifiers()
        if accept(.semicolon) { return .empty }
        var decls: [VarDecl] = []
        repeat {
            let d = parseDeclarator(spec.type)
            guard let name = d.name else {
                error("expected an identifier in declaration", d.location)
                synchronize()
                return .declaration(decls)
            }
            if spec.isTypedef {
                alignTypedef(d.type, to: spec.alignment, at: d.location)
                typedefScopes[typedefScopes.count - 1][name] = d.type
                continue
            }
            var initializer: Initializer?
            if accept(.equal) { initializer = parseInitializer() }
            if d.type.isFunction {
                decls.append(VarDecl(name: name, type: d.type, storage: .externStorage, initializer: nil, location: d.location))
                continue
            }
            decls.append(VarDecl(name: name, type: d.type, storage: spec.storage, initializer: initializer, location: d.location,
                                 alignment: spec.alignment))
        } while accept(.comma)
        expect(.semicolon, "after declaration")
        if panicking { synchronize() }
        return .declaration(decls)
    }

    mutating func parseInitializer() -> Initializer {
        let loc = current.location
        guard enter(loc) else { return .list([], loc) }
        defer { leave() }
        if accept(.leftBrace) {
            var items: [Initializer] = []
            while !atEnd && !current.isPunct(.rightBrace) {
                let itemStart = current.location
                var designators: [Designator] = []
                while current.isPunct(.dot) || current.isPunct(.leftBracket) {
                    if accept(.dot) {
                        guard current.kind == .identifier else {
                            error("expected a member name after '.' in designator", current.location)
                            break
                        }
                        let name = advance()
                        designators.append(.member(name.text, name.location))
                    } else {
                        _ = advance()
                        designators.append(.index(parseConditional()))
                        expect(.rightBracket)
                    }
                }
                if designators.isEmpty {
                    items.append(parseInitializer())
                } else {
                    expect(.equal, "after designator")
                    items.append(.designated(designators, parseInitializer(), itemStart))
                }
                if !accept(.comma) { break }
            }
            expect(.rightBrace, "to close the initializer list")
            return .list(items, loc)
        }
        return .expression(parseAssignment())
    }

    mutating func parseStatement() -> Stmt {
        let t = current
        guard enter(t.location) else { return .empty }
        defer { leave() }
        let result = parseStatementInner()
        if panicking { synchronize() }
        return result
    }

    mutating func parseStatementInner() -> Stmt {
        let t = current
        if t.kind == .punct {
            if t.text == "{" {
                _ = advance()
                pushScope()
                var items: [Stmt] = []
                while !atEnd && !current.isPunct(.rightBrace) {
                    let before = pos
                    items.append(parseBlockItem())
                    if pos == before { _ = advance() }
                }
                popScope()
                expect(.rightBrace)
                return .block(items)
            }
            if t.text == ";" { _ = advance(); return .empty }
        }
        if t.kind == .identifier {
            switch t.text {
            case "if":
                _ = advance()
                expect(.leftParen, "after 'if'")
                let c = parseExpression()
                expect(.rightParen)
                let then = parseStatement()
                var otherwise: Stmt?
                if current.isIdent("else") { _ = advance(); otherwise = parseStatement() }
                return .ifElse(c, then, otherwise, t.location)
            case "while":
                _ = advance()
                expect(.leftParen, "after 'while'")
                let c = parseExpression()
                expect(.rightParen)
                return .whileLoop(c, parseStatement(), t.location)
            case "do":
                _ = advance()
                let body = parseStatement()
                if !current.isIdent("while") {
                    error("expected 'while' in do/while loop", current.location)
                    return .doWhile(body, node(.invalid, t.location), t.location)
                }
                _ = advance()
                expect(.leftParen, "after 'while'")
                let c = parseExpression()
                expect(.rightParen)
                expect(.semicolon, "after do/while statement")
                return .doWhile(body, c, t.location)
            case "for":
                _ = advance()
                expect(.leftParen, "after 'for'")
                pushScope()
                defer { popScope() }
                var initStmt: Stmt?
                if accept(.semicolon) {
                } else if startsDeclaration(current) {
                    initStmt = parseLocalDeclaration()
                } else {
                    initStmt = .expression(parseExpression())
                    expect(.semicolon, "in 'for'")
                }
                let cond = current.isPunct(.semicolon) ? nil : parseExpression()
                expect(.semicolon, "in 'for'")
                let step = current.isPunct(.rightParen) ? nil : parseExpression()
                expect(.rightParen)
                return .forLoop(initStmt, cond, step, parseStatement(), t.location)
            case "switch":
                _ = advance()
                expect(.leftParen, "after 'switch'")
                let c = parseExpression()
                expect(.rightParen)
                return .switchStmt(c, parseStatement(), t.location)
            case "case":
                _ = advance()
                let v = parseConditional()
                if accept(.ellipsis) { error("case ranges are not supported", current.location); _ = parseConditional() }
                expect(.colon, "after case value")
                return .caseLabel(v, parseCaseBody(), t.location)
            case "default":
                _ = advance()
                expect(.colon, "after 'default'")
                return .defaultLabel(parseCaseBody(), t.location)
            case "break":
                _ = advance()
                expect(.semicolon, "after 'break'")
                return .breakStmt(t.location)
            case "continue":
                _ = advance()
                expect(.semicolon, "after 'continue'")
                return .continueStmt(t.location)
            case "return":
                _ = advance()
                if accept(.semicolon) { return .returnStmt(nil, t.location) }
                let e = parseExpression()
                expect(.semicolon, "after return value")
                return .returnStmt(e, t.location)
            case "goto":
                _ = advance()
                guard current.kind == .identifier else {
                    error("expected a label name after 'goto'", current.location)
                    return .empty
                }
                let name = advance()
                expect(.semicolon, "after goto")
                return .gotoStmt(name.text, name.location)
            case "else":
                error("'else' without a matching 'if'", t.location)
                _ = advance()
                return .empty
            case "try":
                reportCpp(t)
                _ = advance()
                skipBalancedBraces()
                while current.isIdent("catch") {
                    _ = advance()
                    skipBalancedParens()
                    skipBalancedBraces()
                }
                panicking = false
                return .empty
            case "catch", "throw", "class", "namespace", "template", "using":
                reportCpp(t)
                return .empty
            case "new", "delete":
                if peek().kind == .identifier || peek().isPunct(.leftBracket) {
                    reportCpp(t)
                    return .empty
                }
            default:
                if peek().isPunct(.colon) && typedef(t.text) == nil {
                    _ = advance(); _ = advance()
                    if current.isPunct(.rightBrace) { return .label(t.text, .empty, t.location) }
                    return .label(t.text, parseBlockItemAsStatement(), t.location)
                }
            }
        }
        let e = parseExpression()
        expect(.semicolon, "after expression")
        return .expression(e)
    }

    /// A label may be followed by a declaration in C23 and by most compilers.
    mutating func parseBlockItemAsStatement() -> Stmt {
        startsDeclaration(current) ? parseLocalDeclaration() : parseStatement()
    }

    mutating func parseCaseBody() -> Stmt {
        if current.isPunct(.rightBrace) { return .empty }
        return parseBlockItemAsStatement()
    }

}
