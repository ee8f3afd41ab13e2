/// What a piece of text *means* on screen; a `Theme` turns it into a `Style`.
///
/// Widgets and views speak only in roles, so a light, dark or monochrome theme
/// changes every screen at once and colour is never hard-coded in a view.
public enum Role: Sendable, Equatable, Hashable, CaseIterable {
    case text, dim, strong, title, border, focusedBorder, selection
    case key, keyLabel, header, lineNumber, currentLine
    case running, ready, waiting, alertable, terminated
    case signaled, unsignaled, packet, emptySlot
    case gaugeFill, gaugeEmpty, gaugeOver
    case good, warning, error, marker, divergence, notice
}
