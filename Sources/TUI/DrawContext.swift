/// Everything a widget needs besides its data: the theme and the glyph set.
public struct DrawContext: Sendable, Equatable {
    public var theme: Theme
    public var glyphs: Glyphs

    public init(theme: Theme = .dark, glyphs: Glyphs = .unicode) {
        self.theme = theme; self.glyphs = glyphs
    }

    public func style(_ role: Role) -> Style { theme.style(role) }
}
