/// The preprocessor subset: `#include` ignored, object-like and function-like
/// `#define` (variadic, `#` and `##` too), `#undef`, `#if/#ifdef/#ifndef/#elif/#else/#endif`
/// with integer and `defined` conditions, and `#pragma sim` records.
///
/// Macro expansion guards recursion (a macro is not re-expanded inside its own
/// expansion) and caps total expansion work so no input can hang or trap.
struct Preprocessor {
    struct Macro {
        var parameters: [String]?
        var body: [Token]
        /// The last parameter is `...`, named `__VA_ARGS__` in `parameters`.
        var isVariadic = false
    }

    private var macros: [String: Macro] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var pragmas: [SimPragma] = []
    /// Tokens macro expansion may still produce. Checked before a body is
    /// built, so nested function-like macros (each multiplying its argument)
    /// stop at the limit instead of allocating their whole product first.
    var expansionBudget = Preprocessor.maxExpansionTokens
    static let maxExpansionTokens = 1_000_000
    /// Lines of program text skipped by `#if 0` and friends: lexical errors there do not count.
    private(set) var skippedLines: Set<Int> = []
    /// `--param NAME=VALUE` values that win over `#pragma sim param`.
    var parameterOverrides: [String: Int64] = [:]
    /// What `__FILE__` expands to.
    var fileName = "program.c"

    mutating func error(_ message: String, _ at: SourceLocation) {
        if at.inPrelude { return }
        diagnostics.append(Diagnostic(message, at: at))
    }

    func isDefined(_ name: String) -> Bool { macros[name] != nil }

    /// Processes one file's tokens (without the trailing EOF) and appends the result.
    mutating func process(_ tokens: [Token], into output: inout [Token]) {
        var i = 0
        // Conditional stack: (this branch active, some branch already taken, parent active).
        var conditions: [(active: Bool, taken: Bool, parent: Bool)] = []
        var active: Bool { conditions.last?.active ?? true }
        var pendingText: [Token] = []
        func flush(_ pp: inout Preprocessor, _ out: inout [Token], _ text: inout [Token]) {
            if !text.isEmpty {
                pp.expand(text, disabled: [], depth: 0, into: &out)
                text.removeAll(keepingCapacity: true)
            }
        }
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .eof { break }
            if t.isPunct(.hash) && t.atLineStart {
                var end = i + 1
                while end < tokens.count && !tokens[end].atLineStart { end += 1 }
                let line = Array(tokens[(i + 1)..<end])
                i = end
                let name = line.first?.text ?? ""
                let rest = Array(line.dropFirst())
                if !active && !["if", "ifdef", "ifndef", "elif", "else", "endif"].contains(name) {
                    for x in line where !x.location.inPrelude { skippedLines.insert(x.location.line) }
                }
                switch name {
                case "if", "ifdef", "ifndef":
                    let parentActive = active
                    var value = false
                    if parentActive {
                        if name == "if" { value = evaluateCondition(rest, at: t.location) }
                        else if let id = rest.first, id.kind == .identifier {
                            value = isDefined(id.text) == (name == "ifdef")
                        } else { error("macro name missing after #\(name)", t.location) }
                    }
                    conditions.append((parentActive && value, value, parentActive))
                case "elif":
                    guard let c = conditions.popLast() else { error("#elif without #if", t.location); continue }
                    var value = false
                    if c.parent && !c.taken { value = evaluateCondition(rest, at: t.location) }
                    conditions.append((c.parent && !c.taken && value, c.taken || value, c.parent))
                case "else":
                    guard let c = conditions.popLast() else { error("#else without #if", t.location); continue }
                    conditions.append((c.parent && !c.taken, true, c.parent))
                case "endif":
                    if conditions.popLast() == nil { error("#endif without #if", t.location) }
                default:
                    guard active else { continue }
                    flush(&self, &output, &pendingText)
                    directive(name, line.first?.location ?? t.location, rest)
                }
                continue
            }
            if active { pendingText.append(t) } else if !t.location.inPrelude { skippedLines.insert(t.location.line) }
            i += 1
        }
        flush(&self, &output, &pendingText)
        if !conditions.isEmpty, let last = tokens.last {
            error("unterminated conditional directive (#if without #endif)", last.location)
        }
    }

    private mutating func directive(_ name: String, _ at: SourceLocation, _ rest: [Token]) {
        switch name {
        case "include", "": return
        case "define":
            guard let id = rest.first, id.kind == .identifier else {
                error("macro name missing after #define", rest.first?.location ?? at)
                return
            }
            var body = Array(rest.dropFirst())
            var parameters: [String]?
            if let open = body.first, open.isPunct(.leftParen), !open.spaceBefore {
                var params: [String] = []
                var k = 1
                var ok = false
                var variadic = false
                while k < body.count {
                    let p = body[k]
                    if p.isPunct(.rightParen) { ok = !variadic || body[k - 1].isPunct(.ellipsis); k += 1; break }
                    if variadic { break }   // `...` must be the last parameter
                    if p.kind == .identifier { params.append(p.text) }
                    else if p.isPunct(.ellipsis) { variadic = true; params.append("__VA_ARGS__") }
                    else if !p.isPunct(.comma) { break }
                    k += 1
                }
                if !ok { error("malformed parameter list in #define", open.location); return }
                parameters = params
                body = Array(body[k...])
                macros[id.text] = Macro(parameters: parameters, body: body, isVariadic: variadic)
                return
            }
            macros[id.text] = Macro(parameters: parameters, body: body)
            if id.text == "NDEBUG" {
                // <assert.h> is already "included": NDEBUG turns the prelude's assert off from here on.
                macros["assert"] = Macro(parameters: ["expression"], body: Preprocessor.voidZero(at: id.location))
            }
        case "undef":
            if let id = rest.first { macros[id.text] = nil }
        case "pragma":
            pragma(at, rest)
        case "error":
            error("#error " + rest.map(\.text).joined(separator: " "), at)
        case "line", "warning": return
        default:
            error("unknown preprocessing directive '#\(name)'", at)
        }
    }

    private mutating func pragma(_ at: SourceLocation, _ rest: [Token]) {
        guard let first = rest.first else { error("empty #pragma", at); return }
        if first.isIdent("once") { return }
        guard first.isIdent("sim") else {
            error("unknown pragma '\(first.text)' (expected '#pragma sim ...')", first.location)
            return
        }
        guard rest.count >= 2, rest[1].kind == .identifier else {
            error("expected a simulation pragma name after '#pragma sim'", rest.count >= 2 ? rest[1].location : first.location)
            return
        }
        let nameToken = rest[1]
        guard SimPragma.names.contains(nameToken.text) else {
            error("unknown pragma 'sim \(nameToken.text)'", nameToken.location)
            return
        }
        guard rest.count >= 3, rest[2].isPunct(.leftParen), let last = rest.last, last.isPunct(.rightParen) else {
            error("expected '(' arguments ')' after '#pragma sim \(nameToken.text)'", nameToken.location)
            return
        }
        var args: [SimPragma.Argument] = []
        var argLocations: [SourceLocation] = []
        var k = 3
        let end = rest.count - 1
        while k < end {
            let a = rest[k]
            var negative = false
            var tok = a
            argLocations.append(a.location)
            if a.isPunct(.minus) && k + 1 < end { negative = true; k += 1; tok = rest[k] }
            switch tok.kind {
            case .string: args.append(.string(String(decoding: tok.units.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)))
            case .number where !tok.isFloat:
                let v = Int64(bitPattern: tok.intValue)
                args.append(.integer(negative ? 0 &- v : v))
            case .identifier:
                if k + 2 < end + 1, k + 1 < end, rest[k + 1].isPunct(.equal) {
                    let v = k + 2 < end ? rest[k + 2].text : ""
                    args.append(.keyValue(key: tok.text, value: v))
                    k += 2
                } else { args.append(.identifier(tok.text)) }
            default:
                error("bad argument '\(tok.text)' in '#pragma sim \(nameToken.text)'", tok.location)
                return
            }
            k += 1
            if k < end {
                guard rest[k].isPunct(.comma) else {
                    error("expected ',' between pragma arguments", rest[k].location)
                    return
                }
                k += 1
            }
        }
        let record = SimPragma(name: nameToken.text, arguments: args, location: nameToken.location)
        guard validate(record, argumentLocations: argLocations + [last.location]) else { return }
        if record.name == "param", case .identifier(let pname) = args[0], case .integer(var value) = args[1] {
            if let o = parameterOverrides[pname] { value = o }
            var tok = Token(.number, String(value), nameToken.location)
            tok.intValue = UInt64(bitPattern: value)
            if value < 0 {
                // Int64.min is written (-9223372036854775807 - 1), as limits.h
                // does: its magnitude is no signed literal, and `-value` traps.
                let isMin = value == .min
                tok.intValue = isMin ? UInt64(Int64.max) : UInt64(-value)
                if isMin { tok.text = String(Int64.max) }
                var minus = Token(.punct, "-", nameToken.location)
                minus.spaceBefore = true
                let open = Token(.punct, "(", nameToken.location), close = Token(.punct, ")", nameToken.location)
                var body = [open, minus, tok]
                if isMin {
                    var one = Token(.number, "1", nameToken.location)
                    one.intValue = 1
                    body += [minus, one]
                }
                macros[pname] = Macro(parameters: nil, body: body + [close])
            } else {
                macros[pname] = Macro(parameters: nil, body: [tok])
            }
        }
        pragmas.append(record)
    }

    private mutating func validate(_ p: SimPragma, argumentLocations: [SourceLocation]) -> Bool {
        var culprit = 0
        func bad(_ why: String) -> Bool {
            let at = argumentLocations[min(culprit, argumentLocations.count - 1)]
            error("bad argument to '#pragma sim \(p.name)': \(why)", at)
            return false
        }
        let a = p.arguments
        // The first argument of the wrong shape is the culprit; a missing one is reported at ')'.
        func shape(_ expected: [String]) -> Bool {
            for (i, kind) in expected.enumerated() {
                culprit = i
                guard i < a.count else { return false }
                switch (kind, a[i]) {
                case ("int", .integer), ("string", .string), ("ident", .identifier), ("kv", .keyValue): continue
                default: return false
                }
            }
            culprit = expected.count
            return a.count == expected.count
        }
        switch p.name {
        case "cpus":
            guard shape(["int"]), case .integer(let n) = a[0] else { return bad("expected one integer") }
            culprit = 0
            if n < 1 || n > 64 { return bad("processor count must be 1...64") }
        case "seed":
            guard shape(["int"]) else { return bad("expected one integer") }
        case "file":
            guard shape(["string", "int"]), case .string(let name) = a[0], case .integer(let size) = a[1] else {
                return bad("expected (\"name\", size)")
            }
            culprit = 0
            if name.isEmpty { return bad("empty file name") }
            culprit = 1
            if size < 0 || size > (1 << 34) { return bad("file size out of range") }
        case "disk":
            if a.isEmpty { return bad("expected key=value settings") }
            for (i, arg) in a.enumerated() {
                culprit = i
                guard case .keyValue(let key, let value) = arg else { return bad("expected key=value settings") }
                guard SimPragma.diskKeys.contains(key) else { return bad("unknown setting '\(key)'") }
                if key == "cache" { if value != "on" && value != "off" { return bad("cache must be on or off") } }
                else if Int64(value) == nil || (Int64(value) ?? -1) < 0 { return bad("\(key) needs a non-negative integer") }
            }
        case "param":
            guard shape(["ident", "int"]) else { return bad("expected (NAME, integer)") }
        default: return false
        }
        return true
    }

    // MARK: Conditions

    private mutating func evaluateCondition(_ tokens: [Token], at: SourceLocation) -> Bool {
        // Replace defined(X) / defined X first, then expand macros.
        var replaced: [Token] = []
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            if t.isIdent("defined") {
                var name: Token?
                if k + 1 < tokens.count, tokens[k + 1].isPunct(.leftParen), k + 3 < tokens.count, tokens[k + 3].isPunct(.rightParen) {
                    name = tokens[k + 2]; k += 4
                } else if k + 1 < tokens.count { name = tokens[k + 1]; k += 2 } else { k += 1 }
                var v = Token(.number, "0", t.location)
                v.intValue = (name.map { isDefined($0.text) } ?? false) ? 1 : 0
                replaced.append(v)
                continue
            }
            replaced.append(t)
            k += 1
        }
        var expanded: [Token] = []
        expand(replaced, disabled: [], depth: 0, into: &expanded)
        var parser = ConditionEvaluator(tokens: expanded)
        if let v = parser.evaluate() { return v != 0 }
        error("unsupported expression in #if", at)
        return false
    }

    // MARK: Expansion

    mutating func expand(_ tokens: [Token], disabled: [String], depth: Int, into out: inout [Token]) {
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            k += 1
            if t.kind == .identifier && (t.text == "__LINE__" || t.text == "__FILE__") {
                var literal = Token(t.text == "__LINE__" ? .number : .string, t.text, t.location)
                literal.spaceBefore = t.spaceBefore
                if t.text == "__LINE__" { literal.intValue = UInt64(max(0, t.location.line)) }
                else { literal.units = fileName.utf8.map { UInt32($0) } }
                out.append(literal)
                continue
            }
            guard t.kind == .identifier, let m = macros[t.text], !disabled.contains(t.text) else {
                out.append(t)
                continue
            }
            if expansionBudget < 0 { return }
            if depth > 64 || expansionBudget == 0 {
                tooLarge(at: t.location)
                return
            }
            var body: [Token]
            if let params = m.parameters {
                guard k < tokens.count, tokens[k].isPunct(.leftParen) else { out.append(t); continue }
                // Collect arguments by balanced parentheses.
                var args: [[Token]] = [[]]
                var level = 0
                var j = k + 1
                var closed = false
                while j < tokens.count {
                    let a = tokens[j]
                    if a.isPunct(.leftParen) { level += 1 }
                    if a.isPunct(.rightParen) {
                        if level == 0 { closed = true; break }
                        level -= 1
                    }
                    if a.isPunct(.comma) && level == 0 { args.append([]) } else { args[args.count - 1].append(a) }
                    j += 1
                }
                if !closed { error("unterminated argument list invoking macro '\(t.text)'", t.location); k = j; continue }
                k = j + 1
                if params.isEmpty && args.count == 1 && args[0].isEmpty { args = [] }
                guard let substituted = substitute(m, invokedBy: t, arguments: args, disabled: disabled, depth: depth) else {
                    continue
                }
                body = substituted
            } else {
                if m.body.count >= expansionBudget {
                    tooLarge(at: t.location)
                    return
                }
                body = m.body.map { var c = $0; c.location = t.location; return c }
            }
            expansionBudget -= body.count + 1
            var sub: [Token] = []
            expand(body, disabled: disabled + [t.text], depth: depth + 1, into: &sub)
            if expansionBudget < 0 { return }
            if let first = sub.first, !first.location.inPrelude || t.location.inPrelude {
                _ = first
            }
            for var s in sub {
                if !t.location.inPrelude && s.location.inPrelude { s.location = t.location }
                out.append(s)
            }
        }
    }
}

extension Preprocessor {
    /// Reports the expansion limit once and stops all further expansion
    /// (the program already has an error, so the rest would be noise).
    mutating func tooLarge(at location: SourceLocation) {
        if expansionBudget >= 0 {
            error("macro expansion too deep or too large (limit \(Preprocessor.maxExpansionTokens) tokens)", location)
        }
        expansionBudget = -1
    }
}

/// Evaluates the integer expression of `#if` after expansion.
private struct ConditionEvaluator {
    let tokens: [Token]
    var k = 0

    init(tokens: [Token]) { self.tokens = tokens }

    mutating func evaluate() -> Int64? {
        guard let v = ternary(0), k == tokens.count else { return nil }
        return v
    }

    private var current: Token? { k < tokens.count ? tokens[k] : nil }

    private mutating func ternary(_ depth: Int) -> Int64? {
        guard depth < 64, let c = binary(0, depth) else { return nil }
        if current?.isPunct(.question) == true {
            k += 1
            guard let a = ternary(depth + 1), current?.isPunct(.colon) == true else { return nil }
            k += 1
            guard let b = ternary(depth + 1) else { return nil }
            return c != 0 ? a : b
        }
        return c
    }

    private static let levels: [[String]] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]]

    private mutating func binary(_ level: Int, _ depth: Int) -> Int64? {
        if level == ConditionEvaluator.levels.count { return unary(depth) }
        guard var l = binary(level + 1, depth) else { return nil }
        while let t = current, t.kind == .punct, ConditionEvaluator.levels[level].contains(t.text) {
            k += 1
            guard let r = binary(level + 1, depth) else { return nil }
            switch t.text {
            case "||": l = (l != 0 || r != 0) ? 1 : 0
            case "&&": l = (l != 0 && r != 0) ? 1 : 0
            case "|": l |= r
            case "^": l ^= r
            case "&": l &= r
            case "==": l = l == r ? 1 : 0
            case "!=": l = l != r ? 1 : 0
            case "<": l = l < r ? 1 : 0
            case ">": l = l > r ? 1 : 0
            case "<=": l = l <= r ? 1 : 0
            case ">=": l = l >= r ? 1 : 0
            case "<<": l = l << (r & 63)
            case ">>": l = l >> (r & 63)
            case "+": l = l &+ r
            case "-": l = l &- r
            case "*": l = l &* r
            case "/": if r == 0 { return nil }; l = l.dividedReportingOverflow(by: r).partialValue
            default: if r == 0 { return nil }; l = l.remainderReportingOverflow(dividingBy: r).partialValue
            }
        }
        return l
    }

    private mutating func unary(_ depth: Int) -> Int64? {
        guard depth < 64, let t = current else { return nil }
        k += 1
        if t.isPunct(.bang) { return unary(depth + 1).map { $0 == 0 ? 1 : 0 } }
        if t.isPunct(.minus) { return unary(depth + 1).map { 0 &- $0 } }
        if t.isPunct(.plus) { return unary(depth + 1) }
        if t.isPunct(.tilde) { return unary(depth + 1).map { ~$0 } }
        if t.isPunct(.leftParen) {
            guard let v = ternary(depth + 1), current?.isPunct(.rightParen) == true else { return nil }
            k += 1
            return v
        }
        if t.kind == .number && !t.isFloat { return Int64(bitPattern: t.intValue) }
        if t.kind == .character { return Int64(bitPattern: t.intValue) }
        if t.kind == .identifier { return t.text == "true" ? 1 : 0 }  // undefined names are 0, as in C; C23's true is 1
        return nil
    }
}
