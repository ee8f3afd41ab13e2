import SimKernel
import SimRuntime
import TUI

/// One simulation in a session, with what the view remembers about its past
/// (`history`: thread state changes for the timeline, completions over time
/// for the sparkline) and the pane's own selection.
public struct PaneState: Sendable, LockstepMember {
    /// The simulation, its picture of now and its history; stepped only
    /// through `Lockstep`, which records every event.
    public var recorded: RecordedSimulation {
        didSet { keepSelectionValid() }
    }
    /// The pane's name on screen (from the scenario, else the simulation's title).
    public var label: String
    /// The selected thread's id, if any.
    public var selectedThread: Int?

    public init(simulation: any Simulation, label: String? = nil) {
        self.init(recorded: RecordedSimulation(simulation), label: label)
    }

    public init(recorded: RecordedSimulation, label: String? = nil) {
        self.recorded = recorded
        self.label = label ?? recorded.simulation.title
        self.selectedThread = recorded.machine.threads.first?.id
    }

    public var simulation: any Simulation { recorded.simulation }
    /// The machine as of the last step (built once per step).
    public var machine: MachineView { recorded.machine }
    public var history: PaneHistory { recorded.history }
    public var isFinished: Bool { recorded.isFinished }

    /// The timeline's tracks: per thread, its state changes.
    public var tracks: [PaneHistory.ThreadTrack] { recorded.history.tracks }
    /// (virtual time, requests completed) each time the count changed.
    public var doneHistory: [PaneHistory.CountSample] { recorded.history.completions }

    /// A thread that is gone loses the selection to the first thread.
    private mutating func keepSelectionValid() {
        if let selected = selectedThread, machine.thread(selected) != nil { return }
        selectedThread = machine.threads.first?.id
    }

    /// Moves the thread selection by `delta` in id order, stopping at the first or last thread.
    public mutating func jumpSelection(by delta: Int) {
        let ids = machine.threads.map(\.id)
        guard !ids.isEmpty else { selectedThread = nil; return }
        let current = selectedThread.flatMap { ids.firstIndex(of: $0) } ?? 0
        let target = delta < 0 ? max(0, current - min(-delta, ids.count)) : min(ids.count - 1, current + min(delta, ids.count))
        selectedThread = ids[target]
    }

    /// Moves the thread selection by `delta` (wrapping) in id order.
    public mutating func moveSelection(by delta: Int) {
        let ids = machine.threads.map(\.id)
        guard !ids.isEmpty else { selectedThread = nil; return }
        let current = selectedThread.flatMap { ids.firstIndex(of: $0) } ?? 0
        let count = ids.count
        selectedThread = ids[((current + delta) % count + count) % count]
    }
}
