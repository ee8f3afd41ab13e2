import TUI

/// The reducer: the only place the app's state changes.
extension AppState {
    /// Applies an action and returns the effects for the shell to run.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .quit:
            finished = true
            return [.quit]
        case .toggleHelp:
            overlay = overlay == nil ? .help : nil
            return []
        case .homeMove(let delta):
            home.move(by: delta)
            return []
        case .homeJump(let delta):
            home.jump(by: delta)
            return []
        case .homeActivate:
            return choose(home.selectedItem)
        case .homeChoose(let item):
            return choose(item)
        case .promptInput(let key):
            return promptInput(key)
        case .sessionOpened(let newSession):
            session = newSession
            overlay = nil
            status = nil
            screen = newSession.kind == .compare ? .compare : .playground
            return [.cancelTick]
        case .openFailed(let message):
            overlay = .message(title: "Cannot open", lines: message.split(separator: "\n").map(String.init))
            return []
        case .back:
            return back()
        case .why, .whyMove, .whyJump:
            return whyAction(action)
        case .wheel(let target, let up):
            return wheel(target, up: up)
        case .tick(let budget):
            // While a vote's countdown runs, the timer counts its seconds.
            if presenter?.countdown != nil { return presenterAction(.countdownTick) }
            return tick(budget)
        case .presenter(let presenterAction):
            return self.presenterAction(presenterAction)
        case .lesson(let lessonAction):
            return self.lessonAction(lessonAction)
        case .progressSaveFailed(let message):
            status = "Progress not saved: " + message
            lesson?.notice = .saveFailed(message)
            return []
        case .lessonOpened(let opened):
            lesson = opened
            session = opened.arrival
            overlay = nil
            status = nil
            screen = .lesson
            let returnsToHome = opened.arrival.returnsToHome
            resumeLesson()
            session?.returnsToHome = returnsToHome
            return [.cancelTick, .saveProgress(lesson?.progress ?? opened.progress)]
        default:
            if lessonRefuses(action) { return [] }
            return sessionAction(action)
        }
    }

    private mutating func choose(_ item: HomeState.Item) -> [Effect] {
        switch item {
        case .compare: return [.openCompare]
        case .playground:
            overlay = .openFile(path: "")
            return []
        case .help:
            overlay = .help
            return []
        case .quit:
            finished = true
            return [.quit]
        case .lesson(let id):
            return [.openLesson(id: id)]
        }
    }

    private mutating func promptInput(_ key: Key) -> [Effect] {
        guard case .openFile(var path) = overlay else { return [] }
        switch key {
        case .escape:
            overlay = nil
        case .enter:
            let trimmed = path.trimmingWhitespace()
            overlay = nil
            return trimmed.isEmpty ? [] : [.openPlayground(path: trimmed)]
        case .backspace:
            if !path.isEmpty { path.removeLast() }
            overlay = .openFile(path: path)
        case .character(let c):
            if path.count < 512, !(c.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) { path.append(c) }
            overlay = .openFile(path: path)
        default:
            break
        }
        return []
    }

    private mutating func back() -> [Effect] {
        switch screen {
        case .home:
            finished = true
            return [.quit]
        case .focus:
            screen = session?.kind == .playground ? .playground : .compare
            return []
        case .lesson:
            return leaveLesson()
        case .compare, .playground:
            if session?.returnsToHome ?? false {
                session?.running = false
                screen = .home
                session = nil
                return [.cancelTick]
            }
            finished = true
            return [.quit]
        }
    }

    private mutating func tick(_ budget: TickBudget) -> [Effect] {
        guard var current = session, current.running else { return [] }
        current.sourceScroll = 0
        current.outputScroll = 0
        var stepped = false
        var scriptEnded = false
        for _ in 0..<current.speed.eventsPerTick {
            let scripted = current.script?.isEmpty == false
            guard current.stepLockstep() else { break }
            stepped = true
            // A watched reveal pauses where the reveal ended.
            if scripted, current.script?.isEmpty == true { scriptEnded = true; break }
            if !budget.allowsMore() { break }
        }
        // Stop when finished, or when nothing can step any more.
        if current.isFinished || !stepped || scriptEnded { current.running = false }
        if scriptEnded, screen == .lesson { lesson?.notice = .revealEnded }
        session = current
        return current.running ? [.scheduleTick(milliseconds: current.speed.tickMilliseconds)] : [.cancelTick]
    }

    private mutating func sessionAction(_ action: Action) -> [Effect] {
        guard var current = session else { return [] }
        var effects: [Effect] = []
        switch action {
        case .stepEvent, .stepStatement, .stepBack, .restart:
            // A step brings the current line and the newest output back into view.
            current.sourceScroll = 0
            current.outputScroll = 0
        default:
            break
        }
        switch action {
        case .stepEvent:
            current.stepLockstep()
        case .stepStatement:
            current.stepSelectedStatement()
        case .toggleRun:
            if current.running {
                current.running = false
                effects = [.cancelTick]
            } else if !current.isFinished {
                current.running = true
                effects = [.scheduleTick(milliseconds: current.speed.tickMilliseconds)]
            }
        case .faster:
            current.speedLevel = min(Speed.levels.count - 1, current.speedLevel + 1)
        case .slower:
            current.speedLevel = max(0, current.speedLevel - 1)
        case .stepBack:
            if current.running { current.running = false; effects = [.cancelTick] }
            current.stepBack()
        case .restart:
            current.restart()
            effects = [.cancelTick]
        case .scrollLog(let delta):
            let count = current.panes.indices.contains(current.selectedPane) ? current.panes[current.selectedPane].simulation.logCount : 0
            current.logScroll = min(max(0, current.logScroll - delta), max(0, count - 1))
        case .pageLog(let delta, _):
            // The page was sized by the rows shown; the line in focus may go back to the oldest.
            let count = current.panes.indices.contains(current.selectedPane) ? current.panes[current.selectedPane].simulation.logCount : 0
            let oldest = max(0, count - 1)
            current.logScroll = min(max(0, min(current.logScroll, oldest) - delta), oldest)
        case .scrollOutput(let delta):
            let lines = current.panes.indices.contains(current.selectedPane)
                ? current.panes[current.selectedPane].simulation.output.utf8.lazy.filter { $0 == 10 }.count : 0
            current.outputScroll = min(max(0, current.outputScroll - delta), lines)
        case .selectThread(let delta):
            if current.panes.indices.contains(current.selectedPane) {
                current.panes[current.selectedPane].moveSelection(by: delta)
                current.sourceScroll = 0
            }
        case .jumpThread(let delta):
            if current.panes.indices.contains(current.selectedPane) {
                current.panes[current.selectedPane].jumpSelection(by: delta)
                current.sourceScroll = 0
            }
        case .scrollSource(let delta):
            // Bounded by the longest file, so no count of key presses can overflow it.
            let longest = current.panes.flatMap { $0.simulation.sourceFiles.map { $0.text.split(separator: "\n").count } }.max() ?? 0
            current.sourceScroll = min(max(-longest, current.sourceScroll + delta), longest)
        case .selectThreadID(let pane, let thread):
            if current.panes.indices.contains(pane), current.panes[pane].machine.thread(thread) != nil {
                current.selectedPane = pane
                current.panes[pane].selectedThread = thread
            }
        case .selectPane(let index):
            if current.panes.indices.contains(index) {
                current.selectedPane = index
                if case .focus = screen { screen = .focus(pane: index) }
            }
        case .nextPane(let delta):
            let count = current.panes.count
            if count > 0 {
                current.selectedPane = ((current.selectedPane + delta) % count + count) % count
                if case .focus = screen { screen = .focus(pane: current.selectedPane) }
            }
        case .focus:
            if screen == .compare { screen = .focus(pane: current.selectedPane) }
        default:
            break
        }
        session = current
        return effects
    }
}
