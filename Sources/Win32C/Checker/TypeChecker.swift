/// Checks a parsed translation unit: resolves the type of every expression
/// (into `ExpressionTypes`, by `Expr.id`) and reports every compile error,
/// before any code is generated. Code generation then runs only on a program
/// with no errors and reads the types from here.
///
/// Some constructs need an operand's type before the operand is checked in
/// its turn (`a + b` chooses its conversions from both sides; `c ? a : b`
/// from both branches). `typeOf` works such a type out silently: errors are
/// reported once, when the walk reaches the operand in C's order, so the
/// diagnostics come out in the order a reader meets them.
final class TypeChecker {
    /// A name at file scope.
    enum FileSymbol {
        case function(FunctionType)
        /// Declared (a prototype or an `extern` function), maybe defined later.
        case external(FunctionType)
        case variable(CType)
    }

    /// Where a local name lives, which decides whether `&name` is allowed:
    /// scalars whose address is never taken live in VM registers.
    enum Binding {
        case register(CType)
        case memory(CType)

        var type: CType {
            switch self {
            case .register(let t), .memory(let t): return t
            }
        }
    }

    private(set) var diagnostics: [Diagnostic] = []
    /// The type of every expression checked so far.
    private(set) var types: ExpressionTypes
    /// Above zero while working out a type silently (`typeOf`).
    private var silent = 0

    var globals: [String: FileSymbol] = [:]
    /// Functions the prelude declares: the simulated library. A call to any
    /// other function that the program does not define is a compile error.
    var libraryNames: Set<String> = []
    /// The file-scope declarations code generation lays out, in source order.
    private(set) var fileScope: [FileScopeDeclaration] = []
    /// Library functions in the order the program first names them: their
    /// indices in `Program.externals`.
    private(set) var externals: [String] = []
    private var externalNames: Set<String> = []
    /// Static locals with initializers: checked with the program's start.
    private var staticInitializers: [(CType, Initializer)] = []

    /// The function being checked (between functions: file scope, no scopes).
    var function = FunctionContext.fileScope

    init(expressionCount: Int) {
        types = ExpressionTypes(count: expressionCount)
    }

    // MARK: Diagnostics

    func error(_ message: String, _ at: SourceLocation) {
        if silent > 0 || at.inPrelude { return }
        if diagnostics.count >= 100 { return }
        diagnostics.append(Diagnostic(message, at: at))
    }

    /// The type of an expression, without reporting its errors (they are
    /// reported where the walk checks it).
    func typeOf(_ e: Expr) -> CType {
        if let t = types[e] { return t }
        silent += 1
        let t = check(e)
        silent -= 1
        return t
    }

    /// Whether a type worked out before may stand (only while working one
    /// out silently: a checked walk must report its errors).
    var silentlyKnown: Bool { silent > 0 }

    func recordType(_ t: CType, of e: Expr) { types[e] = t }

    func recordSizeofOperand(_ t: CType, of e: Expr) { types.setSizeofOperand(t, of: e) }

    /// A library function named by the program, numbered at first mention.
    func noteExternal(_ name: String) {
        if externalNames.insert(name).inserted { externals.append(name) }
    }

    // MARK: Scopes

    func lookup(_ name: String) -> Binding? {
        function.lookup(name)
    }

    func declareLocal(_ name: String, _ binding: Binding, at: SourceLocation) {
        if !function.declare(name, binding) { error("redefinition of '\(name)'", at) }
    }

    func completeArrayType(_ type: CType, _ initializer: Initializer?) -> CType {
        TypeRules.completeArrayType(type, initializer, typeOf: typeOf)
    }

    // MARK: Whole program

    /// Checks every declaration and function body, then the initializers of
    /// globals and static locals (which run before `main`).
    func check(_ items: [TopLevel]) {
        var bodies: [FunctionDecl] = []
        var globalInits: [VarDecl] = []
        // Pass 1: every file-scope name, so functions may call ones defined later.
        for item in items {
            switch item {
            case .prototype(let name, let type, let loc):
                switch globals[name] {
                case .function, .external: continue
                case .variable: error("redefinition of '\(name)' as a different kind of symbol", loc)
                case nil:
                    globals[name] = .external(type)
                    fileScope.append(.external(name, type))
                }
                if loc.inPrelude { libraryNames.insert(name) }
            case .function(let f):
                if case .function = globals[f.name] {
                    error("redefinition of function '\(f.name)'", f.location)
                    continue
                }
                if f.type.returnType.isArray {
                    error("function cannot return an array", f.location)
                }
                globals[f.name] = .function(f.type)
                fileScope.append(.function(f))
                bodies.append(f)
            case .variable(var v):
                if case .variable = globals[v.name], v.storage == .externStorage || v.initializer == nil { continue }
                if v.storage == .externStorage && v.initializer == nil {
                    // Declared only; defined (maybe) later in the file.
                    if globals[v.name] == nil {
                        globals[v.name] = .variable(v.type)
                        fileScope.append(.declaredVariable(v))
                    }
                    continue
                }
                v.type = completeArrayType(v.type, v.initializer)
                if !v.type.isComplete {
                    error("variable '\(v.name)' has incomplete type '\(v.type.description)'", v.location)
                    continue
                }
                if v.type.size > (64 << 20) { error("variable '\(v.name)' is too large", v.location); continue }
                if case .variable = globals[v.name] {} else { globals[v.name] = .variable(v.type) }
                fileScope.append(.definedVariable(v))
                if v.initializer != nil { globalInits.append(v) }
            }
        }
        // Pass 2: bodies.
        for f in bodies { checkFunction(f) }
        // The start: global initializers, then static locals' initializers.
        function.begin(name: "<start>")
        for v in globalInits {
            guard case .variable = globals[v.name], let initializer = v.initializer else { continue }
            initializeObject(.memory(v.type), type: v.type, initializer: initializer)
        }
        for (type, initializer) in staticInitializers {
            initializeObject(.memory(type), type: type, initializer: initializer)
        }
        if !definesMain {
            error("no 'main' function defined", SourceLocation(line: 1, column: 1))
        }
    }

    private var definesMain: Bool {
        for name in ["main", "wmain"] { if case .function = globals[name] { return true } }
        return false
    }

    private func checkFunction(_ f: FunctionDecl) {
        function = FunctionContext(name: f.name, returnType: f.type.returnType, addressTaken: AddressTakenScanner.scan(f.body))
        for (i, type) in f.type.parameters.enumerated() {
            guard let name = i < f.parameterNames.count ? f.parameterNames[i] : nil else { continue }
            let loc = i < f.parameterLocations.count ? f.parameterLocations[i] : f.location
            if type.isError {
                declareLocal(name, .register(.error), at: loc)
            } else if type.isRecord || function.addressTaken.contains(name) {
                declareLocal(name, .memory(type), at: loc)
            } else {
                declareLocal(name, .register(type), at: loc)
            }
        }
        function.scopes.append([:])
        for s in f.body { statement(s) }
        for (name, loc) in function.gotos where !function.labels.contains(name) {
            error("use of undeclared label '\(name)'", loc)
        }
    }

    /// Remembers a static local's initializer, which runs at program start.
    func addStaticInitializer(_ type: CType, _ initializer: Initializer) {
        staticInitializers.append((type, initializer))
    }
}

/// A file-scope declaration the checker accepted, for code generation to lay
/// out in this order.
enum FileScopeDeclaration {
    /// A prototype or `extern` function declaration (the first one of a name).
    case external(String, FunctionType)
    /// A function definition.
    case function(FunctionDecl)
    /// `extern T x;` with no definition before it.
    case declaredVariable(VarDecl)
    /// A definition (its array size completed from the initializer).
    case definedVariable(VarDecl)
}
