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

    private func translate(_ error: YamlError) -> LessonDiagnosticMessage {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\(String(describing: $0.text)))" } ?? ""
            var advice = ""
            if problem.contains("mapping values are not allowed") {
                advice = "; a value containing ': ' must be put in quotes"
            }
            return LessonDiagnosticMessage(line: mark.line + firstLine - 1, message: "YAML: \(problem)\(detail)\(advice)")
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

/// A problem at a line of the file being parsed (the file name is added later).
struct LessonDiagnosticMessage: Error {
    var line: Int
    var message: String
}

extension Node {
    /// The scalar's text, nil for mappings and sequences.
    var text: String? { scalar?.string }
}
