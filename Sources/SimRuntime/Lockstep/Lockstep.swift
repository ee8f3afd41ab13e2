/// The one stepping rule for simulations shown together on one virtual
/// clock — Compare, a lesson with several programs, the Playground (one
/// pane), and `lesson check`, which must behave exactly as the screen does.
///
/// A step moves the clock T to the earliest pending event of any pane and
/// handles the next event at T in every pane that has one; a pane whose next
/// event is later handles nothing and shows its state at T. So no pane ever
/// shows anything later than T. Several events at the same moment take
/// several steps, each at that same T. A pane with nothing left scheduled
/// settles its outcome (exit or deadlock) without moving the clock.
///
/// A pane whose thread paused between statements (`Simulation.isPaused`) has
/// its next event now: it goes on before the clock moves, and the pause
/// itself costs no time.
///
/// Statement stepping is lockstep stepping repeated until the chosen thread
/// has run one more statement: if that thread is blocked, the clock — and
/// every pane — moves to the moment it wakes, with every event on the way
/// handled and recorded.
public enum Lockstep {
    /// One step of the shared clock. False when no pane can move.
    @discardableResult
    public static func step<Member: LockstepMember>(_ members: inout [Member], clock: inout UInt64) -> Bool {
        step(&members, clock: &clock, refreshingViews: true)
    }

    /// One step; without `refreshingViews` the panes that move record their
    /// history but rebuild their picture only at `refreshView()`.
    static func step<Member: LockstepMember>(_ members: inout [Member], clock: inout UInt64, refreshingViews: Bool) -> Bool {
        var earliest: UInt64?
        var settling = false
        var times = [UInt64?](repeating: nil, count: members.count)
        for index in members.indices where !members[index].recorded.isFinished {
            if let time = members[index].recorded.nextEventTime() {
                times[index] = time
                earliest = min(earliest ?? time, time)
            } else {
                settling = true
            }
        }
        if settling {
            // Ending takes no time: settle those first, at the current T.
            var moved = false
            for index in members.indices where !members[index].recorded.isFinished && times[index] == nil {
                moved = members[index].recorded.stepEvent(refreshingView: refreshingViews) || moved
            }
            if moved { return true }
        }
        guard let time = earliest else { return false }
        for index in members.indices where times[index] == time {
            members[index].recorded.stepEvent(refreshingView: refreshingViews)
        }
        clock = max(clock, time)
        return true
    }

    /// Steps the shared clock until `thread` of pane `pane` has run one more
    /// statement, blocked or ended (or the programs end). A thread that has
    /// ended, or that the pane does not know, gets one ordinary step instead.
    /// False when nothing could move.
    @discardableResult
    public static func stepStatement<Member: LockstepMember>(_ members: inout [Member], pane: Int, thread: Int,
                                                             clock: inout UInt64) -> Bool {
        guard members.indices.contains(pane), !members[pane].recorded.isFinished else {
            return step(&members, clock: &clock)
        }
        guard let before = members[pane].recorded.statementMark(thread: thread), !before.ended else {
            return step(&members, clock: &clock)
        }
        members[pane].recorded.setStatementThread(thread)
        var moved = false
        defer {
            members[pane].recorded.setStatementThread(nil)
            // Only the moment the thread ran its statement is shown: the
            // pictures are built once, at the end.
            for index in members.indices { members[index].recorded.refreshView() }
        }
        // Bounded: a thread that never runs again still returns control.
        for _ in 0 ..< maxEventsPerStatement {
            guard step(&members, clock: &clock, refreshingViews: false) else { break }
            moved = true
            if members[pane].recorded.isFinished { break }
            if members[pane].recorded.statementMark(thread: thread)?.isPast(before) ?? true { break }
        }
        return moved
    }

    /// The time of the next step: the earliest pending event of any pane, or
    /// the current clock when a pane has only its outcome left to settle; nil
    /// when every pane is finished.
    public static func nextTime<Member: LockstepMember>(_ members: inout [Member], clock: UInt64) -> UInt64? {
        var earliest: UInt64?
        for index in members.indices where !members[index].recorded.isFinished {
            guard let time = members[index].recorded.nextEventTime() else { return clock }
            earliest = min(earliest ?? time, time)
        }
        return earliest
    }

    /// How many lockstep steps one statement step may take at most.
    public static let maxEventsPerStatement = 1_000_000
}
