import LessonKit
import TUI

/// The vote before a question's reveal: titled "Vote", the question and
/// its choices large (a blank row between), the class's counts as the
/// teacher types them, the countdown; nothing hints at the answer.
struct VoteView {
    let question: Question
    let vote: PresenterState.Vote
    let selected: Int
    let countdown: Int?

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        var y = area.y + 1
        let title = vote.rounds.count > 1 ? "Vote (round \(vote.rounds.count))" : "Vote"
        TextBlock.drawLine([Span(title, .title, extra: [.bold, .underline])], x: area.x + max(0, (area.width - title.count) / 2),
                           y: y, width: area.width, on: &grid, context: context)
        y += 2
        let inner = max(10, area.width - 6)
        for row in LessonTextWrap.rows(question.prompt, width: inner) where y < area.maxY {
            TextBlock.drawLine([Span(row, .strong)], x: area.x + 3, y: y, width: inner, on: &grid, context: context)
            y += 1
        }
        y += 1
        let countWidth = 14
        for (index, choice) in question.choices.enumerated() {
            guard y < area.maxY - 2 else { break }
            let isSelected = index == selected
            let lead = isSelected ? "\(context.glyphs.selected) " : "  "
            let text = "\(lead)\(Question.letter(index))) "
            let rows = LessonTextWrap.rows(choice.text, width: max(10, inner - text.count - countWidth))
            for (offset, row) in rows.enumerated() where y < area.maxY - 2 {
                let prefix = offset == 0 ? text : String(repeating: " ", count: text.count)
                TextBlock.drawLine([Span(prefix, isSelected ? .marker : .strong), Span(row, .strong)], x: area.x + 3, y: y,
                                   width: inner - countWidth, on: &grid, context: context)
                if offset == 0 {
                    var counts: Line = []
                    if vote.rounds.count > 1 { counts.append(Span("\(vote.rounds[vote.rounds.count - 2][index]) → ", .dim)) }
                    counts.append(Span("[\(pad(vote.current[index]))]", isSelected ? .selection : .strong))
                    TextBlock.drawLine(counts, x: area.x + 3 + inner - countWidth, y: y, width: countWidth, on: &grid, context: context)
                }
                y += 1
            }
            y += 1
        }
        let total = vote.current.reduce(0, +)
        var status: Line = [Span("\(total) vote\(total == 1 ? "" : "s")", .strong)]
        if let countdown {
            status += [Span("   countdown ", .dim), Span(countdown == 0 ? "time is up" : "\(countdown) s", countdown == 0 ? .warning : .notice)]
        }
        TextBlock.drawLine(status, x: area.x + 3, y: area.maxY - 1, width: inner, on: &grid, context: context)
    }

    private func pad(_ count: Int) -> String {
        let text = String(count)
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }
}

/// After the reveal: each choice with the kernel's answer marked and the
/// class's counts as bars below it (one per round, the last in full), then
/// the rule that decides it.
struct VoteResultView {
    let question: Question
    let answer: LessonSession.Answer
    let vote: PresenterState.Vote

    static func rows(_ question: Question, rounds: Int, width: Int) -> Int {
        let inner = max(10, width - 6)
        return 3 + LessonTextWrap.rows(question.prompt, width: inner).count + question.choices.count * (1 + rounds)
            + min(3, LessonTextWrap.rows(question.explanation, width: inner).count)
    }

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        var y = area.y + 1
        TextBlock.drawLine([Span("Vote", .title, extra: [.bold, .underline]), Span("  and what the kernel did", .dim)],
                           x: area.x + 3, y: y, width: area.width - 3, on: &grid, context: context)
        y += 1
        let inner = max(10, area.width - 6)
        for row in LessonTextWrap.rows(question.prompt, width: inner) where y < area.maxY {
            TextBlock.drawLine([Span(row, .strong)], x: area.x + 3, y: y, width: inner, on: &grid, context: context)
            y += 1
        }
        let most = max(1, vote.rounds.flatMap { $0 }.max() ?? 1)
        let barWidth = max(4, inner - 24)
        for (index, choice) in question.choices.enumerated() where y < area.maxY {
            let right = answer.grade.choices.indices.contains(index) && answer.grade.choices[index].holds
            let mark = right ? (context.glyphs.isASCII ? "ok " : "✓ ") : "   "
            TextBlock.drawLine([Span("\(mark)\(Question.letter(index))) \(choice.text)", right ? .good : .text, extra: right ? [.bold] : [])],
                               x: area.x + 3, y: y, width: inner, on: &grid, context: context)
            y += 1
            for (round, counts) in vote.rounds.enumerated() where y < area.maxY {
                let count = counts.indices.contains(index) ? counts[index] : 0
                let latest = round == vote.rounds.count - 1
                let bar = String(repeating: latest ? context.glyphs.gaugeFull : context.glyphs.gaugeEmpty, count: count * barWidth / most)
                let label = vote.rounds.count > 1 ? "round \(round + 1) " : ""
                TextBlock.drawLine([Span("      " + label, .dim), Span(bar, latest ? (right ? .good : .strong) : .dim),
                                    // No bar: the count starts where the bars do.
                                    Span(bar.isEmpty ? "\(count)" : " \(count)", latest ? .strong : .dim)],
                                   x: area.x + 3, y: y, width: inner, on: &grid, context: context)
                y += 1
            }
        }
        for row in LessonTextWrap.rows(answer.explanation, width: inner).prefix(3) where y < area.maxY {
            TextBlock.drawLine([Span(row, .text)], x: area.x + 3, y: y, width: inner, on: &grid, context: context)
            y += 1
        }
    }
}

/// Words wrapped at spaces to a width (a word longer than a row is cut by the drawing).
enum LessonTextWrap {
    static func rows(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        var row = ""
        for word in text.split(separator: " ") {
            if !row.isEmpty && row.count + 1 + word.count > width {
                rows.append(row)
                row = ""
            }
            row += (row.isEmpty ? "" : " ") + word
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
