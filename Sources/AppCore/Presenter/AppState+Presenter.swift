import TUI

/// Presenter mode's reducer and keys. The vote screen comes before a
/// question's reveal: the lesson only moves on (answering with the class's
/// majority) when the teacher clicks forward.
extension AppState {
    /// True when the screen shows the presenter view.
    public var isPresenting: Bool {
        presenter != nil && (screen == .lesson || screen == .compare || isPresentingFocus)
    }

    private var isPresentingFocus: Bool {
        if case .focus = screen { return true }
        return false
    }

    /// The vote on the current lesson step's question, while it waits for an answer.
    var pendingVote: (question: Int, vote: PresenterState.Vote)? {
        guard let presenter, let lesson, let question = lesson.lesson.pendingQuestion else { return nil }
        let step = lesson.lesson.stepIndex
        return (step, presenter.votes[step] ?? PresenterState.Vote(choices: question.choices.count))
    }

    mutating func presenterAction(_ action: PresenterAction) -> [Effect] {
        if action == .toggle {
            presenter = presenter == nil ? PresenterState() : nil
            return [.cancelTick]
        }
        guard var presenter else { return [] }
        defer { self.presenter = presenter }
        switch action {
        case .toggle:
            return []
        case .next:
            if let (step, vote) = pendingVote {
                presenter.countdown = nil
                presenter.votes[step] = vote
                self.presenter = presenter
                let choice = vote.majority ?? lesson?.lesson.pendingQuestion?.answer ?? 0
                let effects = update(.lesson(.answer(choice)))
                presenter = self.presenter ?? presenter
                return effects
            }
            self.presenter = presenter
            let effects = update(screen == .lesson ? .lesson(.next) : .stepEvent)
            presenter = self.presenter ?? presenter
            return effects
        case .back:
            presenter.countdown = nil
            self.presenter = presenter
            let effects = update(screen == .lesson ? .lesson(.previous) : .stepBack)
            presenter = self.presenter ?? presenter
            return effects
        case .countdown:
            guard pendingVote != nil else { return [] }
            if presenter.countdown != nil {
                presenter.countdown = nil
                return [.cancelTick]
            }
            presenter.countdown = PresenterState.countdownSeconds
            return [.scheduleTick(milliseconds: 1000)]
        case .countdownTick:
            guard let left = presenter.countdown, pendingVote != nil else {
                presenter.countdown = nil
                return []
            }
            presenter.countdown = left > 1 ? left - 1 : 0
            return left > 1 ? [.scheduleTick(milliseconds: 1000)] : [.cancelTick]
        case .selectChoice(let index):
            guard let (_, vote) = pendingVote, vote.current.indices.contains(index) else { return [] }
            presenter.selectedChoice = index
        case .digit(let digit):
            guard let (step, pending) = pendingVote, let last = pending.rounds.indices.last,
                  pending.rounds[last].indices.contains(presenter.selectedChoice) else { return [] }
            var vote = pending
            let count = vote.rounds[last][presenter.selectedChoice]
            if count < 10_000 { vote.rounds[last][presenter.selectedChoice] = count * 10 + digit }
            presenter.votes[step] = vote
        case .erase:
            guard let (step, pending) = pendingVote, let last = pending.rounds.indices.last,
                  pending.rounds[last].indices.contains(presenter.selectedChoice) else { return [] }
            var vote = pending
            vote.rounds[last][presenter.selectedChoice] /= 10
            presenter.votes[step] = vote
        case .revote:
            guard let (step, pending) = pendingVote, pending.rounds.count < 3 else { return [] }
            var vote = pending
            vote.rounds.append(Array(repeating: 0, count: vote.current.count))
            presenter.votes[step] = vote
            presenter.selectedChoice = 0
            presenter.countdown = nil
        }
        return []
    }
}

extension KeyMap {
    /// Presenter keys: the clicker's (PgDn, →, Space forward; PgUp, ← back),
    /// `P` to leave, `q` to quit, and on a vote `a`–`d` to pick a choice,
    /// digits for its count, `t` for the countdown (timer), `v` to vote again.
    /// Nil lets the screen's own keys through (`?`, `j`/`k`, `n`…).
    static func presenterAction(for key: Key, in state: AppState) -> Action? {
        switch key {
        case .character("P"): return .presenter(.toggle)
        case .pageDown, .right, .character(" "): return .presenter(.next)
        case .pageUp, .left: return .presenter(.back)
        default: break
        }
        guard let (_, vote) = state.pendingVote else {
            return key == .enter && state.screen == .lesson ? .presenter(.next) : nil
        }
        switch key {
        case .character("t"): return .presenter(.countdown)
        case .character("v"): return .presenter(.revote)
        case .character(let c):
            if let digit = c.wholeNumberValue, c.isASCII { return .presenter(.digit(digit)) }
            if let index = "abcdefghij".firstIndex(of: c) {
                let choice = "abcdefghij".distance(from: "abcdefghij".startIndex, to: index)
                return choice < vote.current.count ? .presenter(.selectChoice(choice)) : nil
            }
            return nil
        case .backspace: return .presenter(.erase)
        case .tab: return .presenter(.selectChoice(((state.presenter?.selectedChoice ?? 0) + 1) % max(1, vote.current.count)))
        case .enter: return .presenter(.next)
        default: return nil
        }
    }
}
