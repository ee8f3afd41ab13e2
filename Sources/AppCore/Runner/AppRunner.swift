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
                perform(.tick(TickBudget { clock.now < stop }))
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
        switch event {
        case .terminate:
            state.finished = true
        case .resize:
            break // the next loop draws at the new size
        case .key(let key):
            if let action = KeyMap.action(for: key, in: state) { perform(action) }
        case .click(let x, let y):
            if let action = lastGrid?.region(atX: x, y: y).flatMap({ $0.tag.value(as: ClickTarget.self)?.action }) {
                perform(action)
            }
        case .scrollUp:
            perform(Self.wheelAction(up: true, on: state.screen))
        case .scrollDown:
            perform(Self.wheelAction(up: false, on: state.screen))
        }
    }

    /// The wheel scrolls what the screen has most of: Home's list, the
    /// lesson text, the Compare threads, the Focus event log.
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
                pending += open { try self.environment.makeCompare() }
            case .openPlayground(let path):
                pending += open { try self.environment.makePlayground(path) }
            case .openLesson(let id):
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
