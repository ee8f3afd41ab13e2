import TUI

/// The start screen: lessons, Compare, Playground, Help.
struct HomeView {
    let state: AppState

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let inner = Box(title: [Span("Overlapped", .title)], note: [Span("v" + AppInfo.version, .dim)], focused: true)
            .draw(in: area, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let intro: [Line] = [
            [Span("How does a Windows program learn that its overlapped I/O has finished?", .strong)],
            [Span("Watch four answers run side by side on one simulated NT kernel.", .text)],
        ]
        let (introArea, rest) = body.splitTop(3)
        TextBlock(intro).draw(in: Rect(x: introArea.x + 1, y: introArea.y + 1, width: introArea.width - 1, height: 2),
                              on: &grid, context: context)
        let (main, footer) = rest.splitBottom(1)
        // The menu takes what its widest entry needs (at most 38%); the
        // lessons' titles get the rest.
        let menuWidth = min(main.width - main.width * 62 / 100, Self.menuEntries.map(\.count).max()! + 5)
        let (lessonArea, menuArea) = main.splitLeft(main.width - menuWidth)
        drawLessons(in: lessonArea, on: &grid, context: context)
        drawMenu(in: menuArea, on: &grid, context: context)
        var note: Line = [Span("From a shell: ", .dim), Span("overlapped compare [SCENARIO]", .text), Span(", ", .dim),
                          Span("overlapped run FILE.c", .text), Span(", ", .dim), Span("overlapped lesson N", .text)]
        if let next = state.home.nextLesson {
            note = [Span("Continue: ", .strong), Span("\(next.number) \(next.entry.title)", .text),
                    Span(state.home.selection == next.number - 1 ? "  (Enter)" : "", .dim)]
        }
        if let status = state.status { note = [Span(status, .warning)] }
        TextBlock.drawLine(note, x: footer.x + 1, y: footer.y, width: footer.width - 1, on: &grid, context: context)
    }

    private func drawLessons(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let lessons = state.home.lessons
        let done = lessons.filter(\.done).count
        let inner = Box(title: [Span("Lessons", .title)], note: lessons.isEmpty ? [] : [Span("\(done)/\(lessons.count) done", .dim)])
            .draw(in: area, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        if lessons.isEmpty {
            grid.put("(no lessons installed)", x: inner.x + 1, y: inner.y, style: context.style(.dim), maxWidth: inner.width - 1)
            return
        }
        let g = context.glyphs
        let items: [Line] = lessons.enumerated().map { index, lesson in
            [Span(progressMark(lesson, glyphs: g) + " ", lesson.done ? .good : (lesson.started ? .ready : .dim)),
             Span(String(index + 1).padding(to: 3), .dim), Span(lesson.title, .text)]
        }
        let selection = state.home.selection < lessons.count ? state.home.selection : nil
        ListView(items: items, selected: selection, tags: lessons.map { ClickTarget.home(.lesson(id: $0.id)).tag })
            .draw(in: inner, on: &grid, context: context)
    }

    /// Finished, started or not yet opened: a glyph, never colour alone.
    private func progressMark(_ lesson: HomeState.LessonEntry, glyphs g: Glyphs) -> String {
        if lesson.done { return String(g.signaled) }
        if lesson.started { return g.isASCII ? "~" : "◐" }
        return String(g.unsignaled)
    }

    static let menuEntries = ["Compare the methods", "Playground (a .c file)", "Help", "Quit"]

    private func drawMenu(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let inner = Box(title: [Span("Explore", .title)]).draw(in: area, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        let items: [Line] = Self.menuEntries.map { [Span($0, .strong)] }
        let selection = state.home.selection - state.home.lessons.count
        ListView(items: items, selected: selection >= 0 ? selection : nil,
                 tags: [HomeState.Item.compare, .playground, .help, .quit].map { ClickTarget.home($0).tag })
            .draw(in: inner, on: &grid, context: context)
    }
}
