import TUI

/// What the mouse wheel scrolls where it is turned: views tag their panes
/// with it (as `ClickTarget` tags what a click selects), and the runner
/// turns a wheel event at a point into the tagged pane's scrolling.
public enum WheelTarget: Hashable, Sendable {
    /// A program's source box.
    case source
    /// The Focus view's program output.
    case output
    /// The kernel event log.
    case log
    /// A pane's threads: its thread list, its timeline, a whole Compare pane.
    case threads(pane: Int)
    /// The Lesson screen's text.
    case lessonText

    var tag: RegionTag { RegionTag(self) }

    /// Tags `area` of a drawn screen.
    func record(_ area: Rect, on grid: inout Grid) {
        guard !area.isEmpty else { return }
        grid.regions.append(.init(rect: area, tag: tag))
    }

    /// The pane under a point of a drawn screen, if a view tagged one there
    /// (the innermost: the last drawn).
    static func find(atX x: Int, y: Int, in grid: Grid?) -> WheelTarget? {
        grid?.regions.last { $0.rect.contains(x: x, y: y) && $0.tag.value(as: WheelTarget.self) != nil }?
            .tag.value(as: WheelTarget.self)
    }

    /// Lines one notch of the wheel scrolls text by.
    static let notch = 3
}
