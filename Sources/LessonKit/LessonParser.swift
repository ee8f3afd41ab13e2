import Yams

/// Reads a lesson file: YAML front matter, then Markdown whose `##` headings
/// start steps, each with an optional fenced `step` block (YAML) of stop
/// condition, checkpoints, question and hints. See `Lessons/README.md`.
///
/// It collects every problem it can find, each with its line, rather than
/// stopping at the first.
public struct LessonParser {
    /// Reads a program file named by a lesson (a path relative to the
    /// lesson's folder); nil when there is no such file.
    public typealias ProgramReader = (String) -> String?

    let file: String
    let lines: [String]
    let readProgram: ProgramReader
    var diagnostics: [LessonDiagnostic] = []

    public static func parse(_ text: String, file: String, readProgram: @escaping ProgramReader) throws(LessonLoadError) -> Lesson {
        var parser = LessonParser(file: file, lines: Self.splitLines(text), readProgram: readProgram)
        let lesson = parser.parseLesson()
        if let lesson, parser.diagnostics.isEmpty { return lesson }
        let sorted = parser.diagnostics.enumerated().sorted { lhs, rhs in
            (lhs.element.line, lhs.offset) < (rhs.element.line, rhs.offset)
        }.map { $0.element }
        throw LessonLoadError(sorted.isEmpty ? [LessonDiagnostic(file: file, line: 1, message: "the lesson could not be read")] : sorted)
    }

    /// Lines without their ends, for files from any editor: split on the
    /// scalar "\n", since in a `String` "\r\n" is one `Character` that a split
    /// on "\n" never finds; a leading byte order mark is not text.
    static func splitLines(_ text: String) -> [String] {
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        return scalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
    }

    mutating func report(_ line: Int, _ message: String) {
        diagnostics.append(LessonDiagnostic(file: file, line: line, message: message))
    }

    mutating func report(_ problem: LessonDiagnosticMessage) { report(problem.line, problem.message) }

    /// A step as found in the body, before its block is read.
    struct RawStep {
        var title: String
        var line: Int
        var narrative: [String] = []
        var block: YAMLBlock?
    }

    struct InlineProgram {
        var name: String
        var text: String
        var line: Int
    }

    mutating func parseLesson() -> Lesson? {
        guard lines.first?.trimmingSpaces == "---" else {
            report(1, "a lesson starts with YAML front matter: a line '---', the fields (id, title, …), then '---'")
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces == "---" }) else {
            report(1, "the front matter is not closed: add a line '---' after its last field")
            return nil
        }
        let front = YAMLBlock(text: lines[1..<close].joined(separator: "\n"), firstLine: 2)
            .quotingTextValues(of: ["title", "summary"])

        var intro: [String] = []
        var steps: [RawStep] = []
        var inlinePrograms: [InlineProgram] = []
        var index = close + 1
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("```") {
                let info = trimmed.dropFirst(3).trimmingSpaces
                guard let end = lines.indices.dropFirst(index + 1).first(where: { lines[$0].trimmingSpaces == "```" }) else {
                    report(lineNumber, "this fenced block is not closed: add a line '```' after it")
                    break
                }
                let content = lines[(index + 1)..<end].joined(separator: "\n")
                let words = info.split(separator: " ").map(String.init)
                if words.first == "step" {
                    if steps.isEmpty {
                        report(lineNumber, "a step block must follow a step heading ('## Step: Title')")
                    } else if steps[steps.count - 1].block != nil {
                        report(lineNumber, "step '\(steps[steps.count - 1].title)' already has a step block; put everything in one")
                    } else {
                        steps[steps.count - 1].block = YAMLBlock(text: content, firstLine: lineNumber + 1)
                    }
                } else if words.count >= 2, words[0] == "c", words[1] == "program" {
                    let name = words.count >= 3 ? words[2] : "program.c"
                    if inlinePrograms.contains(where: { $0.name == name }) {
                        report(lineNumber, "two inline programs are named '\(name)'; name them: ```c program NAME.c")
                    }
                    inlinePrograms.append(InlineProgram(name: name, text: content + "\n", line: lineNumber))
                } else {
                    let block = Array(lines[index...end])
                    if steps.isEmpty { intro += block } else { steps[steps.count - 1].narrative += block }
                }
                index = end + 1
                continue
            }
            if trimmed.hasPrefix("## ") || trimmed == "##" {
                var title = trimmed.dropFirst(2).trimmingSpaces
                if title.lowercased().hasPrefix("step:") { title = title.dropFirst(5).trimmingSpaces }
                if title.isEmpty { report(lineNumber, "a step heading needs a title: '## Step: Title'") }
                steps.append(RawStep(title: title, line: lineNumber))
            } else if steps.isEmpty {
                intro.append(line)
            } else {
                steps[steps.count - 1].narrative.append(line)
            }
            index += 1
        }

        let header = parseFrontMatter(front)
        if steps.isEmpty {
            report(close + 1, "the lesson has no steps: start each with a heading '## Step: Title'")
        }
        guard let header else { return nil }
        let programs = resolvePrograms(header, inline: inlinePrograms)
        let paneNames = programs.map { $0.pane.lowercased() }
        let parsedSteps = steps.map { parseStep($0, paneNames: paneNames) }
        return Lesson(id: header.id, title: header.title, order: header.order, summary: header.summary,
                      view: header.view, programs: programs, settings: header.settings,
                      introduction: MarkdownRenderer.render(intro), steps: parsedSteps, file: file)
    }
}
