/// Recursive-descent parser for the dialect. Resolves types as it goes (it
/// must know typedef names anyway), replaces enum constants by their values,
/// and recovers at statement and declaration boundaries so one mistake gives
/// one diagnostic. Nesting deeper than `maxDepth` stops parsing with an error.
struct Parser {
    var tokens: [Token]
    var pos = 0
    private(set) var diagnostics: [Diagnostic] = []
    var panicking = false
    var depth = 0
    static let maxDepth = 200
    static let maxExpressionDepth = 400
    static let maxErrors = 100

    var typedefScopes: [[String: CType]] = [[:]]
    var tagScopes: [[String: RecordType]] = [[:]]
    var enumScopes: [[String: Int64]] = [[:]]
    var enumTags: Set<String> = []
    /// The function being parsed, for `__FUNCTION__` and `__func__`.
    var currentFunction = ""
    /// Where the most recent `...` parameter was (for the variadic-definition error).
    var lastVariadicLocation: SourceLocation?
    /// How many expression nodes have been built: the next one's `Expr.id`.
    private(set) var expressionCount = 0

    init(tokens: [Token]) {
        self.tokens = tokens
        if self.tokens.last?.kind != .eof { self.tokens.append(Token(.eof, "", .unknown)) }
        typedefScopes[0]["wchar_t"] = .integer(.wchar)
        typedefScopes[0]["__wchar_t"] = .integer(.wchar)
    }

    /// A new expression node with the next id.
    mutating func node(_ kind: ExprKind, _ location: SourceLocation) -> Expr {
        expressionCount += 1
        return Expr(kind, location, id: expressionCount - 1)
    }

    // MARK: Token access

    var current: Token { tokens[pos] }
    func peek(_ n: Int = 1) -> Token { tokens[min(pos + n, tokens.count - 1)] }
    var atEnd: Bool { current.kind == .eof }

    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    mutating func accept(_ p: Punctuator) -> Bool {
        if current.isPunct(p) { _ = advance(); return true }
        return false
    }

    mutating func error(_ message: String, _ at: SourceLocation) {
        if panicking { return }
        panicking = true
        if diagnostics.count < Parser.maxErrors {
            diagnostics.append(Diagnostic(message, at: at))
        } else if diagnostics.count == Parser.maxErrors {
            diagnostics.append(Diagnostic("too many errors; stopping", at: at))
            pos = tokens.count - 1
        }
    }

    /// An error that leaves the parser in sync (the construct was fully read).
    mutating func report(_ message: String, _ at: SourceLocation) {
        let was = panicking
        panicking = false
        error(message, at)
        panicking = was
    }

    /// The location just after the previous token (where a missing ';' belongs).
    var afterPrevious: SourceLocation {
        guard pos > 0 else { return current.location }
        let p = tokens[pos - 1]
        return SourceLocation(line: p.location.line, column: p.location.column + p.length, inPrelude: p.location.inPrelude)
    }

    mutating func expect(_ p: Punctuator, _ what: String? = nil) {
        if accept(p) { return }
        let context = what.map { " \($0)" } ?? ""
        if p == .semicolon, pos > 0, current.kind != .eof, current.location.line > tokens[pos - 1].location.line {
            // The line ended without ';': report it and carry on as if it were there.
            report("expected '\(p)'\(context) before '\(describe(current))'", current.location)
            return
        }
        if current.kind == .eof {
            error("expected '\(p)'\(context) before end of file", current.location)
        } else {
            error("expected '\(p)'\(context) before '\(describe(current))'", current.location)
        }
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of file"
        case .string: return "string literal"
        case .character: return "character constant"
        default: return t.text
        }
    }

    /// Skips to just after the next ';' or to a '}' at this level.
    mutating func synchronize() {
        if pos > 0 && tokens[pos - 1].isPunct(.semicolon) && !current.isPunct(.semicolon) {
            panicking = false
            return
        }
        var level = 0
        while !atEnd {
            if current.isPunct(.leftBrace) { level += 1 }
            if current.isPunct(.rightBrace) {
                if level == 0 { break }
                level -= 1
                if level == 0 { _ = advance(); break }
            }
            if current.isPunct(.semicolon) && level == 0 { _ = advance(); break }
            _ = advance()
        }
        panicking = false
    }

    mutating func enter(_ at: SourceLocation) -> Bool {
        depth += 1
        if depth > Parser.maxDepth {
            panicking = false
            error("nesting too deep (more than \(Parser.maxDepth) levels)", at)
            pos = tokens.count - 1
            return false
        }
        return true
    }

    mutating func leave() { depth -= 1 }

    // MARK: Scopes

    mutating func pushScope() {
        typedefScopes.append([:])
        tagScopes.append([:])
        enumScopes.append([:])
    }

    mutating func popScope() {
        typedefScopes.removeLast()
        tagScopes.removeLast()
        enumScopes.removeLast()
    }

    func typedef(_ name: String) -> CType? {
        for scope in typedefScopes.reversed() { if let t = scope[name] { return t } }
        return nil
    }

    func enumConstant(_ name: String) -> Int64? {
        for scope in enumScopes.reversed() { if let v = scope[name] { return v } }
        return nil
    }

    func tag(_ name: String) -> RecordType? {
        for scope in tagScopes.reversed() { if let t = scope[name] { return t } }
        return nil
    }

}
