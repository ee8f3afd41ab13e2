import LessonKit
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// Readable at every size: every step of every built-in lesson drawn at
/// 80×24, 100×30 and 120×40; while a question waits, it and every choice are
/// on screen, whole.
@Suite struct LessonLayoutTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]

    /// The first few words of a text as they are drawn (markup removed).
    static func opening(_ markdown: String, words: Int = 3) -> String {
        let plain = MarkdownRenderer.inline(markdown).map(\.text).joined()
        return plain.split(separator: " ").prefix(words).joined(separator: " ")
    }

    @Test func everyQuestionAndEveryChoiceIsOnScreenAtEverySize() throws {
        let library = LessonLibrary(files: LessonLibrary.builtinFiles)
        var questionsSeen = 0
        for lesson in library.lessons {
            var state = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: BuiltinRuns.factory)),
                                        options: UIOptions())
            var index = 0
            while true {
                if let question = state.lesson?.lesson.pendingQuestion {
                    questionsSeen += 1
                    for size in Self.sizes {
                        let text = state.view(size: size).plainText()
                        let place = "\(lesson.id) step \(index + 1) at \(size.width)×\(size.height)"
                        #expect(text.contains("Question: " + Self.opening(question.prompt, words: 2)), "\(place): the question is not on screen")
                        for (number, choice) in question.choices.enumerated() {
                            let lead = "\(Question.letter(number))) " + Self.opening(choice.text, words: 2)
                            #expect(text.contains(lead), "\(place): choice '\(lead)' is not on screen")
                        }
                        #expect(text.contains("Answer first"), "\(place): the way to answer is not on screen")
                    }
                    _ = state.update(.lesson(.answer(question.answer)))
                }
                _ = state.update(.lesson(.next))
                if state.lesson?.lesson.stepIndex == index { break }
                index += 1
            }
        }
        #expect(questionsSeen > 30)
    }

    @Test func asciiModeDrawsEveryLessonStepInASCII() throws {
        let library = LessonLibrary(files: LessonLibrary.builtinFiles)
        for lesson in library.lessons {
            var state = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: BuiltinRuns.factory)),
                                        options: UIOptions(color: false, ascii: true))
            var index = 0
            while true {
                _ = state.update(.lesson(.hint))
                for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                    let text = state.view(size: size).plainText()
                    let stray = text.unicodeScalars.filter { !$0.isASCII }.map { String($0) }
                    #expect(stray.isEmpty, "\(lesson.id) step \(index + 1) at \(size.width)×\(size.height) draws \(Set(stray).sorted())")
                }
                if let question = state.lesson?.lesson.pendingQuestion { _ = state.update(.lesson(.answer(question.answer))) }
                _ = state.update(.lesson(.next))
                if state.lesson?.lesson.stepIndex == index { break }
                index += 1
            }
        }
    }
}
