/// A lesson step as plain text: the step's text wrapped to a width, its
/// checkpoints with their results, the question and, once answered, the
/// grade and explanation, and the hints revealed so far.
///
/// Used where there is no lesson screen (output that is not a terminal) and
/// as the narration a screen reader can follow. ASCII only, no colour.
public enum LessonTranscript {
    /// `outputShown` holds, per pane, how many characters of the program's
    /// output earlier steps already printed; the rest is printed here. With
    /// `outputAtStop` (the lengths when the step reached its stop), what a
    /// question's reveal printed comes after the answer, not before the question.
    public static func render(_ session: LessonSession, width: Int = 78, outputShown: [Int] = [],
                              outputAtStop: [Int]? = nil) -> String {
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
        out += outputLines(session, from: outputShown, to: outputAtStop)
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
                if !answer.correct, let why = question.choices[safe: answer.choice]?.why {
                    out += wrap("Not quite: \(plain(why))", width: width, hanging: 2)
                }
                // The misconceptions behind the other choices, for a reader who did not pick them.
                for (index, choice) in question.choices.enumerated() where index != answer.choice {
                    if let why = choice.why { out += wrap("Why not \(Question.letter(index)): \(plain(why))", width: width, hanging: 2) }
                }
            }
        }
        if let decide = step.decide {
            out += decision(decide, session: session, width: width)
        }
        if let outputAtStop { out += outputLines(session, from: outputAtStop, to: nil) }
        for (index, hint) in session.visibleHints.enumerated() {
            out += wrap("Hint \(index + 1): \(plain(hint))", width: width, hanging: 2)
        }
        if session.isFinished { out += review(session, width: width) }
        return out.joined(separator: "\n") + "\n"
    }

    /// A decide block: the options, and once tried, each try and the kernel's decision.
    static func decision(_ decide: Decision, session: LessonSession, width: Int) -> [String] {
        var out = [""]
        out += wrap("Decide: \(plain(decide.prompt))", width: width, hanging: 2)
        for (index, option) in decide.options.enumerated() {
            out += wrap("  \(Question.letter(index))) \(plain(option.text))", width: width, hanging: 5)
        }
        guard let tries = session.currentDecision else { return out }
        let picked = tries.choices.map(Question.letter).joined(separator: ", then ")
        let verdict = tries.correct ? "right" : "not what the kernel decided"
        out += wrap("Decided: \(picked), \(verdict). The kernel: \(tries.kernel.text). \(tries.explanation)", width: width, hanging: 2)
        return out
    }

    /// Each pane's output from the `from` lengths to the `to` lengths (to the end when nil), indented.
    static func outputLines(_ session: LessonSession, from: [Int], to: [Int]?) -> [String] {
        var out: [String] = []
        let panes = session.run.panes
        for (index, pane) in panes.enumerated() {
            let output = pane.output
            let end = min(to?[safe: index] ?? output.count, output.count)
            let skip = min(from[safe: index] ?? 0, end)
            let new = output.prefix(end).dropFirst(skip)
            guard !new.isEmpty else { continue }
            out.append("")
            let name = session.lesson.programs[safe: index]?.pane ?? "main"
            out.append(panes.count > 1 ? "Output of \(name):" : "Output:")
            for line in new.split(separator: "\n", omittingEmptySubsequences: false).dropLast(new.hasSuffix("\n") ? 1 : 0) {
                out.append("    " + line)
            }
        }
        return out
    }

    /// How much of each pane's output the transcript has printed once it has shown `session`'s step.
    public static func outputLengths(_ session: LessonSession) -> [Int] {
        session.run.panes.map(\.output.count)
    }

    /// The summary after the last step: each question, the answer given, the rule.
    static func review(_ session: LessonSession, width: Int) -> [String] {
        let items = session.review
        guard !items.isEmpty else { return [] }
        let right = items.filter { $0.correct == true }.count
        var out = ["", "Your answers: \(right) of \(items.count) right."]
        for item in items {
            out += wrap("- Step \(item.step + 1): \(plain(item.prompt))", width: width, hanging: 2)
            if let choice = item.choice, let correct = item.correct {
                out += wrap("  \(correct ? "[ok]" : "[!!]") \(Question.letter(choice))) \(plain(item.choiceText ?? ""))", width: width, hanging: 7)
            } else {
                out.append("  not answered")
            }
            out += wrap("  Rule: \(plain(item.rule))", width: width, hanging: 4)
        }
        return out
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
