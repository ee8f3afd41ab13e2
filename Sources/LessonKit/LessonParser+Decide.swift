import Yams

/// The `decide:` block of a step: a kernel decision the learner makes.
extension LessonParser {
    static let decideKeys = ["ask", "what", "thread", "call", "options", "explain"]
    static let optionKeys = ["text", "value"]

    mutating func decision(_ node: Node, line: Int, block: YAMLBlock) -> Decision? {
        guard let mapping = node.mapping else {
            report(line, "decide needs 'ask', 'what', 'options' and 'explain'")
            return nil
        }
        checkKeys(mapping, allowed: Self.decideKeys, where: "a decide block", block: block)
        let prompt = requiredText(mapping, "ask", block: block, at: line)
        let explanation = requiredText(mapping, "explain", block: block, at: line)
        let kinds = Decision.kindWords.joined(separator: ", ")
        guard let what = requiredText(mapping, "what", block: block, at: line) else { return nil }
        let whatLine = mapping["what"].map { block.line(of: $0) } ?? line
        let thread = mapping["thread"]?.text.map(Self.threadRef)
        let call = mapping["call"]?.text
        let kind: Decision.Kind
        switch what.lowercased() {
        case "port releases": kind = .portReleases
        case "port running": kind = .portRunning
        case "apc runs", "wait returns", "call blocks":
            guard let thread else {
                report(whatLine, "'what: \(what)' needs 'thread:', the thread the decision is about")
                return nil
            }
            if what.lowercased() == "apc runs" {
                kind = .apcRuns(thread)
            } else {
                guard let call else {
                    report(whatLine, "'what: \(what)' needs 'call:', the service it is about (WaitForMultipleObjects, GetQueuedCompletionStatus)")
                    return nil
                }
                kind = what.lowercased() == "wait returns" ? .waitReturns(thread, call: call) : .callBlocks(thread, call: call)
            }
        default:
            report(whatLine, "'what' must be one of: \(kinds)")
            return nil
        }
        var options: [Decision.Option] = []
        if let items = mapping["options"]?.sequence, items.count >= 2 {
            for item in items {
                let itemLine = block.line(of: item)
                var text: String?
                var valueText: String?
                if let scalar = item.text {
                    text = scalar; valueText = scalar
                } else if let option = item.mapping {
                    checkKeys(option, allowed: Self.optionKeys, where: "an option", block: block)
                    text = requiredText(option, "text", block: block, at: itemLine)
                    valueText = requiredText(option, "value", block: block, at: itemLine)
                } else {
                    report(itemLine, "an option is a value, or 'text:' and 'value:'")
                }
                guard let text, let valueText else { continue }
                guard let value = Self.value(valueText, for: kind) else {
                    report(itemLine, "'\(valueText)' is not \(Self.valueDescription(kind))")
                    continue
                }
                options.append(Decision.Option(text: text, value: value, line: itemLine))
            }
        } else {
            report(mapping["options"].map { block.line(of: $0) } ?? line, "decide needs 'options': a list of two or more")
        }
        guard let prompt, let explanation, options.count >= 2 else { return nil }
        return Decision(prompt: prompt, kind: kind, options: options, explanation: explanation, line: line)
    }

    static func threadRef(_ text: String) -> ThreadRef {
        let words = text.split(separator: " ")
        if words.count == 2, words[0].lowercased() == "id", let id = Int(words[1]) { return .id(id) }
        return .name(text)
    }

    static func value(_ text: String, for kind: Decision.Kind) -> Decision.Value? {
        let word = String(text.trimmingSpaces)
        switch kind {
        case .portReleases:
            return word.isEmpty ? nil : .thread(threadRef(word))
        case .portRunning, .apcRuns:
            return UInt64(word).map { .number($0) }
        case .waitReturns:
            let upper = word.uppercased()
            if let n = UInt64(word) { return .number(n) }
            if upper.hasPrefix("WAIT_OBJECT_0+"), let n = UInt64(upper.dropFirst("WAIT_OBJECT_0+".count)) { return .number(n) }
            let named: [String: UInt64] = ["WAIT_OBJECT_0": 0, "WAIT_ABANDONED_0": 0x80, "WAIT_IO_COMPLETION": 0xC0,
                                           "WAIT_TIMEOUT": 258, "WAIT_FAILED": 0xFFFF_FFFF, "TRUE": 1, "FALSE": 0]
            return named[upper].map { .number($0) }
        case .callBlocks:
            switch word.lowercased() {
            case "yes", "blocks", "true": return .flag(true)
            case "no", "returns", "false": return .flag(false)
            default: return nil
            }
        }
    }

    static func valueDescription(_ kind: Decision.Kind) -> String {
        switch kind {
        case .portReleases: return "a thread name"
        case .portRunning: return "a whole number (the running count)"
        case .apcRuns: return "a position in the APC queue (1 is the oldest)"
        case .waitReturns: return "a return value (an index such as 2, WAIT_OBJECT_0+2, WAIT_IO_COMPLETION, WAIT_TIMEOUT)"
        case .callBlocks: return "yes or no"
        }
    }
}
