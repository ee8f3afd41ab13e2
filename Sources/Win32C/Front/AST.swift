/// An expression node: a value, so a tree is built once by the parser and
/// never changes. `id` is assigned by the parser, one per node in parse
/// order; the type checker stores each expression's type under it.
struct Expr {
    let kind: ExprKind
    let location: SourceLocation
    /// Index of this node in `ExpressionTypes` (unique within one parse).
    let id: Int
    /// Height of the tree below this node; the parser caps it so checking and
    /// code generation (which recurse) stay within the host stack.
    let depth: Int

    init(_ kind: ExprKind, _ location: SourceLocation, id: Int) {
        self.kind = kind
        self.location = location
        self.id = id
        switch kind {
        case .unary(_, let x), .postfix(_, let x), .cast(_, let x), .sizeofExpr(let x), .member(let x, _, _):
            depth = x.depth + 1
        case .binary(_, let a, let b), .assign(_, let a, let b), .comma(let a, let b), .index(let a, let b):
            depth = max(a.depth, b.depth) + 1
        case .conditional(let a, let b, let c):
            depth = max(a.depth, b.depth, c.depth) + 1
        case .call(let f, let args):
            depth = args.reduce(f.depth) { max($0, $1.depth) } + 1
        default:
            depth = 1
        }
    }
}

indirect enum ExprKind {
    case integer(UInt64, CType)
    case floating(Double)
    case string([UInt32], wide: Bool)
    case identifier(String)
    case unary(UnaryOperator, Expr)     // - + ! ~ * & ++x --x
    case postfix(PostfixOperator, Expr) // x++ x--
    case binary(BinaryOperator, Expr, Expr)
    case assign(AssignmentOperator, Expr, Expr) // = += -= ...
    case conditional(Expr, Expr, Expr)
    case comma(Expr, Expr)
    case call(Expr, [Expr])
    case index(Expr, Expr)
    case member(Expr, String, arrow: Bool)
    case cast(CType, Expr)
    case sizeofType(CType)
    case sizeofExpr(Expr)
    case offsetof(CType, [String])
    /// `(type){ initializer }` (C99): an unnamed object of the enclosing block.
    case compoundLiteral(CType, Initializer)
    /// A construct already reported by the parser.
    case invalid
}

/// A brace-enclosed or single-expression initializer.
indirect enum Initializer {
    case expression(Expr)
    case list([Initializer], SourceLocation)
    /// `.member = value` or `[index] = value` inside a list (C99).
    case designated([Designator], Initializer, SourceLocation)

    var location: SourceLocation {
        switch self {
        case .expression(let e): return e.location
        case .list(_, let l), .designated(_, _, let l): return l
        }
    }
}

/// One step of a designator: `.name` or `[constant]`.
enum Designator {
    case member(String, SourceLocation)
    case index(Expr)
}

enum StorageClass { case none, staticStorage, externStorage }

/// A variable declared in a block or at file scope.
struct VarDecl {
    var name: String
    var type: CType
    var storage: StorageClass
    var initializer: Initializer?
    var location: SourceLocation
    /// `__declspec(align(N))` on the declaration (0 = the type's own alignment).
    var alignment = 0
}

indirect enum Stmt {
    case expression(Expr)
    case declaration([VarDecl])
    case block([Stmt])
    case ifElse(Expr, Stmt, Stmt?, SourceLocation)
    case whileLoop(Expr, Stmt, SourceLocation)
    case doWhile(Stmt, Expr, SourceLocation)
    case forLoop(Stmt?, Expr?, Expr?, Stmt, SourceLocation)
    case switchStmt(Expr, Stmt, SourceLocation)
    case caseLabel(Expr, Stmt, SourceLocation)
    case defaultLabel(Stmt, SourceLocation)
    case breakStmt(SourceLocation)
    case continueStmt(SourceLocation)
    case returnStmt(Expr?, SourceLocation)
    case gotoStmt(String, SourceLocation)
    case label(String, Stmt, SourceLocation)
    case empty
}

/// A function definition.
struct FunctionDecl {
    var name: String
    var type: FunctionType
    var parameterNames: [String?]
    var parameterLocations: [SourceLocation]
    var body: [Stmt]
    var isStatic: Bool
    var location: SourceLocation
    var endLocation: SourceLocation
}

enum TopLevel {
    case function(FunctionDecl)
    /// A prototype or an `extern` function declaration.
    case prototype(String, FunctionType, SourceLocation)
    case variable(VarDecl)
}
