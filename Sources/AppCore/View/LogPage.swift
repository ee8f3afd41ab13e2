import TUI

/// How many event-log lines the screen as last drawn shows, recorded as a
/// region so PgUp and PgDn can page by what is visible instead of a fixed
/// count that skips lines on a small terminal.
struct LogPage: Hashable, Sendable {
    let rows: Int

    /// Lines one page moves: the visible rows, keeping one line for context.
    var step: Int { max(1, rows - 1) }

    /// Records the log window on the grid. Added first, so a click on the
    /// log still reaches any region drawn over it.
    static func record(_ area: Rect, on grid: inout Grid) {
        grid.regions.insert(.init(rect: area, tag: RegionTag(LogPage(rows: area.height))), at: 0)
    }

    /// The log window of a drawn screen, if it shows one.
    static func find(in grid: Grid?) -> LogPage? {
        grid?.regions.lazy.compactMap { $0.tag.value(as: LogPage.self) }.first
    }
}
