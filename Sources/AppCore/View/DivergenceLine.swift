import TUI

/// The line that says where the methods' behaviour first differed.
struct DivergenceLine {
    let session: Session

    /// The fullest form that fits `width`, measured: counts named in full
    /// words when there is room, then in fewer words (120 columns), then the
    /// short "done/handled" legend, then only the counts now; a line that
    /// still does not fit is cut with an ellipsis.
    func line(context: DrawContext, width: Int = .max) -> Line {
        let forms = self.forms(context: context)
        return forms.first { $0.displayWidth <= width } ?? forms[forms.count - 1]
    }

    /// Every form of the line, fullest first.
    func forms(context: DrawContext) -> [Line] {
        let g = context.glyphs
        guard let divergence = session.divergence else {
            let done = session.panes.first?.machine.counters.requestsCompleted ?? 0
            return [[Span("\(g.divergence) ", .dim),
                     Span("no divergence yet: every method has completed \(done) request\(done == 1 ? "" : "s")", .dim)]]
        }
        let head = Span("\(g.divergence) diverged t=\(Format.time(divergence.time))", .divergence)
        var then: Line = []
        for index in divergence.done.indices where index < session.panes.count && index < divergence.handled.count {
            then += counts(index, done: divergence.done[index], handled: divergence.handled[index])
        }
        // And now, at T: the line keeps up with the run.
        var now: Line = []
        for (index, pane) in session.panes.enumerated() {
            let c = pane.machine.counters
            now += counts(index, done: c.requestsCompleted, handled: c.handledCompletions)
        }
        let forms: [Line] = [
            [head, Span("  per method: requests done/completions the program handled; then:", .dim)] + then
                + [Span("  now:", .dim)] + now,
            [head, Span("  requests done/completions handled, then:", .dim)] + then + [Span("  now:", .dim)] + now,
            [head, Span("  done/handled then:", .dim)] + then + [Span("  now:", .dim)] + now,
            [head, Span("  done/handled now:", .dim)] + now,
        ]
        return forms
    }

    private func counts(_ index: Int, done: Int, handled: Int) -> Line {
        [Span(" \(index + 1):", .dim), Span("\(done)/\(handled)", .strong)]
    }
}
