import LessonKit
import SimKernel
import TUI

/// The presenter's screen, legible from the back of a room at 100×30: a
/// header, each thread of the pane in view as a big coloured block with its
/// state letter, then the step's text beside that pane (a lesson) or the
/// pane alone (Compare); the vote before a question's reveal and the class's
/// counts beside the kernel's answer after it; a minimal key bar.
struct PresenterView {
    let state: AppState

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard let session = state.session, let presenter = state.presenter else { return }
        let (header, rest) = area.splitTop(1)
        let (body, keys) = rest.splitBottom(1)
        TextBlock.drawLine(headerLine(session, context: context), x: header.x, y: header.y, width: header.width,
                           on: &grid, context: context)
        if let (_, vote) = state.pendingVote, let question = state.lesson?.lesson.pendingQuestion {
            VoteView(question: question, vote: vote, selected: presenter.selectedChoice, countdown: presenter.countdown)
                .draw(in: body, on: &grid, context: context)
        } else if let screen = state.lesson, let answer = screen.lesson.currentAnswer, let question = screen.lesson.step.question,
                  let vote = presenter.votes[screen.lesson.stepIndex] {
            let (results, below) = body.splitTop(min(body.height, VoteResultView.rows(question, rounds: vote.rounds.count, width: body.width) + 1))
            VoteResultView(question: question, answer: answer, vote: vote).draw(in: results, on: &grid, context: context)
            drawGlyphs(session, in: below, on: &grid, context: context)
        } else {
            let glyphRows = min(body.height / 3, ThreadGlyphs.rows(session.panes[safe: session.selectedPane]?.machine, width: body.width))
            let (glyphs, main) = body.splitTop(glyphRows)
            drawGlyphs(session, in: glyphs, on: &grid, context: context)
            drawMain(session, in: main, on: &grid, context: context)
        }
        KeyBar(keyHints).draw(in: keys, on: &grid, context: context)
    }

    private func drawGlyphs(_ session: Session, in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard let pane = session.panes[safe: session.selectedPane] else { return }
        ThreadGlyphs(machine: pane.machine, paneIndex: session.selectedPane, selected: pane.selectedThread)
            .draw(in: area, on: &grid, context: context)
    }

    /// The step's text beside the pane it is about, or the pane alone.
    private func drawMain(_ session: Session, in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        let selected = min(max(0, session.selectedPane), max(0, session.panes.count - 1))
        if let screen = state.lesson {
            let (text, sim) = area.splitLeft(min(52, area.width * 45 / 100))
            LessonTextPanel(screen: screen, context: context).draw(in: text, on: &grid, context: context)
            PaneView(session: session, index: selected).draw(in: sim, on: &grid, context: context)
        } else {
            PaneView(session: session, index: selected).draw(in: area, on: &grid, context: context)
        }
    }

    private func headerLine(_ session: Session, context: DrawContext) -> Line {
        let dot = " \(context.glyphs.middleDot) "
        var spans: Line = [Span("PRESENTING", .notice), Span(dot, .dim)]
        if let lesson = state.lesson?.lesson {
            spans += [Span(lesson.lesson.title, .title), Span(dot, .dim),
                      Span("step \(lesson.stepIndex + 1) of \(lesson.lesson.steps.count)", .strong)]
        } else {
            spans += [Span(session.panes[safe: session.selectedPane]?.label ?? session.caption, .title)]
        }
        spans += [Span(dot, .dim), Span("T = " + Format.time(session.clock), .strong)]
        if session.isFinished { spans += [Span(dot, .dim), Span("finished", .good)] }
        return spans
    }

    private var keyHints: [KeyBar.Item] {
        if state.pendingVote != nil {
            return [.init("a-d", "choice"), .init("0-9", "count"), .init("t", "countdown"), .init("v", "vote again"),
                    .init("→", "reveal"), .init("P", "normal view")]
        }
        return [.init("→", "next"), .init("←", "back"), .init("P", "normal view"), .init("q", "quit")]
    }
}

/// Each thread as a big block in its state's colour with the state letter,
/// its name and state word beside it; several to a row.
struct ThreadGlyphs {
    let machine: MachineView
    let paneIndex: Int
    let selected: Int?

    static let tileWidth = 24
    static let tileRows = 3

    /// Rows the tiles take for `machine` at `width` (with a blank row after).
    static func rows(_ machine: MachineView?, width: Int) -> Int {
        guard let machine, !machine.threads.isEmpty else { return 0 }
        let perRow = max(1, width / tileWidth)
        let lines = (machine.threads.count + perRow - 1) / perRow
        return lines * (tileRows + 1)
    }

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let perRow = max(1, area.width / Self.tileWidth)
        for (index, thread) in machine.threads.enumerated() {
            let x = area.x + (index % perRow) * Self.tileWidth
            let y = area.y + (index / perRow) * (Self.tileRows + 1)
            guard y + Self.tileRows <= area.maxY else { break }
            let role = Format.role(for: thread.state)
            let block = context.style(role).with(.reverse).with(.bold)
            grid.fill(Rect(x: x, y: y, width: 5, height: Self.tileRows), with: Cell(" ", style: block))
            grid.set(x: x + 2, y: y + 1, Cell(thread.state.letter, style: block))
            let marker = thread.id == selected ? "\(context.glyphs.selected) " : ""
            let textWidth = Self.tileWidth - 7
            TextBlock.drawLine([Span(marker + thread.name, .strong)], x: x + 6, y: y, width: textWidth, on: &grid, context: context)
            TextBlock.drawLine([Span(Self.word(thread.state), role)], x: x + 6, y: y + 1, width: textWidth, on: &grid, context: context)
            grid.regions.append(.init(rect: Rect(x: x, y: y, width: Self.tileWidth - 1, height: Self.tileRows),
                                      tag: ClickTarget.thread(pane: paneIndex, id: thread.id).tag))
        }
    }

    static func word(_ state: ThreadStateView) -> String {
        switch state {
        case .running(let cpu): return "running (cpu\(cpu))"
        case .ready: return "ready"
        case .waiting(let wait): return wait.alertable ? "waiting, alertable" : "waiting"
        case .terminated: return "ended"
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
