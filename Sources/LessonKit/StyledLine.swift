/// One logical line of lesson text, ready for a terminal: the UI wraps it to
/// the width it has and draws each span in its style.
public struct StyledLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A paragraph (one logical line; the UI wraps it).
        case paragraph
        /// A list item; `marker` is "•" for bullets or "1." for numbered items.
        case item(marker: String)
        /// A sub-heading inside a step (`###`).
        case heading
        /// A line of a code block, shown verbatim.
        case code
        /// The gap between blocks.
        case blank
    }

    public var kind: Kind
    /// Nesting depth of list items (0 for top level).
    public var indent: Int
    public var spans: [StyledSpan]

    public init(kind: Kind, indent: Int = 0, spans: [StyledSpan]) {
        self.kind = kind; self.indent = indent; self.spans = spans
    }

    public static let blank = StyledLine(kind: .blank, spans: [])

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }
}

/// A run of text in one style.
public struct StyledSpan: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case plain
        /// `*text*` or `_text_`.
        case emphasis
        /// `**text**`.
        case strong
        /// `` `text` ``: code, names of calls and constants.
        case code
    }
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

extension StyledLine {
    /// One line of inline Markdown (a hint, a question, a choice) as a paragraph.
    public static func inline(_ markdown: String) -> StyledLine {
        StyledLine(kind: .paragraph, spans: MarkdownRenderer.inline(markdown))
    }
}
