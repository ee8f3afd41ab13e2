/// The operators of expressions, as the parser found them. Each prints as
/// its C spelling, so diagnostics read as before.

/// `a OP b` for the arithmetic, shift, comparison, bitwise and logical operators.
enum BinaryOperator: String, Sendable, CaseIterable, CustomStringConvertible {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case shiftLeft = "<<", shiftRight = ">>"
    case less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    case equal = "==", notEqual = "!="
    case bitAnd = "&", bitXor = "^", bitOr = "|"
    case logicalAnd = "&&", logicalOr = "||"

    var description: String { rawValue }

    /// `==`, `!=`, `<`, `>`, `<=`, `>=`: the result is an `int` 0 or 1.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual: return true
        default: return false
        }
    }

    /// Binding strength: higher binds tighter (C's precedence table).
    var precedence: Int {
        switch self {
        case .logicalOr: return 0
        case .logicalAnd: return 1
        case .bitOr: return 2
        case .bitXor: return 3
        case .bitAnd: return 4
        case .equal, .notEqual: return 5
        case .less, .greater, .lessOrEqual, .greaterOrEqual: return 6
        case .shiftLeft, .shiftRight: return 7
        case .add, .subtract: return 8
        case .multiply, .divide, .remainder: return 9
        }
    }
}

/// `OP x`, prefix increment and decrement included.
enum UnaryOperator: String, Sendable, CaseIterable, CustomStringConvertible {
    case negate = "-", plus = "+", logicalNot = "!", bitNot = "~"
    case dereference = "*", addressOf = "&"
    case increment = "++", decrement = "--"

    var description: String { rawValue }
}

/// `x++` and `x--`.
enum PostfixOperator: String, Sendable, CaseIterable, CustomStringConvertible {
    case increment = "++", decrement = "--"

    var description: String { rawValue }
}

/// `a = b`, or a compound assignment `a OP= b`.
enum AssignmentOperator: Sendable, Equatable, CustomStringConvertible {
    case plain
    case compound(BinaryOperator)

    /// The operator spelled by a token (`=`, `+=`, `<<=` …), if it is one.
    init?(spelling: String) {
        if spelling == "=" { self = .plain; return }
        guard spelling.count >= 2, spelling.hasSuffix("="),
              let op = BinaryOperator(rawValue: String(spelling.dropLast())),
              !op.isComparison, op != .logicalAnd, op != .logicalOr
        else { return nil }
        self = .compound(op)
    }

    var description: String {
        switch self {
        case .plain: return "="
        case .compound(let op): return op.rawValue + "="
        }
    }
}
