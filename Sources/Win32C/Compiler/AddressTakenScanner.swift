/// Finds the names whose address a function body takes (`&x`), so those
/// locals live in stack memory and all others can live in VM registers.
enum AddressTakenScanner {
    static func scan(_ body: [Stmt]) -> Set<String> {
        var names: Set<String> = []
        for s in body { visit(s, &names, 0) }
        return names
    }

    private static func visit(_ s: Stmt, _ names: inout Set<String>, _ depth: Int) {
        guard depth < 1000 else { return }
        switch s {
        case .expression(let e): visit(e, &names, depth + 1)
        case .declaration(let decls):
            for d in decls { if let i = d.initializer { visit(i, &names, depth + 1) } }
        case .block(let items): for i in items { visit(i, &names, depth + 1) }
        case .ifElse(let c, let a, let b, _):
            visit(c, &names, depth + 1); visit(a, &names, depth + 1)
            if let b { visit(b, &names, depth + 1) }
        case .whileLoop(let c, let b, _): visit(c, &names, depth + 1); visit(b, &names, depth + 1)
        case .doWhile(let b, let c, _): visit(b, &names, depth + 1); visit(c, &names, depth + 1)
        case .forLoop(let i, let c, let st, let b, _):
            if let i { visit(i, &names, depth + 1) }
            if let c { visit(c, &names, depth + 1) }
            if let st { visit(st, &names, depth + 1) }
            visit(b, &names, depth + 1)
        case .switchStmt(let c, let b, _): visit(c, &names, depth + 1); visit(b, &names, depth + 1)
        case .caseLabel(let c, let b, _): visit(c, &names, depth + 1); visit(b, &names, depth + 1)
        case .defaultLabel(let b, _), .label(_, let b, _): visit(b, &names, depth + 1)
        case .returnStmt(let e, _): if let e { visit(e, &names, depth + 1) }
        case .breakStmt, .continueStmt, .gotoStmt, .empty: break
        }
    }

    private static func visit(_ i: Initializer, _ names: inout Set<String>, _ depth: Int) {
        guard depth < 1000 else { return }
        switch i {
        case .expression(let e): visit(e, &names, depth + 1)
        case .list(let items, _): for x in items { visit(x, &names, depth + 1) }
        case .designated(_, let inner, _): visit(inner, &names, depth + 1)
        }
    }

    private static func visit(_ e: Expr, _ names: inout Set<String>, _ depth: Int) {
        guard depth < 1000 else { return }
        switch e.kind {
        case .unary(let op, let x):
            if op == .addressOf, case .identifier(let n) = x.kind { names.insert(n) }
            visit(x, &names, depth + 1)
        case .postfix(_, let x), .sizeofExpr(let x), .cast(_, let x), .member(let x, _, _): visit(x, &names, depth + 1)
        case .binary(_, let a, let b), .assign(_, let a, let b), .comma(let a, let b), .index(let a, let b):
            visit(a, &names, depth + 1); visit(b, &names, depth + 1)
        case .conditional(let a, let b, let c):
            visit(a, &names, depth + 1); visit(b, &names, depth + 1); visit(c, &names, depth + 1)
        case .call(let f, let args):
            visit(f, &names, depth + 1)
            for a in args { visit(a, &names, depth + 1) }
        case .compoundLiteral(_, let i): visit(i, &names, depth + 1)
        default: break
        }
    }
}
