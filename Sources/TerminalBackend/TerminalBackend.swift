import CNcurses

/// Placeholder so the target builds; replaced as the target is written.
public enum TerminalBackendModule {
    public static func ncursesVersion() -> String { String(cString: curses_version()) }
}
