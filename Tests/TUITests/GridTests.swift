import Testing
@testable import TUI

@Suite struct GridTests {
    @Test func textIsClippedToMaxWidthAndGridEdge() {
        var grid = Grid(width: 10, height: 2)
        #expect(grid.put("hello world", x: 0, y: 0, maxWidth: 5) == 5)
        #expect(grid.put("abcdef", x: 7, y: 1) == 3)
        #expect(grid.plainLines() == ["hello", "       abc"])
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var grid = Grid(width: 5, height: 1)
        grid.put("a漢b", x: 0, y: 0)
        #expect(grid[1, 0].width == 2)
        #expect(grid[2, 0].isContinuation)
        #expect(grid.plainLines() == ["a漢b"])
        // Overwriting the continuation blanks the wide character's head.
        grid.put("x", x: 2, y: 0)
        #expect(grid.plainLines() == ["a xb"])
        // A wide character that does not fit at the edge becomes a space.
        var edge = Grid(width: 3, height: 1)
        edge.put("ab漢", x: 0, y: 0)
        #expect(edge.plainLines() == ["ab"])
        #expect(!edge[2, 0].isContinuation)
    }

    @Test func controlCharactersAreShownAsQuestionMarks() {
        var grid = Grid(width: 6, height: 1)
        grid.put("a\u{7}b\tc", x: 0, y: 0)
        #expect(grid.plainLines() == ["a?b?c"])
    }

    @Test func writesOutsideTheGridAreIgnored() {
        var grid = Grid(width: 3, height: 1)
        grid.put("abc", x: -2, y: 0)
        grid.put("zzz", x: 0, y: 5)
        grid.set(x: 9, y: 9, Cell("q"))
        #expect(grid.plainLines() == ["c"])
    }

    @Test func cellsKeepCharactersOfSeveralScalars() {
        #expect(Cell("e\u{301}").character == "e\u{301}")
        #expect(Cell("☀\u{FE0F}").character == "☀\u{FE0F}")
        #expect(Cell("a") != Cell("b"))
        #expect(Cell("a") == Cell("a"))
        #expect(Cell("a", style: Style(attributes: .bold)) != Cell("a"))
    }

    @Test func characterWidths() {
        #expect(CharacterWidth.of(Character("a")) == 1)
        #expect(CharacterWidth.of(Character("─")) == 1)
        #expect(CharacterWidth.of(Character("漢")) == 2)
        #expect(CharacterWidth.of(Character("😀")) == 2)
        #expect(CharacterWidth.of("e\u{301}") == 1)
    }
}

@Suite struct LayoutTests {
    @Test func columnsShareSpareCellsFromTheLeft() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).columns(3)
        #expect(parts.map(\.width) == [4, 3, 3])
        #expect(parts.map(\.x) == [0, 4, 7])
    }

    @Test func quadrantsAreInReadingOrder() {
        let q = Rect(x: 0, y: 0, width: 80, height: 22).quadrants()
        #expect(q == [Rect(x: 0, y: 0, width: 40, height: 11), Rect(x: 40, y: 0, width: 40, height: 11),
                      Rect(x: 0, y: 11, width: 40, height: 11), Rect(x: 40, y: 11, width: 40, height: 11)])
    }

    @Test func splitsNeverGoNegative() {
        let (top, rest) = Rect(x: 0, y: 0, width: 5, height: 3).splitTop(10)
        #expect(top.height == 3 && rest.height == 0)
        #expect(Rect(x: 0, y: 0, width: 2, height: 2).inset(by: 3).isEmpty)
    }
}

@Suite struct DiffTests {
    @Test func firstFrameIsAFullRedraw() {
        let grid = Grid(width: 4, height: 2)
        let diff = GridDiff.between(nil, grid)
        #expect(diff.isFullRedraw)
        #expect(diff.runs.count == 2)
    }

    @Test func onlyChangedRunsAreSent() {
        var old = Grid(width: 10, height: 2)
        old.put("abcdefghij", x: 0, y: 0)
        var new = old
        new.put("XY", x: 2, y: 0)
        new.put("Z", x: 8, y: 0)
        new.put("q", x: 0, y: 1)
        let diff = GridDiff.between(old, new)
        #expect(!diff.isFullRedraw)
        #expect(diff.runs.map { "\($0.x),\($0.y):" + String($0.cells.map(\.character)) } == ["2,0:XY", "8,0:Z", "0,1:q"])
    }

    @Test func styleChangesCountAsChanges() {
        var old = Grid(width: 3, height: 1)
        old.put("abc", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.with(.bold) }
        #expect(GridDiff.between(old, new).runs.map(\.x) == [1])
    }

    @Test func runsNeverStartOnAContinuationCell() {
        var old = Grid(width: 6, height: 1)
        old.put("a漢b", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.with(.bold) }
        let runs = GridDiff.between(old, new).runs
        #expect(runs.count == 1)
        #expect(runs[0].x == 1)
        #expect(runs[0].cells.count == 2)
    }

    @Test func identicalGridsHaveNoRuns() {
        var grid = Grid(width: 5, height: 5)
        grid.put("same", x: 1, y: 1)
        #expect(GridDiff.between(grid, grid).runs.isEmpty)
    }
}
