import SimKernel
import SimRuntime

/// Each thread's states over virtual time as an SVG picture, for slides: one
/// lane per thread, per program, coloured by state and labelled with the
/// state's letter where there is room (so colour is never the only cue),
/// drawn from the furthest point the replay reached.
public enum ThreadTimelineSVG {
    static let width = 1000
    static let labelWidth = 140
    static let laneHeight = 22
    static let paneGap = 34

    /// Colour and meaning of each state (shown with its letter too).
    static let states: [(kind: ThreadStateKind, colour: String, meaning: String)] = [
        (.running, "#2e9d4a", "running"), (.ready, "#d9a520", "ready"), (.waiting, "#c0392b", "waiting"),
        (.alertable, "#2f6fbf", "waiting alertably"), (.terminated, "#b0b0b0", "ended"),
    ]

    public static func render(_ replay: Replay) -> String {
        let furthest = replay.states.max { ($0.session?.clock ?? 0) < ($1.session?.clock ?? 0) }
        guard let session = furthest?.session else { return empty(replay.recording.caption) }
        let end = max(session.clock, 1)
        let plot = width - labelWidth - 20
        var body = ""
        var y = 40
        for pane in session.panes {
            body += "<text x=\"10\" y=\"\(y)\" class=\"pane\">\(escape(pane.label)) (\(escape(NarrationWords.time(pane.machine.now))))</text>\n"
            y += 10
            for track in pane.tracks {
                let name = pane.machine.thread(track.id)?.name ?? "T\(track.id)"
                body += "<text x=\"10\" y=\"\(y + 15)\">\(escape(name))</text>\n"
                for (index, change) in track.changes.enumerated() {
                    let stop = index + 1 < track.changes.count ? track.changes[index + 1].time : pane.machine.now
                    let x0 = labelWidth + Int(min(change.time, end) * UInt64(plot) / end)
                    let x1 = labelWidth + Int(min(stop, end) * UInt64(plot) / end)
                    let w = max(1, x1 - x0)
                    let colour = states.first { $0.kind == change.kind }?.colour ?? "#888888"
                    body += "<rect x=\"\(x0)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(laneHeight - 4)\" fill=\"\(colour)\">"
                        + "<title>\(escape(name)) \(change.kind.letter) from \(escape(NarrationWords.time(change.time)))</title></rect>\n"
                    if w >= 14 {
                        body += "<text x=\"\(x0 + w / 2)\" y=\"\(y + 15)\" class=\"letter\">\(change.kind.letter)</text>\n"
                    }
                }
                y += laneHeight
            }
            y += paneGap
        }
        // The time axis and the legend.
        body += "<line x1=\"\(labelWidth)\" y1=\"\(y - paneGap + 6)\" x2=\"\(labelWidth + plot)\" y2=\"\(y - paneGap + 6)\" stroke=\"#444\"/>\n"
        body += "<text x=\"\(labelWidth)\" y=\"\(y - paneGap + 20)\">0</text>\n"
        body += "<text x=\"\(labelWidth + plot)\" y=\"\(y - paneGap + 20)\" text-anchor=\"end\">\(escape(NarrationWords.time(end)))</text>\n"
        var x = labelWidth
        for state in states {
            body += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(state.colour)\"/>"
                + "<text x=\"\(x + 18)\" y=\"\(y + 12)\">\(state.kind.letter) \(state.meaning)</text>\n"
            x += 150
        }
        let height = y + 30
        return header(height: height, title: replay.recording.caption) + body + "</svg>\n"
    }

    static func header(height: Int, title: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="sans-serif" font-size="13">
        <style>.pane { font-weight: bold; font-size: 15px; } .letter { fill: #ffffff; text-anchor: middle; font-size: 11px; }</style>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="10" y="20" class="pane">\(escape(title))</text>

        """
    }

    static func empty(_ title: String) -> String {
        header(height: 40, title: title) + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
