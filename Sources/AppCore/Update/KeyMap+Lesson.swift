import LessonKit
import TUI

/// The Lesson screen's keys: lesson keys first, then the ordinary stepping
/// keys, which explore the step's simulation.
extension KeyMap {
    static func lessonAction(for key: Key, in state: AppState) -> Action? {
        if state.lesson?.lesson.openDecision != nil {
            switch key {
            case .character("j"), .down: return .lesson(.moveDecision(1))
            case .character("k"), .up: return .lesson(.moveDecision(-1))
            case .enter: return .lesson(.decide)
            default: break
            }
        }
        let pending = state.lesson?.lesson.pendingQuestion
        if let pending, let choice = answerIndex(for: key), choice < pending.choices.count {
            return .lesson(.answer(choice))
        }
        switch key {
        case .enter, .right, .character("n"), .character("l"), .pageDown: return .lesson(.next)
        case .left, .character("b"), .backspace: return .lesson(.back)
        case .pageUp, .character("v"): return .lesson(.previous)
        case .home: return .lesson(.startOver)
        case .character("h"), .character("H"): return .lesson(.hint)
        case .character("r"): return .lesson(.restartStep)
        case .character("R"): return .lesson(.replayReveal)
        case .character("J"): return .lesson(.scroll(3))
        case .character("K"): return .lesson(.scroll(-3))
        case .character("f"): return .lesson(.toggleFocus)
        case .tab: return .nextPane(delta: 1)
        default:
            // Digits pick a pane only when no question claims them.
            if pending == nil, let index = answerIndex(for: key), case .character(let c) = key, c.isNumber, index < 4 {
                return .selectPane(index)
            }
            if pending != nil, case .character(let c) = key, c.isNumber || ("a"..."d").contains(c) {
                // A digit or letter beyond the choices: the reducer says which keys answer.
                return .lesson(.answer(Int.max))
            }
            switch key {
            case .character("s"): return .stepEvent
            case .character("t"): return .stepStatement
            case .character("p"), .character(" "): return .toggleRun
            case .character("u"), .character("+"), .character("="): return .faster
            case .character("d"), .character("-"): return .slower
            case .character("j"), .down: return .selectThread(delta: 1)
            case .character("k"), .up: return .selectThread(delta: -1)
            case .backTab: return .nextPane(delta: -1)
            case .character("?"), .function(1): return .toggleHelp
            case .character("q"), .escape: return .back
            default: return nil
            }
        }
    }

    /// `1`…`9` and `a`…`d` as a 0-based choice.
    static func answerIndex(for key: Key) -> Int? {
        guard case .character(let c) = key else { return nil }
        if let digit = c.wholeNumberValue, (1...9).contains(digit), c.isASCII { return digit - 1 }
        if let ascii = c.asciiValue, ascii >= 97, ascii <= 100 { return Int(ascii - 97) }
        return nil
    }

    static func lessonHints(for state: AppState) -> [KeyBar.Item] {
        guard let screen = state.lesson else { return [] }
        if screen.lesson.openDecision != nil {
            var items: [KeyBar.Item] = [.init("j/k", "choose"), .init("Enter", "decide")]
            if screen.lesson.currentDecision != nil { items += [.init("n", "next"), .init("R", "replay")] }
            return items + [.init("h", "hint"), .init("Left", "back"), .init("q", backLabel(for: state)),
                            .init("J/K", "scroll"), .init("?", "help")]
        }
        if let question = screen.lesson.pendingQuestion {
            let last = Question.letter(max(0, min(question.choices.count, 4) - 1))
            return [.init("a-\(last)", "answer"), .init("1-\(question.choices.count)", "answer"), .init("h", "hint"),
                    .init("Left", "back"), .init("q", backLabel(for: state)), .init("J/K", "scroll"), .init("?", "help")]
        }
        var items: [KeyBar.Item] = [.init("Enter", "next"), .init("b", "back"), .init("h", "hint"),
                                    .init("s", "step"), .init("p", state.isRunning ? "pause" : "run"),
                                    .init("t", "stmt"), .init("q", backLabel(for: state)), .init("r", "reset"),
                                    .init("J/K", "scroll")]
        if screen.revealStarts[screen.lesson.stepIndex] != nil { items.append(.init("R", "replay")) }
        if screen.isCompare { items.append(.init("f", screen.focusesSelectedPane ? "all" : "focus")) }
        items.append(.init("?", "help"))
        return items
    }
}
