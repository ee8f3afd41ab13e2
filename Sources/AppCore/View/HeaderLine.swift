import TUI

/// The header row shared by session screens.
struct HeaderLine {
    let session: Session
    let screenName: String

    func line(context: DrawContext) -> Line {
        let dot = " \(context.glyphs.middleDot) "
        var spans: Line = [Span("Overlapped", .title), Span(dot, .dim), Span(screenName, .strong),
                           Span(dot, .dim), Span("t=" + Format.time(session.clock), .strong),
                           Span(dot, .dim), Span("step \(session.steps)", .text), Span(dot, .dim)]
        if session.isFinished {
            spans.append(Span("finished", .good))
        } else if session.running {
            spans.append(Span("RUNNING \(session.speed.eventsPerSecond) ev/s", .running))
        } else {
            spans.append(Span("PAUSED", .ready))
            spans.append(Span(" \(session.speed.eventsPerSecond) ev/s", .dim))
        }
        if !session.caption.isEmpty { spans += [Span(dot, .dim), Span(session.caption, .text)] }
        return spans
    }
}
