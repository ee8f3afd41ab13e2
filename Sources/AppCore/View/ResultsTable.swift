import SimKernel
import TUI

/// When every method's run has ended, Compare says who won: per method its
/// finish time (with a bar, so the fastest is seen at a glance), requests,
/// completion-to-handling latency (mean and worst), context switches,
/// wakeups and CPU busy. Columns that do not fit are left out, from the right.
struct ResultsTable {
    let session: Session

    /// Rows the table takes: the box, a header and a row per method.
    var height: Int { session.panes.count + 3 }

    struct Row {
        var name: String
        var finish: UInt64
        var outcome: String?
        var requests: Int
        var meanLatency: UInt64?
        var worstLatency: UInt64?
        var contextSwitches: Int
        var wakeups: Int
        var cpuPercent: Int
    }

    var rows: [Row] {
        session.panes.map { pane in
            let machine = pane.machine
            let c = machine.counters
            let busy = c.cpuBusy.reduce(0.0) { $0 + Double($1) }
            let capacity = Double(machine.now) * Double(max(1, machine.cpuCount))
            let outcome: String?
            switch pane.simulation.outcome {
            case .exited(let code)?: outcome = code == 0 ? nil : "exit \(code)"
            case .fault?: outcome = "fault"
            case .deadlock?: outcome = "deadlock"
            case nil: outcome = "running"
            }
            return Row(name: pane.label, finish: machine.now, outcome: outcome, requests: c.requestsCompleted,
                       meanLatency: c.handledCompletions > 0 ? c.handlingLatencyTotal / UInt64(c.handledCompletions) : nil,
                       worstLatency: c.handledCompletions > 0 ? c.handlingLatencyMax : nil,
                       contextSwitches: c.contextSwitches, wakeups: c.wakeups,
                       cpuPercent: capacity > 0 ? Int(min(100, busy * 100 / capacity)) : 0)
        }
    }

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let bodyWidth = max(0, area.width - 4)
        let hidden = hiddenColumns(width: bodyWidth)
        // Columns left out are named, so a narrow terminal never hides them silently.
        let note = hidden.isEmpty ? "every run has ended" : "wider terminal adds: " + hidden.joined(separator: ", ")
        let inner = Box(title: [Span("Results", .title)], note: [Span(note, .dim)])
            .draw(in: area, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        let body = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        for (index, line) in lines(width: body.width, context: context).prefix(body.height).enumerated() {
            TextBlock.drawLine(line, x: body.x, y: body.y + index, width: body.width, on: &grid, context: context)
        }
    }

    /// The titles of the optional columns that do not fit `width`.
    func hiddenColumns(width: Int) -> [String] {
        let all = columns(.ascii)
        let shown = fittedColumns(all, width: width, nameWidth: nameWidth(rows)).count
        return all.dropFirst(shown).map(\.title)
    }

    private typealias Column = (title: String, width: Int, text: (Row) -> String)

    private func nameWidth(_ rows: [Row]) -> Int {
        min(20, max(6, rows.map { CharacterWidth.of($0.name) }.max() ?? 6))
    }

    /// Name, finish time and a verdict word are always shown.
    private static func fixedWidth(nameWidth: Int) -> Int { nameWidth + 1 + 10 + 1 + 9 }

    /// Optional columns, dropped from the right while the bar has too little room.
    private func fittedColumns(_ all: [Column], width: Int, nameWidth: Int) -> [Column] {
        var columns = all
        func used() -> Int { Self.fixedWidth(nameWidth: nameWidth) + columns.reduce(0) { $0 + $1.width + 1 } }
        while !columns.isEmpty, width - used() < 8 { columns.removeLast() }
        return columns
    }

    private func columns(_ glyphs: Glyphs) -> [Column] {
        [
            ("requests", 8, { "\($0.requests)" }),
            ("latency mean/worst", 18, { row in
                guard let mean = row.meanLatency, let worst = row.worstLatency else { return "-" }
                return Format.duration(mean, glyphs: glyphs) + " / " + Format.duration(worst, glyphs: glyphs)
            }),
            ("ctx sw", 6, { "\($0.contextSwitches)" }),
            ("wakeups", 7, { "\($0.wakeups)" }),
            ("CPU busy", 8, { "\($0.cpuPercent)%" }),
        ]
    }

    /// The header and one line per method, fitted to `width`.
    func lines(width: Int, context: DrawContext) -> [Line] {
        let rows = rows
        let glyphs = context.glyphs
        let nameWidth = nameWidth(rows)
        let fastest = rows.filter { $0.outcome == nil }.map(\.finish).min()
        let slowest = max(1, rows.map(\.finish).max() ?? 1)
        let columns = fittedColumns(columns(glyphs), width: width, nameWidth: nameWidth)
        let barWidth = max(0, width - Self.fixedWidth(nameWidth: nameWidth) - columns.reduce(0) { $0 + $1.width + 1 })
        var header: Line = [Span("method".padding(to: nameWidth) + " ", .header), Span("finished".padding(to: 10) + " ", .header),
                            Span(String(repeating: " ", count: barWidth), .header), Span(" ".padding(to: 9), .header)]
        for column in columns { header.append(Span(" " + column.title.padding(to: column.width), .header)) }
        var out: [Line] = [header]
        for row in rows {
            let filled = barWidth > 0 ? max(1, Int((Double(row.finish) / Double(slowest) * Double(barWidth)).rounded())) : 0
            let isFastest = row.outcome == nil && row.finish == fastest
            let bar = String(repeating: glyphs.isASCII ? "#" : "█", count: min(barWidth, filled))
                + String(repeating: " ", count: max(0, barWidth - filled))
            let verdict = row.outcome ?? (isFastest ? "fastest" : "+" + Format.duration(row.finish - (fastest ?? row.finish), glyphs: glyphs))
            var line: Line = [
                Span(String(row.name.prefix(nameWidth)).padding(to: nameWidth) + " ", isFastest ? .strong : .text),
                Span(Format.time(row.finish).padding(to: 10) + " ", .strong),
                Span(bar, isFastest ? .good : .running),
                Span(" " + String(verdict.prefix(8)).padding(to: 8), row.outcome != nil ? .error : (isFastest ? .good : .dim)),
            ]
            for column in columns { line.append(Span(" " + column.text(row).padding(to: column.width), .text)) }
            out.append(line)
        }
        return out
    }
}
