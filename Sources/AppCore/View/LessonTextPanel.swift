import LessonKit
import TUI

/// The lesson's side of the Lesson screen: the current step's text wrapped
/// to the panel, its checkpoint results, the question (and, once answered,
/// the verdict, what the kernel did and the explanation) and the hints shown.
///
/// Results always carry a glyph or word (✓/✗, or ok/FAIL in ASCII), never
/// colour alone.
struct LessonTextPanel {
    let screen: LessonScreen
    let context: DrawContext

    var glyphs: Glyphs { context.glyphs }
    var passMark: String { glyphs.isASCII ? "ok" : "✓" }
    var failMark: String { glyphs.isASCII ? "FAIL" : "✗" }

    /// Every row of text at `width`, top to bottom.
    func lines(width: Int) -> [Line] { bodyLines(width: width) + pinnedLines(width: width) }

    /// The question while it waits for an answer: pinned to the bottom of
    /// the panel, so it and every choice stay in view whatever the size.
    func pinnedLines(width: Int) -> [Line] {
        if let decide = screen.lesson.openDecision { return [[]] + decisionLines(decide, width: width) }
        guard let question = screen.lesson.pendingQuestion else { return [] }
        return [[]] + questionLines(question, answer: nil, width: width)
    }

    /// The text above the pinned question (all of it once answered).
    func bodyLines(width: Int) -> [Line] {
        let session = screen.lesson
        let lesson = session.lesson
        let step = session.step
        var out: [Line] = []
        if session.isFirstStep, !lesson.introduction.isEmpty {
            out += styled(lesson.introduction, width: width)
            out.append([])
        }
        out += wrap("Step \(session.stepIndex + 1) of \(lesson.steps.count): \(step.title)", role: .title, width: width)
        if !step.narrative.isEmpty {
            out.append([])
            out += styled(step.narrative, width: width)
        }
        if let problem = session.arrival.stopProblem {
            out.append([])
            out += wrap("\(failMark) \(problem)", role: .error, width: width, hanging: CharacterWidth.of(failMark) + 1)
        }
        if !session.arrival.checkpoints.isEmpty {
            out.append([])
            for check in session.arrival.checkpoints {
                let text = check.passed ? "\(passMark) \(check.checkpoint.message)"
                    : "\(failMark) \(check.checkpoint.message) (found \(check.evaluation.found))"
                let mark = check.passed ? passMark : failMark
                out += wrap(text, role: check.passed ? .good : .error, width: width, hanging: CharacterWidth.of(mark) + 1)
            }
        }
        if let question = step.question, session.pendingQuestion == nil {
            out.append([])
            out += questionLines(question, answer: session.currentAnswer, width: width)
        }
        if let decide = step.decide, session.openDecision == nil, session.currentDecision != nil {
            out.append([])
            out += decisionLines(decide, width: width)
        }
        for (index, hint) in session.visibleHints.enumerated() {
            if index == 0 { out.append([]) }
            let row = StyledLine(kind: .paragraph, spans: [StyledSpan("Hint \(index + 1): ", .strong)] + MarkdownRenderer.inline(hint))
            out += prepared(row).wrapped(width: width).map { spans in spans.map { span(for: $0, in: .paragraph) } }
        }
        if session.isFinished {
            out.append([])
            out += wrap("\(passMark) End of the lesson. q leaves it.", role: .good, width: width)
            out += reviewLines(width: width)
        }
        return out
    }

    private func questionLines(_ question: Question, answer: LessonSession.Answer?, width: Int) -> [Line] {
        var out: [Line] = []
        let prompt = StyledLine(kind: .paragraph, spans: [StyledSpan("Question: ", .strong)] + MarkdownRenderer.inline(question.prompt))
        out += prepared(prompt).wrapped(width: width).map { spans in spans.map { span(for: $0, in: .paragraph) } }
        let kernel = answer?.grade.holdingChoices ?? []
        for (index, choice) in question.choices.enumerated() {
            let chosen = answer?.choice == index
            let mark: String
            if answer == nil {
                mark = "  "
            } else if kernel.contains(index) {
                mark = glyphs.isASCII ? "ok" : "✓ "
            } else {
                mark = chosen ? (glyphs.isASCII ? "--" : "✗ ") : "  "
            }
            let lead = (chosen ? String(glyphs.selected) : " ") + mark + " \(Question.letter(index))) "
            let role: Role = answer == nil ? .text : (kernel.contains(index) ? .good : (chosen ? .error : .dim))
            let rows = prepared(StyledLine(kind: .paragraph, spans: MarkdownRenderer.inline(choice.text)))
                .wrapped(width: max(1, width - CharacterWidth.of(lead)))
            for (row, spans) in rows.enumerated() {
                let prefix = row == 0 ? lead : String(repeating: " ", count: CharacterWidth.of(lead))
                out.append([Span(prefix, row == 0 && answer == nil ? .key : role)]
                           + spans.map { answer == nil ? span(for: $0, in: .paragraph) : Span($0.text, role) })
            }
        }
        guard let answer else {
            out += wrap("Answer first (keys \(KeyMap.answerKeys(question.choices.count))); then the simulation shows what happens.",
                        role: .notice, width: width)
            return out
        }
        out.append([])
        let verdict: String
        if answer.correct {
            verdict = "\(passMark) Right: the kernel did that."
        } else {
            let did = kernel.map(Question.letter).joined(separator: ", ")
            verdict = "\(failMark) Not what the kernel did; it did \(did.isEmpty ? "none of these" : did)."
        }
        out += wrap(verdict, role: answer.correct ? .good : .error, width: width,
                    hanging: CharacterWidth.of(answer.correct ? passMark : failMark) + 1)
        if !answer.correct, let why = question.choices[safeIndex: answer.choice]?.why {
            out += misconceptionLines(why, width: width)
        }
        if let failure = answer.grade.revealFailure {
            out += wrap(failure, role: .warning, width: width, hanging: 2)
        }
        if let shown = kernel.first.flatMap({ answer.grade.choices[safeIndex: $0] }) ?? answer.grade.choices[safeIndex: answer.choice] {
            out += wrap("The kernel: \(shown.found)", role: .text, width: width, hanging: 2)
        }
        if !answer.explanation.isEmpty {
            let why = StyledLine(kind: .paragraph, spans: [StyledSpan("Why: ", .strong)] + MarkdownRenderer.inline(answer.explanation))
            out += prepared(why).wrapped(width: width).map { spans in spans.map { span(for: $0, in: .paragraph) } }
        }
        return out
    }

    private func styled(_ lines: [StyledLine], width: Int) -> [Line] {
        lines.flatMap { line in
            prepared(line).wrapped(width: width).map { spans in spans.map { span(for: $0, in: line.kind) } }
        }
    }

    /// The line as this terminal shows it: in ASCII mode, spelled in ASCII
    /// before it is wrapped, so rows keep their width.
    func prepared(_ line: StyledLine) -> StyledLine {
        guard glyphs.isASCII else { return line }
        var kind = line.kind
        if case .item(let marker) = kind { kind = .item(marker: ASCIIText.of(marker)) }
        return StyledLine(kind: kind, indent: line.indent,
                          spans: line.spans.map { StyledSpan(ASCIIText.of($0.text), $0.style) })
    }

    private func span(for styled: StyledSpan, in kind: StyledLine.Kind) -> Span {
        if kind == .heading { return Span(styled.text, .title) }
        if kind == .code { return Span(styled.text, .key) }
        switch styled.style {
        case .plain: return Span(styled.text, .text)
        case .emphasis: return Span(styled.text, .header)
        case .strong: return Span(styled.text, .strong)
        case .code: return Span(styled.text, .key)
        }
    }

    func wrap(_ text: String, role: Role, width: Int, hanging: Int = 0) -> [Line] {
        // Wrapped at the width less the hanging indent, so no continuation row is cut.
        prepared(StyledLine(kind: .paragraph, spans: [StyledSpan(text)])).wrapped(width: max(1, width - hanging)).enumerated().map { index, spans in
            let joined = spans.map(\.text).joined()
            return [Span(index == 0 ? joined : String(repeating: " ", count: hanging) + joined, role)]
        }
    }

    /// The notice about the last key, if any, as one line.
    func noticeLine() -> Line? {
        guard let notice = screen.notice else { return nil }
        switch notice {
        case .answerFirst(let count):
            return [Span("Answer the question first: keys \(KeyMap.answerKeys(count)).", .warning)]
        case .noMoreHints: return [Span("No more hints for this step.", .dim)]
        case .noHints: return [Span("This step has no hints.", .dim)]
        case .firstStep: return [Span("This is the first step.", .dim)]
        case .lessonFinished: return [Span("\(passMark) Lesson finished. q leaves it.", .good)]
        case .saveFailed(let message):
            return [Span("Progress not saved: \(message)", .warning)]
        case .resumed(let step):
            return [Span("Resumed at step \(step + 1), where you left off. ", .notice), Span("Home", .key),
                    Span(" starts over.", .text)]
        case .nextLesson(_, let number, let title):
            return [Span("\(passMark) Lesson finished. ", .good), Span("Enter", .key), Span(" opens lesson \(number): \(title)", .text)]
        case .decideFirst:
            return [Span("Make the decision first: ", .warning)] + chooseOptionWords()
        case .chooseOptionFirst:
            return [Span("No option chosen yet: ", .warning)] + chooseOptionWords()
        case .watchingReveal, .revealEnded, .nothingToReplay:
            return revealNoticeLine(notice)
        }
    }

    /// How to make a decision: "choose with j/k or a letter (a/b), then Enter."
    private func chooseOptionWords() -> Line {
        let letters = KeyMap.decisionLetters(screen.lesson.openDecision?.options.count ?? 0)
        return [Span("choose with ", .text), Span("j/k", .key), Span(" or a letter", .text)]
            + (letters > 0 ? [Span(" (", .text), Span(KeyMap.answerKeys(letters), .key), Span(")", .text)] : [])
            + [Span(", then ", .text), Span("Enter", .key), Span(".", .text)]
    }

    /// Draws the panel in a box; the notice, when there is one, takes the
    /// last row, a waiting question the rows above it, the text the rest.
    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let session = screen.lesson
        var note: Line = [Span("step \(session.stepIndex + 1)/\(session.lesson.steps.count)", .dim)]
        let box = Box(title: [Span(session.lesson.title, .title)], note: note, focused: true)
        let inner = box.draw(in: area, on: &grid, context: context)
        WheelTarget.lessonText.record(area, on: &grid)
        guard !inner.isEmpty else { return }
        var textArea = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        if let notice = noticeLine(), textArea.height > 1 {
            // Whole, on up to three rows.
            let rows = Array(notice.wrapped(width: max(1, textArea.width)).prefix(min(3, textArea.height - 1)))
            let (top, bottom) = textArea.splitBottom(rows.count)
            textArea = top
            TextBlock(rows).draw(in: bottom, on: &grid, context: context)
        }
        let pinned = pinnedLines(width: max(1, textArea.width))
        if !pinned.isEmpty, textArea.height > 0 {
            let (top, bottom) = textArea.splitBottom(min(pinned.count, textArea.height))
            textArea = top
            TextBlock(Array(pinned.suffix(bottom.height))).draw(in: bottom, on: &grid, context: context)
        }
        let all = bodyLines(width: max(1, textArea.width))
        let maxFirst = max(0, all.count - textArea.height)
        let offset = min(screen.textScroll, maxFirst)
        let first = screen.textFromBottom ? maxFirst - offset : offset
        TextBlock(Array(all.dropFirst(first).prefix(textArea.height))).draw(in: textArea, on: &grid, context: context)
        // Where the text continues, on the box's bottom edge.
        var more: [String] = []
        if first > 0 { more.append((glyphs.isASCII ? "^" : "↑") + " K") }
        if first < maxFirst { more.append((glyphs.isASCII ? "v" : "↓") + " J more") }
        if !more.isEmpty {
            note = [Span(" " + more.joined(separator: "  ") + " ", .dim)]
            grid.put(note, x: area.maxX - 2 - note.displayWidth, y: area.maxY - 1, maxWidth: note.displayWidth, context: context)
        }
    }

    /// The most rows the text can usefully scroll (its length at a narrow width).
    static func scrollLimit(_ screen: LessonScreen) -> Int {
        LessonTextPanel(screen: screen, context: DrawContext(glyphs: .ascii)).bodyLines(width: 30).count
    }

    /// The rows the panel needs at `width` (the box's outer width) to show
    /// a waiting question whole, with its notice row and borders.
    static func rowsForQuestion(_ screen: LessonScreen, width: Int, context: DrawContext) -> Int {
        let pinned = LessonTextPanel(screen: screen, context: context).pinnedLines(width: max(1, width - 4)).count
        return pinned == 0 ? 0 : pinned + 3
    }
}

extension Array {
    subscript(safeIndex index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
