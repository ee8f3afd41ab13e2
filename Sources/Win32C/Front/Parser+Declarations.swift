/// Declarations, declarators and the translation unit.
extension Parser {
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

    func startsDeclaration(_ t: Token) -> Bool {
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

    mutating func reportCpp(_ t: Token) {
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

    mutating func parseSpecifiers() -> Specifiers {
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
        guard accept(.leftBrace) else { return }
        var level = 1
        while !atEnd && level > 0 {
            if current.isPunct(.leftBrace) { level += 1 }
            if current.isPunct(.rightBrace) { level -= 1 }
            _ = advance()
        }
    }

    mutating func skipBalancedParens() {
        guard accept(.leftParen) else { return }
        var level = 1
        while !atEnd && level > 0 {
            if current.isPunct(.leftParen) { level += 1 }
            if current.isPunct(.rightParen) { level -= 1 }
            _ = advance()
        }
    }

    mutating func parseRecord() -> CType {
        let kw = advance()
        let isUnion = kw.text == "union"
        var recordAlignment = 0
        while current.isIdent("__declspec") { recordAlignment = max(recordAlignment, parseDeclspec()) }
        var name: String?
        if current.kind == .identifier && !Parser.typeKeywords.contains(current.text) {
            name = advance().text
        }
        guard current.isPunct(.leftBrace) else {
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
        while !atEnd && !current.isPunct(.rightBrace) {
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
            if current.isPunct(.semicolon) {
                _ = advance()
                if case .record(let inner) = spec.type, inner.name == nil || true {
                    fields.append((nil, spec.type))
                } else { error("declaration does not declare anything", memberStart) }
                continue
            }
            repeat {
                let d = parseDeclarator(spec.type)
                if current.isPunct(.colon) {
                    report("bit-fields are not supported", current.location)
                    _ = advance()
                    _ = parseAssignment()
                }
                if current.isPunct(.leftParen) {
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
            } while accept(.comma)
            if !current.isPunct(.rightBrace) { expect(.semicolon, "after member declaration") }
            if panicking { synchronize() }
        }
        expect(.rightBrace)
        record.complete(with: fields, minimumAlignment: recordAlignment)
        return .record(record)
    }

    mutating func parseEnum() {
        _ = advance()
        if current.kind == .identifier { enumTags.insert(advance().text) }
        guard accept(.leftBrace) else { return }
        var next: Int64 = 0
        while !atEnd && !current.isPunct(.rightBrace) {
            guard current.kind == .identifier else {
                error("expected an enumerator name", current.location)
                synchronize()
                return
            }
            let name = advance().text
            if accept(.equal) {
                let e = parseConditional()
                if let v = constantValue(e) { next = v } else { error("enumerator value is not an integer constant", e.location) }
            }
            enumScopes[enumScopes.count - 1][name] = next
            next &+= 1
            if !accept(.comma) { break }
        }
        expect(.rightBrace)
    }

    struct Declarator {
        var name: String?
        var type: CType
        var location: SourceLocation
        var parameterNames: [String?] = []
        var parameterLocations: [SourceLocation] = []
    }

    enum Derivation {
        case pointer
        case array(Int?)
        case function(FunctionType, [String?], [SourceLocation])
    }

    mutating func parseDeclarator(_ base: CType) -> Declarator {
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

    mutating func skipQualifiers() {
        while current.kind == .identifier && (["const", "volatile", "restrict", "__restrict", "__unaligned", "__ptr64"].contains(current.text)
                                               || Parser.callingConventions.contains(current.text)) {
            _ = advance()
        }
    }

    mutating func parseDerivations() -> (String?, SourceLocation, [Derivation]) {
        guard enter(current.location) else { return (nil, current.location, []) }
        defer { leave() }
        var pointers = 0
        skipQualifiers()
        while true {
            if accept(.star) { pointers += 1; skipQualifiers(); continue }
            if current.isPunct(.ampersand) || current.isPunct(.logicalAnd) {
                error("C++ references are not supported; use a pointer", current.location)
                _ = advance()
                continue
            }
            break
        }
        var name: String?
        var location = current.location
        var inner: [Derivation] = []
        if current.isPunct(.leftParen) && isNestedDeclarator(peek()) {
            _ = advance()
            let (n, l, ops) = parseDerivations()
            name = n
            location = l
            inner = ops
            expect(.rightParen)
        } else if current.kind == .identifier && (!startsDeclaration(current) || current.text == "bool") {
            // `bool` is the prelude's typedef until a program (older code:
            // `typedef enum { false, true } bool;`) declares its own.
            location = current.location
            name = advance().text
        }
        var suffixes: [Derivation] = []
        while true {
            if current.isPunct(.leftBracket) {
                let open = advance()
                if accept(.rightBracket) { suffixes.append(.array(nil)); continue }
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
                expect(.rightBracket)
                suffixes.append(.array(count ?? 1))
            } else if current.isPunct(.leftParen) {
                _ = advance()
                suffixes.append(parseParameters())
            } else { break }
        }
        return (name, location, Array(repeating: .pointer, count: pointers) + suffixes.reversed() + inner)
    }

    func isNestedDeclarator(_ t: Token) -> Bool {
        if t.isPunct(.star) || t.isPunct(.leftParen) || t.isPunct(.ampersand) { return true }
        if t.kind == .identifier {
            if Parser.callingConventions.contains(t.text) { return true }
            return !startsDeclaration(t)
        }
        return false
    }

    mutating func parseParameters() -> Derivation {
        var variadicLocation: SourceLocation?
        var params: [CType] = []
        var names: [String?] = []
        var locs: [SourceLocation] = []
        var variadic = false
        if accept(.rightParen) {
            return .function(FunctionType(returnType: .void, parameters: [], isVariadic: false, hasPrototype: false), [], [])
        }
        if current.isIdent("void") && peek().isPunct(.rightParen) {
            _ = advance(); _ = advance()
            return .function(FunctionType(returnType: .void, parameters: [], isVariadic: false, hasPrototype: true), [], [])
        }
        while !atEnd {
            if current.isPunct(.ellipsis) { variadicLocation = current.location; _ = advance(); variadic = true; break }
            let loc = current.location
            if !startsDeclaration(current) {
                if current.kind == .identifier && params.isEmpty && (peek().isPunct(.comma) || peek().isPunct(.rightParen)) {
                    // An identifier list: skip it and the parameter declarations up to the body.
                    report("old-style (K&R) parameter lists are not supported; declare types in the parentheses", current.location)
                    while !atEnd && !current.isPunct(.rightParen) {
                        if current.kind == .identifier { names.append(current.text); locs.append(current.location); params.append(.error) }
                        _ = advance()
                    }
                    _ = advance()
                    while !atEnd && !current.isPunct(.leftBrace) {
                        if current.isPunct(.semicolon) && !startsDeclaration(peek()) && !peek().isPunct(.leftBrace) { break }
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
                    if current.isPunct(.leftParen) { level += 1 }
                    if current.isPunct(.rightParen) { if level == 0 { break }; level -= 1 }
                    if current.isPunct(.comma) && level == 0 { break }
                    _ = advance()
                }
                params.append(.error)
                names.append(nil)
                locs.append(loc)
                if !accept(.comma) { break }
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
            if !accept(.comma) { break }
        }
        expect(.rightParen)
        if let v = variadicLocation { lastVariadicLocation = v }
        return .function(FunctionType(returnType: .void, parameters: params, isVariadic: variadic, hasPrototype: true), names, locs)
    }

    /// Parses a type name (in casts, sizeof, offsetof).
    mutating func parseTypeName() -> CType {
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
            if accept(.semicolon) { continue }
            if current.kind == .identifier && Parser.cppKeywords.contains(current.text) {
                reportCpp(current)
                _ = advance()
                // Skip the whole construct: names, a balanced body, and its ';'.
                while !atEnd && !current.isPunct(.leftBrace) && !current.isPunct(.semicolon) { _ = advance() }
                skipBalancedBraces()
                _ = accept(.semicolon)
                panicking = false
                continue
            }
            parseExternalDeclaration(into: &items)
            if panicking { synchronize(); if current.isPunct(.rightBrace) { _ = advance() } }
            if pos == before { _ = advance() }
        }
        return items
    }

    mutating func parseExternalDeclaration(into items: inout [TopLevel]) {
        if parseStaticAssertOrSEH() != nil { return }
        let startTok = current
        if !startsDeclaration(current) {
            if current.kind == .identifier && (peek().isPunct(.leftParen)) {
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

    mutating func parseDeclarators(_ spec: Specifiers, _ startTok: Token, into items: inout [TopLevel]) {
        if accept(.semicolon) { return }
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
                if first && current.isPunct(.leftBrace) {
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
            if accept(.equal) { initializer = parseInitializer() }
            items.append(.variable(VarDecl(name: name, type: d.type, storage: spec.storage, initializer: initializer, location: d.location,
                                           alignment: spec.alignment)))
            first = false
        } while accept(.comma)
        expect(.semicolon, "after declaration")
    }

    mutating func parseFunctionBody(_ d: Declarator, _ f: FunctionType) -> ([Stmt], SourceLocation) {
        _ = advance()  // {
        pushScope()
        defer { popScope() }
        var stmts: [Stmt] = []
        while !atEnd && !current.isPunct(.rightBrace) {
            let before = pos
            stmts.append(parseBlockItem())
            if pos == before { _ = advance() }
        }
        let end = current.location
        expect(.rightBrace, "at end of function")
        return (stmts, end)
    }

}
