import Foundation
import SimRuntime

/// Runs a lesson headlessly from start to end, the way `lesson check` does:
/// every stop condition must be reached, every checkpoint must hold, and every
/// question's stated answer must be what the kernel then does.
public enum LessonChecker {
    public static func check(_ lesson: Lesson, factory: SimulationFactory) -> LessonCheckResult {
        var result = LessonCheckResult(file: lesson.file, lessonID: lesson.id)
        var panes: [any Simulation] = []
        for program in lesson.programs {
            do {
                panes.append(try factory(program, lesson.settings))
            } catch {
                result.fail(line: program.line, "the program \(program.fileName) could not be started: \(error)")
            }
        }
        guard result.passed else { return result }
        var run = LessonRun(lesson: lesson, panes: panes)
        for step in lesson.steps {
            run.markBaseline()
            if let stop = step.stop {
                let endedBefore = run.panes.map { $0.outcome != nil }
                let outcome = run.advance(until: stop, budget: step.budget)
                if outcome.reached {
                    for warning in Self.panesRunPast(stop, lesson: lesson, run: run, endedBefore: endedBefore) {
                        result.warn(line: step.stopLine, "step '\(step.title)': \(warning)")
                    }
                }
                guard outcome.reached else {
                    let why = Self.lineProblem(stop, lesson: lesson, run: run).map { " (\($0))" } ?? ""
                    result.fail(line: step.stopLine, "step '\(step.title)' (line \(step.line)): \(unreached(stop, outcome))\(why)")
                    // Later steps start from a state the author did not intend; stop here.
                    result.stepsNotRun = lesson.steps.count - result.stepsRun - 1
                    return result
                }
            }
            var decisionPoint: LessonRun.DecisionPoint?
            if let decide = step.decide {
                result.questions += 1
                guard let point = run.advance(toDecision: decide, budget: step.budget) else {
                    result.fail(line: decide.line, "step '\(step.title)' (line \(step.line)): \(decisionUnreached(decide, budget: step.budget))")
                    result.stepsNotRun = lesson.steps.count - result.stepsRun - 1
                    return result
                }
                if point.option == nil {
                    let offered = decide.options.map(\.text).joined(separator: "; ")
                    result.fail(line: decide.line, "decide in step '\(step.title)': the kernel decides \(point.decision.text), which none of the options names (\(offered))")
                }
                decisionPoint = point
            }
            result.stepsRun += 1
            for checkpoint in step.checkpoints {
                result.checkpoints += 1
                let evaluation = run.evaluate(checkpoint.condition)
                if !evaluation.holds {
                    // A checkpoint without a message of its own already reads "expected …".
                    let detail = "expected \(checkpoint.condition); found \(evaluation.found)"
                    let text = checkpoint.message == "expected \(checkpoint.condition)" ? detail : "\(checkpoint.message) (\(detail))"
                    result.fail(line: checkpoint.line, "checkpoint failed in step '\(step.title)': \(text)")
                }
            }
            if decisionPoint != nil {
                // The kernel makes the decision; the next step goes on from there.
                run.step()
            }
            if let question = step.question {
                result.questions += 1
                for spoiler in Self.spoilers(question, step: step, run: &run) {
                    result.warn(line: spoiler.line, "question in step '\(step.title)': \(spoiler.message)")
                }
                let grade = QuestionGrader.reveal(question, in: &run, budget: step.budget)
                if let failure = grade.revealFailure {
                    result.fail(line: question.line, "question in step '\(step.title)': \(failure)")
                    result.stepsNotRun = lesson.steps.count - result.stepsRun
                    return result
                }
                guard let answer = grade.choices[safe: question.answer] else {
                    result.fail(line: question.answerLine, "question in step '\(step.title)': the answer is not one of the choices")
                    continue
                }
                if !answer.holds {
                    result.fail(line: question.answerLine, "question in step '\(step.title)': the stated answer (\(Question.letter(question.answer))) is not what the kernel does: \(answer.condition.map { "expected \($0); " } ?? "")found \(answer.found)")
                }
                for (index, choice) in grade.choices.enumerated() where index != question.answer && choice.holds {
                    result.fail(line: question.choices[index].line, "question in step '\(step.title)': choice (\(Question.letter(index))) also holds (\(choice.found)), so the answer is ambiguous")
                }
            }
        }
        return result
    }

    /// Why a line stop can never hold, when the source shows it: the line is
    /// past the end of the file, or holds no statement a thread could be at.
    static func lineProblem(_ stop: Condition, lesson: Lesson, run: LessonRun) -> String? {
        guard let awaited = stop.awaitedLine else { return nil }
        let paneIndex = awaited.pane.flatMap { name in
            lesson.programs.firstIndex { $0.pane.lowercased() == name.lowercased() }
        } ?? 0
        guard let pane = run.panes[safe: paneIndex] else { return nil }
        let files = pane.sourceFiles
        guard let source = awaited.file.map({ name in files.first { $0.name == name } }) ?? files.first else { return nil }
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard awaited.line >= 1, awaited.line <= lines.count else {
            return "\(source.name) has only \(lines.count) lines"
        }
        func holdsNoStatement(_ line: Substring) -> Bool {
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.isEmpty || text.hasPrefix("//") || text.hasPrefix("/*") || text.hasPrefix("*")
                || text == "{" || text == "}" || text.hasPrefix("#")
        }
        let line = lines[awaited.line - 1]
        guard holdsNoStatement(line) else { return nil }
        let text = line.trimmingCharacters(in: .whitespaces)
        let what = text.isEmpty ? "is blank" : "holds no statement ('\(text)')"
        let next = lines.indices.dropFirst(awaited.line).first { !holdsNoStatement(lines[$0]) }
        let advice = next.map { "; the next line with a statement is \($0 + 1)" } ?? ""
        return "line \(awaited.line) of \(source.name) \(what), so no thread is ever at it\(advice)"
    }

    /// Panes of a compare lesson that the stop did not name and whose program
    /// ended while the step ran to it: on screen they show their end while
    /// the text is still about the pane the stop waited for.
    static func panesRunPast(_ stop: Condition, lesson: Lesson, run: LessonRun, endedBefore: [Bool]) -> [String] {
        guard lesson.programs.count > 1 else { return [] }
        let named = Set(stop.paneNames.map { $0.lowercased() })
        let watched = named.isEmpty ? [lesson.programs[0].pane.lowercased()] : Array(named)
        var warnings: [String] = []
        for (index, pane) in run.panes.enumerated() {
            let name = lesson.programs[safe: index]?.pane ?? "main"
            guard !watched.contains(name.lowercased()), endedBefore[safe: index] == false,
                  let outcome = pane.outcome else { continue }
            warnings.append("pane \(name) ran to its end (\(outcome.lessonText)) before the stop in "
                            + "\(watched.joined(separator: ", ")) held; the screen shows \(name) finished")
        }
        return warnings
    }

    static func decisionUnreached(_ decide: Decision, budget: Int) -> String {
        "the decision to make (\(decide.kindText)) was not reached: the kernel did not make it within \(budget) simulation steps, or the programs ended first"
    }

    static func unreached(_ stop: Condition, _ outcome: LessonRun.AdvanceOutcome) -> String {
        switch outcome {
        case .reached: return "reached"
        case .programEnded(let steps, let how):
            return "the stop condition '\(stop)' was never reached: \(how) after \(steps) simulation steps"
        case .budgetExhausted(let budget):
            return "the stop condition '\(stop)' was not reached within \(budget) simulation steps (raise 'budget:' if the program needs longer)"
        }
    }
}

/// What `lesson check` found in one lesson.
public struct LessonCheckResult: Sendable, Equatable {
    public var file: String
    public var lessonID: String?
    public var failures: [LessonDiagnostic] = []
    public var stepsRun = 0
    public var stepsNotRun = 0
    public var checkpoints = 0
    public var questions = 0
    /// Problems that do not make the lesson fail (a question the screen
    /// already answers, a compare pane that ends before the stop).
    public var warnings: [LessonDiagnostic] = []

    public init(file: String, lessonID: String?, failures: [LessonDiagnostic] = []) {
        self.file = file; self.lessonID = lessonID; self.failures = failures
    }

    public var passed: Bool { failures.isEmpty }

    mutating func fail(line: Int, _ message: String) {
        failures.append(LessonDiagnostic(file: file, line: line, message: message))
    }

    mutating func warn(line: Int, _ message: String) {
        warnings.append(LessonDiagnostic(file: file, line: line, message: message))
    }
}
