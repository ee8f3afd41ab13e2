/// A layer over the screen that takes the keys while it is open.
public enum Overlay: Sendable, Equatable {
    case help
    case message(title: String, lines: [String])
    /// Asking for a program file to open in the Playground; the text typed so far.
    case openFile(path: String)
    /// Why the selected thread is where it is (`w`).
    case why(WhyState)
}
