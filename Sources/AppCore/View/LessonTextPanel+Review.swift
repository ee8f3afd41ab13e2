import LessonKit
import TUI

/// The summary under the last step: the score, then each question with the
/// learner's answer, right or wrong, and the rule.
extension LessonTextPanel {
    func reviewLines(width: Int) -> [Line] {
        let items = screen.lesson.review
        guard !items.isEmpty else { return [] }
        let score = screen.progress.score(for: screen.lesson.lesson)
        var out: [Line] = [[]]
        let verdict = score.mastered ? " Mastered." : ""
        out += wrap("Your answers: \(score.text).\(verdict)", role: .title, width: width)
        for item in items {
            out.append([])
            out += wrap("Step \(item.step + 1): \(TextOf.plain(item.prompt))", role: .strong, width: width, hanging: 2)
            guard let choice = item.choice, let correct = item.correct else {
                out += wrap("  not answered in this visit", role: .dim, width: width, hanging: 4)
                continue
            }
            let mark = correct ? passMark : failMark
            let text = "  \(mark) \(Question.letter(choice))) \(TextOf.plain(item.choiceText ?? ""))"
            out += wrap(text, role: correct ? .good : .error, width: width, hanging: 4)
            out += wrap("  Rule: \(TextOf.plain(item.rule))", role: .text, width: width, hanging: 4)
        }
        return out
    }
}

extension LessonTextPanel {
    /// The misconception behind the wrong choice the learner picked.
    func misconceptionLines(_ why: String, width: Int) -> [Line] {
        let row = StyledLine(kind: .paragraph, spans: [StyledSpan("Not quite: ", .strong)] + MarkdownRenderer.inline(why))
        return prepared(row).wrapped(width: width).map { spans in
            spans.map { Span($0.text, $0.style == .code ? .key : ($0.style == .strong ? .strong : .warning)) }
        }
    }
}

extension LessonTextPanel {
    /// The notices about watching the reveal.
    func revealNoticeLine(_ notice: LessonScreen.Notice) -> Line {
        if notice == .nothingToReplay {
            return [Span("Nothing to replay: this step's reveal has not moved the simulation.", .dim)]
        }
        if notice == .revealEnded {
            return [Span("The reveal is over: ", .notice), Span("Left", .key), Span(" steps back through it, ", .text),
                    Span("R", .key), Span(" plays it again.", .text)]
        }
        return [Span("Watching the reveal: ", .notice), Span("p", .key), Span(" pause  ", .text), Span("s", .key),
                Span(" step  ", .text), Span("Left", .key), Span(" back  ", .text), Span("R", .key), Span(" again", .text)]
    }
}

/// Markdown inline text as plain words (code spans keep their backquotes off).
enum TextOf {
    static func plain(_ markdown: String) -> String {
        MarkdownRenderer.inline(markdown).map(\.text).joined()
    }
}
