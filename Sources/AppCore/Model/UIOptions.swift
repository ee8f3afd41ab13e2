import TUI

/// How the user asked the app to look: theme, colour and glyph set.
public struct UIOptions: Sendable, Equatable {
    public enum ThemeName: String, Sendable, Equatable, CaseIterable {
        case dark, light
    }

    public var theme: ThemeName
    public var color: Bool
    public var ascii: Bool

    public init(theme: ThemeName = .dark, color: Bool = true, ascii: Bool = false) {
        self.theme = theme; self.color = color; self.ascii = ascii
    }

    /// Options from the command line and the environment: `NO_COLOR` (any
    /// non-empty value, see no-color.org) turns colour off like `--no-color`.
    public static func resolve(theme: ThemeName?, noColor: Bool, ascii: Bool,
                               environment: [String: String]) -> UIOptions {
        let envNoColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return UIOptions(theme: theme ?? .dark, color: !(noColor || envNoColor), ascii: ascii)
    }

    public var drawContext: DrawContext {
        let themeValue: Theme = !color ? .monochrome : (theme == .light ? .light : .dark)
        return DrawContext(theme: themeValue, glyphs: ascii ? .ascii : .unicode)
    }
}
