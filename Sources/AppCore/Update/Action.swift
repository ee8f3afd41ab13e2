import TUI

/// Everything that can happen to the app: keys mapped to intents, ticks of
/// the run timer, results of effects.
public enum Action: Sendable {
    case stepEvent
    case stepStatement
    case toggleRun
    case faster
    case slower
    case stepBack
    case restart
    case selectThread(delta: Int)
    /// Move the thread selection by `delta` without wrapping (PgUp, PgDn, Home, End).
    case jumpThread(delta: Int)
    /// Scroll the source view by lines from where it keeps the current line;
    /// the next step brings the current line back into view.
    case scrollSource(delta: Int)
    /// Scroll the Focus view's program output: negative goes back to earlier lines.
    case scrollOutput(delta: Int)
    /// Scroll the Focus view's event log: negative goes back to older lines.
    case scrollLog(delta: Int)
    /// Scroll the event log by a page of `rows` lines (the rows it shows).
    case pageLog(delta: Int, rows: Int)
    /// The mouse wheel turned over a pane: scroll that pane.
    case wheel(WheelTarget, up: Bool)
    case selectThreadID(pane: Int, thread: Int)
    case selectPane(Int)
    case nextPane(delta: Int)
    case focus
    case back
    case toggleHelp
    /// `w`: open the "Why" overlay for the selected thread; move in it; step back to the chosen cause.
    case why
    case whyMove(delta: Int)
    case whyJump
    case quit
    /// The run timer fired: step up to the speed's events per tick while
    /// `budget` allows (so a slow program cannot freeze the keyboard).
    case tick(TickBudget = .unlimited)
    case homeMove(delta: Int)
    /// Move Home's selection by `delta` without wrapping (PgUp, PgDn, Home, End).
    case homeJump(delta: Int)
    case homeActivate
    case homeChoose(HomeState.Item)
    case promptInput(Key)
    /// A session opened by an effect (Compare or Playground from Home).
    case sessionOpened(Session)
    case openFailed(String)
    /// A key on the Lesson screen.
    case lesson(LessonAction)
    /// Presenter mode and its class vote.
    case presenter(PresenterAction)
    /// A lesson opened by an effect (from Home) or at start.
    case lessonOpened(LessonScreen)
    /// Storing the learner's progress failed: say so on screen.
    case progressSaveFailed(String)
}
