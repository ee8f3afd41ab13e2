/// What the app loop needs from a terminal; the ncurses backend is one, and
/// tests use a recording fake.
public protocol TerminalSurface: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows a grid (the surface decides how much to redraw).
    func present(_ grid: Grid)
    /// Waits for input: forever when `timeoutMilliseconds` is nil (no CPU use),
    /// otherwise at most that long. Nil means the time ran out.
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent?
}
