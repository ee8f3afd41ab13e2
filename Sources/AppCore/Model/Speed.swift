/// How fast "run" advances: events per tick and the tick's length.
public struct Speed: Sendable, Equatable {
    public var eventsPerTick: Int
    public var tickMilliseconds: Int

    /// Slowest first; the index is what the app stores.
    public static let levels: [Speed] = [
        Speed(eventsPerTick: 1, tickMilliseconds: 1000),
        Speed(eventsPerTick: 1, tickMilliseconds: 500),
        Speed(eventsPerTick: 1, tickMilliseconds: 200),
        Speed(eventsPerTick: 1, tickMilliseconds: 100),
        Speed(eventsPerTick: 1, tickMilliseconds: 50),
        Speed(eventsPerTick: 2, tickMilliseconds: 40),
        Speed(eventsPerTick: 5, tickMilliseconds: 40),
        Speed(eventsPerTick: 10, tickMilliseconds: 40),
        Speed(eventsPerTick: 25, tickMilliseconds: 40),
        Speed(eventsPerTick: 50, tickMilliseconds: 40),
    ]
    public static let defaultLevel = 3

    public static func level(_ index: Int) -> Speed { levels[min(max(0, index), levels.count - 1)] }

    /// Kernel events per second of wall time.
    public var eventsPerSecond: Int { eventsPerTick * 1000 / max(1, tickMilliseconds) }
}
