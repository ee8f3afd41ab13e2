/// What the type checker learned about the expressions of one translation
/// unit, indexed by `Expr.id`: code generation reads it instead of working
/// types out again.
struct ExpressionTypes {
    private var types: [CType?]
    /// For each `sizeof expression` node: the operand's declared (undecayed)
    /// type, whose size is the value.
    private var sizeofOperands: [Int: CType] = [:]

    init(count: Int) {
        types = Array(repeating: nil, count: count)
    }

    /// The type of `e`'s value (arrays decayed, functions as pointers);
    /// nil for an expression the checker never reached.
    subscript(_ e: Expr) -> CType? {
        get { e.id < types.count ? types[e.id] : nil }
        set {
            if e.id >= types.count { types += Array(repeating: nil, count: e.id + 1 - types.count) }
            types[e.id] = newValue
        }
    }

    /// The declared type of the operand of `sizeof` node `e`.
    func sizeofOperand(of e: Expr) -> CType? { sizeofOperands[e.id] }

    mutating func setSizeofOperand(_ type: CType, of e: Expr) { sizeofOperands[e.id] = type }
}
