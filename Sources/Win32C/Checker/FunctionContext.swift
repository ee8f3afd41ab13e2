/// What the checker knows inside one function body: the names in scope,
/// which statements may appear where (`break`, `case`), and the labels.
struct FunctionContext {
    var name: String
    var returnType: CType
    /// Locals whose address is taken (`&x`): they live in memory.
    var addressTaken: Set<String>
    /// Innermost last. Empty at file scope (between functions).
    var scopes: [[String: TypeChecker.Binding]] = []
    /// Enclosing loops and switches (`break` needs one).
    var breakable = 0
    /// Enclosing loops (`continue` needs one).
    var loops = 0
    /// Enclosing switches, innermost last: the case values seen and whether
    /// a `default` was.
    var switches: [(cases: [Int64], hasDefault: Bool)] = []
    var labels: Set<String> = []
    var gotos: [(String, SourceLocation)] = []

    /// A function's context: one scope, for its parameters.
    init(name: String, returnType: CType, addressTaken: Set<String>) {
        self.name = name
        self.returnType = returnType
        self.addressTaken = addressTaken
        scopes = [[:]]
    }

    /// Between functions: no scope at all.
    static var fileScope: FunctionContext {
        var context = FunctionContext(name: "", returnType: .int, addressTaken: [])
        context.scopes = []
        return context
    }

    /// Starts the program's start routine, which runs the initializers of
    /// globals: one empty scope, the rest as the last function left it.
    mutating func begin(name: String) {
        self.name = name
        scopes = [[:]]
        breakable = 0
        loops = 0
        switches = []
        labels = []
        gotos = []
    }

    func lookup(_ name: String) -> TypeChecker.Binding? {
        for scope in scopes.reversed() { if let b = scope[name] { return b } }
        return nil
    }

    /// Declares `name` in the innermost scope; false when it is already there.
    mutating func declare(_ name: String, _ binding: TypeChecker.Binding) -> Bool {
        if scopes.isEmpty { scopes.append([:]) }
        let redefined = scopes[scopes.count - 1][name] != nil
        scopes[scopes.count - 1][name] = binding
        return !redefined
    }
}
