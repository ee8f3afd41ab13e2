import LessonKit
import TUI

/// The Lesson screen's keys: lesson keys first, then the ordinary stepping
/// keys, which explore the step's simulation.
extension KeyMap {
    static func lessonAction(for key: Key, in state: AppState) -> Action? {
        if let decide = state.lesson?.lesson.openDecision {
            switch key {
            case .character("j"), .down: return .lesson(.moveDecision(1))
            case .character("k"), .up: return .lesson(.moveDecision(-1))
            case .enter: return .lesson(.decide)
            default:
                // An option's letter selects it (Enter then decides).
                if let letter = answerIndex(for: key), letter < decisionLetters(decide.options.count) {
                    return .lesson(.chooseDecision(letter))
                }
            }
        }
        let pending = state.lesson?.lesson.pendingQuestion
        if let pending, let letter = answerIndex(for: key) {
            // While a question waits, its letters answer and mean nothing else;
            // a letter up to `d` beyond the choices says which keys answer.
            if letter < pending.choices.count { return .lesson(.answer(letter)) }
            if letter < 4 { return .lesson(.answer(Int.max)) }
        }
        let panes = state.session?.panes.count ?? 0
        switch key {
        case .enter, .right, .character("n"), .character("l"), .pageDown: return .lesson(.next)
        case .left, .backspace: return .lesson(.back)
        case .pageUp, .character("v"): return .lesson(.previous)
        case .home: return .lesson(.startOver)
        case .character("h"), .character("H"): return .lesson(.hint)
        case .character("r"): return .lesson(.restartStep)
        case .character("R"): return .lesson(.replayReveal)
        case .character("J"): return .lesson(.scroll(3))
        case .character("K"): return .lesson(.scroll(-3))
        case .character("f"): return .lesson(.toggleFocus)
        case .tab: return .nextPane(delta: 1)
        case .character(let c) where c.isASCII && c.isNumber:
            // Digits pick a pane, as in Compare; they never answer.
            if let digit = c.wholeNumberValue, digit >= 1, digit <= min(4, panes) { return .selectPane(digit - 1) }
            return pending == nil ? nil : .lesson(.answer(Int.max))
        case .character("s"): return .stepEvent
        case .character("t"): return .stepStatement
        case .character("p"), .character(" "): return .toggleRun
        case .character("u"), .character("+"), .character("="): return .faster
        case .character("d"), .character("-"): return .slower
        case .character("j"), .down: return .selectThread(delta: 1)
        case .character("k"), .up: return .selectThread(delta: -1)
        case .character("["): return .scrollSource(delta: -5)
        case .character("]"): return .scrollSource(delta: 5)
        case .character("{"): return .scrollOutput(delta: -5)
        case .character("}"): return .scrollOutput(delta: 5)
        case .character("<"): return .scrollLog(delta: -1)
        case .character(">"): return .scrollLog(delta: 1)
        case .character("w"): return .why
        case .backTab: return .nextPane(delta: -1)
        case .character("?"), .function(1): return .toggleHelp
        case .character("q"), .escape: return .back
        default: return nil
        }
    }

    /// How many of a decision's options have a letter: up to `g`, so the
    /// letters never take `h` (hint) or `j`/`k` (move).
    static func decisionLetters(_ options: Int) -> Int { min(options, 7) }

    /// A choice letter, `a` to `z`, as a 0-based choice.
    static func answerIndex(for key: Key) -> Int? {
        guard case .character(let c) = key, let ascii = c.asciiValue, ascii >= 97, ascii <= 122 else { return nil }
        return Int(ascii - 97)
    }

    static func lessonHints(for state: AppState) -> [KeyBar.Item] {
        guard let screen = state.lesson else { return [] }
        if screen.lesson.openDecision != nil {
            let letters = decisionLetters(screen.lesson.openDecision?.options.count ?? 0)
            var items: [KeyBar.Item] = [.init("j/k", "move"), .init(answerKeys(letters), "choose"), .init("Enter", "decide")]
            if screen.lesson.currentDecision != nil { items += [.init("n", "next"), .init("R", "replay")] }
            return items + [.init("h", "hint"), .init("Left", "back"), .init("q", backLabel(for: state)),
                            .init("J/K", "scroll"), .init("?", "help")]
        }
        if let question = screen.lesson.pendingQuestion {
            return [.init(answerKeys(question.choices.count), "answer"), .init("h", "hint"),
                    .init("Left", "back"), .init("q", backLabel(for: state)), .init("J/K", "scroll"), .init("?", "help")]
        }
        var items: [KeyBar.Item] = [.init("Enter", "next"), .init("Left", "back"), .init("h", "hint"),
                                    .init("s", "step"), .init("p", state.isRunning ? "pause" : "run"),
                                    .init("t", "stmt"), .init("q", backLabel(for: state)), .init("r", "reset"),
                                    .init("J/K", "scroll")]
        if screen.revealStarts[screen.lesson.stepIndex] != nil { items.append(.init("R", "replay")) }
        if screen.isCompare { items.append(.init("f", screen.focusesSelectedPane ? "all" : "focus")) }
        items.append(.init("?", "help"))
        return items
    }
}

extension KeyMap {
    /// The keys that answer a question with `count` choices: "a-c", or "a/b".
    public static func answerKeys(_ count: Int) -> String {
        let last = Question.letter(max(0, count - 1))
        if count <= 1 { return "a" }
        return count == 2 ? "a/\(last)" : "a-\(last)"
    }
}
