/// Presenter mode: a lesson or Compare shown for a room (fewer, larger
/// panes, big state glyphs, a minimal key bar, clicker keys), and the class
/// vote that comes before each question's reveal.
public struct PresenterState: Sendable, Equatable {
    /// The vote of each lesson step that has been voted on, by step index.
    public var votes: [Int: Vote] = [:]
    /// The choice whose count the teacher is typing.
    public var selectedChoice: Int = 0
    /// Seconds left on the vote's countdown; nil when none is running.
    public var countdown: Int?

    public init() {}

    /// Seconds a countdown starts from.
    public static let countdownSeconds = 30

    /// The class's answers to one question: one array of counts per round
    /// (vote, discuss, vote again).
    public struct Vote: Sendable, Equatable {
        public var rounds: [[Int]]
        public init(choices: Int) { rounds = [Array(repeating: 0, count: choices)] }

        /// The count being typed: the last round's.
        public var current: [Int] { rounds.last ?? [] }

        /// The choice most of the last round picked (the first of equals); nil with no votes.
        public var majority: Int? {
            guard let best = current.max(), best > 0 else { return nil }
            return current.firstIndex(of: best)
        }
    }
}

/// What the presenter's keys do.
public enum PresenterAction: Sendable, Equatable {
    /// Presenter mode on or off (`P`).
    case toggle
    /// Clicker forward (PgDn, →, Space): the next step, or the reveal on a vote.
    case next
    /// Clicker back (PgUp, ←): the previous step, or a step back in Compare.
    case back
    /// Start (or restart) the vote's countdown; stop it when it runs.
    case countdown
    /// One second of the countdown has passed (the run timer's tick).
    case countdownTick
    /// Type the count of a choice: select it (a–d) …
    case selectChoice(Int)
    /// … append a digit to its count …
    case digit(Int)
    /// … or erase its last digit.
    case erase
    /// Keep this round's counts and vote again (vote, discuss, revote).
    case revote
}
