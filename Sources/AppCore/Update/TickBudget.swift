/// How long one tick may keep stepping; the shell passes a wall-clock check.
public struct TickBudget: Sendable {
    public var allowsMore: @Sendable () -> Bool
    public init(allowsMore: @escaping @Sendable () -> Bool) { self.allowsMore = allowsMore }
    public static let unlimited = TickBudget { true }
}
