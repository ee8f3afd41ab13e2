/// Argument substitution for function-like macros (C 6.10.3.1–6.10.3.3):
/// `__VA_ARGS__`, `#` stringizing and `##` pasting. Kept apart from the
/// expansion loop so the loop (and its work budget) stays as it was.
extension Preprocessor {
    /// The macro's body with `arguments` substituted, or nil (after a
    /// diagnostic) when the argument count does not fit. Arguments are
    /// macro-expanded only where they are used as plain operands: next to
    /// `#` or `##` they stay as written, as C requires.
    mutating func substitute(_ m: Macro, invokedBy t: Token, arguments raw: [[Token]], disabled: [String],
                             depth: Int) -> [Token]? {
        let params = m.parameters ?? []
        var args = raw
        if m.isVariadic {
            let fixed = params.count - 1
            if args.count < fixed {
                error("macro '\(t.text)' expects at least \(fixed) argument\(fixed == 1 ? "" : "s"), got \(args.count)", t.location)
                return nil
            }
            // Everything from the `...` on is one argument, commas included.
            var rest: [Token] = []
            for (n, a) in args.dropFirst(fixed).enumerated() {
                if n > 0 { rest.append(Token(.punct, ",", t.location)) }
                rest.append(contentsOf: a)
            }
            args = Array(args.prefix(fixed)) + [rest]
        }
        guard args.count == params.count else {
            error("macro '\(t.text)' expects \(params.count) argument\(params.count == 1 ? "" : "s"), got \(args.count)", t.location)
            return nil
        }
        var expanded: [[Token]?] = Array(repeating: nil, count: args.count)
        func parameter(_ token: Token) -> Int? {
            token.kind == .identifier ? params.firstIndex(of: token.text) : nil
        }
        let body = m.body
        var out: [Token] = []
        // The left operand of a pending `##` was an empty argument (a "placemarker").
        var placemarker = false
        var i = 0
        while i < body.count {
            // The expansion budget is checked before the body grows past it,
            // so a hostile macro cannot allocate without bound.
            if out.count >= expansionBudget {
                tooLarge(at: t.location)
                return nil
            }
            let b = body[i]
            if b.isPunct(.hash), i + 1 < body.count, let p = parameter(body[i + 1]) {
                var literal = stringize(args[p], at: t.location)
                literal.spaceBefore = b.spaceBefore
                out.append(literal)
                i += 2
                continue
            }
            if b.isPunct(.hashHash), i + 1 < body.count {
                let r = body[i + 1]
                var right: [Token]
                if let p = parameter(r) { right = args[p] } else { var c = r; c.location = t.location; right = [c] }
                i += 2
                if placemarker || out.isEmpty {
                    placemarker = right.isEmpty
                    out.append(contentsOf: right)
                    continue
                }
                guard let first = right.first else {
                    // GNU and MSVC: `, ## __VA_ARGS__` drops the comma when nothing was passed.
                    if m.isVariadic && r.text == "__VA_ARGS__" && out.last?.isPunct(.comma) == true { out.removeLast() }
                    continue
                }
                if m.isVariadic && r.text == "__VA_ARGS__" && out.last?.isPunct(.comma) == true {
                    out.append(contentsOf: right)   // the comma stays; nothing is pasted
                    continue
                }
                let left = out.removeLast()
                out.append(contentsOf: paste(left, first))
                out.append(contentsOf: right.dropFirst())
                continue
            }
            if let p = parameter(b) {
                if i + 1 < body.count, body[i + 1].isPunct(.hashHash) {
                    placemarker = args[p].isEmpty
                    out.append(contentsOf: args[p])
                } else {
                    if expanded[p] == nil {
                        var e: [Token] = []
                        expand(args[p], disabled: disabled, depth: depth + 1, into: &e)
                        if expansionBudget < 0 { return nil }
                        expanded[p] = e
                    }
                    if out.count + (expanded[p]?.count ?? 0) >= expansionBudget {
                        tooLarge(at: t.location)
                        return nil
                    }
                    out.append(contentsOf: expanded[p] ?? [])
                }
                i += 1
                continue
            }
            var copy = b
            copy.location = t.location
            out.append(copy)
            i += 1
        }
        return out
    }

    /// `#x`: the argument's spelling as a narrow string literal, one space
    /// where the argument had white space.
    func stringize(_ tokens: [Token], at location: SourceLocation) -> Token {
        var text = ""
        for (n, token) in tokens.enumerated() {
            if n > 0 && token.spaceBefore { text += " " }
            text += Preprocessor.spelling(token)
        }
        var literal = Token(.string, "\"...\"", location)
        literal.units = text.utf8.map { UInt32($0) }
        return literal
    }

    /// `a ## b`: the two spellings joined and read again as one token.
    mutating func paste(_ left: Token, _ right: Token) -> [Token] {
        let text = Preprocessor.spelling(left) + Preprocessor.spelling(right)
        var lexer = Lexer(bytes: Array(text.utf8), inPrelude: left.location.inPrelude)
        let tokens = lexer.tokenize().filter { $0.kind != .eof }
        guard tokens.count == 1, lexer.diagnostics.isEmpty, var pasted = tokens.first else {
            error("pasting '\(Preprocessor.spelling(left))' and '\(Preprocessor.spelling(right))' does not give a valid token", left.location)
            return [left, right]
        }
        pasted.location = left.location
        pasted.spaceBefore = left.spaceBefore
        return [pasted]
    }

    /// A token as it would be written in the source (literals rebuilt from their values).
    static func spelling(_ token: Token) -> String {
        switch token.kind {
        case .string, .character:
            let units = token.kind == .string ? token.units : [UInt32(truncatingIfNeeded: token.intValue & 0xFFFF)]
            var body = ""
            for u in units {
                switch u {
                case 10: body += "\\n"
                case 9: body += "\\t"
                case 13: body += "\\r"
                case 0: body += "\\0"
                case 34: body += token.kind == .string ? "\\\"" : "\""
                case 39: body += token.kind == .string ? "'" : "\\'"
                case 92: body += "\\\\"
                case 32..<127: body += String(UnicodeScalar(UInt8(u)))
                default: body += "\\x" + String(u, radix: 16)
                }
            }
            let quote = token.kind == .string ? "\"" : "'"
            return (token.isWide ? "L" : "") + quote + body + quote
        default:
            return token.text
        }
    }
}

extension Preprocessor {
    /// `((void)0)`: what `assert(x)` becomes once `NDEBUG` is defined.
    static func voidZero(at location: SourceLocation) -> [Token] {
        var zero = Token(.number, "0", location)
        zero.intValue = 0
        return ["(", "(", "void", ")"].map { Token($0 == "void" ? .identifier : .punct, $0, location) } + [zero, Token(.punct, ")", location)]
    }
}
