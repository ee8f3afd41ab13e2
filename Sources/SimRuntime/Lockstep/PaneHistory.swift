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

    /// A thread entered the state `kind` at `time`.
    public struct StateChange: Sendable, Equatable {
        public var time: UInt64
        public var kind: ThreadStateKind
        public init(time: UInt64, kind: ThreadStateKind) { self.time = time; self.kind = kind }
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
                if tracks[index].changes.last?.kind != thread.kind {
                    tracks[index].changes.append(StateChange(time: sample.now, kind: thread.kind))
                    if tracks[index].changes.count > Self.maxChanges { Self.thin(&tracks[index].changes) }
                }
            } else {
                tracks.append(ThreadTrack(id: thread.id, changes: [StateChange(time: sample.now, kind: thread.kind)]))
            }
        }
        if completions.last?.count != sample.requestsCompleted {
            completions.append(CountSample(time: sample.now, count: sample.requestsCompleted))
            if completions.count > Self.maxChanges { Self.thin(&completions) }
        }
    }

    /// How many marks a track (or the completion count) keeps before its
    /// older half is thinned: far more than any timeline has columns, so
    /// the picture is the same and a long run stays in bounded memory.
    public static let maxChanges = 20_000

    /// Drops every other mark of the older half (the first and the newest half stay).
    static func thin<T>(_ marks: inout [T]) {
        let half = marks.count / 2
        var kept: [T] = [marks[0]]
        kept.reserveCapacity(marks.count * 3 / 4)
        for index in stride(from: 1, to: half, by: 2) { kept.append(marks[index]) }
        kept.append(contentsOf: marks[half...])
        marks = kept
    }
}
