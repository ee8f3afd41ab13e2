/// A terminal colour: the terminal's own default, or one of the 16 ANSI colours.
///
/// Only the 16 ANSI colours are used so that themes work on every terminal the
/// product targets, including 8-colour ones (bright colours fall back to bold).
public enum Color: Int, Sendable, Equatable, Hashable, CaseIterable {
    case `default` = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The ANSI index (0–15), or -1 for the terminal's default colour.
    public var ansiIndex: Int { rawValue }
}
