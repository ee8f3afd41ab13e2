/// Expressions, by precedence climbing, and constant expressions.
extension Parser {
    // MARK: Expressions

    mutating func parseExpression() -> Expr {
        var e = parseAssignment()
        while current.isPunct(.comma) {
            let op = advance()
            e = limited(node(.comma(e, parseAssignment()), op.location))
        }
        return e
    }

    /// Replaces an expression tree that is too tall with an error.
    mutating func limited(_ e: Expr) -> Expr {
        guard e.depth > Parser.maxExpressionDepth else { return e }
        panicking = false
        error("expression too complex (nested more than \(Parser.maxExpressionDepth) levels)", e.location)
        pos = tokens.count - 1
        return node(.invalid, e.location)
    }

    mutating func parseAssignment() -> Expr {
        guard enter(current.location) else { return node(.invalid, current.location) }
        defer { leave() }
        let lhs = parseConditional()
        if current.kind == .punct, let op = AssignmentOperator(spelling: current.text) {
            let at = advance().location
            let rhs = parseAssignment()
            return node(.assign(op, lhs, rhs), at)
        }
        return lhs
    }

    mutating func parseConditional() -> Expr {
        let c = parseBinary(0)
        if current.isPunct(.question) {
            let q = advance()
            guard enter(q.location) else { return c }
            defer { leave() }
            let a = parseExpression()
            expect(.colon, "in conditional expression")
            let b = parseConditional()
            return node(.conditional(c, a, b), q.location)
        }
        return c
    }

    /// Precedence climbing: one host frame per level actually used.
    mutating func parseBinary(_ minLevel: Int) -> Expr {
        var lhs = parseUnary()
        while current.kind == .punct, let op = BinaryOperator(rawValue: current.text), op.precedence >= minLevel {
            let at = advance().location
            guard enter(at) else { return lhs }
            let rhs = parseBinary(op.precedence + 1)
            leave()
            lhs = limited(node(.binary(op, lhs, rhs), at))
        }
        return lhs
    }

    mutating func parseUnary() -> Expr {
        let t = current
        guard enter(t.location) else { return node(.invalid, t.location) }
        defer { leave() }
        if t.kind == .punct, let op = UnaryOperator(rawValue: t.text) {
            _ = advance()
            // `++`/`--` take a unary expression; the others a cast expression.
            let operand = op == .increment || op == .decrement ? parseUnary() : parseCast()
            return node(.unary(op, operand), t.location)
        }
        if t.isPunct(.logicalAnd) {
            _ = advance()
            error("taking the address of a label is not supported", t.location)
            return node(.invalid, t.location)
        }
        if t.isIdent("sizeof") {
            _ = advance()
            if current.isPunct(.leftParen) && startsDeclaration(peek()) {
                _ = advance()
                let type = parseTypeName()
                expect(.rightParen)
                return node(.sizeofType(type), t.location)
            }
            return node(.sizeofExpr(parseUnary()), t.location)
        }
        if t.isIdent("new") || t.isIdent("delete"), peek().kind == .identifier || peek().isPunct(.leftBracket) {
            reportCpp(t)
            _ = advance()
            return node(.invalid, t.location)
        }
        return parsePostfix(parseCast())
    }

    /// A cast, or a primary expression.
    mutating func parseCast() -> Expr {
        let t = current
        if t.isPunct(.leftParen) && startsDeclaration(peek()) {
            _ = advance()
            let type = parseTypeName()
            expect(.rightParen)
            if current.isPunct(.leftBrace) {
                return node(.compoundLiteral(type, parseInitializer()), t.location)
            }
            guard enter(t.location) else { return node(.invalid, t.location) }
            defer { leave() }
            return node(.cast(type, parseCast()), t.location)
        }
        if t.kind == .punct && ["-", "+", "!", "~", "*", "&", "++", "--"].contains(t.text) || t.isIdent("sizeof") {
            return parseUnary()
        }
        return parsePostfix(parsePrimary())
    }

    mutating func parsePostfix(_ base: Expr) -> Expr {
        var e = base
        while true {
            e = limited(e)
            if atEnd { return e }
            let t = current
            if t.isPunct(.leftBracket) {
                _ = advance()
                let i = parseExpression()
                expect(.rightBracket)
                e = node(.index(e, i), t.location)
            } else if t.isPunct(.leftParen) {
                _ = advance()
                var args: [Expr] = []
                if !accept(.rightParen) {
                    repeat { args.append(parseAssignment()) } while accept(.comma) && !atEnd
                    expect(.rightParen, "to close the argument list")
                }
                e = node(.call(e, args), e.location)
            } else if t.isPunct(.dot) || t.isPunct(.arrow) {
                _ = advance()
                guard current.kind == .identifier else {
                    error("expected a member name after '\(t.text)'", current.location)
                    return node(.invalid, t.location)
                }
                let name = advance()
                e = node(.member(e, name.text, arrow: t.text == "->"), name.location)
            } else if t.kind == .punct, let op = PostfixOperator(rawValue: t.text) {
                _ = advance()
                e = node(.postfix(op, e), t.location)
            } else if t.isPunct(.scope) {
                error("C++ scope operator '::' not supported; this dialect is C", t.location)
                _ = advance()
            } else {
                return e
            }
        }
    }

    mutating func parsePrimary() -> Expr {
        let t = current
        switch t.kind {
        case .number:
            _ = advance()
            if t.isFloat { return node(.floating(t.floatValue), t.location) }
            return node(.integer(t.intValue, Parser.literalType(t)), t.location)
        case .character:
            _ = advance()
            return node(.integer(t.intValue, t.isWide ? .integer(.wchar) : .int), t.location)
        case .string:
            var units: [UInt32] = []
            var wide = false
            while current.kind == .string {
                let s = advance()
                units += s.units
                wide = wide || s.isWide
            }
            return node(.string(units, wide: wide), t.location)
        case .identifier:
            if t.text == "__builtin_offsetof" {
                _ = advance()
                expect(.leftParen)
                let type = parseTypeName()
                expect(.comma)
                var path: [String] = []
                repeat {
                    guard current.kind == .identifier else { error("expected a member name", current.location); break }
                    path.append(advance().text)
                } while accept(.dot)
                expect(.rightParen)
                return node(.offsetof(type, path), t.location)
            }
            if Parser.cppKeywords.contains(t.text) {
                reportCpp(t)
                _ = advance()
                return node(.invalid, t.location)
            }
            if t.text == "__FUNCTION__" || t.text == "__func__" {
                _ = advance()
                return node(.string(currentFunction.utf8.map { UInt32($0) }, wide: false), t.location)
            }
            if Parser.typeKeywords.contains(t.text) || typedef(t.text) != nil {
                error("unexpected type name '\(t.text)' in expression", t.location)
                _ = advance()
                return node(.invalid, t.location)
            }
            _ = advance()
            if let v = enumConstant(t.text) {
                return node(.integer(UInt64(bitPattern: v), .int), t.location)
            }
            return node(.identifier(t.text), t.location)
        case .punct:
            if t.text == "(" {
                _ = advance()
                guard enter(t.location) else { return node(.invalid, t.location) }
                defer { leave() }
                if current.isPunct(.leftBrace) {
                    error("statement expressions are not supported", current.location)
                    return node(.invalid, t.location)
                }
                let e = parseExpression()
                expect(.rightParen)
                return e
            }
            if t.text == "<invalid>" {
                // Already reported by the lexer.
                _ = advance()
                panicking = true
                return node(.invalid, t.location)
            }
            error("expected an expression before '\(describe(t))'", t.location)
            return node(.invalid, t.location)
        case .eof:
            error("expected an expression before end of file", t.location)
            return node(.invalid, t.location)
        }
    }

    /// Types an integer literal as C does (LLP64: `long` is 32 bits).
    static func literalType(_ t: Token) -> CType {
        let v = t.intValue
        let fitsInt = v <= UInt64(Int32.max), fitsUInt = v <= UInt64(UInt32.max), fitsLL = v <= UInt64(Int64.max)
        if t.isUnsigned {
            if t.longCount < 2 && fitsUInt { return .integer(t.longCount == 1 ? .ulong : .uint) }
            return .ulonglong
        }
        switch t.longCount {
        case 0:
            if fitsInt { return .int }
            if !t.isDecimal && fitsUInt { return .uint }
        case 1:
            if fitsInt { return .integer(.long) }
            if !t.isDecimal && fitsUInt { return .integer(.ulong) }
        default: break
        }
        return fitsLL ? .longlong : .ulonglong
    }

    // MARK: Constant expressions

    /// Evaluates an integer constant expression, or nil when it is not one.
    func constantValue(_ e: Expr) -> Int64? {
        ConstantEvaluator.evaluate(e, depth: 0)
    }
}
