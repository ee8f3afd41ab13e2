import TUI

/// The loop that connects the pure app to a terminal: draw, wait for input
/// or the run timer, update, run effects, repeat.
///
/// While paused it waits for input with no timeout, so an idle app uses no
/// CPU; only while running does it wake for ticks.
public final class AppRunner {
    public private(set) var state: AppState
    let environment: AppEnvironment
    let terminal: any TerminalSurface
    let clock = ContinuousClock()
    private var tickDue: ContinuousClock.Instant?
    private var lastGrid: Grid?
    /// Set to record every input (`--record`).
    public var recorder: InputRecorder?

    public init(state: AppState, environment: AppEnvironment = .none, terminal: any TerminalSurface) {
        self.state = state
        self.environment = environment
        self.terminal = terminal
    }

    /// Runs until the app quits or the terminal reports a termination signal.
    public func run() {
        while !state.finished {
            let grid = state.view(size: terminal.size)
            terminal.present(grid)
            lastGrid = grid
            let event = terminal.nextEvent(timeoutMilliseconds: waitMilliseconds())
            guard let event else {
                tickDue = nil
                // Step for at most 40 ms of wall time per tick, so keys stay responsive.
                let clock = self.clock
                let stop = clock.now.advanced(by: .milliseconds(40))
                let counter = TickCounter()
                perform(.tick(TickBudget { _ = counter.count(); return clock.now < stop }))
                recorder?.recordTick(steps: counter.steps)
                continue
            }
            handle(event)
        }
    }

    /// Milliseconds until the next tick, or nil to block (paused).
    func waitMilliseconds() -> Int? {
        guard let due = tickDue else { return nil }
        let remaining = clock.now.duration(to: due)
        let ms = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return max(0, Int(ms))
    }

    func handle(_ event: InputEvent) {
        if case .terminate = event {
            state.finished = true
            return
        }
        recorder?.record(event, size: terminal.size)
        if let action = Self.action(for: event, in: state, lastGrid: lastGrid) { perform(action) }
    }

    /// The action a terminal event stands for on the screen as last drawn
    /// (nil: none); a recording's replay maps its inputs the same way.
    static func action(for event: InputEvent, in state: AppState, lastGrid: Grid?) -> Action? {
        switch event {
        case .terminate, .resize:
            return nil // a resize only changes the size the next loop draws at
        case .key(let key):
            return fitLogScroll(KeyMap.action(for: key, in: state), paging: key == .pageUp || key == .pageDown, lastGrid: lastGrid)
        case .click(let x, let y):
            // The innermost clickable region: wheel and log regions share the screen but take no clicks.
            return lastGrid?.regions.last { $0.rect.contains(x: x, y: y) && $0.tag.value(as: ClickTarget.self) != nil }?
                .tag.value(as: ClickTarget.self)?.action
        case .scrollUp:
            return fitLogScroll(wheelAction(up: true, on: state.screen), paging: false, lastGrid: lastGrid)
        case .scrollDown:
            return fitLogScroll(wheelAction(up: false, on: state.screen), paging: false, lastGrid: lastGrid)
        case .wheel(let up, let x, let y):
            return wheelAction(up: up, x: x, y: y, in: state, lastGrid: lastGrid)
        }
    }

    /// The wheel at a point: an overlay takes it (the Why list moves; help
    /// and messages ignore it); else the pane under the pointer scrolls, and
    /// where no pane is tagged, what the screen has most of.
    static func wheelAction(up: Bool, x: Int, y: Int, in state: AppState, lastGrid: Grid?) -> Action? {
        switch state.overlay {
        case .why?: return .whyMove(delta: up ? -1 : 1)
        case .some: return nil
        case nil: break
        }
        if let target = WheelTarget.find(atX: x, y: y, in: lastGrid) { return .wheel(target, up: up) }
        return fitLogScroll(wheelAction(up: up, on: state.screen), paging: false, lastGrid: lastGrid)
    }

    /// Scrolling the event log by the window the last drawn screen showed:
    /// a page is the visible lines less one kept for context, and no scroll
    /// goes past the window that shows the oldest line.
    static func fitLogScroll(_ action: Action?, paging: Bool, lastGrid: Grid?) -> Action? {
        guard case .scrollLog(let delta)? = action, let page = LogPage.find(in: lastGrid) else { return action }
        let step = paging ? (delta < 0 ? -page.step : page.step) : delta
        return .pageLog(delta: step, rows: page.rows)
    }

    /// Where no pane is under the pointer (or no position is known), the
    /// wheel scrolls what the screen has most of: Home's list, the lesson
    /// text, the Compare threads, the Focus event log.
    static func wheelAction(up: Bool, on screen: Screen) -> Action {
        let sign = up ? -1 : 1
        switch screen {
        case .home: return .homeJump(delta: sign)
        case .lesson: return .lesson(.scroll(sign))
        case .compare: return .jumpThread(delta: sign)
        case .focus, .playground: return .scrollLog(delta: 3 * sign)
        }
    }

    public func perform(_ action: Action) {
        var pending = state.update(action)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .quit:
                state.finished = true
            case .scheduleTick(let ms):
                tickDue = clock.now.advanced(by: .milliseconds(ms))
            case .cancelTick:
                tickDue = nil
            case .openCompare:
                recorder?.stop()
                pending += open { try self.environment.makeCompare() }
            case .openPlayground(let path):
                recorder?.stop()
                pending += open { try self.environment.makePlayground(path) }
            case .openLesson(let id):
                // What opens next was not recorded: a recording ends here.
                recorder?.stop()
                do {
                    var lesson = try environment.makeLesson(id)
                    lesson.arrival.returnsToHome = true
                    pending += state.update(.lessonOpened(lesson))
                } catch {
                    pending += state.update(.openFailed(String(describing: error)))
                }
            case .saveProgress(let progress):
                if let failure = environment.saveProgress(progress) {
                    pending += state.update(.progressSaveFailed(failure))
                }
            }
        }
    }

    private func open(_ make: () throws -> Session) -> [Effect] {
        do {
            var session = try make()
            session.returnsToHome = true
            return state.update(.sessionOpened(session))
        } catch {
            return state.update(.openFailed(String(describing: error)))
        }
    }
}
