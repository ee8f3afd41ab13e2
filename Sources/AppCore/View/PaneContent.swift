import SimKernel
import SimRuntime
import TUI

/// The lines that describe one pane's machine: threads, structures, counters.
/// Shared by the compact Compare pane and the Focus screen.
struct PaneContent {
    let pane: PaneState
    /// The session's shared clock: every pane is drawn as it is at this time.
    let clock: UInt64
    let context: DrawContext
    let isSelectedPane: Bool

    var machine: MachineView { pane.machine }
    var glyphs: Glyphs { context.glyphs }

    /// Threads on a CPU or ready for one: a short thread list shows them first.
    var busyThreads: Set<Int> {
        Set(machine.threads.filter {
            switch $0.state {
            case .running, .ready: return true
            default: return false
            }
        }.map(\.id))
    }

    /// One line per thread; the region tags let a click select the thread.
    func threadLines(width: Int) -> [(line: Line, threadID: Int)] {
        let nameWidth = min(10, max(4, machine.threads.map { CharacterWidth.of($0.name) }.max() ?? 4))
        return machine.threads.map { thread in
            let selected = pane.selectedThread == thread.id
            let role = Format.role(for: thread.state)
            let letter = thread.state.letter
            let name = thread.name + String(repeating: " ", count: max(0, nameWidth - CharacterWidth.of(thread.name)))
            var line: Line = [
                Span(selected ? String(glyphs.selected) : " ", selected && isSelectedPane ? .marker : .dim),
                Span(String(glyphs.stateGlyph(role)), role),
                Span(String(letter), role, extra: .bold),
                Span(" "),
                Span(String(name.prefix(nameWidth)), selected ? .strong : .text),
                Span(" "),
                Span(Format.activity(thread, glyphs: glyphs), thread.inAPC ? .alertable : .dim),
            ]
            if !thread.apcQueue.isEmpty {
                line.append(Span(" apc:\(thread.apcQueue.count)", .packet))
            }
            if thread.warnings > 0 {
                line.append(Span(" warn:\(thread.warnings)", .warning))
            }
            return (line, thread.id)
        }
    }

    /// The method's structures, most telling first: the port, APC queues,
    /// events, the file object's signal, then requests in flight.
    func structureLines(width: Int) -> [Line] {
        var lines: [Line] = []
        for port in machine.ports {
            let gauge = Gauge(value: port.running, limit: port.limit, label: "run")
            let head: Line = [Span("Port ", .header), Span(port.object.label + " ", .text)]
            lines.append(head + gauge.line(width: max(0, width - head.displayWidth), context: context))
            if !port.devices.isEmpty {
                let files = port.devices.map { device in
                    let name = machine.files.first { $0.object.id == device.file.id }
                        .map { $0.path.split(separator: "/").last.map(String.init) ?? $0.object.label } ?? device.file.label
                    return "\(name) key \(device.key)"
                }
                lines.append([Span("Files ", .header), Span(files.joined(separator: ", "), .text)])
            }
            let fifoHead: Line = [Span("FIFO ", .header)]
            lines.append(fifoHead + StructureText.chain(port.queue, full: StructureText.packet, compact: StructureText.compactPacket,
                                                        width: max(0, width - 5), context: context))
            let together: Line = [Span("LIFO ", .header), Span(names(port.waiting), .waiting),
                                  Span(" rel ", .header), Span(names(port.released), .running),
                                  Span(" pau ", .header), Span(names(port.paused), .ready)]
            if together.displayWidth <= width {
                lines.append(together)
            } else {
                // Narrow: one list a line, in words, each wrapped between names, so none is cut.
                lines += nameList("LIFO ", port.waiting, role: .waiting, width: width)
                lines += nameList("released ", port.released, role: .running, width: width)
                lines += nameList("paused ", port.paused, role: .ready, width: width)
            }
        }
        let usesAPCs = machine.threads.contains { !$0.apcQueue.isEmpty || $0.inAPC || isAlertableWait($0.state) }
        if usesAPCs {
            for thread in machine.threads where !thread.apcQueue.isEmpty || thread.inAPC || isAlertableWait(thread.state) {
                let head: Line = [Span("APC ", .header), Span(thread.name + " ", .text)]
                let chain = StructureText.chain(thread.apcQueue, full: StructureText.apc, compact: StructureText.compactAPC,
                                                width: max(0, width - head.displayWidth), context: context)
                lines.append(head + chain)
            }
        }
        if !machine.events.isEmpty {
            // The program's names for the events; where they do not all fit,
            // the part that tells them apart ("hEvent[2]" → "2").
            func eventLine(_ name: (String) -> String) -> Line {
                var line: Line = [Span("Events", .header)]
                for event in machine.events {
                    let glyph = event.signaled ? glyphs.signaled : glyphs.unsignaled
                    line.append(Span(" "))
                    line.append(Span(String(glyph), event.signaled ? .signaled : .unsignaled))
                    line.append(Span(name(event.object.label), event.signaled ? .signaled : .dim))
                }
                return line
            }
            let full = eventLine { $0 }
            lines.append(full.displayWidth <= width ? full : eventLine(Format.shortLabel))
        }
        for file in machine.files where file.overlapped {
            let glyph = file.signaled ? glyphs.signaled : glyphs.unsignaled
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.object.label
            lines.append([Span("File ", .header), Span(name + " ", .text),
                          Span(String(glyph), file.signaled ? .signaled : .unsignaled),
                          Span(file.signaled ? " signaled" : " not signaled", file.signaled ? .signaled : .dim)])
        }
        if !machine.requests.isEmpty || !machine.files.isEmpty {
            let head: Line = [Span("I/O  ", .header)]
            lines.append(head + StructureText.chain(machine.requests, full: StructureText.request,
                                                    compact: StructureText.compactRequest, width: max(0, width - 5),
                                                    context: context))
        }
        return lines
    }

    /// The program's `OVERLAPPED`s as they are in memory: a header and one
    /// row each (the latest that fit): Offset, Internal (the status),
    /// InternalHigh (the bytes) and hEvent. Narrow, the status loses its
    /// `STATUS_` prefix.
    func overlappedLines(maxRows: Int, width: Int) -> [Line] {
        guard !machine.overlappeds.isEmpty, maxRows >= 2 else { return [] }
        let shown = machine.overlappeds.suffix(maxRows - 1)
        let labelWidth = min(18, max(10, shown.map { CharacterWidth.of($0.label) }.max() ?? 10))
        let wide = width >= labelWidth + 48
        let statusWidth = wide ? 18 : 10
        let header = "OVERLAPPED".padding(to: labelWidth) + " " + "Offset".padding(to: 6) + " "
            + "Internal".padding(to: statusWidth) + " " + "InternalHigh hEvent"
        var lines: [Line] = [[Span(header, .header)]]
        for ov in shown {
            let status = wide ? Win32.statusName(ov.status) : StructureText.shortStatus(ov.status)
            lines.append([
                Span(String(ov.label.prefix(labelWidth)).padding(to: labelWidth) + " ", .text),
                Span(Format.bytes(ov.offset).padding(to: 6) + " ", .dim),
                Span(String(status.prefix(statusWidth)).padding(to: statusWidth) + " ",
                     ov.status == Win32.STATUS_PENDING ? .waiting : .good),
                Span("\(ov.bytes)".padding(to: 12) + " ", .strong),
                Span(StructureText.event(ov.hEvent, in: machine), .dim),
            ])
        }
        return lines
    }

    /// Two lines of counters: in words where `width` allows, else short
    /// labels (the `?` legend explains them).
    func counterLines(width: Int = .max) -> [Line] {
        let c = machine.counters
        // Rates over the time the program has run: up to T, or to its end.
        let now = pane.isFinished ? machine.now : clock
        // Ratios in Double so no counter value can overflow.
        let throughput = now > 0 ? Int(min(1e15, Double(max(0, c.requestsCompleted)) * 1e6 / Double(now))) : 0
        let latency = c.handledCompletions > 0 ? c.handlingLatencyTotal / UInt64(c.handledCompletions) : 0
        let busy = c.cpuBusy.reduce(0.0) { $0 + Double($1) }
        let capacity = Double(now) * Double(max(1, machine.cpuCount))
        let cpu = capacity > 0 ? Int(min(100, busy * 100 / capacity)) : 0
        let runnable = machine.threads.filter {
            if case .ready = $0.state { return true }
            if case .running = $0.state { return true }
            return false
        }.count
        let over = max(0, runnable - machine.cpuCount)
        let dot = " \(glyphs.middleDot) "
        let latencyText = c.handledCompletions > 0 ? Format.duration(latency, glyphs: glyphs) : "-"
        func lines(_ done: String, _ rate: String, _ lat: String, _ ctx: String, _ wake: String, _ cpuLabel: String,
                   _ overLabel: String) -> [Line] {
            [
                [Span(done, .dim), Span("\(c.requestsCompleted)", .strong), Span(dot, .dim),
                 Span("\(throughput)\(rate)", .strong), Span(dot, .dim),
                 Span(lat, .dim), Span(latencyText, .strong)],
                [Span(ctx, .dim), Span("\(c.contextSwitches)", .strong), Span(dot, .dim),
                 Span(wake, .dim), Span("\(c.wakeups)", .strong), Span(dot, .dim),
                 Span(cpuLabel, .dim), Span("\(cpu)%", .strong), Span(dot, .dim),
                 Span(overLabel, .dim), Span("\(over)", over > 0 ? .warning : .strong)],
            ]
        }
        let words = lines("requests done ", "/s", "latency ", "context switches ", "wakeups ", "CPU busy ", "over CPUs ")
        if words.allSatisfy({ $0.displayWidth <= width }) { return words }
        return lines("done ", "/s", "lat ", "ctx ", "wake ", "cpu ", "over ")
    }

    /// Requests completed over [0, end] as a sparkline line.
    func doneSparkline(width: Int, end: UInt64, markTime: UInt64?, maximum: Int?) -> Line {
        let label: Line = [Span("done ", .dim)]
        let columns = width - label.displayWidth
        guard columns > 0 else { return [] }
        let span = max(1, end)
        var values: [Int] = []
        var sampleIndex = 0
        var current = 0
        for column in 0..<columns {
            let sliceEnd = column + 1 >= columns ? span : UInt64(Double(span) * Double(column + 1) / Double(columns))
            while sampleIndex < pane.doneHistory.count, pane.doneHistory[sampleIndex].time <= sliceEnd {
                current = pane.doneHistory[sampleIndex].count
                sampleIndex += 1
            }
            values.append(current)
        }
        let marked = markTime.map { Int(min(Double(columns - 1), Double($0) / Double(span) * Double(columns))) }
        return label + Sparkline(values: values, markedIndex: marked, maximum: maximum).line(width: columns, context: context)
    }

    /// The per-thread timeline of this pane over [0, end].
    func timeline(end: UInt64, markTime: UInt64?) -> Timeline {
        let tracks = pane.tracks.map { track in
            Timeline.Track(label: machine.thread(track.id)?.name ?? "T\(track.id)",
                           changes: track.changes.map {
                               Timeline.Change(time: $0.time, letter: $0.kind.letter, role: Format.role(for: $0.kind))
                           },
                           selected: track.id == pane.selectedThread)
        }
        return Timeline(tracks: tracks, start: 0, end: end, markTime: markTime)
    }

    /// "label a,b,c" on as many lines as it needs, broken only between
    /// names (a name longer than the line is cut with the ellipsis).
    private func nameList(_ label: String, _ ids: [Int], role: Role, width: Int) -> [Line] {
        let all = ids.map { id in machine.thread(id)?.name ?? "T\(id)" }
        guard !all.isEmpty else { return [[Span(label, .header), Span("-", role)]] }
        // Rows of names: the first after the label, the rest indented by two.
        var rows: [String] = [""]
        for (index, name) in all.enumerated() {
            let piece = name + (index + 1 < all.count ? "," : "")
            let lead = rows.count == 1 ? CharacterWidth.of(label) : 2
            if !rows[rows.count - 1].isEmpty, lead + CharacterWidth.of(rows[rows.count - 1] + piece) > width {
                rows.append("")
            }
            rows[rows.count - 1] += piece
        }
        return rows.enumerated().map { index, row in
            index == 0 ? [Span(label, .header), Span(row, role)] : [Span("  " + row, role)]
        }
    }

    private func names(_ ids: [Int]) -> String {
        guard !ids.isEmpty else { return "-" }
        return ids.map { id in machine.thread(id)?.name ?? "T\(id)" }.joined(separator: ",")
    }

    private func isAlertableWait(_ state: ThreadStateView) -> Bool {
        if case .waiting(let wait) = state { return wait.alertable }
        return false
    }

    /// The pane's box note: finished outcome, or the shared clock (a pane
    /// with nothing happening at T is still shown as it is at T).
    func note() -> Line {
        switch pane.simulation.outcome {
        case .exited(let code)?: return [Span("exit \(code)", code == 0 ? .good : .warning)]
        case .fault?: return [Span("FAULT", .error)]
        case .deadlock?: return [Span("DEADLOCK", .error)]
        case nil: return [Span("t=" + Format.time(clock), .dim)]
        }
    }
}
