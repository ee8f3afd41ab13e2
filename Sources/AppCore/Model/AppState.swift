/// Everything the app shows and remembers; `update` changes it, `view` draws it.
public struct AppState: Sendable {
    public var screen: Screen
    public var overlay: Overlay?
    public var options: UIOptions
    public var home: HomeState
    public var session: Session?
    /// The Lesson screen's state while a lesson is open (its simulation is `session`).
    public var lesson: LessonScreen?
    /// A one-line status message (e.g. why Compare could not open).
    public var status: String?
    /// Set once the app should end; the runner stops its loop.
    public var finished: Bool
    /// Presenter mode (`--present`, `P`): nil when off.
    public var presenter: PresenterState?

    public init(screen: Screen = .home, options: UIOptions = UIOptions(), home: HomeState = HomeState(),
                session: Session? = nil) {
        self.screen = screen
        self.overlay = nil
        self.options = options
        self.home = home
        self.session = session
        self.status = nil
        self.finished = false
    }

    /// The app opened straight on Compare (`overlapped compare`).
    public static func compare(_ session: Session, options: UIOptions) -> AppState {
        AppState(screen: .compare, options: options, session: session)
    }

    /// The app opened straight on a program (`overlapped run FILE.c`).
    public static func playground(_ session: Session, options: UIOptions) -> AppState {
        AppState(screen: .playground, options: options, session: session)
    }

    /// The app opened straight on a lesson (`overlapped lesson ID`).
    public static func lesson(_ lesson: LessonScreen, options: UIOptions, home: HomeState = HomeState()) -> AppState {
        var state = AppState(screen: .lesson, options: options, home: home, session: lesson.arrival)
        state.lesson = lesson
        state.resumeLesson()
        return state
    }

    public var isRunning: Bool { session?.running ?? false }
}
