import TUI

/// The start screen: lessons, Compare, Playground, Help.
struct HomeView {
    let state: AppState

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let inner = Box(title: [Span("Overlapped", .title)], note: [Span("v" + AppInfo.version, .dim)], focused: true)
            .draw(in: area, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        let body = Rect(x: inner.x + 2, y: inner.y + 1, width: inner.width - 4, height: inner.height - 1)
        var lines: [Line] = [
            [Span("How does a Windows program learn that its overlapped I/O has finished?", .strong)],
            [Span("Watch four answers run side by side on one simulated NT kernel.", .text)],
            [],
            [Span("Lessons", .header)],
        ]
        if state.home.lessons.isEmpty {
            lines.append([Span("  (no lessons installed yet)", .dim)])
        }
        var y = body.y
        TextBlock(lines).draw(in: Rect(x: body.x, y: y, width: body.width, height: lines.count), on: &grid, context: context)
        y += lines.count
        let g = context.glyphs
        var items: [Line] = []
        var tags: [String] = []
        for lesson in state.home.lessons {
            items.append([Span(String(lesson.done ? g.signaled : g.unsignaled) + " ", lesson.done ? .good : .dim),
                          Span(lesson.title, .text)])
            tags.append("home:lesson:\(lesson.id)")
        }
        items.append([Span("Compare the four methods", .strong), Span("   c", .dim)])
        items.append([Span("Playground: run your own program", .strong), Span("   o", .dim)])
        items.append([Span("Help", .strong), Span("   ?", .dim)])
        items.append([Span("Quit", .strong), Span("   q", .dim)])
        tags += ["home:compare", "home:playground", "home:help", "home:quit"]
        if !state.home.lessons.isEmpty {
            let lessonArea = Rect(x: body.x, y: y, width: body.width, height: state.home.lessons.count)
            ListView(items: Array(items.prefix(state.home.lessons.count)),
                     selected: state.home.selection < state.home.lessons.count ? state.home.selection : nil,
                     tags: Array(tags.prefix(state.home.lessons.count)))
                .draw(in: lessonArea, on: &grid, context: context)
            y += state.home.lessons.count
        }
        y += 1
        grid.put("Explore", x: body.x, y: y, style: context.style(.header), maxWidth: body.width)
        y += 1
        let menuCount = 4
        let menuSelection = state.home.selection - state.home.lessons.count
        ListView(items: Array(items.suffix(menuCount)), selected: menuSelection >= 0 ? menuSelection : nil,
                 tags: Array(tags.suffix(menuCount)))
            .draw(in: Rect(x: body.x, y: y, width: body.width, height: menuCount), on: &grid, context: context)
        y += menuCount + 1
        let notes: [Line] = [
            [Span("From a shell: ", .dim), Span("overlapped compare [SCENARIO]", .text), Span(", ", .dim),
             Span("overlapped run FILE.c", .text)],
        ]
        if let status = state.status {
            TextBlock([[Span(status, .warning)]]).draw(in: Rect(x: body.x, y: y, width: body.width, height: 1), on: &grid, context: context)
            y += 1
        }
        TextBlock(notes).draw(in: Rect(x: body.x, y: min(y, inner.maxY - 1), width: body.width, height: 1), on: &grid, context: context)
    }
}

/// Facts about the app shown on screen.
public enum AppInfo {
    public static let version = "0.1.0"
}
