import Testing
@testable import LessonKit

@Suite struct MarkdownRendererTests {
    @Test func inlineStyles() {
        #expect(MarkdownRenderer.inline("a *b* _c_ **d** `e*f` g") == [
            StyledSpan("a "), StyledSpan("b", .emphasis), StyledSpan(" "), StyledSpan("c", .emphasis), StyledSpan(" "),
            StyledSpan("d", .strong), StyledSpan(" "), StyledSpan("e*f", .code), StyledSpan(" g"),
        ])
    }

    @Test func unclosedAndInnerWordMarkersStayText() {
        #expect(MarkdownRenderer.inline("2 * 3 and *open") == [StyledSpan("2 * 3 and *open")])
        #expect(MarkdownRenderer.inline("FILE_FLAG_OVERLAPPED") == [StyledSpan("FILE_FLAG_OVERLAPPED")])
        #expect(MarkdownRenderer.inline("\\*not\\*") == [StyledSpan("*not*")])
    }

    @Test func blocks() {
        let lines = MarkdownRenderer.render("""

            First line
            joined here.

            - one
              more of one
            - two
              1. nested

            ### Sub

            ```
            code  kept
            ```

            """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(lines == [
            StyledLine(kind: .paragraph, spans: [StyledSpan("First line joined here.")]),
            .blank,
            StyledLine(kind: .item(marker: "•"), spans: [StyledSpan("one"), StyledSpan(" more of one")]),
            StyledLine(kind: .item(marker: "•"), spans: [StyledSpan("two")]),
            StyledLine(kind: .item(marker: "1."), indent: 1, spans: [StyledSpan("nested")]),
            .blank,
            StyledLine(kind: .heading, spans: [StyledSpan("Sub")]),
            .blank,
            StyledLine(kind: .code, spans: [StyledSpan("code  kept", .code)]),
        ])
    }

    func rows(_ line: StyledLine, _ width: Int) -> [String] {
        line.wrapped(width: width).map { $0.map(\.text).joined() }
    }

    @Test func wrappingAtWordsKeepsStyles() {
        let line = StyledLine(kind: .paragraph, spans: MarkdownRenderer.inline("Main calls **ReadFileEx**: the request pends."))
        #expect(rows(line, 16) == ["Main calls", "ReadFileEx: the", "request pends."])
        let wrapped = line.wrapped(width: 16)
        #expect(wrapped[1] == [StyledSpan("ReadFileEx", .strong), StyledSpan(": the")])
    }

    @Test func listItemsHangUnderTheirText() {
        let line = StyledLine(kind: .item(marker: "•"), indent: 1, spans: [StyledSpan("one two three four")])
        #expect(rows(line, 12) == ["  • one two", "    three", "    four"])
    }

    @Test func longWordsAndCodeAreCut() {
        #expect(rows(StyledLine(kind: .paragraph, spans: [StyledSpan("abcdefghij")]), 4) == ["abcd", "efgh", "ij"])
        #expect(rows(StyledLine(kind: .code, spans: [StyledSpan("    x = 1;", .code)]), 6) == ["    x ", "= 1;"])
        #expect(rows(.blank, 10) == [""])
        #expect(rows(StyledLine(kind: .paragraph, spans: [StyledSpan("tiny")]), 0) == ["t", "i", "n", "y"])
    }

    @Test func punctuationStaysWithTheCodeItFollows() {
        let line = StyledLine(kind: .paragraph, spans: MarkdownRenderer.inline("main waits in `WaitForSingleObject`, so its letter is W."))
        #expect(rows(line, 30) == ["main waits in", "WaitForSingleObject, so its", "letter is W."])
    }

    @Test func aCodeSpanIsNotBrokenWhenItFitsOnARow() {
        let line = StyledLine(kind: .paragraph, spans: MarkdownRenderer.inline("Create it with `CreateEvent(NULL, TRUE, FALSE, NULL)` first."))
        #expect(rows(line, 40) == ["Create it with", "CreateEvent(NULL, TRUE, FALSE, NULL)", "first."])
    }

    @Test func aCodeSpanLongerThanARowBreaksAtItsSpacesOrPunctuation() {
        let line = StyledLine(kind: .paragraph,
                              spans: MarkdownRenderer.inline("`CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, limit)` makes a port."))
        let wrapped = rows(line, 30)
        #expect(wrapped.first == "CreateIoCompletionPort(")
        #expect(wrapped.contains { $0.hasPrefix("INVALID_HANDLE_VALUE,") })
        #expect(wrapped.allSatisfy { $0.count <= 30 })
    }
}
