/// A lesson step as plain text: the step's text wrapped to a width, its
/// checkpoints with their results, the question and, once answered, the
/// grade and explanation, and the hints revealed so far.
///
/// Used where there is no lesson screen (output that is not a terminal) and
/// as the narration a screen reader can follow. ASCII only, no colour.
public enum LessonTranscript {
    /// `outputShown` holds, per pane, how many characters of the program's
    /// output earlier steps already printed; the rest is printed here.
    public static func render(_ session: LessonSession, width: Int = 78, outputShown: [Int] = []) -> String {
        var out: [String] = []
        let lesson = session.lesson
        let step = session.step
        if session.stepIndex == 0 {
            out.append("# \(lesson.title)")
            if !lesson.introduction.isEmpty {
                out.append("")
                out += lines(lesson.introduction, width: width)
            }
            out.append("")
        }
        out.append("## Step \(session.stepIndex + 1) of \(lesson.steps.count): \(step.title)")
        if !step.narrative.isEmpty {
            out.append("")
            out += lines(step.narrative, width: width)
        }
        if let problem = session.arrival.stopProblem {
            out.append("")
            out.append("[!!] \(problem)")
        }
        let panes = session.run.panes
        for (index, pane) in panes.enumerated() {
            let output = pane.output
            let skip = min(outputShown[safe: index] ?? 0, output.count)
            let new = output.dropFirst(skip)
            guard !new.isEmpty else { continue }
            out.append("")
            let name = session.lesson.programs[safe: index]?.pane ?? "main"
            out.append(panes.count > 1 ? "Output of \(name):" : "Output:")
            for line in new.split(separator: "\n", omittingEmptySubsequences: false).dropLast(new.hasSuffix("\n") ? 1 : 0) {
                out.append("    " + line)
            }
        }
        let checks = session.arrival.checkpoints
        if !checks.isEmpty {
            out.append("")
            for check in checks {
                let text = check.passed ? "[ok] \(check.checkpoint.message)"
                                        : "[!!] \(check.checkpoint.message) (found \(check.evaluation.found))"
                out += wrap(text, width: width, hanging: 5)
            }
        }
        if let question = step.question {
            out.append("")
            out += wrap("Question: \(question.prompt)", width: width, hanging: 2)
            for (index, choice) in question.choices.enumerated() {
                out += wrap("  \(Question.letter(index))) \(choice.text)", width: width, hanging: 5)
            }
            if let answer = session.currentAnswer {
                let letter = Question.letter(answer.choice)
                let kernel = answer.grade.holdingChoices.map(Question.letter).joined(separator: ", ")
                let verdict = answer.correct ? "right" : "not what the kernel did (it did: \(kernel.isEmpty ? "none of these" : kernel))"
                out += wrap("Answer: \(letter), \(verdict). \(answer.explanation)", width: width, hanging: 2)
            }
        }
        for (index, hint) in session.visibleHints.enumerated() {
            out += wrap("Hint \(index + 1): \(plain(hint))", width: width, hanging: 2)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// How much of each pane's output the transcript has printed once it has shown `session`'s step.
    public static func outputLengths(_ session: LessonSession) -> [Int] {
        session.run.panes.map(\.output.count)
    }

    static func lines(_ styled: [StyledLine], width: Int) -> [String] {
        styled.flatMap { line in
            line.wrapped(width: width).map { spans in
                spans.map { $0.style == .code && line.kind != .code ? "`\($0.text)`" : $0.text }.joined()
            }
        }.map { $0.trimmingSpaces.isEmpty ? "" : String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    static func plain(_ markdown: String) -> String {
        MarkdownRenderer.inline(markdown).map { $0.style == .code ? "`\($0.text)`" : $0.text }.joined()
    }

    /// `text` wrapped at spaces to `width`, continuation rows indented by
    /// `hanging`; leading spaces of `text` are kept on the first row. A word
    /// longer than a row stays whole on a row of its own.
    static func wrap(_ text: String, width: Int, hanging: Int) -> [String] {
        let lead = String(text.prefix { $0 == " " })
        let indent = String(repeating: " ", count: hanging)
        var rows: [String] = []
        var row = lead
        var rowHasWord = false
        for word in text.split(separator: " ") {
            if rowHasWord && row.count + 1 + word.count > width {
                rows.append(row)
                row = indent
                rowHasWord = false
            }
            row += (rowHasWord ? " " : "") + word
            rowHasWord = true
        }
        rows.append(row)
        return rows
    }
}
