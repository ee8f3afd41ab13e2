extension Condition: CustomStringConvertible {
    /// The canonical text of the condition; `ConditionParser.parse` reads it back.
    public var description: String {
        switch self {
        case .not(let inner): return "not \(inner.grouped)"
        case .and(let parts): return parts.map(\.grouped).joined(separator: " and ")
        case .or(let parts): return parts.map(\.grouped).joined(separator: " or ")
        case .pane(let pane, let inner): return "in \(quotedIfNeeded(pane)), \(inner.grouped)"
        case .semaphore(let selector, let comparison): return "\(selector.subject("semaphore")) count is \(comparison)"
        case .mutex(let selector, .owned(nil)): return "\(selector.subject("mutex")) is owned"
        case .mutex(let selector, .owned(let thread?)): return "\(selector.subject("mutex")) is owned by \(thread.conditionText)"
        case .mutex(let selector, .free): return "\(selector.subject("mutex")) is free"
        case .mutex(let selector, .abandoned): return "\(selector.subject("mutex")) is abandoned"
        case .overlapped(let label, .internal, .equal(let status)):
            let named = UInt32(exactly: status).flatMap { value in StatusNames.values.first { $0.value == value }?.name }
            return "overlapped \(quotedIfNeeded(label)) Internal is \(named ?? String(status))"
        case .overlapped(let label, let field, let comparison):
            return "overlapped \(quotedIfNeeded(label)) \(field.rawValue) is \(comparison)"
        case .thread(let thread, let predicate): return "thread \(thread.conditionText) \(predicate)"
        case .event(let selector, let signaled):
            return "\(selector.subject("event")) is \(signaled ? "set" : "reset")"
        case .eventCount(let comparison, let signaled):
            return "\(comparison) events are \(signaled ? "set" : "reset")"
        case .threadCount(let comparison, let kind, nil):
            return "\(comparison) threads are \(kind.rawValue)"
        case .threadCount(let comparison, let kind, let call?):
            return "\(comparison) threads are \(kind.rawValue) in \(quotedIfNeeded(call))"
        case .file(let selector, let signaled):
            return "\(selector.subject("file")) is \(signaled ? "signaled" : "not signaled")"
        case .port(let selector, .packetQueued):
            if case .label(let label) = selector { return "packet queued on port \(quotedIfNeeded(label))" }
            return "packet queued on the port"
        case .port(let selector, let predicate):
            return "\(selector.subject("port")) \(predicate)"
        case .completions(.atLeast(let n)): return "completions reach \(n)"
        case .completions(let comparison): return "completions are \(comparison)"
        case .time(.atLeast(let micros)): return "time reaches \(micros) us"
        case .time(.atMost(let micros)): return "time is at most \(micros) us"
        case .time(.equal(let micros)): return "time is \(micros) us"
        case .call(let name, let result, let thread):
            var text = "call \(quotedIfNeeded(name)) returns"
            if let result { text += " \(resultText(result))" }
            if let thread { text += " by \(thread.conditionText)" }
            return text
        case .logShows(let text): return "log shows \(quoted(text))"
        case .outputContains(let text): return "output contains \(quoted(text))"
        case .warning(let text): return "warning \(quoted(text))"
        case .programEnds(nil): return "program ends"
        case .programEnds(let code?): return "program exits with \(code)"
        }
    }
}

extension ThreadPredicate: CustomStringConvertible {
    public var description: String {
        switch self {
        case .atLine(let line, nil): return "reaches line \(line)"
        case .atLine(let line, let file?): return "reaches line \(line) in \(quotedIfNeeded(file))"
        case .state(let kind, nil): return "is \(kind.rawValue)"
        case .state(let kind, let call?): return "is \(kind.rawValue) in \(quotedIfNeeded(call))"
        case .inAPC: return "is in an APC"
        case .apcQueue(let comparison): return "has \(comparison) \(comparison == .equal(1) ? "APC" : "APCs") queued"
        case .lastError(let comparison): return "last error is \(comparison)"
        case .lastCall(let result): return "last call returns \(resultText(result))"
        }
    }
}

extension PortPredicate: CustomStringConvertible {
    public var description: String {
        switch self {
        case .queue(let c): return "queue holds \(c) packet\([.equal(1), .atLeast(1), .atMost(1)].contains(c) ? "" : "s")"
        case .waiting(let c): return "has \(c) waiting"
        case .released(let c): return "has \(c) released"
        case .paused(let c): return "has \(c) paused"
        case .running(let c, nil): return "running is \(c)"
        case .running(let c, let limit?): return "running is \(c) of \(limit)"
        case .limit(let n): return "limit is \(n)"
        case .packetQueued: return "has a new packet queued"
        case .packet(let match):
            var fields: [String] = []
            if let key = match.key { fields.append("key \(key)") }
            if let bytes = match.bytes { fields.append("bytes \(bytes)") }
            if let status = match.status {
                fields.append("status " + (StatusNames.values.first { $0.value == status }?.name ?? String(status)))
            }
            if let overlapped = match.overlapped { fields.append("overlapped \(quotedIfNeeded(overlapped))") }
            return "has a packet" + (fields.isEmpty ? "" : " with " + fields.joined(separator: " "))
        }
    }
}

extension Comparison: CustomStringConvertible {
    public var description: String {
        switch self {
        case .equal(let n): return "\(n)"
        case .atLeast(let n): return "at least \(n)"
        case .atMost(let n): return "at most \(n)"
        }
    }
}

extension ThreadRef {
    /// How the thread is written in a condition: its name, or "id N".
    public var conditionText: String {
        switch self {
        case .name(let name): return quotedIfNeeded(name)
        case .id(let id): return "id \(id)"
        }
    }
}

extension ObjectSelector {
    func subject(_ kind: String) -> String {
        switch self {
        case .label(let label): return "\(kind) \(quotedIfNeeded(label))"
        case .only: return "the \(kind)"
        }
    }
}

extension Condition {
    /// The text in parentheses when it joins parts with 'and' or 'or', so
    /// that it parses back to the same grouping.
    var grouped: String {
        switch self {
        case .and, .or: return "(\(self))"
        default: return description
        }
    }
}

/// A call's result as written after 'returns': the trace's words as they
/// are, quoted only when they hold a keyword or characters that would split.
func resultText(_ result: String) -> String {
    let words = result.split(separator: " ")
    let keywords: Set<String> = ["by", "and", "or"]
    if words.isEmpty || words.contains(where: { keywords.contains($0.lowercased()) })
        || result.contains(where: { "\"'(),".contains($0) }) || words.joined(separator: " ") != result {
        return quoted(result)
    }
    return result
}

/// Names that the tokenizer would split, or that read as keywords, are quoted.
func quotedIfNeeded(_ text: String) -> String {
    let keywords: Set<String> = ["by", "in", "id", "the", "not", "is", "of", "and", "or", ","]
    if text.isEmpty || text.contains(where: { $0.isWhitespace || ",\"'()".contains($0) })
        || keywords.contains(text.lowercased()) {
        return quoted(text)
    }
    return text
}

func quoted(_ text: String) -> String {
    text.contains("\"") ? "'\(text)'" : "\"\(text)\""
}
