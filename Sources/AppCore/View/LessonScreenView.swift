import LessonKit
import TUI

/// The Lesson screen: the lesson's text beside the simulation on a wide
/// terminal, above it on a narrow one. The simulation side reuses the Focus
/// view (one program) or the Compare panes (several).
struct LessonScreenView {
    let screen: LessonScreen
    let session: Session

    /// From this width on, text and simulation sit side by side.
    static let sideBySideWidth = 120

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let (header, rest) = area.splitTop(1)
        if area.width >= LessonScreenView.sideBySideWidth {
            let textWidth = min(70, max(44, Int(Double(area.width) * 0.38)))
            let (textArea, simArea) = rest.splitLeft(textWidth)
            // The Focus view draws its own header row; ours is drawn over it below.
            let simWithHeader = Rect(x: simArea.x, y: header.y, width: simArea.width, height: simArea.height + 1)
            drawSimulation(in: simArea, focusArea: simWithHeader, compact: false, on: &grid, context: context)
            LessonTextPanel(screen: screen, context: context).draw(in: textArea, on: &grid, context: context)
        } else {
            // A waiting question is shown whole: the simulation gives up rows for it.
            let questionRows = LessonTextPanel.rowsForQuestion(screen, width: rest.width, context: context)
            let preferred = max(9, Int((Double(rest.height) * 0.45).rounded()))
            let simHeight = questionRows == 0 ? preferred : max(5, min(preferred, rest.height - questionRows - 2))
            let (textArea, simArea) = rest.splitBottom(simHeight)
            LessonTextPanel(screen: screen, context: context).draw(in: textArea, on: &grid, context: context)
            drawSimulation(in: simArea, focusArea: simArea, compact: true, on: &grid, context: context)
        }
        grid.fill(header)
        TextBlock.drawLine(headerLine(context: context), x: header.x, y: header.y, width: header.width, on: &grid, context: context)
    }

    private func drawSimulation(in area: Rect, focusArea: Rect, compact: Bool, on grid: inout Grid, context: DrawContext) {
        let count = session.panes.count
        guard count > 0 else { return }
        let selected = min(max(0, session.selectedPane), count - 1)
        if count > 1, !screen.focusesSelectedPane {
            let rects = compact ? area.columns(count) : CompareView.paneRects(in: area, count: count)
            for (index, rect) in rects.enumerated() where index < count {
                PaneView(session: session, index: index).draw(in: rect, on: &grid, context: context)
            }
        } else if compact {
            CompactProgramView(session: session, paneIndex: selected).draw(in: area, on: &grid, context: context)
        } else {
            FocusView(session: session, paneIndex: selected).draw(in: focusArea, on: &grid, context: context)
        }
    }

    private func headerLine(context: DrawContext) -> Line {
        let dot = " \(context.glyphs.middleDot) "
        let lesson = screen.lesson
        var spans: Line = [Span("Overlapped", .title), Span(dot, .dim), Span("Lesson", .strong), Span(dot, .dim),
                           Span("step \(lesson.stepIndex + 1) of \(lesson.lesson.steps.count)", .strong)]
        if lesson.pendingQuestion != nil {
            spans += [Span(dot, .dim), Span("QUESTION", .notice)]
        }
        spans += [Span(dot, .dim), Span("t=" + Format.time(session.clock), .strong)]
        if let script = session.script, session.steps > 0 || !script.isEmpty {
            // Watching the reveal: how far into its moves.
            spans += [Span(dot, .dim), Span("reveal \(session.steps)/\(session.steps + script.count)", .notice)]
        } else if session.steps > 0 {
            spans += [Span(dot, .dim), Span("exploring +\(session.steps)", .ready)]
        }
        spans.append(Span(dot, .dim))
        if session.isFinished {
            spans.append(Span("finished", .good))
        } else if session.running {
            spans.append(Span("RUNNING \(session.speed.eventsPerSecond) ev/s", .running))
        } else {
            spans.append(Span("PAUSED", .ready))
        }
        return spans
    }
}
