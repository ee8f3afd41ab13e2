/// Reads a key from the characters that followed an Esc the terminal
/// library did not decode itself: a terminal whose `TERM` entry does not
/// list a key (End as `ESC [ 4 ~` under `xterm-256color` in tmux, say) sends
/// it as Esc and a few characters. Taking that Esc for the Escape key would
/// make such a key quit a screen.
public enum EscapeSequence {
    /// What the characters after Esc mean. `.escape` when nothing followed
    /// (the Escape key itself); nil for a sequence that names no key the app
    /// uses (Insert, Delete, Alt with a letter), which is then ignored.
    public static func key(after following: [Character]) -> Key? {
        guard let introducer = following.first else { return .escape }
        let rest = following.dropFirst()
        switch introducer {
        case "[": return controlSequence(Array(rest))
        case "O": return rest.count == 1 ? singleShift(rest.first!) : nil
        default: return nil
        }
    }

    /// Whether a sequence that starts with these characters is complete:
    /// the reader stops taking characters once it is.
    public static func isComplete(_ following: [Character]) -> Bool {
        guard let introducer = following.first else { return false }
        switch introducer {
        case "[":
            // Parameters are digits and ';'; any other character ends it.
            guard let last = following.last, following.count >= 2 else { return false }
            return !(last.isASCII && (last.isNumber || last == ";"))
        case "O": return following.count >= 2
        default: return true
        }
    }

    /// The longest sequence read: anything longer is not a key.
    public static let maximumLength = 8

    private static func controlSequence(_ body: [Character]) -> Key? {
        guard let final = body.last else { return nil }
        let parameters = String(body.dropLast())
        // "1;5" (a key with a modifier): the first number names the key.
        let number = Int(parameters.split(separator: ";").first ?? "")
        if let key = cursorKey(final) { return key }
        switch final {
        case "Z": return .backTab
        case "~":
            switch number {
            case 1, 7: return .home
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11, 12, 13, 14, 15: return .function(number! - 10)
            case 17, 18, 19, 20, 21: return .function(number! - 11)
            case 23, 24: return .function(number! - 12)
            default: return nil
            }
        default: return nil
        }
    }

    /// Arrows, Home and End: the same final letter after `[` or `O`.
    private static func cursorKey(_ final: Character) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        default: return nil
        }
    }

    private static func singleShift(_ final: Character) -> Key? {
        if let key = cursorKey(final) { return key }
        switch final {
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }
}
