import Testing
@testable import TUI

/// Widgets render into an empty grid; the result is compared with lines of text.
@Suite struct WidgetTests {
    let unicode = DrawContext(theme: .dark, glyphs: .unicode)
    let ascii = DrawContext(theme: .monochrome, glyphs: .ascii)

    func render(_ width: Int, _ height: Int, _ draw: (inout Grid) -> Void) -> [String] {
        var grid = Grid(width: width, height: height)
        draw(&grid)
        return grid.plainLines()
    }

    @Test func boxWithTitleAndNote() {
        let lines = render(24, 3) { grid in
            let inner = Box(title: [Span("Port")], note: [Span("t=1")]).draw(in: grid.bounds, on: &grid, context: unicode)
            #expect(inner == Rect(x: 1, y: 1, width: 22, height: 1))
        }
        #expect(lines == ["┌ Port ────────── t=1 ─┐", "│                      │", "└──────────────────────┘"])
    }

    @Test func boxInASCII() {
        let lines = render(10, 3) { grid in Box("Q").draw(in: grid.bounds, on: &grid, context: ascii) }
        #expect(lines == ["+ Q -----+", "|        |", "+--------+"])
    }

    @Test func queueChainShowsSlotsAndTheNextFreeSlot() {
        let lines = render(30, 3) { grid in
            QueueChain(items: ["64K", "64K"]).draw(in: grid.bounds.row(0), on: &grid, context: unicode)
            QueueChain(items: []).draw(in: grid.bounds.row(1), on: &grid, context: unicode)
            QueueChain(items: ["a", "b"]).draw(in: grid.bounds.row(2), on: &grid, context: ascii)
        }
        #expect(lines == ["[64K]→[64K]→[ ]", "[ ]", "[a]->[b]->[ ]"])
    }

    @Test func queueChainTooLongEndsWithACount() {
        let lines = render(16, 1) { grid in
            QueueChain(items: ["p1", "p2", "p3", "p4", "p5"]).draw(in: grid.bounds, on: &grid, context: unicode)
        }
        #expect(lines == ["[p1]→[p2]→+3"])
    }

    @Test func gaugeShowsOverLimitWithoutColour() {
        let lines = render(20, 2) { grid in
            Gauge(value: 1, limit: 2, label: "run").draw(in: grid.bounds.row(0), on: &grid, context: ascii)
            Gauge(value: 3, limit: 2, label: "run").draw(in: grid.bounds.row(1), on: &grid, context: ascii)
        }
        #expect(lines == ["run 1/2 #.", "run 3/2! ###"])
    }

    @Test func sparklineScalesToTheHighestValue() {
        let lines = render(8, 2) { grid in
            Sparkline(values: [0, 1, 2, 4, 8]).draw(in: grid.bounds.row(0), on: &grid, context: unicode)
            Sparkline(values: [0, 7, 7]).draw(in: grid.bounds.row(1), on: &grid, context: ascii)
        }
        #expect(lines == ["▁▁▂▄█", "_##"])
    }

    @Test func timelineShowsALetterPerState() {
        let lines = render(14, 2) { grid in
            Timeline(tracks: [
                .init(label: "main", changes: [.init(time: 0, letter: "X", role: .running), .init(time: 50, letter: "W", role: .waiting)]),
                .init(label: "T2", changes: [.init(time: 0, letter: "R", role: .ready), .init(time: 80, letter: "X", role: .running)]),
            ], start: 0, end: 100).draw(in: grid.bounds, on: &grid, context: unicode)
        }
        #expect(lines == ["main XXXXWWWWW", "T2   RRRRRRRXX"])
    }

    @Test func timelineAtTimeZeroDrawsOnlyTheFirstColumn() {
        let lines = render(14, 1) { grid in
            Timeline(tracks: [.init(label: "main", changes: [.init(time: 0, letter: "X", role: .running)])], start: 0, end: 0)
                .draw(in: grid.bounds, on: &grid, context: unicode)
        }
        #expect(lines == ["main X"])
    }

    @Test func extremeValuesDoNotTrap() {
        _ = render(20, 2) { grid in
            Timeline(tracks: [.init(label: "t", changes: [.init(time: .max, letter: "X", role: .running)])], start: 0, end: .max, markTime: .max)
                .draw(in: grid.bounds, on: &grid, context: unicode)
            Gauge(value: -3, limit: Int.max).draw(in: grid.bounds.row(1), on: &grid, context: unicode)
            Gauge(value: Int.max, limit: -1).draw(in: grid.bounds.row(1), on: &grid, context: unicode)
            Sparkline(values: [Int.max, -5, 0]).draw(in: grid.bounds.row(0), on: &grid, context: unicode)
        }
    }

    @Test func sourceViewMarksEachThreadsLine() {
        let text = "int main(void)\n{\n    Wait();\n    return 0;\n}\n"
        let lines = render(30, 5) { grid in
            SourceView(text: text, markers: [
                .init(line: 3, label: "main", role: .waiting, selected: true),
                .init(line: 4, label: "T2", role: .ready),
            ], focusLine: 3).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(lines == [
            "  1  int main(void)",
            "  2  {",
            "  3>     Wait();          main",
            "  4*     return 0;          T2",
            "  5  }",
        ])
    }

    @Test func sourceViewShrinksThreadTagsThatWouldHideTheCode() {
        let text = "    WaitForSingleObject(event, INFINITE);\n"
        let markers = (1...4).map { SourceView.Marker(line: 1, label: "worker \($0)", role: .waiting, selected: $0 == 2) }
        let wide = render(60, 1) { grid in
            SourceView(text: text, markers: markers, focusLine: 1).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(wide == ["  1>     WaitForSingleObject(event, INFINITE);   worker 2 +3"])
        let narrow = render(40, 1) { grid in
            SourceView(text: text, markers: markers, focusLine: 1).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(narrow == ["  1>     WaitForSingleObje~  worker 2 +3"])
        let tiny = render(26, 1) { grid in
            SourceView(text: text, markers: markers, focusLine: 1).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(tiny.first?.hasSuffix(" 4 threads") == true, "\(tiny)")
        #expect(tiny.first?.hasPrefix("  1>     Wait") == true)
    }

    @Test func sourceViewScrollsToTheFocusLine() {
        let text = (1...50).map { "line \($0)" }.joined(separator: "\n")
        let view = SourceView(text: text, markers: [], focusLine: 40)
        #expect(view.firstVisible(height: 9) == 36)
        #expect(SourceView(text: text, markers: [], focusLine: 50).firstVisible(height: 9) == 41)
    }

    @Test func keyBarKeepsHelpWhenItemsDoNotFit() {
        let bar = KeyBar([.init("s", "step"), .init("p", "run"), .init("r", "restart"), .init("?", "help")])
        #expect(bar.line(width: 80).plainText == "s step  p run  r restart  ? help ")
        #expect(bar.line(width: 20).plainText == "s step  ? help ")
    }

    @Test func listScrollsToKeepTheSelectionVisible() {
        let items = (0..<10).map { [Span("item \($0)")] }
        let lines = render(12, 3) { grid in
            ListView(items: items, selected: 6).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(lines == ["  ^ 6 more", "> item 6", "  v 3 more"])
    }

    @Test func listSaysHowManyMoreAreBelow() {
        let items = (1...5).map { [Span("item \($0)")] }
        let lines = render(12, 4) { grid in
            ListView(items: items, selected: 0).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(lines == ["> item 1", "  item 2", "  item 3", "  v 2 more"])
        let short = render(12, 2) { grid in
            ListView(items: items, selected: 0).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(short == ["> item 1", "  item 2   ~"])
    }

    @Test func modalIsCentredOverTheScreen() {
        let lines = render(20, 5) { grid in
            grid.put(String(repeating: "x", count: 20), x: 0, y: 2)
            Modal(title: "Hi", lines: [[Span("ok")]]).draw(in: grid.bounds, on: &grid, context: ascii)
        }
        #expect(lines == ["", "      + Hi --+", "xxxxxx| ok   |xxxxxx", "      +------+", ""])
    }

    @Test func monochromeThemeUsesNoColour() {
        for role in Role.allCases {
            let style = Theme.monochrome.style(role)
            #expect(style.foreground == .default && style.background == .default)
        }
    }

    @Test func everyStateLetterHasItsOwnGlyph() {
        for glyphs in [Glyphs.unicode, Glyphs.ascii] {
            let shown = [Role.running, .ready, .waiting, .alertable, .terminated].map { glyphs.stateGlyph($0) }
            #expect(Set(shown).count == 5)
        }
        #expect(Glyphs.ascii.states.allSatisfy { $0.isASCII })
    }
}

/// Keys that arrive as Esc and characters the terminal library did not decode.
@Suite struct EscapeSequenceTests {
    func key(_ text: String) -> Key? { EscapeSequence.key(after: Array(text)) }

    @Test func aLoneEscIsTheEscapeKey() {
        #expect(key("") == .escape)
    }

    @Test func navigationKeysInEveryCommonForm() {
        #expect(key("[4~") == .end && key("[8~") == .end && key("[F") == .end && key("OF") == .end)
        #expect(key("[1~") == .home && key("[7~") == .home && key("[H") == .home && key("OH") == .home)
        #expect(key("[5~") == .pageUp && key("[6~") == .pageDown)
        #expect(key("[A") == .up && key("OB") == .down && key("[1;5C") == .right && key("[Z") == .backTab)
        #expect(key("OP") == .function(1) && key("[15~") == .function(5) && key("[24~") == .function(12))
    }

    @Test func otherSequencesAreIgnoredNotTakenForEscape() {
        #expect(key("[2~") == nil)    // Insert
        #expect(key("[3~") == nil)    // Delete
        #expect(key("x") == nil)      // Alt-x
        #expect(key("[99~") == nil)
    }

    @Test func aSequenceIsCompleteAtItsFinalCharacter() {
        #expect(!EscapeSequence.isComplete(Array("[")) && !EscapeSequence.isComplete(Array("[4")))
        #expect(EscapeSequence.isComplete(Array("[4~")) && EscapeSequence.isComplete(Array("OF")))
        #expect(EscapeSequence.isComplete(Array("x")))
    }
}

@Suite struct ASCIITextTests {
    @Test func lessonPunctuationIsSpelledInASCII() {
        #expect(ASCIIText.of("wait — then… • next → done ≤ 2 µs") == "wait -- then... * next -> done <= 2 us")
        #expect(ASCIIText.of("plain") == "plain")
        #expect(ASCIIText.of("漢") == "?")
    }

    @Test func anASCIIContextNeverDrawsOtherCharacters() {
        var grid = Grid(width: 20, height: 1)
        _ = grid.put([Span("a — b…")], x: 0, y: 0, maxWidth: 20, context: DrawContext(theme: .monochrome, glyphs: .ascii))
        #expect(grid.plainLines() == ["a -- b..."])
    }
}

@Suite struct LineWrappingTests {
    @Test func aLineWrapsAtSpacesKeepingItsRoles() {
        let line: Line = [Span("error: ", .error), Span("incompatible types in assignment", .text)]
        let rows = line.wrapped(width: 20)
        #expect(rows.map(\.plainText) == ["error: incompatible", "types in assignment"])
        #expect(rows[0].first?.role == .error)
    }

    @Test func aModalShowsALongMessageWhole() {
        var grid = Grid(width: 40, height: 12)
        let message = "prog.c:3:9: error: incompatible types: cannot assign 'struct _OVERLAPPED' to 'int'"
        Modal(title: "Cannot open", lines: [[Span(message, .text)]]).draw(in: grid.bounds, on: &grid,
                                                                           context: DrawContext(glyphs: .ascii))
        let text = grid.plainLines().joined(separator: " ")
        #expect(text.contains("_OVERLAPPED'") && text.contains("to 'int'"), "\(grid.plainLines())")
    }
}

@Suite struct ScrollingWidgetTests {
    @Test func sourceViewKeepsTheFocusLineAndScrollsFromThere() {
        let text = (1...100).map { "line \($0)" }.joined(separator: "\n")
        let view = SourceView(text: text, markers: [], focusLine: 50)
        #expect(view.firstVisible(height: 10) == 46)
        let scrolled = SourceView(text: text, markers: [], focusLine: 50, scroll: -20)
        #expect(scrolled.firstVisible(height: 10) == 26)
        #expect(SourceView(text: text, markers: [], focusLine: 50, scroll: 1000).firstVisible(height: 10) == 90)
        #expect(view.hiddenLines(height: 10) == (above: 46, below: 44))
        // Near the end the view shows the last page: scrolling up moves it from there at once.
        let nearEnd = SourceView(text: text, markers: [], focusLine: 99, scroll: -3)
        #expect(nearEnd.firstVisible(height: 10) == 87)
    }

    @Test func timelineSlidesToTheSelectedTrack() {
        let tracks = (1...8).map { Timeline.Track(label: "T\($0)", changes: [], selected: $0 == 7) }
        let timeline = Timeline(tracks: tracks, end: 100)
        #expect(timeline.visibleRange(height: 3) == 4..<7)
        #expect(timeline.visibleRange(height: 10) == 0..<8)
        var grid = Grid(size: Size(width: 20, height: 3))
        timeline.draw(in: grid.bounds, on: &grid, context: DrawContext(glyphs: .ascii))
        #expect(grid.plainText().contains("T7"))
        #expect(!grid.plainText().contains("T1"))
    }

    @Test func aTimelineSaysHowManyTracksAreHiddenAboveAndBelow() {
        let tracks = (1...8).map { Timeline.Track(label: "T\($0)", changes: [], selected: $0 == 5) }
        let timeline = Timeline(tracks: tracks, end: 100)
        #expect(timeline.window(height: 5) == (tracks: 2..<5, above: 2, below: 3))
        #expect(timeline.window(height: 8) == (tracks: 0..<8, above: 0, below: 0))
        var grid = Grid(size: Size(width: 20, height: 5))
        timeline.draw(in: grid.bounds, on: &grid, context: DrawContext(glyphs: .ascii))
        #expect(grid.plainText().split(separator: "\n").map { String($0.prefix(8)) }
                == ["^ 2 more", "T3", "T4", "T5", "v 3 more"])
        #expect(grid.plainText().hasPrefix("^ 2 more"))
        #expect(grid.plainText().split(separator: "\n").last?.hasPrefix("v 3 more") == true)
        // The first track selected: only a row below.
        let first = Timeline(tracks: tracks.enumerated().map { index, track in
            var track = track
            track.selected = index == 0
            return track
        }, end: 100)
        #expect(first.window(height: 4) == (tracks: 0..<3, above: 0, below: 5))
        var unicode = Grid(size: Size(width: 20, height: 4))
        first.draw(in: unicode.bounds, on: &unicode, context: DrawContext(glyphs: .unicode))
        #expect(unicode.plainText().contains("\u{2193} 5 more"))
        // Two rows: no room for a row of its own, an ellipsis marks the cut.
        var small = Grid(size: Size(width: 20, height: 2))
        first.draw(in: small.bounds, on: &small, context: DrawContext(glyphs: .ascii))
        #expect(small.plainText().split(separator: "\n").last?.hasSuffix("~") == true)
    }
}
