/// A run of text with one meaning; a `[Span]` is one line of styled text.
public struct Span: Sendable, Equatable {
    public var text: String
    public var role: Role
    /// An extra attribute on top of the role's style (e.g. selection).
    public var extra: Style.Attributes

    public init(_ text: String, _ role: Role = .text, extra: Style.Attributes = []) {
        self.text = text; self.role = role; self.extra = extra
    }
}

/// A line of styled text.
public typealias Line = [Span]
