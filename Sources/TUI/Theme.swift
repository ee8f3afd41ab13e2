/// Turns semantic roles into concrete styles.
///
/// `monochrome` uses attributes only (bold, dim, reverse, underline), for
/// `NO_COLOR`, `--no-color` and terminals without colour. Every state is also
/// drawn with its own letter or glyph, so no theme relies on colour alone.
public struct Theme: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case dark, light, monochrome
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public static let dark = Theme(.dark)
    public static let light = Theme(.light)
    public static let monochrome = Theme(.monochrome)

    public var usesColor: Bool { kind != .monochrome }

    public func style(_ role: Role) -> Style {
        switch kind {
        case .monochrome: return monochromeStyle(role)
        case .dark: return darkStyle(role)
        case .light: return lightStyle(role)
        }
    }

    private func monochromeStyle(_ role: Role) -> Style {
        switch role {
        case .text, .packet, .ready, .waiting, .gaugeEmpty, .unsignaled, .good: return .plain
        case .dim, .emptySlot, .lineNumber, .terminated: return Style(attributes: .dim)
        case .strong, .title, .header, .running, .signaled, .key, .notice: return Style(attributes: .bold)
        case .border, .keyLabel: return .plain
        case .focusedBorder: return Style(attributes: .bold)
        case .selection, .currentLine, .gaugeFill: return Style(attributes: .reverse)
        case .alertable: return Style(attributes: .underline)
        case .gaugeOver, .error, .divergence: return Style(attributes: [.bold, .reverse])
        case .warning, .marker: return Style(attributes: [.bold, .underline])
        }
    }

    private func darkStyle(_ role: Role) -> Style {
        switch role {
        case .text: return .plain
        case .dim, .lineNumber, .emptySlot, .gaugeEmpty: return Style(foreground: .brightBlack)
        case .strong: return Style(attributes: .bold)
        case .title, .header: return Style(foreground: .brightCyan, attributes: .bold)
        case .border: return Style(foreground: .brightBlack)
        case .focusedBorder: return Style(foreground: .brightCyan, attributes: .bold)
        case .selection: return Style(foreground: .black, background: .cyan)
        case .key: return Style(foreground: .black, background: .cyan, attributes: .bold)
        case .keyLabel: return .plain
        case .currentLine: return Style(foreground: .brightWhite, background: .blue)
        case .running: return Style(foreground: .brightGreen, attributes: .bold)
        case .ready: return Style(foreground: .brightYellow)
        case .waiting: return Style(foreground: .brightBlue)
        case .alertable: return Style(foreground: .brightMagenta)
        case .terminated: return Style(foreground: .brightBlack)
        case .signaled: return Style(foreground: .brightGreen, attributes: .bold)
        case .unsignaled: return Style(foreground: .brightBlack)
        case .packet: return Style(foreground: .brightYellow)
        case .gaugeFill: return Style(foreground: .green)
        case .gaugeOver: return Style(foreground: .brightRed, attributes: .bold)
        case .good: return Style(foreground: .green)
        case .warning: return Style(foreground: .yellow, attributes: .bold)
        case .error: return Style(foreground: .brightRed, attributes: .bold)
        case .marker: return Style(foreground: .brightYellow, attributes: .bold)
        case .divergence: return Style(foreground: .brightMagenta, attributes: .bold)
        case .notice: return Style(foreground: .brightWhite, attributes: .bold)
        }
    }

    private func lightStyle(_ role: Role) -> Style {
        switch role {
        case .text: return .plain
        case .dim, .lineNumber, .emptySlot, .gaugeEmpty: return Style(foreground: .brightBlack)
        case .strong: return Style(attributes: .bold)
        case .title, .header: return Style(foreground: .blue, attributes: .bold)
        case .border: return Style(foreground: .brightBlack)
        case .focusedBorder: return Style(foreground: .blue, attributes: .bold)
        case .selection: return Style(foreground: .white, background: .blue)
        case .key: return Style(foreground: .white, background: .blue, attributes: .bold)
        case .keyLabel: return .plain
        case .currentLine: return Style(foreground: .black, background: .yellow)
        case .running: return Style(foreground: .green, attributes: .bold)
        case .ready: return Style(foreground: .yellow, attributes: .bold)
        case .waiting: return Style(foreground: .blue)
        case .alertable: return Style(foreground: .magenta)
        case .terminated: return Style(foreground: .brightBlack)
        case .signaled: return Style(foreground: .green, attributes: .bold)
        case .unsignaled: return Style(foreground: .brightBlack)
        case .packet: return Style(foreground: .red)
        case .gaugeFill: return Style(foreground: .green)
        case .gaugeOver: return Style(foreground: .red, attributes: .bold)
        case .good: return Style(foreground: .green)
        case .warning: return Style(foreground: .red)
        case .error: return Style(foreground: .red, attributes: .bold)
        case .marker: return Style(foreground: .magenta, attributes: .bold)
        case .divergence: return Style(foreground: .magenta, attributes: .bold)
        case .notice: return Style(attributes: .bold)
        }
    }
}
