import Testing
@testable import Win32C

/// The type checker runs before code generation: every expression's type is
/// recorded under its parse-time id, and code generation reads those types
/// instead of emitting code to learn them (which used to leave wasted frame
/// bytes and missed peepholes behind).
@Suite struct TypeCheckerTests {
    /// Lexes, parses and checks a program that needs no prelude.
    func checked(_ source: String) -> (TypeChecker, [TopLevel]) {
        var lexer = Lexer(bytes: Array(source.utf8))
        var parser = Parser(tokens: lexer.tokenize())
        let items = parser.parseTranslationUnit()
        let checker = TypeChecker(expressionCount: parser.expressionCount)
        checker.check(items)
        return (checker, items)
    }

    /// The expression of the first `return` in `main`.
    func returnedExpression(_ items: [TopLevel]) -> Expr? {
        for case .function(let f) in items where f.name == "main" {
            for case .returnStmt(let e?, _) in f.body { return e }
        }
        return nil
    }

    @Test func recordsTheTypeOfEveryExpressionByItsId() throws {
        let (checker, items) = checked("int main(void) { short a[3]; return a[1] + 'x' * 2u; }")
        #expect(checker.diagnostics.isEmpty)
        let e = try #require(returnedExpression(items))
        guard case .binary(.add, let index, let product) = e.kind, case .index(let array, _) = index.kind else {
            Issue.record("unexpected tree \(e.kind)")
            return
        }
        #expect(checker.types[e]?.description == "unsigned int")
        #expect(checker.types[index]?.description == "short")
        #expect(checker.types[product]?.description == "unsigned int")
        #expect(checker.types[array]?.description == "short *")
        #expect(Set([e.id, index.id, product.id, array.id]).count == 4)
    }

    @Test func sizeofKeepsTheOperandsDeclaredType() throws {
        let (checker, items) = checked("int main(void) { long long a[5]; return (int)sizeof a; }")
        let e = try #require(returnedExpression(items))
        guard case .cast(_, let size) = e.kind else { Issue.record("unexpected tree \(e.kind)"); return }
        #expect(checker.types.sizeofOperand(of: size)?.size == 40)
        #expect(checker.types[size]?.description == "unsigned long long")
    }

    @Test func reportsErrorsOnceAndInSourceOrder() {
        let (checker, _) = checked("""
        int main(void) {
            int *p = 0;
            return (p < 1.5) + (undefined ? 1 : q);
        }
        """)
        #expect(checker.diagnostics.map(\.description) == [
            "3:15: error: invalid operands to binary expression ('int *' and 'double')",
            "3:25: error: use of undeclared identifier 'undefined'",
            "3:41: error: use of undeclared identifier 'q'",
        ])
    }

    @Test func aConditionalOnMembersGetsFusedLoads() throws {
        let result = CCompiler.compile(source: """
        struct P { int a; int b; };
        int order(const struct P *x, const struct P *y) { return x->b < y->b ? -1 : x->b > y->b ? 1 : 0; }
        int main(void) { struct P p = { 1, 2 }, q = { 1, 3 }; return order(&p, &q) + 1; }
        """)
        let program = try #require(result.program, "\(result.diagnostics)")
        let order = Disassembler.text(program).components(separatedBy: "\n\n").first { $0.hasPrefix("order:") } ?? ""
        #expect(order.contains("offsetLoad"))
        #expect(!order.contains("addConst"), "every member load fused: \(order)")
        #expect(StandaloneRun.run(program).exitCode == 0)
    }

    @Test func aStructResultInAComparisonTakesOneTemporary() throws {
        let result = CCompiler.compile(source: """
        struct Big { int a, b, c, d, e; };
        struct Big make(void) { struct Big b = { 7, 0, 0, 0, 0 }; return b; }
        int main(void) { if (make().a > 5) return 1; return 0; }
        """)
        let program = try #require(result.program, "\(result.diagnostics)")
        #expect(Disassembler.text(program).contains("main: registers=0 frame=32 "))
        #expect(StandaloneRun.run(program).exitCode == 1)
    }
}
