import SimKernel
import SimRuntime
import TUI

/// One simulation in a session, with what the view remembers about its past:
/// when each thread changed state (for the timeline) and how many requests
/// had completed over time (for the sparkline).
public struct PaneState: Sendable {
    public var simulation: any Simulation {
        didSet {
            machine = simulation.machine
            lookahead = nil
        }
    }
    /// The simulation one event further on and that event's time, once
    /// computed: lockstep tries every pane's next event but keeps only the
    /// earliest, so the others' work is kept for the next step.
    var lookahead: (simulation: any Simulation, time: UInt64)?
    /// The simulation's machine view, taken once per step: building a view of
    /// a real kernel is not free, and a frame reads it many times.
    public private(set) var machine: MachineView
    /// The pane's name on screen (from the scenario, else the simulation's title).
    public var label: String
    /// The selected thread's id, if any.
    public var selectedThread: Int?
    /// Per thread id (in order of first appearance): its state changes.
    public var tracks: [ThreadTrack]
    /// (virtual time, requests completed) each time the count changed.
    public var doneHistory: [CountSample]

    public struct ThreadTrack: Sendable, Equatable {
        public var id: Int
        public var changes: [Timeline.Change]
    }

    public struct CountSample: Sendable, Equatable {
        public var time: UInt64
        public var count: Int
    }

    public init(simulation: any Simulation, label: String? = nil) {
        self.simulation = simulation
        self.machine = simulation.machine
        self.label = label ?? simulation.title
        self.selectedThread = machine.threads.first?.id
        self.tracks = []
        self.doneHistory = []
        recordSample()
    }

    public var isFinished: Bool { simulation.outcome != nil }

    /// Notes the current thread states and counters (call after every step).
    public mutating func recordSample() {
        for thread in machine.threads {
            let letter = thread.state.letter
            if let index = tracks.firstIndex(where: { $0.id == thread.id }) {
                if tracks[index].changes.last?.letter != letter {
                    tracks[index].changes.append(.init(time: machine.now, letter: letter))
                }
            } else {
                tracks.append(ThreadTrack(id: thread.id, changes: [.init(time: machine.now, letter: letter)]))
            }
        }
        let done = machine.counters.requestsCompleted
        if doneHistory.last?.count != done {
            doneHistory.append(CountSample(time: machine.now, count: done))
        }
        if let selected = selectedThread, machine.thread(selected) == nil {
            selectedThread = machine.threads.first?.id
        } else if selectedThread == nil {
            selectedThread = machine.threads.first?.id
        }
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
