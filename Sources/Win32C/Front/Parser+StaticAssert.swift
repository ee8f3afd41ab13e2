/// `_Static_assert`/`static_assert` (C11/C23), checked while parsing, and
/// Microsoft's structured exception handling, refused with one clear error
/// (the simulation raises no exceptions to handle).
extension Parser {
    /// Parses one of these constructs at `current`; nil when there is none.
    mutating func parseStaticAssertOrSEH() -> Stmt? {
        guard current.kind == .identifier else { return nil }
        switch current.text {
        case "_Static_assert", "static_assert":
            let keyword = advance()
            expect(.leftParen)
            let condition = parseConditional()
            var message = ""
            if accept(.comma) {
                if current.kind == .string {
                    message = String(decoding: advance().units.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
                } else {
                    error("expected a string literal in static assertion", current.location)
                }
            }
            expect(.rightParen)
            expect(.semicolon, "after static assertion")
            if let value = constantValue(condition) {
                if value == 0 { error("static assertion failed" + (message.isEmpty ? "" : ": \(message)"), keyword.location) }
            } else {
                error("static assertion expression is not an integer constant", condition.location)
            }
            return .empty
        case "__try":
            error("structured exception handling (__try/__except/__finally) is not supported", current.location)
            _ = advance()
            skipBalancedBraces()
            while current.isIdent("__except") || current.isIdent("__finally") {
                _ = advance()
                skipBalancedParens()
                skipBalancedBraces()
            }
            return .empty
        default:
            return nil
        }
    }
}
