import SimKernel
import SimRuntime
import Testing
@testable import LessonKit

@Suite struct LessonSessionTests {
    func session(_ text: String = SampleLessons.alertable) throws -> LessonSession {
        try LessonSession(lesson: SampleLessons.parse(text), factory: SampleLessons.standardFactory)
    }

    @Test func openingALessonAdvancesToTheFirstStop() throws {
        let session = try session()
        #expect(session.stepIndex == 0)
        #expect(session.arrival.stop == .reached(steps: 2))
        #expect(session.arrival.checkpoints.allSatisfy { $0.passed })
        #expect(session.panes[0].machine.thread(1)?.location?.line == 12)
    }

    @Test func hintsAreRevealedOneAtATime() throws {
        var session = try session()
        #expect(session.visibleHints == [])
        let first = session.revealHint()
        #expect(first)
        #expect(session.visibleHints == ["Look at the source view."])
        let second = session.revealHint()
        let third = session.revealHint()
        #expect(second && !third)
        #expect(session.visibleHints.count == 2)
        #expect(!session.hasMoreHints)
    }

    @Test func answeringGradesByWhatTheKernelDoes() throws {
        var session = try session()
        session.next()
        #expect(session.pendingQuestion != nil)
        let chosen = session.choose(1)
        let answer = try #require(chosen)
        #expect(!answer.correct)
        #expect(answer.grade.holdingChoices == [0])
        #expect(session.pendingQuestion == nil)
        let again = session.choose(0)
        #expect(again == nil, "a question is answered once")
        #expect(session.panes[0].log.last?.kind == .wake && session.panes[0].log.last?.name == "SleepEx")
    }

    @Test func previousRestoresTheExactStateAndNextMovesOn() throws {
        var session = try session()
        let first = session.panes[0].machine
        let moved = session.next()
        #expect(moved)
        #expect(session.panes[0].machine != first)
        let back = session.previous()
        #expect(back)
        #expect(session.stepIndex == 0)
        #expect(session.panes[0].machine == first)
        let beyond = session.previous()
        #expect(!beyond)
    }

    @Test func theLessonFinishesOnTheLastStep() throws {
        var session = try session()
        while session.next() {
            if session.pendingQuestion != nil { session.choose(0) }
        }
        #expect(session.isLastStep)
        #expect(session.isFinished)
        #expect(session.arrival.stopProblem == nil)
        #expect(session.panes[0].outcome == .exited(code: 0))
    }

    @Test func aStopNotReachedIsShownNotThrown() throws {
        let text = SampleLessons.alertable.replacingOccurrences(of: "stop: thread main reaches line 12", with: "stop: thread main reaches line 99")
        let session = try session(text)
        #expect(session.arrival.stopProblem?.contains("was never reached") == true)
    }
}

@Suite struct ProgressRecordingTests {
    @Test func aSessionIsRecordedAsItGoes() throws {
        var session = try LessonSession(lesson: SampleLessons.parse(SampleLessons.alertable), factory: SampleLessons.standardFactory)
        var progress = Progress()
        progress.record(session)
        #expect(progress.mark(for: "sample-alertable") == .started)
        session.next()
        session.choose(0)
        progress.record(session)
        #expect(progress.lessons["sample-alertable"]?.answers == [.init(step: 1, choice: 0, correct: true, firstTry: true)])
        while session.next() { progress.record(session) }
        #expect(progress.lessons["sample-alertable"]?.stepsSeen == [0, 1, 2, 3])
        #expect(progress.mark(for: "sample-alertable") == .finished)
    }

    @Test func theScoreCountsFirstTriesAndMasteredNeedsThemAll() throws {
        let lesson = try SampleLessons.parse(SampleLessons.alertable)
        func visit(answering choice: Int, into progress: inout Progress) throws {
            var session = try LessonSession(lesson: lesson, factory: SampleLessons.standardFactory)
            progress.record(session)
            session.next()
            session.choose(choice)
            progress.record(session)
            while session.next() { progress.record(session) }
            // The summary lists the question with the answer of this visit.
            #expect(session.review.map(\.step) == [1])
            #expect(session.review.first?.choice == choice)
            #expect(session.review.first?.rule == lesson.steps[1].question?.explanation)
        }
        var progress = Progress()
        try visit(answering: 1, into: &progress)
        var score = progress.score(for: lesson)
        // Finished (the last step was reached) although the answer was wrong.
        #expect(score == .init(rightFirstTime: 0, answered: 1, questions: 1, finished: true))
        #expect(!score.mastered)
        // Right on a second visit: still not right at the first try.
        try visit(answering: 0, into: &progress)
        score = progress.score(for: lesson)
        #expect(score.rightFirstTime == 0 && !score.mastered)
        #expect(progress.lessons[lesson.id]?.answers.first?.correct == true)
        // After a reset the next visit counts afresh.
        progress.reset(lesson: lesson.id)
        #expect(progress.mark(for: lesson.id) == .notStarted)
        try visit(answering: 0, into: &progress)
        score = progress.score(for: lesson)
        #expect(score.mastered && score.text == "1/1 right first time")
    }
}
