import TUI

/// The line that says where the methods' behaviour first differed.
struct DivergenceLine {
    let session: Session

    func line(context: DrawContext) -> Line {
        let g = context.glyphs
        guard let divergence = session.divergence else {
            let done = session.panes.first?.machine.counters.requestsCompleted ?? 0
            return [Span("\(g.divergence) ", .dim),
                    Span("no divergence yet: every method has completed \(done) request\(done == 1 ? "" : "s")", .dim)]
        }
        var spans: Line = [Span("\(g.divergence) diverged t=\(Format.time(divergence.time))", .divergence),
                           Span("  done/handled then:", .dim)]
        for index in divergence.done.indices where index < session.panes.count && index < divergence.handled.count {
            spans.append(Span(" \(index + 1):", .dim))
            spans.append(Span("\(divergence.done[index])/\(divergence.handled[index])", .strong))
        }
        // And now, at T: the line keeps up with the run.
        spans.append(Span("  now:", .dim))
        for (index, pane) in session.panes.enumerated() {
            let c = pane.machine.counters
            spans.append(Span(" \(index + 1):", .dim))
            spans.append(Span("\(c.requestsCompleted)/\(c.handledCompletions)", .strong))
        }
        return spans
    }
}
