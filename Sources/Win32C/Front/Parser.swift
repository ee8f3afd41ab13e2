/// Recursive-descent parser for the dialect. Resolves types as it goes (it
/// must know typedef names anyway), replaces enum constants by their values,
/// and recovers at statement and declaration boundaries so one mistake gives
/// one diagnostic. Nesting deeper than `maxDepth` stops parsing with an error.
struct Parser {
    private var tokens: [Token]
    private var pos = 0
    private(set) var diagnostics: [Diagnostic] = []
    private var panicking = false
    private var depth = 0
    static let maxDepth = 200
    static let maxExpressionDepth = 400
    static let maxErrors = 100

    private var typedefScopes: [[String: CType]] = [[:]]
    private var tagScopes: [[String: RecordType]] = [[:]]
    private var enumScopes: [[String: Int64]] = [[:]]
    private var enumTags: Set<String> = []
    /// The function being parsed, for `__FUNCTION__` and `__func__`.
    private var currentFunction = ""
    /// Where the most recent `...` parameter was (for the variadic-definition error).
    private var lastVariadicLocation: SourceLocation?

    init(tokens: [Token]) {
        self.tokens = tokens
        if self.tokens.last?.kind != .eof { self.tokens.append(Token(.eof, "", .unknown)) }
        typedefScopes[0]["wchar_t"] = .integer(.wchar)
        typedefScopes[0]["__wchar_t"] = .integer(.wchar)
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

    mutating func accept(_ p: String) -> Bool {
        if current.kind == .punct && current.text == p { _ = advance(); return true }
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
    private mutating func report(_ message: String, _ at: SourceLocation) {
        let was = panicking
        panicking = false
        error(message, at)
        panicking = was
    }

    /// The location just after the previous token (where a missing ';' belongs).
    private var afterPrevious: SourceLocation {
        guard pos > 0 else { return current.location }
        let p = tokens[pos - 1]
        return SourceLocation(line: p.location.line, column: p.location.column + p.length, inPrelude: p.location.inPrelude)
    }

    mutating func expect(_ p: String, _ what: String? = nil) {
        if accept(p) { return }
        let context = what.map { " \($0)" } ?? ""
        if p == ";", pos > 0, current.kind != .eof, current.location.line > tokens[pos - 1].location.line {
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

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of file"
        case .string: return "string literal"
        case .character: return "character constant"
        default: return t.text
        }
    }

    /// Skips to just after the next ';' or to a '}' at this level.
    private mutating func synchronize() {
        if pos > 0 && tokens[pos - 1].isPunct(";") && !current.isPunct(";") {
            panicking = false
            return
        }
        var level = 0
        while !atEnd {
            if current.isPunct("{") { level += 1 }
            if current.isPunct("}") {
                if level == 0 { break }
                level -= 1
                if level == 0 { _ = advance(); break }
            }
            if current.isPunct(";") && level == 0 { _ = advance(); break }
            _ = advance()
        }
        panicking = false
    }

    private mutating func enter(_ at: SourceLocation) -> Bool {
        depth += 1
        if depth > Parser.maxDepth {
            panicking = false
            error("nesting too deep (more than \(Parser.maxDepth) levels)", at)
            pos = tokens.count - 1
            return false
        }
        return true
    }

    private mutating func leave() { depth -= 1 }

    // MARK: Scopes

    private mutating func pushScope() {
        typedefScopes.append([:])
        tagScopes.append([:])
        enumScopes.append([:])
    }

    private mutating func popScope() {
        typedefScopes.removeLast()
        tagScopes.removeLast()
        enumScopes.removeLast()
    }

    func typedef(_ name: String) -> CType? {
        for scope in typedefScopes.reversed() { if let t = scope[name] { return t } }
        return nil
    }

    private func enumConstant(_ name: String) -> Int64? {
        for scope in enumScopes.reversed() { if let v = scope[name] { return v } }
        return nil
    }

    private func tag(_ name: String) -> RecordType? {
        for scope in tagScopes.reversed() { if let t = scope[name] { return t } }
        return nil
    }

    // MARK: Declarations

    static let typeKeywords: Set<String> = [
        "void", "char", "short", "int", "long", "signed", "unsigned", "double", "float", "struct", "union",
        "enum", "const", "volatile", "static", "extern", "typedef", "inline", "__inline", "__forceinline",
        "register", "auto", "__int64", "__int32", "__int16", "__int8", "_Bool", "__declspec", "restrict",
        "__restrict", "__unaligned",
    ]
    static let callingConventions: Set<String> = [
        "WINAPI", "CALLBACK", "APIENTRY", "__stdcall", "__cdecl", "NTAPI", "__fastcall", "_stdcall", "_cdecl", "WINAPIV",
    ]
    static let cppKeywords: Set<String> = ["class", "template", "namespace", "try", "catch", "throw", "using", "operator", "virtual", "typename", "this"]

    private func startsDeclaration(_ t: Token) -> Bool {
        guard t.kind == .identifier else { return false }
        return Parser.typeKeywords.contains(t.text) || typedef(t.text) != nil || Parser.callingConventions.contains(t.text)
    }

    struct Specifiers {
        var type: CType = .int
        var storage: StorageClass = .none
        var isTypedef = false
        var sawType = false
        /// `__declspec(align(N))`: the object's alignment (0 = its type's own).
        var alignment = 0
    }

    private mutating func reportCpp(_ t: Token) {
        let what: String
        switch t.text {
        case "class": what = "classes"
        case "template", "typename": what = "templates"
        case "namespace", "using": what = "namespaces"
        case "try", "catch", "throw": what = "exceptions (try/catch/throw)"
        case "new", "delete": what = "'\(t.text)' (use malloc/free or VirtualAlloc)"
        default: what = "'\(t.text)'"
        }
        error("C++ \(what) not supported; this dialect is C", t.location)
    }

    private mutating func parseSpecifiers() -> Specifiers {
        var s = Specifiers()
        var signedness: Bool?
        var longs = 0
        var base: String?
        var explicit: CType?
        let start = current.location
        loop: while current.kind == .identifier {
            let t = current
            switch t.text {
            case "const", "volatile", "inline", "__inline", "__forceinline", "register", "auto", "restrict", "__restrict", "__unaligned":
                _ = advance()
            case _ where Parser.callingConventions.contains(t.text):
                _ = advance()
            case "__declspec":
                s.alignment = max(s.alignment, parseDeclspec())
            case "static": _ = advance(); s.storage = .staticStorage
            case "extern": _ = advance(); s.storage = .externStorage
            case "typedef": _ = advance(); s.isTypedef = true
            case "signed": _ = advance(); signedness = true; s.sawType = true
            case "unsigned": _ = advance(); signedness = false; s.sawType = true
            case "long": _ = advance(); longs += 1; s.sawType = true
            case "void", "char", "short", "int", "double", "float", "__int64", "__int32", "__int16", "__int8", "_Bool":
                if base != nil && !(base == "int" || t.text == "int") {
                    error("two or more data types in declaration specifiers", t.location)
                }
                if t.text == "float" { report("'float' is not supported; use double", t.location) }
                if base == nil || t.text != "int" { base = t.text }
                _ = advance()
                s.sawType = true
            case "struct", "union":
                explicit = parseRecord()
                s.sawType = true
            case "enum":
                parseEnum()
                explicit = .int
                s.sawType = true
            default:
                if Parser.cppKeywords.contains(t.text) { reportCpp(t); _ = advance(); continue }
                if !s.sawType, let td = typedef(t.text) {
                    _ = advance()
                    explicit = td
                    s.sawType = true
                    continue
                }
                break loop
            }
        }
        if let e = explicit {
            s.type = e
            return s
        }
        if !s.sawType {
            s.type = .int
            return s
        }
        let isUnsigned = signedness == false
        switch base {
        case "void": s.type = .void
        case "char": s.type = .integer(signedness == nil ? .char : (isUnsigned ? .uchar : .schar))
        case "short", "__int16": s.type = .integer(isUnsigned ? .ushort : .short)
        case "double", "float": s.type = .double
        case "__int64": s.type = .integer(isUnsigned ? .ulonglong : .longlong)
        case "__int8": s.type = .integer(isUnsigned ? .uchar : .schar)
        case "_Bool": s.type = .integer(.bool)
        default:
            if longs >= 2 { s.type = .integer(isUnsigned ? .ulonglong : .longlong) }
            else if longs == 1 { s.type = base == "double" ? .double : .integer(isUnsigned ? .ulong : .long) }
            else { s.type = .integer(isUnsigned ? .uint : .int) }
        }
        _ = start
        return s
    }

    mutating func skipBalancedBraces() {
        guard accept("{") else { return }
        var level = 1
        while !atEnd && level > 0 {
            if current.isPunct("{") { level += 1 }
            if current.isPunct("}") { level -= 1 }
            _ = advance()
        }
    }

    mutating func skipBalancedParens() {
        guard accept("(") else { return }
        var level = 1
        while !atEnd && level > 0 {
            if current.isPunct("(") { level += 1 }
            if current.isPunct(")") { level -= 1 }
            _ = advance()
        }
    }

    private mutating func parseRecord() -> CType {
        let kw = advance()
        let isUnion = kw.text == "union"
        var recordAlignment = 0
        while current.isIdent("__declspec") { recordAlignment = max(recordAlignment, parseDeclspec()) }
        var name: String?
        if current.kind == .identifier && !Parser.typeKeywords.contains(current.text) {
            name = advance().text
        }
        guard current.isPunct("{") else {
            guard let n = name else {
                error("expected a name or '{' after '\(kw.text)'", current.location)
                return .error
            }
            if let existing = tag(n) { return .record(existing) }
            let r = RecordType(name: n, isUnion: isUnion)
            tagScopes[tagScopes.count - 1][n] = r
            return .record(r)
        }
        _ = advance()
        var record: RecordType
        if let n = name, let existing = tagScopes[tagScopes.count - 1][n], !existing.isComplete {
            record = existing
        } else {
            record = RecordType(name: name, isUnion: isUnion)
            if let n = name {
                if let existing = tagScopes[tagScopes.count - 1][n], existing.isComplete {
                    error("redefinition of '\(kw.text) \(n)'", kw.location)
                }
                tagScopes[tagScopes.count - 1][n] = record
            }
        }
        var fields: [(String?, CType)] = []
        var names: Set<String> = []
        while !atEnd && !current.isPunct("}") {
            guard enter(current.location) else { return .error }
            defer { leave() }
            let memberStart = current.location
            if !startsDeclaration(current) {
                if current.kind == .identifier && (current.text == "public" || current.text == "private" || current.text == "protected") {
                    reportCpp(current)
                } else {
                    error("expected a member declaration", current.location)
                }
                synchronize()
                continue
            }
            let spec = parseSpecifiers()
            if spec.alignment > 0 {
                error("__declspec(align(N)) on a struct member is not supported; put it on the struct type", memberStart)
            }
            if current.isPunct(";") {
                _ = advance()
                if case .record(let inner) = spec.type, inner.name == nil || true {
                    fields.append((nil, spec.type))
                } else { error("declaration does not declare anything", memberStart) }
                continue
            }
            repeat {
                let d = parseDeclarator(spec.type)
                if current.isPunct(":") {
                    report("bit-fields are not supported", current.location)
                    _ = advance()
                    _ = parseAssignment()
                }
                if current.isPunct("(") {
                    error("member functions are not supported (C++)", current.location)
                    synchronize()
                    break
                }
                if let n = d.name {
                    if names.contains(n) { error("duplicate member '\(n)'", d.location) }
                    names.insert(n)
                }
                if case .record(let r) = d.type, r === record {
                    error("member '\(d.name ?? "")' has incomplete type (a struct cannot contain itself)", d.location)
                } else if !d.type.isComplete && !d.type.isError {
                    if case .array(_, nil) = d.type {
                        error("flexible array members are not supported", d.location)
                    } else {
                        error("member '\(d.name ?? "")' has incomplete type '\(d.type.description)'", d.location)
                    }
                }
                fields.append((d.name, d.type))
            } while accept(",")
            if !current.isPunct("}") { expect(";", "after member declaration") }
            if panicking { synchronize() }
        }
        expect("}")
        record.complete(with: fields, minimumAlignment: recordAlignment)
        return .record(record)
    }

    private mutating func parseEnum() {
        _ = advance()
        if current.kind == .identifier { enumTags.insert(advance().text) }
        guard accept("{") else { return }
        var next: Int64 = 0
        while !atEnd && !current.isPunct("}") {
            guard current.kind == .identifier else {
                error("expected an enumerator name", current.location)
                synchronize()
                return
            }
            let name = advance().text
            if accept("=") {
                let e = parseConditional()
                if let v = constantValue(e) { next = v } else { error("enumerator value is not an integer constant", e.location) }
            }
            enumScopes[enumScopes.count - 1][name] = next
            next &+= 1
            if !accept(",") { break }
        }
        expect("}")
    }

    struct Declarator {
        var name: String?
        var type: CType
        var location: SourceLocation
        var parameterNames: [String?] = []
        var parameterLocations: [SourceLocation] = []
    }

    private enum Derivation {
        case pointer
        case array(Int?)
        case function(FunctionType, [String?], [SourceLocation])
    }

    private mutating func parseDeclarator(_ base: CType) -> Declarator {
        let (name, loc, ops) = parseDerivations()
        var t = base
        var names: [String?] = []
        var locs: [SourceLocation] = []
        for op in ops {
            switch op {
            case .pointer: t = .pointer(t)
            case .array(let n):
                if t.isFunction { error("declared as an array of functions", loc) ; t = .error }
                if let n, n > 0, t.size > (1 << 31) / n {
                    error("array is too large", loc)
                    t = .error
                }
                t = .array(t, n)
            case .function(var f, let n, let l):
                if t.isArray { error("function cannot return an array", loc); t = .error }
                if t.isFunction { error("function cannot return a function", loc); t = .error }
                f.returnType = t
                t = .function(f)
                names = n
                locs = l
            }
        }
        return Declarator(name: name, type: t, location: loc, parameterNames: names, parameterLocations: locs)
    }

    private mutating func skipQualifiers() {
        while current.kind == .identifier && (["const", "volatile", "restrict", "__restrict", "__unaligned", "__ptr64"].contains(current.text)
                                               || Parser.callingConventions.contains(current.text)) {
            _ = advance()
        }
    }

    private mutating func parseDerivations() -> (String?, SourceLocation, [Derivation]) {
        guard enter(current.location) else { return (nil, current.location, []) }
        defer { leave() }
        var pointers = 0
        skipQualifiers()
        while true {
            if accept("*") { pointers += 1; skipQualifiers(); continue }
            if current.isPunct("&") || current.isPunct("&&") {
                error("C++ references are not supported; use a pointer", current.location)
                _ = advance()
                continue
            }
            break
        }
        var name: String?
        var location = current.location
        var inner: [Derivation] = []
        if current.isPunct("(") && isNestedDeclarator(peek()) {
            _ = advance()
            let (n, l, ops) = parseDerivations()
            name = n
            location = l
            inner = ops
            expect(")")
        } else if current.kind == .identifier && (!startsDeclaration(current) || current.text == "bool") {
            // `bool` is the prelude's typedef until a program (older code:
            // `typedef enum { false, true } bool;`) declares its own.
            location = current.location
            name = advance().text
        }
        var suffixes: [Derivation] = []
        while true {
            if current.isPunct("[") {
                let open = advance()
                if accept("]") { suffixes.append(.array(nil)); continue }
                let e = parseAssignment()
                var count: Int?
                if let v = constantValue(e) {
                    if v < 0 { error("array size is negative", e.location) }
                    else if v > (1 << 31) { error("array is too large", e.location) }
                    else { count = Int(v) }
                } else {
                    error("array size must be an integer constant (variable-length arrays are not supported)", e.location)
                }
                _ = open
                expect("]")
                suffixes.append(.array(count ?? 1))
            } else if current.isPunct("(") {
                _ = advance()
                suffixes.append(parseParameters())
            } else { break }
        }
        return (name, location, Array(repeating: .pointer, count: pointers) + suffixes.reversed() + inner)
    }

    private func isNestedDeclarator(_ t: Token) -> Bool {
        if t.isPunct("*") || t.isPunct("(") || t.isPunct("&") { return true }
        if t.kind == .identifier {
            if Parser.callingConventions.contains(t.text) { return true }
            return !startsDeclaration(t)
        }
        return false
    }

    private mutating func parseParameters() -> Derivation {
        var variadicLocation: SourceLocation?
        var params: [CType] = []
        var names: [String?] = []
        var locs: [SourceLocation] = []
        var variadic = false
        if accept(")") {
            return .function(FunctionType(returnType: .void, parameters: [], isVariadic: false, hasPrototype: false), [], [])
        }
        if current.isIdent("void") && peek().isPunct(")") {
            _ = advance(); _ = advance()
            return .function(FunctionType(returnType: .void, parameters: [], isVariadic: false, hasPrototype: true), [], [])
        }
        while !atEnd {
            if current.isPunct("...") { variadicLocation = current.location; _ = advance(); variadic = true; break }
            let loc = current.location
            if !startsDeclaration(current) {
                if current.kind == .identifier && params.isEmpty && (peek().isPunct(",") || peek().isPunct(")")) {
                    // An identifier list: skip it and the parameter declarations up to the body.
                    report("old-style (K&R) parameter lists are not supported; declare types in the parentheses", current.location)
                    while !atEnd && !current.isPunct(")") {
                        if current.kind == .identifier { names.append(current.text); locs.append(current.location); params.append(.error) }
                        _ = advance()
                    }
                    _ = advance()
                    while !atEnd && !current.isPunct("{") {
                        if current.isPunct(";") && !startsDeclaration(peek()) && !peek().isPunct("{") { break }
                        _ = advance()
                    }
                    // The names stay declared (with an unknown type) so the body gives no follow-on errors.
                    return .function(FunctionType(returnType: .void, parameters: params, isVariadic: false, hasPrototype: false), names, locs)
                }
                if current.kind == .identifier {
                    error("unknown type name '\(current.text)'", current.location)
                } else {
                    error("expected a parameter declaration", current.location)
                }
                // Skip this parameter.
                var level = 0
                while !atEnd {
                    if current.isPunct("(") { level += 1 }
                    if current.isPunct(")") { if level == 0 { break }; level -= 1 }
                    if current.isPunct(",") && level == 0 { break }
                    _ = advance()
                }
                params.append(.error)
                names.append(nil)
                locs.append(loc)
                if !accept(",") { break }
                continue
            }
            let spec = parseSpecifiers()
            let d = parseDeclarator(spec.type)
            var t = d.type
            if case .array(let e, _) = t { t = .pointer(e) }
            if t.isFunction { t = .pointer(t) }
            if t.isVoid { error("parameter has type void", d.location) }
            params.append(t)
            names.append(d.name)
            locs.append(d.name == nil ? loc : d.location)
            if !accept(",") { break }
        }
        expect(")")
        if let v = variadicLocation { lastVariadicLocation = v }
        return .function(FunctionType(returnType: .void, parameters: params, isVariadic: variadic, hasPrototype: true), names, locs)
    }

    /// Parses a type name (in casts, sizeof, offsetof).
    private mutating func parseTypeName() -> CType {
        let spec = parseSpecifiers()
        let d = parseDeclarator(spec.type)
        if let n = d.name { error("unexpected name '\(n)' in type name", d.location) }
        return d.type
    }

    // MARK: Translation unit

    mutating func parseTranslationUnit() -> [TopLevel] {
        var items: [TopLevel] = []
        while !atEnd {
            let before = pos
            if accept(";") { continue }
            if current.kind == .identifier && Parser.cppKeywords.contains(current.text) {
                reportCpp(current)
                _ = advance()
                // Skip the whole construct: names, a balanced body, and its ';'.
                while !atEnd && !current.isPunct("{") && !current.isPunct(";") { _ = advance() }
                skipBalancedBraces()
                _ = accept(";")
                panicking = false
                continue
            }
            parseExternalDeclaration(into: &items)
            if panicking { synchronize(); if current.isPunct("}") { _ = advance() } }
            if pos == before { _ = advance() }
        }
        return items
    }

    private mutating func parseExternalDeclaration(into items: inout [TopLevel]) {
        if parseStaticAssertOrSEH() != nil { return }
        let startTok = current
        if !startsDeclaration(current) {
            if current.kind == .identifier && (peek().isPunct("(")) {
                // Implicit int function definition, e.g. `main() { }`.
            } else if current.kind == .identifier && peek().kind == .identifier && !Parser.statementKeywords.contains(current.text) {
                report("unknown type name '\(current.text)'", current.location)
                _ = advance()
                parseDeclarators(Specifiers(type: .error, storage: .none, isTypedef: false, sawType: true), startTok, into: &items)
                return
            } else if current.kind == .identifier {
                error("unknown type name '\(current.text)'", current.location)
                return
            } else {
                error("expected a declaration", current.location)
                return
            }
        }
        let spec = parseSpecifiers()
        parseDeclarators(spec, startTok, into: &items)
    }

    private mutating func parseDeclarators(_ spec: Specifiers, _ startTok: Token, into items: inout [TopLevel]) {
        if accept(";") { return }
        var first = true
        repeat {
            let d = parseDeclarator(spec.type)
            guard let name = d.name else {
                error("expected an identifier in declaration", d.location)
                return
            }
            if spec.isTypedef {
                alignTypedef(d.type, to: spec.alignment, at: d.location)
                typedefScopes[typedefScopes.count - 1][name] = d.type
                continue
            }
            if case .function(let f) = d.type {
                if first && current.isPunct("{") {
                    if f.isVariadic && !startTok.location.inPrelude {
                        report("variadic user functions ('...') are not supported", lastVariadicLocation ?? d.location)
                    }
                    currentFunction = name
                    let body = parseFunctionBody(d, f)
                    currentFunction = ""
                    items.append(.function(FunctionDecl(
                        name: name, type: f, parameterNames: d.parameterNames, parameterLocations: d.parameterLocations,
                        body: body.0, isStatic: spec.storage == .staticStorage, location: d.location, endLocation: body.1)))
                    return
                }
                items.append(.prototype(name, f, d.location))
                continue
            }
            var initializer: Initializer?
            if accept("=") { initializer = parseInitializer() }
            items.append(.variable(VarDecl(name: name, type: d.type, storage: spec.storage, initializer: initializer, location: d.location,
                                           alignment: spec.alignment)))
            first = false
        } while accept(",")
        expect(";", "after declaration")
    }

    private mutating func parseFunctionBody(_ d: Declarator, _ f: FunctionType) -> ([Stmt], SourceLocation) {
        _ = advance()  // {
        pushScope()
        defer { popScope() }
        var stmts: [Stmt] = []
        while !atEnd && !current.isPunct("}") {
            let before = pos
            stmts.append(parseBlockItem())
            if pos == before { _ = advance() }
        }
        let end = current.location
        expect("}", "at end of function")
        return (stmts, end)
    }

    // MARK: Statements

    private mutating func parseBlockItem() -> Stmt {
        if let handled = parseStaticAssertOrSEH() { return handled }
        if startsDeclaration(current) && !peek().isPunct(":") {
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

    private static let statementKeywords: Set<String> = [
        "if", "else", "while", "do", "for", "switch", "case", "default", "break", "continue", "return", "goto", "sizeof",
    ]

    private mutating func parseLocalDeclaration(_ given: Specifiers? = nil) -> Stmt {
        let spec = given ?? parseSpecifiers()
        if accept(";") { return .empty }
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
            if accept("=") { initializer = parseInitializer() }
            if d.type.isFunction {
                decls.append(VarDecl(name: name, type: d.type, storage: .externStorage, initializer: nil, location: d.location))
                continue
            }
            decls.append(VarDecl(name: name, type: d.type, storage: spec.storage, initializer: initializer, location: d.location,
                                 alignment: spec.alignment))
        } while accept(",")
        expect(";", "after declaration")
        if panicking { synchronize() }
        return .declaration(decls)
    }

    private mutating func parseInitializer() -> Initializer {
        let loc = current.location
        guard enter(loc) else { return .list([], loc) }
        defer { leave() }
        if accept("{") {
            var items: [Initializer] = []
            while !atEnd && !current.isPunct("}") {
                let itemStart = current.location
                var designators: [Designator] = []
                while current.isPunct(".") || current.isPunct("[") {
                    if accept(".") {
                        guard current.kind == .identifier else {
                            error("expected a member name after '.' in designator", current.location)
                            break
                        }
                        let name = advance()
                        designators.append(.member(name.text, name.location))
                    } else {
                        _ = advance()
                        designators.append(.index(parseConditional()))
                        expect("]")
                    }
                }
                if designators.isEmpty {
                    items.append(parseInitializer())
                } else {
                    expect("=", "after designator")
                    items.append(.designated(designators, parseInitializer(), itemStart))
                }
                if !accept(",") { break }
            }
            expect("}", "to close the initializer list")
            return .list(items, loc)
        }
        return .expression(parseAssignment())
    }

    private mutating func parseStatement() -> Stmt {
        let t = current
        guard enter(t.location) else { return .empty }
        defer { leave() }
        let result = parseStatementInner()
        if panicking { synchronize() }
        return result
    }

    private mutating func parseStatementInner() -> Stmt {
        let t = current
        if t.kind == .punct {
            if t.text == "{" {
                _ = advance()
                pushScope()
                var items: [Stmt] = []
                while !atEnd && !current.isPunct("}") {
                    let before = pos
                    items.append(parseBlockItem())
                    if pos == before { _ = advance() }
                }
                popScope()
                expect("}")
                return .block(items)
            }
            if t.text == ";" { _ = advance(); return .empty }
        }
        if t.kind == .identifier {
            switch t.text {
            case "if":
                _ = advance()
                expect("(", "after 'if'")
                let c = parseExpression()
                expect(")")
                let then = parseStatement()
                var otherwise: Stmt?
                if current.isIdent("else") { _ = advance(); otherwise = parseStatement() }
                return .ifElse(c, then, otherwise, t.location)
            case "while":
                _ = advance()
                expect("(", "after 'while'")
                let c = parseExpression()
                expect(")")
                return .whileLoop(c, parseStatement(), t.location)
            case "do":
                _ = advance()
                let body = parseStatement()
                if !current.isIdent("while") {
                    error("expected 'while' in do/while loop", current.location)
                    return .doWhile(body, Expr(.invalid, t.location), t.location)
                }
                _ = advance()
                expect("(", "after 'while'")
                let c = parseExpression()
                expect(")")
                expect(";", "after do/while statement")
                return .doWhile(body, c, t.location)
            case "for":
                _ = advance()
                expect("(", "after 'for'")
                pushScope()
                defer { popScope() }
                var initStmt: Stmt?
                if accept(";") {
                } else if startsDeclaration(current) {
                    initStmt = parseLocalDeclaration()
                } else {
                    initStmt = .expression(parseExpression())
                    expect(";", "in 'for'")
                }
                let cond = current.isPunct(";") ? nil : parseExpression()
                expect(";", "in 'for'")
                let step = current.isPunct(")") ? nil : parseExpression()
                expect(")")
                return .forLoop(initStmt, cond, step, parseStatement(), t.location)
            case "switch":
                _ = advance()
                expect("(", "after 'switch'")
                let c = parseExpression()
                expect(")")
                return .switchStmt(c, parseStatement(), t.location)
            case "case":
                _ = advance()
                let v = parseConditional()
                if accept("...") { error("case ranges are not supported", current.location); _ = parseConditional() }
                expect(":", "after case value")
                return .caseLabel(v, parseCaseBody(), t.location)
            case "default":
                _ = advance()
                expect(":", "after 'default'")
                return .defaultLabel(parseCaseBody(), t.location)
            case "break":
                _ = advance()
                expect(";", "after 'break'")
                return .breakStmt(t.location)
            case "continue":
                _ = advance()
                expect(";", "after 'continue'")
                return .continueStmt(t.location)
            case "return":
                _ = advance()
                if accept(";") { return .returnStmt(nil, t.location) }
                let e = parseExpression()
                expect(";", "after return value")
                return .returnStmt(e, t.location)
            case "goto":
                _ = advance()
                guard current.kind == .identifier else {
                    error("expected a label name after 'goto'", current.location)
                    return .empty
                }
                let name = advance()
                expect(";", "after goto")
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
                if peek().kind == .identifier || peek().isPunct("[") {
                    reportCpp(t)
                    return .empty
                }
            default:
                if peek().isPunct(":") && typedef(t.text) == nil {
                    _ = advance(); _ = advance()
                    if current.isPunct("}") { return .label(t.text, .empty, t.location) }
                    return .label(t.text, parseBlockItemAsStatement(), t.location)
                }
            }
        }
        let e = parseExpression()
        expect(";", "after expression")
        return .expression(e)
    }

    /// A label may be followed by a declaration in C23 and by most compilers.
    private mutating func parseBlockItemAsStatement() -> Stmt {
        startsDeclaration(current) ? parseLocalDeclaration() : parseStatement()
    }

    private mutating func parseCaseBody() -> Stmt {
        if current.isPunct("}") { return .empty }
        return parseBlockItemAsStatement()
    }

    // MARK: Expressions

    mutating func parseExpression() -> Expr {
        var e = parseAssignment()
        while current.isPunct(",") {
            let op = advance()
            e = limited(Expr(.comma(e, parseAssignment()), op.location))
        }
        return e
    }

    /// Replaces an expression tree that is too tall with an error.
    private mutating func limited(_ e: Expr) -> Expr {
        guard e.depth > Parser.maxExpressionDepth else { return e }
        panicking = false
        error("expression too complex (nested more than \(Parser.maxExpressionDepth) levels)", e.location)
        pos = tokens.count - 1
        return Expr(.invalid, e.location)
    }

    private static let assignmentOps: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]

    mutating func parseAssignment() -> Expr {
        guard enter(current.location) else { return Expr(.invalid, current.location) }
        defer { leave() }
        let lhs = parseConditional()
        if current.kind == .punct && Parser.assignmentOps.contains(current.text) {
            let op = advance()
            let rhs = parseAssignment()
            return Expr(.assign(op.text, lhs, rhs), op.location)
        }
        return lhs
    }

    mutating func parseConditional() -> Expr {
        let c = parseBinary(0)
        if current.isPunct("?") {
            let q = advance()
            guard enter(q.location) else { return c }
            defer { leave() }
            let a = parseExpression()
            expect(":", "in conditional expression")
            let b = parseConditional()
            return Expr(.conditional(c, a, b), q.location)
        }
        return c
    }

    private static let binaryLevels: [String: Int] = [
        "||": 0, "&&": 1, "|": 2, "^": 3, "&": 4, "==": 5, "!=": 5, "<": 6, ">": 6, "<=": 6, ">=": 6,
        "<<": 7, ">>": 7, "+": 8, "-": 8, "*": 9, "/": 9, "%": 9,
    ]

    /// Precedence climbing: one host frame per level actually used.
    private mutating func parseBinary(_ minLevel: Int) -> Expr {
        var lhs = parseUnary()
        while current.kind == .punct, let level = Parser.binaryLevels[current.text], level >= minLevel {
            let op = advance()
            guard enter(op.location) else { return lhs }
            let rhs = parseBinary(level + 1)
            leave()
            lhs = limited(Expr(.binary(op.text, lhs, rhs), op.location))
        }
        return lhs
    }

    private mutating func parseUnary() -> Expr {
        let t = current
        guard enter(t.location) else { return Expr(.invalid, t.location) }
        defer { leave() }
        if t.kind == .punct {
            switch t.text {
            case "-", "+", "!", "~", "*", "&":
                _ = advance()
                return Expr(.unary(t.text, parseCast()), t.location)
            case "++", "--":
                _ = advance()
                return Expr(.unary(t.text, parseUnary()), t.location)
            case "&&":
                _ = advance()
                error("taking the address of a label is not supported", t.location)
                return Expr(.invalid, t.location)
            default: break
            }
        }
        if t.isIdent("sizeof") {
            _ = advance()
            if current.isPunct("(") && startsDeclaration(peek()) {
                _ = advance()
                let type = parseTypeName()
                expect(")")
                return Expr(.sizeofType(type), t.location)
            }
            return Expr(.sizeofExpr(parseUnary()), t.location)
        }
        if t.isIdent("new") || t.isIdent("delete"), peek().kind == .identifier || peek().isPunct("[") {
            reportCpp(t)
            _ = advance()
            return Expr(.invalid, t.location)
        }
        return parsePostfix(parseCast())
    }

    /// A cast, or a primary expression.
    private mutating func parseCast() -> Expr {
        let t = current
        if t.isPunct("(") && startsDeclaration(peek()) {
            _ = advance()
            let type = parseTypeName()
            expect(")")
            if current.isPunct("{") {
                return Expr(.compoundLiteral(type, parseInitializer()), t.location)
            }
            guard enter(t.location) else { return Expr(.invalid, t.location) }
            defer { leave() }
            return Expr(.cast(type, parseCast()), t.location)
        }
        if t.kind == .punct && ["-", "+", "!", "~", "*", "&", "++", "--"].contains(t.text) || t.isIdent("sizeof") {
            return parseUnary()
        }
        return parsePostfix(parsePrimary())
    }

    private mutating func parsePostfix(_ base: Expr) -> Expr {
        var e = base
        while true {
            e = limited(e)
            if atEnd { return e }
            let t = current
            if t.isPunct("[") {
                _ = advance()
                let i = parseExpression()
                expect("]")
                e = Expr(.index(e, i), t.location)
            } else if t.isPunct("(") {
                _ = advance()
                var args: [Expr] = []
                if !accept(")") {
                    repeat { args.append(parseAssignment()) } while accept(",") && !atEnd
                    expect(")", "to close the argument list")
                }
                e = Expr(.call(e, args), e.location)
            } else if t.isPunct(".") || t.isPunct("->") {
                _ = advance()
                guard current.kind == .identifier else {
                    error("expected a member name after '\(t.text)'", current.location)
                    return Expr(.invalid, t.location)
                }
                let name = advance()
                e = Expr(.member(e, name.text, arrow: t.text == "->"), name.location)
            } else if t.isPunct("++") || t.isPunct("--") {
                _ = advance()
                e = Expr(.postfix(t.text, e), t.location)
            } else if t.isPunct("::") {
                error("C++ scope operator '::' not supported; this dialect is C", t.location)
                _ = advance()
            } else {
                return e
            }
        }
    }

    private mutating func parsePrimary() -> Expr {
        let t = current
        switch t.kind {
        case .number:
            _ = advance()
            if t.isFloat { return Expr(.floating(t.floatValue), t.location) }
            return Expr(.integer(t.intValue, Parser.literalType(t)), t.location)
        case .character:
            _ = advance()
            return Expr(.integer(t.intValue, t.isWide ? .integer(.wchar) : .int), t.location)
        case .string:
            var units: [UInt32] = []
            var wide = false
            while current.kind == .string {
                let s = advance()
                units += s.units
                wide = wide || s.isWide
            }
            return Expr(.string(units, wide: wide), t.location)
        case .identifier:
            if t.text == "__builtin_offsetof" {
                _ = advance()
                expect("(")
                let type = parseTypeName()
                expect(",")
                var path: [String] = []
                repeat {
                    guard current.kind == .identifier else { error("expected a member name", current.location); break }
                    path.append(advance().text)
                } while accept(".")
                expect(")")
                return Expr(.offsetof(type, path), t.location)
            }
            if Parser.cppKeywords.contains(t.text) {
                reportCpp(t)
                _ = advance()
                return Expr(.invalid, t.location)
            }
            if t.text == "__FUNCTION__" || t.text == "__func__" {
                _ = advance()
                return Expr(.string(currentFunction.utf8.map { UInt32($0) }, wide: false), t.location)
            }
            if Parser.typeKeywords.contains(t.text) || typedef(t.text) != nil {
                error("unexpected type name '\(t.text)' in expression", t.location)
                _ = advance()
                return Expr(.invalid, t.location)
            }
            _ = advance()
            if let v = enumConstant(t.text) {
                return Expr(.integer(UInt64(bitPattern: v), .int), t.location)
            }
            return Expr(.identifier(t.text), t.location)
        case .punct:
            if t.text == "(" {
                _ = advance()
                guard enter(t.location) else { return Expr(.invalid, t.location) }
                defer { leave() }
                if current.isPunct("{") {
                    error("statement expressions are not supported", current.location)
                    return Expr(.invalid, t.location)
                }
                let e = parseExpression()
                expect(")")
                return e
            }
            if t.text == "<invalid>" {
                // Already reported by the lexer.
                _ = advance()
                panicking = true
                return Expr(.invalid, t.location)
            }
            error("expected an expression before '\(describe(t))'", t.location)
            return Expr(.invalid, t.location)
        case .eof:
            error("expected an expression before end of file", t.location)
            return Expr(.invalid, t.location)
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
