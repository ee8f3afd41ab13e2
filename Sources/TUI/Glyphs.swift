/// The characters used for borders, arrows, bars and markers.
///
/// `ascii` uses only printable ASCII so the app works on terminals and fonts
/// without box drawing or block elements (`--ascii`).
public struct Glyphs: Sendable, Equatable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var arrow: String
    public var selected: Character
    public var threadMarker: Character
    public var signaled: Character
    public var unsignaled: Character
    public var gaugeFull: Character
    public var gaugeEmpty: Character
    /// Sparkline levels, lowest first.
    public var levels: [Character]
    public var ellipsis: Character
    public var divergence: Character
    public var middleDot: Character
    public var micro: String
    public var isASCII: Bool
    /// Thread-state glyphs in the order running, ready, waiting, alertable, terminated.
    public var states: [Character] = []

    /// The glyph for a thread state, given by the role it is drawn in
    /// (running, ready, waiting, alertable, terminated); blank for others.
    public func stateGlyph(_ role: Role) -> Character {
        let order: [Role] = [.running, .ready, .waiting, .alertable, .terminated]
        guard let index = order.firstIndex(of: role), index < states.count else { return " " }
        return states[index]
    }

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        arrow: "→", selected: "▶", threadMarker: "◆", signaled: "●", unsignaled: "○",
        gaugeFull: "█", gaugeEmpty: "░", levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ellipsis: "…", divergence: "◆", middleDot: "·", micro: "µ", isASCII: false, states: ["●", "◐", "○", "◎", "✕"])

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        arrow: "->", selected: ">", threadMarker: "*", signaled: "*", unsignaled: "o",
        gaugeFull: "#", gaugeEmpty: ".", levels: ["_", ".", "-", "~", "=", "+", "*", "#"],
        ellipsis: "~", divergence: "!", middleDot: "|", micro: "u", isASCII: true, states: ["*", "+", "o", "@", "x"])
}
