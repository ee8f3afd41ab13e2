/// The kernel's trace: a random-access collection of `TraceEvent`s stored
/// in fixed-size chunks, so copying a kernel (a snapshot) and then tracing
/// more copies one chunk, not the whole history.
///
/// Invariant: every chunk but the last holds exactly `chunkSize` events;
/// trimming (for `traceLimit`) drops whole chunks from the front.
public struct TraceLog: RandomAccessCollection, Sendable, Equatable {
    static let chunkSize = 4096
    private var chunks: [[TraceEvent]] = []
    /// Events dropped from the front so far.
    public private(set) var dropped = 0
    public private(set) var count = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> TraceEvent {
        get { chunks[position / TraceLog.chunkSize][position % TraceLog.chunkSize] }
        set { chunks[position / TraceLog.chunkSize][position % TraceLog.chunkSize] = newValue }
    }

    mutating func append(_ event: TraceEvent) {
        if chunks.isEmpty || chunks[chunks.count - 1].count == TraceLog.chunkSize {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(TraceLog.chunkSize)
        }
        chunks[chunks.count - 1].append(event)
        count += 1
    }

    /// Keeps at least `limit` of the newest events, dropping whole chunks.
    mutating func trim(toAtLeast limit: Int) {
        while count - TraceLog.chunkSize >= limit, chunks.count > 1 {
            chunks.removeFirst()
            count -= TraceLog.chunkSize
            dropped += TraceLog.chunkSize
        }
    }

    /// Hands over every event and forgets them (counted in `dropped`), so a
    /// caller that writes the trace out as the run goes keeps no history.
    mutating func takeAll() -> [TraceEvent] {
        let events = chunks.flatMap { $0 }
        dropped += count
        count = 0
        chunks = []
        return events
    }

    public static func == (a: TraceLog, b: TraceLog) -> Bool {
        a.count == b.count && a.dropped == b.dropped && a.elementsEqual(b)
    }
}
