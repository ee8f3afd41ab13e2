/// The punctuators the parser and preprocessor look for, so that a
/// misspelt one is a compile error rather than a test that never matches.
/// Each prints as its C spelling.
enum Punctuator: String, Sendable, CaseIterable, CustomStringConvertible {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    case semicolon = ";", comma = ",", colon = ":", question = "?", equal = "="
    case dot = ".", arrow = "->", ellipsis = "..."
    case star = "*", ampersand = "&", plus = "+", minus = "-", tilde = "~", bang = "!"
    case logicalAnd = "&&", hash = "#", hashHash = "##", scope = "::"

    var description: String { rawValue }
}
