import SimRuntime
import TUI
import Testing
@testable import AppCore

/// A log line cut to fit its box can always be read whole: the line in
/// focus (the newest, or the one scrolled to) wraps in full; the others are
/// cut with the ellipsis, never silently.
@Suite struct LogLineTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                        Size(width: 200, height: 60)]

    /// The rows of the Focus log box, without its borders.
    static func logRows(_ grid: Grid) throws -> [String] {
        let region = try #require(grid.regions.first { $0.tag.value(as: LogPage.self) != nil })
        return (region.rect.y..<region.rect.maxY).map { y in
            String((region.rect.x..<region.rect.maxX).map { x in grid[x, y].character })
        }
    }

    @Test func theLineInFocusIsShownWholeAtEverySize() throws {
        for size in Self.sizes {
            var state = GoldenScreenTests.state("playground-end")
            let pane = try #require(state.session?.panes.first)
            let count = pane.simulation.logCount
            let log = pane.simulation.recentLog(count)
            // Every line in turn in focus, from the newest back through a window's worth and more.
            for back in [0, 1, 2, 5, count / 2, count - 1] {
                state.session?.logScroll = back
                let grid = state.view(size: size)
                let rows = try Self.logRows(grid)
                let text = rows.joined(separator: "\n")
                let focused = log[count - 1 - back].text
                // Whole: its words appear in order across its rows (spaces at the breaks).
                let squeezed = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
                #expect(squeezed.contains(focused.split(separator: " ").joined(separator: " ")),
                        "\(size.width)x\(size.height) back \(back): \(focused) is not whole in\n\(text)")
                // Every other row is a whole log line, or one cut with the ellipsis.
                let others = text.split(separator: "\n").map { $0.trimmingSuffixSpaces() }
                for row in others where !row.isEmpty && !row.hasPrefix("  ") && !focused.hasPrefix(row) {
                    #expect(row.hasSuffix("…") || log.contains { $0.text == row },
                            "\(size.width)x\(size.height): a row is cut without an ellipsis: \(row)")
                }
            }
        }
    }

    @Test func aWrappedLineKeepsWordsWholeAndIndentsItsContinuation() {
        let line: Line = [Span("t=2893us T1 ioStart disk req=2 read off=8192 len=4096 -> done at 6099us", .text)]
        let rows = LogWindow.wrap(line, width: 30).map(\.plainText)
        #expect(rows == ["t=2893us T1 ioStart disk", "  req=2 read off=8192", "  len=4096 -> done at 6099us"])
        #expect(rows.allSatisfy { CharacterWidth.of($0) <= 30 })
        let window = LogWindow(lines: (1...6).map { [Span("line \($0) of the log, rather long", .text)] }, focus: 5)
        let shown = window.rows(height: 4, width: 20).map(\.plainText)
        #expect(shown == ["line 4 of the log, rather long", "line 5 of the log, rather long",
                          "line 6 of the log,", "  rather long"])
        // The oldest in focus: it is at the top, and newer lines follow it.
        let oldest = LogWindow(lines: window.lines, focus: 0, highlight: true).rows(height: 4, width: 20)
        #expect(oldest.map(\.plainText) == ["line 1 of the log,", "  rather long", "line 2 of the log, rather long",
                                            "line 3 of the log, rather long"])
        #expect(oldest[0].allSatisfy { $0.extra.contains(.reverse) }, "a line scrolled to is highlighted")
    }
}

private extension StringProtocol {
    func trimmingSuffixSpaces() -> String {
        var s = String(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}
