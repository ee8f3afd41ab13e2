/// What a clickable region stands for: any value of the app's own type.
///
/// The TUI draws regions without knowing what they mean; the app reads its
/// own typed value back with `value(as:)`, so nothing is encoded into a
/// string and parsed again.
public struct RegionTag: Hashable, @unchecked Sendable {
    // Sound: the only initializer takes a `Sendable` value.
    private let value: AnyHashable

    public init<Value: Hashable & Sendable>(_ value: Value) {
        self.value = AnyHashable(value)
    }

    /// The value, when it is of the given type.
    public func value<Value>(as type: Value.Type) -> Value? {
        value.base as? Value
    }
}
