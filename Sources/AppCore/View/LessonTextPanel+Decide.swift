import LessonKit
import TUI

/// A decide block on the lesson panel: the options with the learner's
/// selection, then each try's verdict and, once decided right, the kernel's
/// decision and the rule.
extension LessonTextPanel {
    func decisionLines(_ decide: Decision, width: Int) -> [Line] {
        let tries = screen.lesson.currentDecision
        let open = screen.lesson.openDecision != nil
        var out: [Line] = []
        let prompt = StyledLine(kind: .paragraph, spans: [StyledSpan("Decide: ", .strong)] + MarkdownRenderer.inline(decide.prompt))
        out += prepared(prompt).wrapped(width: width).map { spans in spans.map { Span($0.text, $0.style == .strong ? .strong : .text) } }
        let tried = Set(tries?.choices ?? [])
        for (index, option) in decide.options.enumerated() {
            let selected = open && index == screen.decisionSelection
            let isKernel = tries?.kernelOption == index && tries?.correct == true
            let wasWrong = tried.contains(index) && tries?.kernelOption != index
            let mark = isKernel ? (glyphs.isASCII ? "ok" : "✓ ") : (wasWrong ? (glyphs.isASCII ? "--" : "✗ ") : "  ")
            // The letter that selects the option, while it can be chosen.
            let letter = open && index < KeyMap.decisionLetters(decide.options.count) ? Question.letter(index) + ") " : ""
            let lead = (selected ? String(glyphs.selected) : " ") + mark + " " + letter
            let role: Role = isKernel ? .good : (wasWrong ? .error : (selected ? .key : .text))
            let rows = prepared(StyledLine(kind: .paragraph, spans: [StyledSpan(option.text)]))
                .wrapped(width: max(1, width - CharacterWidth.of(lead)))
            for (row, spans) in rows.enumerated() {
                let prefix = row == 0 ? lead : String(repeating: " ", count: CharacterWidth.of(lead))
                out.append([Span(prefix, selected ? .key : role)] + spans.map { Span($0.text, role) })
            }
        }
        guard let tries else {
            out += wrap("You play the kernel: choose an option (j/k or its letter), then Enter decides; "
                        + "then the kernel makes the real decision.", role: .notice, width: width)
            return out
        }
        out.append([])
        if tries.correct {
            let first = tries.choices.count == 1 ? "" : " (try \(tries.choices.count))"
            out += wrap("\(passMark) Right\(first): the kernel decided \(tries.kernel.text).", role: .good, width: width,
                        hanging: CharacterWidth.of(passMark) + 1)
        } else {
            out += wrap("\(failMark) Not what the kernel decided. Choose again (j/k or a letter, then Enter), or go on (n).", role: .error,
                        width: width, hanging: CharacterWidth.of(failMark) + 1)
        }
        // The rule only once decided right: beside "Choose again" it would give the answer away.
        if tries.correct {
            let why = StyledLine(kind: .paragraph, spans: [StyledSpan("Rule: ", .strong)] + MarkdownRenderer.inline(tries.explanation))
            out += prepared(why).wrapped(width: width).map { spans in spans.map { Span($0.text, $0.style == .strong ? .strong : .text) } }
        }
        return out
    }
}
