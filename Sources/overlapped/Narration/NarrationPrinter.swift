import Foundation
import LessonKit
import SimRuntime

/// `--narrate`: tells a run, a comparison or a lesson in plain sentences on
/// standard output, one per kernel event, with no terminal control, so a
/// screen reader or a log can follow it. Lessons are read linearly: text,
/// checkpoints, questions, with answers read from standard input.
struct NarrationPrinter {
    /// Where lines go (standard output; a test collects them).
    var write: (String) -> Void = { StandardStreams.output(Array(($0 + "\n").utf8)) }
    /// Where answers come from (standard input; a test scripts them).
    var readAnswer: () -> String? = { readLine() }

    // MARK: Programs

    /// Steps `panes` on one clock to their ends, telling each event. Several
    /// panes name theirs ("2.9 ms, Completion port: …"). Returns the panes as they ended.
    @discardableResult
    func tell(_ panes: [NarratedRun], labels: [String]? = nil) -> [NarratedRun] {
        var recorded = panes.map { RecordedSimulation($0) }
        var clock: UInt64 = 0
        var told = [Int](repeating: 0, count: panes.count)
        while Lockstep.step(&recorded, clock: &clock) {
            told = flush(recorded.map(\.simulation), told: told, labels: labels)
        }
        _ = flush(recorded.map(\.simulation), told: told, labels: labels)
        return recorded.compactMap { $0.simulation as? NarratedRun }
    }

    /// Writes the sentences not yet told; returns how many each pane has now told.
    func flush(_ panes: [any Simulation], told: [Int], labels: [String]?) -> [Int] {
        var told = told
        for index in panes.indices {
            guard let run = panes[index] as? NarratedRun else { continue }
            let label = panes.count > 1 ? (labels?[safe: index] ?? run.title) : nil
            for narration in run.sentences.dropFirst(told[index]) { write(narration.line(pane: label)) }
            told[index] = run.sentences.count
        }
        return told
    }

    // MARK: Lessons

    /// Why a narrated lesson stopped early.
    struct Stopped: Error { var reason: String }

    /// Reads `lesson` from start to end: each step's text, what the kernel
    /// did to reach its stop, its checkpoints and question or decision; each
    /// is answered from standard input (a letter or number; `q` stops).
    func tell(lesson: Lesson, factory: @escaping SimulationFactory) throws {
        let narrated: SimulationFactory = { program, settings in
            guard let run = try factory(program, settings) as? ProgramRun else { return try factory(program, settings) }
            return NarratedRun(run)
        }
        var session = try LessonSession(lesson: lesson, factory: narrated)
        var told = [Int](repeating: 0, count: lesson.programs.count)
        let labels = lesson.programs.map(\.title)
        while true {
            // What happened leads to what the step says about it; the first
            // step's events follow the lesson's introduction instead.
            if session.stepIndex > 0 {
                told = tellEvents(session, told: told, labels: labels, heading: "Running on to step \(session.stepIndex + 1):", blankBefore: false)
                write("")
            }
            write(LessonTranscript.render(session).trimmingTrailingNewlines)
            if session.stepIndex == 0 {
                told = tellEvents(session, told: told, labels: labels, heading: "What the kernel did to reach this point:", blankBefore: true)
            }
            if let question = session.pendingQuestion {
                let choice = try ask(count: question.choices.count, for: .question)
                guard let answer = session.choose(choice) else { throw Stopped(reason: "the answer could not be given") }
                told = tellEvents(session, told: told, labels: labels, heading: "The reveal:", blankBefore: true)
                let verdict = answer.correct ? "right" : "not what the kernel did"
                write("Answer: \(Question.letter(answer.choice)), \(verdict). \(answer.explanation)")
            }
            if let decide = session.pendingDecision {
                // Asked like a question, one try: the kernel's decision and the rule follow either way.
                let choice = try ask(count: decide.options.count, for: .decision)
                guard let tries = session.decide(choice) else { throw Stopped(reason: "the decision could not be made") }
                told = tellEvents(session, told: told, labels: labels, heading: "The kernel's move:", blankBefore: true)
                let verdict = tries.correct ? "right" : "not what the kernel decided (it decided \(tries.kernel.text))"
                write("Decision: \(Question.letter(choice)), \(verdict). Rule: \(tries.explanation)")
            }
            write("")
            guard session.next() else { break }
        }
        write("End of the lesson.")
    }

    private func tellEvents(_ session: LessonSession, told: [Int], labels: [String], heading: String, blankBefore: Bool) -> [Int] {
        let fresh = session.panes.indices.reduce(0) { sum, index in
            sum + ((session.panes[index] as? NarratedRun).map { $0.sentences.count - told[index] } ?? 0)
        }
        guard fresh > 0 else { return told }
        if blankBefore { write("") }
        write(heading)
        return flush(session.panes, told: told, labels: labels)
    }

    /// What a step asks the reader for.
    enum Asked {
        case question, decision
        var noun: String { self == .question ? "question" : "decision" }
        var prompt: String { self == .question ? "Your answer to the question above" : "Your decision above, as the kernel" }
    }

    /// Asks until one of `count` choices is given; `q` or the end of input stops the lesson.
    private func ask(count: Int, for asked: Asked) throws -> Int {
        let letters = (0..<count).map(Question.letter)
        let noun = asked.noun
        write("")
        while true {
            write("\(asked.prompt) (\(letters.first ?? "a")-\(letters.last ?? "a"), or q to stop):")
            guard let line = readAnswer() else { throw Stopped(reason: "standard input ended before the \(noun) was answered") }
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            if text == "q" { throw Stopped(reason: "stopped at the \(noun)") }
            if let index = letters.firstIndex(of: text) { return index }
            if let number = Int(text), letters.indices.contains(number - 1) { return number - 1 }
            write("'\(text)' is not one of the choices.")
        }
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
