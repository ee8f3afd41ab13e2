import Foundation
import Yams

/// A YAML fragment of a lesson file (the front matter or a step block) with
/// the file line its first line sits on, so every node can be reported at its
/// line in the lesson file.
struct YAMLBlock {
    var text: String
    /// File line of the fragment's first line.
    var firstLine: Int

    /// The fragment's root node; nil when the fragment is empty.
    func compose() throws(LessonDiagnosticMessage) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error)
        } catch {
            throw LessonDiagnosticMessage(line: firstLine, message: "YAML: \(error)")
        }
    }

    func line(of node: Node) -> Int { (node.mark?.line ?? 1) + firstLine - 1 }

    /// The block with one-line text values that contain ": " put in quotes,
    /// so an author can write `expect: output contains "total: 4"` as it
    /// reads. Only values of `textKeys` and list items are touched: a list
    /// item that starts with one of `itemKeys` and a colon is a mapping (`-
    /// expect: …`); any other item is text, colons and all (`- Note: …`). A
    /// value already starting with a quote, bracket or other YAML indicator
    /// is left as written. Lines are never added or removed, so line numbers
    /// stay true.
    func quotingTextValues(of textKeys: Set<String>, itemKeys: Set<String> = Self.itemKeys) -> YAMLBlock {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indent = line.prefix { $0 == " " }
            var rest = line.dropFirst(indent.count)
            var lead = String(indent)
            var isItem = false
            if rest.hasPrefix("- ") {
                isItem = true
                lead += "- "
                rest = rest.dropFirst(2)
            }
            if let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }),
               !rest[..<colon].isEmpty, rest[rest.index(after: colon)...].first.map({ $0 == " " }) ?? true {
                // "key: value"
                let key = String(rest[..<colon])
                if isItem && !itemKeys.contains(key) { return lead + Self.quotedIfNeeded(rest) }
                guard textKeys.contains(key) else { return String(line) }
                let afterColon = rest[rest.index(after: colon)...]
                let value = afterColon.drop { $0 == " " }
                let spacing = afterColon.prefix { $0 == " " }
                return lead + key + ":" + spacing + Self.quotedIfNeeded(value)
            }
            return isItem ? lead + Self.quotedIfNeeded(rest) : String(line)
        }
        return YAMLBlock(text: lines.joined(separator: "\n"), firstLine: firstLine)
    }

    /// Keys a list item of the lesson format can start with (a checkpoint,
    /// a choice, a programs entry).
    static let itemKeys: Set<String> = ["expect", "message", "text", "when", "name", "title", "path", "inline"]

    private static func quotedIfNeeded(_ value: Substring) -> String {
        let trimmed = value.trimmingSpaces
        guard trimmed.contains(": ") || trimmed.hasSuffix(":"), let first = trimmed.first,
              !"'\"{[|>&*!%@`#".contains(first) else { return String(value) }
        return "'" + trimmed.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private func translate(_ error: YamlError) -> LessonDiagnosticMessage {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var detail = context.map { " (\($0.text))" } ?? ""
            var advice = ""
            if problem.contains("mapping values are not allowed") {
                if let indentation = indentationProblem(at: mark.line) {
                    return LessonDiagnosticMessage(line: mark.line + firstLine - 1, message: "YAML: \(indentation)")
                }
                advice = "; a value containing ': ' must be put in quotes"
            }
            var line = mark.line
            // An unclosed quote or bracket is noticed where the parser ran out
            // (often the next line or the end of the block); the mistake is
            // where the quote or bracket opened.
            if let context, context.mark.line < mark.line,
               context.text.contains("quoted scalar") || context.text.contains("flow") {
                line = context.mark.line
                detail = " (\(context.text) that starts on this line and is not closed)"
            }
            return LessonDiagnosticMessage(line: line + firstLine - 1, message: "YAML: \(problem)\(detail)\(advice)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LessonDiagnosticMessage(line: context.mark.line + firstLine - 1,
                                           message: "YAML: key '\(duplicates.joined(separator: "', '"))' is given twice")
        case .reader(let problem, _, _, _):
            return LessonDiagnosticMessage(line: firstLine, message: "YAML: \(problem)")
        default:
            return LessonDiagnosticMessage(line: firstLine, message: "YAML: \(error)")
        }
    }
}

extension YAMLBlock {
    /// When line `number` (of the block, 1-based) is a `key: value` indented
    /// deeper than the `key: value` line above it, the mistake is the
    /// indentation, not a colon: says so.
    func indentationProblem(at number: Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.indices.contains(number - 1) else { return nil }
        let current = lines[number - 1]
        guard let previous = lines[..<(number - 1)].last(where: { !$0.trimmingSpaces.isEmpty }) else { return nil }
        let indent = { (line: Substring) in line.prefix { $0 == " " }.count }
        let isKeyValue = { (line: Substring) -> Bool in
            let body = line.drop { $0 == " " }.drop { $0 == "-" || $0 == " " }
            guard let colon = body.firstIndex(of: ":") else { return false }
            let key = body[..<colon]
            return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                && !body[body.index(after: colon)...].trimmingSpaces.isEmpty
        }
        guard indent(current) > indent(previous), isKeyValue(current), isKeyValue(previous) else { return nil }
        let shown = { (line: Substring) in String(line.trimmingSpaces) }
        return "'\(shown(current))' is indented \(indent(current)) spaces but '\(shown(previous))' above it "
            + "\(indent(previous)); fields of one block start in the same column"
    }
}

/// A problem at a line of the file being parsed (the file name is added later).
struct LessonDiagnosticMessage: Error {
    var line: Int
    var message: String
}

extension Node {
    /// The scalar's text, nil for mappings and sequences.
    var text: String? { scalar?.string }
}
