import SimRuntime
import Testing
@testable import LessonKit

/// `decide:` blocks: parsed with clear errors, and checked by `lesson check`
/// (the decision point must be reached, the kernel's decision must be offered).
@Suite struct DecideCheckTests {
    static let factory: SimulationFactory = { program, settings in
        let run = RunSettings(seed: settings.seed, cpus: settings.cpus, parameters: settings.parameterTable)
        return try ProgramRun.make(source: program.source(applying: settings), fileName: program.fileName, settings: run)
    }

    /// The built-in lesson 5 with `edit` applied to its text.
    static func lesson5(_ edit: (String) -> String = { $0 }) throws -> Lesson {
        let files = LessonLibrary.builtinFiles.filter { $0.name.hasSuffix("05-event-per-request.md") }
        let file = try #require(files.first)
        let text = edit(file.text)
        return try LessonParser.parse(text, file: "05.md", readProgram: file.readProgram)
    }

    static func diagnostics(_ edit: (String) -> String) -> [String] {
        do {
            _ = try lesson5(edit)
            return []
        } catch let error as LessonLoadError {
            return error.diagnostics.map(\.message)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func theDecisionIsParsed() throws {
        let lesson = try Self.lesson5()
        let decide = try #require(lesson.steps.compactMap(\.decide).first)
        #expect(decide.kind == .waitReturns(.name("main"), call: "WaitForMultipleObjects"))
        #expect(decide.options.map(\.value) == [.number(2), .number(0), .number(1)])
        #expect(lesson.steps.first { $0.decide != nil }?.asksSomething == true)
    }

    @Test func badDecideBlocksSayWhatIsWrong() {
        #expect(Self.diagnostics { $0.replacingOccurrences(of: "  what: wait returns\n", with: "  what: wait finishes\n") }
            .contains { $0.hasPrefix("'what' must be one of: port releases, port running, apc runs, wait returns, call blocks") })
        #expect(Self.diagnostics { $0.replacingOccurrences(of: "  thread: main\n  call: WaitForMultipleObjects\n", with: "") }
            .contains("'what: wait returns' needs 'thread:', the thread the decision is about"))
        #expect(Self.diagnostics { $0.replacingOccurrences(of: "      value: 1\n", with: "      value: one\n") }
            .contains { $0.hasPrefix("'one' is not a return value") })
        #expect(Self.diagnostics { $0.replacingOccurrences(of: "decide:\n  ask: You are the kernel.", with: "question:\n  ask: Q\n  choices: [a, b]\n  answer: a\n  explain: E\ndecide:\n  ask: You are the kernel.") }
            .contains("a step holds a question or a decide block, not both"))
    }

    @Test func theCheckPassesWhenTheKernelsDecisionIsOffered() throws {
        let result = LessonChecker.check(try Self.lesson5(), factory: Self.factory)
        #expect(result.failures == [])
        #expect(result.questions == 3)
    }

    @Test func theCheckFailsWhenNoOptionNamesTheKernelsDecision() throws {
        let lesson = try Self.lesson5 { $0.replacingOccurrences(of: "      value: 0\n", with: "      value: 3\n") }
        let result = LessonChecker.check(lesson, factory: Self.factory)
        #expect(result.failures.map(\.message).contains {
            $0.contains("the kernel decides 0, which none of the options names")
        })
    }

    @Test func theCheckFailsWhenTheDecisionIsNeverMade() throws {
        // main never calls SleepEx: no such decision point.
        let lesson = try Self.lesson5 { $0.replacingOccurrences(of: "  call: WaitForMultipleObjects\n", with: "  call: SleepEx\n") }
        let result = LessonChecker.check(lesson, factory: Self.factory)
        #expect(result.failures.map(\.message).contains { $0.contains("the decision to make (what SleepEx returns to thread main) was not reached") })
    }

    @Test func aSessionGradesEveryTryAgainstTheOneDecision() throws {
        var session = try LessonSession(lesson: try Self.lesson5(), factory: Self.factory)
        while session.step.decide == nil { session.choose(session.pendingQuestion?.answer ?? 0); session.next() }
        let clock = session.run.clock
        #expect(session.pendingDecision != nil)
        let none = session.decide(9)
        #expect(none == nil, "not an option")
        let tried = session.decide(0)
        let first = try #require(tried)
        #expect(!first.correct && first.kernel == .number(0))
        #expect(session.run.clock >= clock)
        let afterKernel = session.run.clock
        let retried = session.decide(1)
        let second = try #require(retried)
        #expect(second.correct && !second.rightFirstTime && second.choices == [0, 1])
        #expect(session.run.clock == afterKernel, "a retry does not move the simulation again")
        let again = session.decide(1)
        #expect(again == nil, "nothing left to decide once right")
        var progress = Progress()
        progress.record(session)
        #expect(progress.lessons["event-per-request"]?.answers.last?.rightFirstTime == false)
    }
}
