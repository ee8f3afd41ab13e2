import CNcurses
import TUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal, through ncurses: draws grids (only the cells that changed),
/// reads keys, mouse clicks and resizes, and restores the terminal on quit,
/// on SIGINT/SIGTERM/SIGHUP and on a crash. The only type that calls ncurses.
public final class NcursesTerminal: TerminalSurface {
    private var previous: Grid?
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    private let colorCount: Int
    private var isOpen = true
    /// Keys are read as bytes and decoded here (see `UTF8InputDecoder`).
    private var decoder = UTF8InputDecoder()
    /// The signal that ended the session (SIGINT, SIGTERM, SIGHUP), if any.
    public private(set) var receivedSignal: Int32 = 0
    /// False when the locale's character set is not UTF-8: box drawing and
    /// other non-ASCII glyphs would not show, so the app should use `--ascii`.
    public let supportsUnicode: Bool

    private struct PairKey: Hashable { var foreground: Int; var background: Int }

    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    /// True when both stdin and stdout are terminals (the app can open).
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Takes over the terminal. Call `close()` on every way out.
    public static func open(color: Bool) throws -> NcursesTerminal {
        setlocale(LC_ALL, "")
        // Before initscr: our flag-only handlers; ncurses then adds its
        // SIGWINCH handler itself (we install none, so KEY_RESIZE works).
        ov_install_quit_handlers()
        guard let screen = ov_newterm() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw OpenError(description: "cannot start the terminal UI: TERM='\(term)' is not usable")
        }
        set_term(screen)
        ov_install_crash_handlers()
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        return NcursesTerminal(color: color, unicode: codeset.uppercased().replacingUTF8Dash() == "UTF8")
    }

    private init(color: Bool, unicode: Bool) {
        supportsUnicode = unicode
        cbreak()
        noecho()
        nonl()
        keypad(ov_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        mouseinterval(0)
        mousemask(ov_button1_pressed | ov_button1_clicked | ov_button4_pressed | ov_button5_pressed, nil)
        if color, has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(ov_colors())
        } else {
            colorCount = 0
        }
        werase(ov_stdscr())
    }

    /// Gives the terminal back: mouse reporting off, normal screen, cursor on.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        mousemask(0, nil)
        // Blank the screen first: where a resize has made the terminal drop
        // its alternate screen (tmux with TERM=xterm-256color does when the
        // window grows), the app's last frame would otherwise stay behind.
        werase(ov_stdscr())
        wrefresh(ov_stdscr())
        curs_set(1)
        endwin()
        ov_restore_crash_handlers()
    }

    deinit { close() }

    /// The terminal's size, capped at `Size.largestDrawn`: a grid is
    /// allocated for every cell, and a huge window would allocate without
    /// bound; beyond the cap the screen stays blank.
    public var size: Size {
        var rows: Int32 = 0, columns: Int32 = 0
        ov_getmaxyx(ov_stdscr(), &rows, &columns)
        return Size(width: Int(columns), height: Int(rows)).cappedForDrawing
    }

    public func present(_ grid: Grid) {
        let diff = GridDiff.between(previous, grid)
        if diff.isFullRedraw { werase(ov_stdscr()) }
        for run in diff.runs { draw(run) }
        placeCursor(grid.cursor)
        wnoutrefresh(ov_stdscr())
        doupdate()
        previous = grid
    }

    /// Whether the cursor is shown now (it is, on the focused item, for screen readers).
    private var cursorShown = false

    /// Puts the visible cursor on the focused item, or hides it when there is none.
    private func placeCursor(_ cursor: CursorPosition?) {
        if let cursor {
            wmove(ov_stdscr(), Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { curs_set(1) }
        } else if cursorShown {
            curs_set(0)
        }
        cursorShown = cursor != nil
    }

    private func draw(_ run: GridDiff.Run) {
        var x = run.x
        var index = 0
        while index < run.cells.count {
            let style = run.cells[index].style
            var text: [wchar_t] = []
            let startX = x
            while index < run.cells.count, run.cells[index].style == style {
                let cell = run.cells[index]
                index += 1
                if cell.isContinuation { continue }
                append(cell, to: &text)
                x += Int(cell.width)
            }
            apply(style)
            text.append(0)
            _ = mvwaddnwstr(ov_stdscr(), Int32(run.y), Int32(startX), text, Int32(text.count - 1))
        }
    }

    /// Adds a cell's character, replaced by `?` (padded to its width) when the
    /// C library disagrees about its width, so the columns never shift.
    private func append(_ cell: Cell, to text: inout [wchar_t]) {
        let scalars = Array(cell.character.unicodeScalars)
        if scalars.count == 1, let scalar = scalars.first, scalar.value < 0x80 {
            text.append(wchar_t(scalar.value))
            return
        }
        let head = wchar_t(bitPattern: scalars.first?.value ?? 0x3F)
        if wcwidth(head) == Int32(cell.width) {
            for scalar in scalars { text.append(wchar_t(bitPattern: scalar.value)) }
        } else {
            text.append(0x3F)
            if cell.width == 2 { text.append(0x20) }
        }
    }

    private func apply(_ style: Style) {
        var attributes: attr_t = ov_a_normal
        if style.attributes.contains(.bold) { attributes |= ov_a_bold }
        if style.attributes.contains(.dim) { attributes |= ov_a_dim }
        if style.attributes.contains(.reverse) { attributes |= ov_a_reverse }
        if style.attributes.contains(.underline) { attributes |= ov_a_underline }
        var pair: Int16 = 0
        if colorCount > 0 {
            var foreground = style.foreground.ansiIndex
            var background = style.background.ansiIndex
            if colorCount < 16 {
                if foreground >= 8 { foreground -= 8; attributes |= ov_a_bold }
                if background >= 8 { background -= 8 }
            }
            pair = pairNumber(foreground: foreground, background: background)
        }
        _ = ov_set_attributes(attributes, pair)
    }

    private func pairNumber(foreground: Int, background: Int) -> Int16 {
        if foreground == -1 && background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return pair }
        guard Int(nextPair) < ov_color_pairs() else { return 0 }
        let pair = nextPair
        nextPair += 1
        init_pair(pair, Int16(foreground), Int16(background))
        pairs[key] = pair
        return pair
    }

    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        while true {
            if let signal = takeSignal() { return signal }
            wtimeout(ov_stdscr(), Int32(clamping: timeoutMilliseconds ?? -1))
            // Bytes, not `wget_wch`: one byte that is not UTF-8 would leave
            // ncurses' own decoder stuck and swallow every later key.
            let result = wgetch(ov_stdscr())
            if let signal = takeSignal() { return signal }
            if result == ERR {
                // Timed out (running), or interrupted while paused: keep waiting.
                if timeoutMilliseconds != nil { return nil }
                continue
            }
            if result >= KEY_MIN {
                if let event = functionKey(result) { return event }
                continue
            }
            guard (0...255).contains(result), let scalar = decoder.feed(UInt8(result)) else { continue }
            if let event = characterKey(wint_t(scalar.value)) { return event }
        }
    }

    private func takeSignal() -> InputEvent? {
        let signal = ov_take_pending_signal()
        guard signal != 0 else { return nil }
        receivedSignal = signal
        return .terminate
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(size)
        case KEY_MOUSE:
            var x: Int32 = 0, y: Int32 = 0
            var buttons: mmask_t = 0
            guard ov_getmouse(&x, &y, &buttons) == OK else { return nil }
            if buttons & (ov_button1_pressed | ov_button1_clicked) != 0 { return .click(x: Int(x), y: Int(y)) }
            if buttons & ov_button4_pressed != 0 { return .wheel(up: true, x: Int(x), y: Int(y)) }
            if buttons & ov_button5_pressed != 0 { return .wheel(up: false, x: Int(x), y: Int(y)) }
            return nil
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.backTab)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        default:
            for n in 1...12 where code == ov_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    /// Esc, or the start of a key sequence ncurses did not decode (its
    /// characters are already waiting): read them at once and decode them.
    private func escapeKey() -> InputEvent? {
        var following: [Character] = []
        wtimeout(ov_stdscr(), 0)
        while following.count < EscapeSequence.maximumLength, !EscapeSequence.isComplete(following) {
            // Key sequences are ASCII: read bytes, as the main loop does.
            let result = wgetch(ov_stdscr())
            guard result != ERR, (0..<128).contains(result), let scalar = Unicode.Scalar(UInt32(result)) else { break }
            following.append(Character(scalar))
        }
        return EscapeSequence.key(after: following).map { .key($0) }
    }

    private func characterKey(_ value: wint_t) -> InputEvent? {
        switch value {
        case 3:
            receivedSignal = SIGINT
            return .terminate
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return escapeKey()
        case 8, 127: return .key(.backspace)
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
