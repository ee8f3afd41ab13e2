import SimKernel

/// What a pane remembers of its past, for the timeline and the sparkline:
/// when each thread changed state, and how many requests had completed over
/// time. Recorded after every kernel event the pane handles, by whoever
/// steps it (`Lockstep`), so no event is missing from the picture.
public struct PaneHistory: Sendable, Equatable {
    /// Per thread, in order of first appearance.
    public private(set) var tracks: [ThreadTrack]
    /// (virtual time, requests completed) each time the count changed.
    public private(set) var completions: [CountSample]

    public struct ThreadTrack: Sendable, Equatable {
        public var id: Int
        public var changes: [StateChange]
        public init(id: Int, changes: [StateChange]) { self.id = id; self.changes = changes }
    }

    /// A thread entered the state drawn as `letter` (`ThreadStateView.letter`) at `time`.
    public struct StateChange: Sendable, Equatable {
        public var time: UInt64
        public var letter: Character
        public init(time: UInt64, letter: Character) { self.time = time; self.letter = letter }
    }

    public struct CountSample: Sendable, Equatable {
        public var time: UInt64
        public var count: Int
        public init(time: UInt64, count: Int) { self.time = time; self.count = count }
    }

    public init() {
        tracks = []
        completions = []
    }

    /// Notes the machine's thread states and completion count, where they changed.
    public mutating func record(_ machine: MachineView) { record(TimelineSample(machine)) }

    /// Notes a sample's thread states and completion count, where they changed.
    public mutating func record(_ sample: TimelineSample) {
        for (position, thread) in sample.threads.enumerated() {
            // Threads keep their order of appearance, so the track is usually at the same position.
            let index = tracks.indices.contains(position) && tracks[position].id == thread.id
                ? position : tracks.firstIndex { $0.id == thread.id }
            if let index {
                if tracks[index].changes.last?.letter != thread.letter {
                    tracks[index].changes.append(StateChange(time: sample.now, letter: thread.letter))
                }
            } else {
                tracks.append(ThreadTrack(id: thread.id, changes: [StateChange(time: sample.now, letter: thread.letter)]))
            }
        }
        if completions.last?.count != sample.requestsCompleted {
            completions.append(CountSample(time: sample.now, count: sample.requestsCompleted))
        }
    }
}
