import TUI

/// Which key does what, per screen. Every action has a letter key; arrows,
/// Space, Enter, Tab, Backspace and F1 are extra ways in. Back is Left or
/// Backspace on every screen (as in htop and lazygit), so no letter means
/// "back" and the letters `a`-`d` stay free to answer a lesson's question.
/// Home, End, PgUp and PgDn move or scroll on every screen; they never quit.
public enum KeyMap {
    public static func action(for key: Key, in state: AppState) -> Action? {
        if let overlay = state.overlay {
            switch overlay {
            case .openFile: return .promptInput(key)
            case .why:
                switch key {
                case .character("j"), .down: return .whyMove(delta: 1)
                case .character("k"), .up: return .whyMove(delta: -1)
                case .enter: return .whyJump
                case .character("q"), .character("w"), .escape: return .toggleHelp
                default: return nil
                }
            case .help, .message:
                switch key {
                case .character("?"), .character("q"), .escape, .enter, .function(1), .character(" "): return .toggleHelp
                default: return nil
                }
            }
        }
        if state.isPresenting || (key == .character("P") && state.canPresent) {
            if let action = presenterAction(for: key, in: state) { return action }
        }
        switch state.screen {
        case .home: return homeAction(for: key)
        case .compare, .focus, .playground: return sessionAction(for: key, screen: state.screen)
        case .lesson: return lessonAction(for: key, in: state)
        }
    }

    static func homeAction(for key: Key) -> Action? {
        switch key {
        case .up, .character("k"): return .homeMove(delta: -1)
        case .down, .character("j"), .tab: return .homeMove(delta: 1)
        case .enter, .character(" "), .right, .character("l"): return .homeActivate
        case .character("c"): return .homeChoose(.compare)
        case .character("o"): return .homeChoose(.playground)
        case .home: return .homeJump(delta: -Int.max / 2)
        case .end: return .homeJump(delta: Int.max / 2)
        case .pageUp: return .homeJump(delta: -5)
        case .pageDown: return .homeJump(delta: 5)
        case .character("?"), .function(1), .character("h"): return .toggleHelp
        case .character("q"), .escape: return .quit
        default: return nil
        }
    }

    static func sessionAction(for key: Key, screen: Screen) -> Action? {
        switch key {
        case .character("s"), .right: return .stepEvent
        case .character("t"): return .stepStatement
        case .character("p"), .character(" "): return .toggleRun
        case .character("u"), .character("+"), .character("="): return .faster
        case .character("d"), .character("-"): return .slower
        case .left, .backspace: return .stepBack
        case .character("r"): return .restart
        case .character("w"): return .why
        case .character("j"), .down: return .selectThread(delta: 1)
        case .character("k"), .up: return .selectThread(delta: -1)
        case .character("n"), .tab: return .nextPane(delta: 1)
        case .backTab: return .nextPane(delta: -1)
        case .character("1"): return .selectPane(0)
        case .character("2"): return .selectPane(1)
        case .character("3"): return .selectPane(2)
        case .character("4"): return .selectPane(3)
        case .character("f"), .enter: return screen == .compare ? .focus : (screen == .playground ? nil : .back)
        case .character("?"), .function(1): return .toggleHelp
        case .character("q"), .escape: return .back
        case .character("["): return .scrollSource(delta: -5)
        case .character("]"): return .scrollSource(delta: 5)
        case .character("{"): return .scrollOutput(delta: -5)
        case .character("}"): return .scrollOutput(delta: 5)
        case .character("<"): return .scrollLog(delta: -1)
        case .character(">"): return .scrollLog(delta: 1)
        // Compare: the selected pane's thread list, a page at a time (htop's habit);
        // Focus and the Playground: the kernel event log.
        case .pageUp: return screen == .compare ? .jumpThread(delta: -5) : .scrollLog(delta: -10)
        case .pageDown: return screen == .compare ? .jumpThread(delta: 5) : .scrollLog(delta: 10)
        case .home: return screen == .compare ? .jumpThread(delta: -Int.max / 2) : .scrollLog(delta: -Int.max / 2)
        case .end: return screen == .compare ? .jumpThread(delta: Int.max / 2) : .scrollLog(delta: Int.max / 2)
        default: return nil
        }
    }

    /// The key bar for a screen: (key, label), the most used first, help last.
    public static func hints(for state: AppState) -> [KeyBar.Item] {
        if let overlay = state.overlay {
            switch overlay {
            case .openFile: return [.init("Enter", "open"), .init("Esc", "cancel")]
            case .why: return [.init("j/k", "choose"), .init("Enter", "step back to it"), .init("q", "close")]
            case .help, .message: return [.init("q", "close"), .init("?", "close")]
            }
        }
        switch state.screen {
        case .lesson:
            return lessonHints(for: state)
        case .home:
            return [.init("j/k", "move"), .init("Enter", "open"), .init("c", "compare"), .init("o", "open file"),
                    .init("q", "quit"), .init("?", "help")]
        case .compare, .focus, .playground:
            let running = state.isRunning
            var items: [KeyBar.Item] = [
                .init("s", "step"), .init("p", running ? "pause" : "run"), .init("t", "stmt"), .init("Left", "back"),
                .init("j/k", "thread"),
            ]
            switch state.screen {
            case .compare: items += [.init("n", "pane"), .init("f", "focus")]
            case .focus: items += [.init("n", "pane"), .init("f", "all")]
            default: break
            }
            items += [.init("u/d", "speed"), .init("r", "restart"),
                      .init("q", backLabel(for: state)), .init("?", "help")]
            return items
        }
    }

    static func backLabel(for state: AppState) -> String {
        switch state.screen {
        case .focus: return "back"
        case .compare, .playground, .lesson: return (state.session?.returnsToHome ?? false) ? "home" : "quit"
        case .home: return "quit"
        }
    }
}
