import SimKernel
import TUI

/// The "Why" overlay: one thing of the pane (a thread's last wake, a
/// request, a packet, an APC, an object) and what caused it, one link a
/// line, newest first, each with its virtual time and source line. The
/// title names the thing; the footer says Tab moves to the next one.
struct WhyOverlay {
    let state: WhyState

    static func time(_ us: UInt64) -> String { CauseLink.milliseconds(us) }

    var title: String { "Why — " + (state.topic?.name ?? "nothing") }

    var lines: [Line] {
        guard !state.links.isEmpty else {
            let name = state.topic?.name ?? "it"
            return [[Span("No causes recorded for \(name): this run keeps no event log.", .dim)]]
        }
        let timeWidth = state.links.map { Self.time($0.time).count }.max() ?? 0
        return state.links.enumerated().map { index, link in
            let chosen = index == state.selected
            let time = Self.time(link.time)
            var line: Line = [
                Span(chosen ? ">" : " ", chosen ? .marker : .dim),
                Span(index == 0 ? "  " : "← ", .dim),
                Span(String(repeating: " ", count: timeWidth - time.count) + time + "  ", .dim),
                Span(link.text, chosen ? .selection : .text),
            ]
            if let at = link.location, !link.text.contains("line \(at.line)") {
                line.append(Span(" (line \(at.line))", .dim))
            }
            return line
        }
    }

    var footer: Line {
        let position = state.topics.count > 1 ? " (\(state.current + 1) of \(state.topics.count))" : ""
        return [Span("Tab: next thing\(position) · j/k choose · Enter steps back to it · q closes", .dim)]
    }

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        Modal(title: title, lines: lines, footer: footer).draw(in: area, on: &grid, context: context)
    }
}
