/// A lexical token with its location and, for literals, its decoded value.
struct Token: Sendable {
    enum Kind: Sendable, Equatable { case identifier, number, character, string, punct, eof }

    var kind: Kind
    var text: String
    var location: SourceLocation
    /// First token on its source line (directives start with such a `#`).
    var atLineStart = false
    /// Whitespace precedes the token (tells `#define F(x)` from `#define F (x)`).
    var spaceBefore = false
    /// Bytes the token spans on its line (for "expected ';'" after it).
    var length = 1
    /// Integer value of a number or character literal.
    var intValue: UInt64 = 0
    /// Value of a floating literal; `isFloat` tells it is one.
    var floatValue: Double = 0
    var isFloat = false
    /// Integer literal suffix/base facts used to type it as C does.
    var isUnsigned = false
    var longCount = 0
    var isDecimal = true
    /// Code units of a string literal (bytes, or UTF-16 units when wide).
    var units: [UInt32] = []
    var isWide = false

    init(_ kind: Kind, _ text: String, _ location: SourceLocation) {
        self.kind = kind
        self.text = text
        self.location = location
    }

    func isPunct(_ p: Punctuator) -> Bool { kind == .punct && text == p.rawValue }
    func isIdent(_ name: String) -> Bool { kind == .identifier && text == name }
}
