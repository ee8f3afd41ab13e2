/// The Home screen: its menu and the lessons known to the app.
public struct HomeState: Sendable, Equatable {
    public enum Item: Sendable, Hashable {
        case lesson(id: String)
        case compare, playground, help, quit
    }

    /// A lesson as the menu lists it.
    public struct LessonEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var done: Bool
        /// Some steps seen but not finished.
        public var started: Bool
        public init(id: String, title: String, done: Bool, started: Bool = false) {
            self.id = id; self.title = title; self.done = done; self.started = started
        }
    }

    public var lessons: [LessonEntry]
    public var selection: Int

    /// Without a selection, Home starts on the next unfinished lesson (after
    /// every lesson is done, on Compare).
    public init(lessons: [LessonEntry] = [], selection: Int? = nil) {
        self.lessons = lessons
        self.selection = selection ?? lessons.firstIndex { !$0.done } ?? lessons.count
    }

    /// The lesson to go on with: the first one not finished, with its number.
    public var nextLesson: (number: Int, entry: LessonEntry)? {
        lessons.firstIndex { !$0.done }.map { ($0 + 1, lessons[$0]) }
    }

    public var items: [Item] {
        lessons.map { .lesson(id: $0.id) } + [.compare, .playground, .help, .quit]
    }

    public var selectedItem: Item { items[min(max(0, selection), items.count - 1)] }

    /// Moves without wrapping: stops at the first or the last item.
    public mutating func jump(by delta: Int) {
        let last = items.count - 1
        selection = delta < 0 ? max(0, selection - min(-delta, last + 1)) : min(last, selection + min(delta, last + 1))
    }

    public mutating func move(by delta: Int) {
        let count = items.count
        selection = ((selection + delta) % count + count) % count
    }
}
