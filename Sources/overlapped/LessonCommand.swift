import AppCore
import ArgumentParser
import Foundation
import LessonKit

/// `overlapped lesson [ID]`: opens a lesson; `lesson check` validates lesson files.
///
/// Opening is the default subcommand, so `lesson ID` and `lesson check FILE`
/// both read naturally (a positional ID beside subcommands would swallow "check").
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Open a lesson, or check lesson files.",
        subcommands: [LessonOpenCommand.self, LessonCheckCommand.self],
        defaultSubcommand: LessonOpenCommand.self)
}

/// `overlapped lesson [open] [ID]`.
struct LessonOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a lesson (the first unfinished one when no ID is given).",
        discussion: """
            --narrate reads the lesson without the screen, for screen readers: each step's \
            text, every kernel event on the way to its stop in a plain sentence, its \
            checkpoints and question or decision; answers and decisions (a letter or number, \
            q to stop) are read from standard input. --record FILE keeps the session for 'overlapped replay FILE'.
            """)

    @Argument(help: "The lesson's id or number, as 'overlapped lessons' lists them ('lesson 4' or 'lesson waiting-on-the-device').")
    var id: String?

    @OptionGroup var folder: LessonFolderOption

    @OptionGroup var ui: UIOptionGroup

    @OptionGroup var recordOption: RecordOption

    @Flag(help: "Print the whole lesson as plain text, running each step and answering each question as the lesson states.")
    var transcript = false

    @Flag(help: "Presenter mode: fewer, larger panes, big state glyphs, clicker keys, a class vote before each reveal (P toggles).")
    var present = false

    @Flag(help: "Read the lesson as plain text with every kernel event told in a sentence; answers are read from stdin.")
    var narrate = false

    func validate() throws {
        if recordOption.record != nil && (transcript || narrate) {
            throw ValidationError("--record records the lesson screen: it cannot go with --transcript or --narrate")
        }
    }

    func run() throws {
        let library = try folder.library()
        let progress = ProgressStore.standard().load()
        let lesson: Lesson?
        if let id {
            lesson = library.lesson(idOrNumber: id)
            if lesson == nil {
                let range = library.lessons.isEmpty ? "" : " (numbers 1-\(library.lessons.count))"
                throw ValidationError("no lesson '\(id)'\(range); 'overlapped lessons' lists them")
            }
        } else {
            lesson = library.lessons.first { progress.mark(for: $0.id) != .finished } ?? library.lessons.first
        }
        guard let lesson else { throw ValidationError("there are no lessons") }
        if transcript {
            try printTranscript(of: lesson)
            return
        }
        if narrate { return try tellNarrated(lesson) }
        if InteractiveUI.isInteractive {
            try openInteractively(lesson, library: library)
            return
        }
        // Not a terminal: the lesson's outline.
        print("\(lesson.title)  (\(lesson.id), \(lesson.steps.count) steps)")
        if !lesson.summary.isEmpty { print(lesson.summary) }
        for (index, step) in lesson.steps.enumerated() {
            print("  \(index + 1). \(step.title)")
        }
        print("On a terminal this opens the lesson screen; --transcript prints every step as text.")
    }

    /// The Lesson screen on the terminal. A lesson that cannot start (its
    /// program does not compile, say) opens Home with the diagnostics shown.
    private func openInteractively(_ lesson: Lesson, library: LessonLibrary) throws {
        let options = ui.resolved(environment: ProcessInfo.processInfo.environment)
        let store = ProgressStore.standard()
        let progress = store.load()
        let environment = AppEnvironment.standard(library: library, store: store)
        let home = HomeState(lessons: LessonHomeEntries.entries(library, progress: progress))
        var state: AppState
        var recording: RecordingTarget?
        do {
            state = .lesson(try AppEnvironment.openLesson(lesson, progress: progress), options: options, home: home)
            if present { state.presenter = PresenterState() }
            if let path = recordOption.record {
                recording = RecordingTarget(path: path, start: try RecordingStarts.lesson(lesson, library: library, progress: progress))
                recording?.start.presenting = present ? true : nil
            }
        } catch {
            state = AppState(screen: .home, options: options, home: home)
            _ = state.update(.openFailed(String(describing: error)))
        }
        if let opened = state.lesson?.progress { ProgressSaveFailures.shared.save(opened, in: store) }
        let status = InteractiveUI.run(state, environment: environment, recording: recording)
        ProgressSaveFailures.shared.reportOnExit()
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs the lesson from start to end and prints every step as text.
    private func printTranscript(of lesson: Lesson) throws {
        var session: LessonSession
        do {
            session = try LessonSession(lesson: lesson, factory: LessonSimulations.factory)
        } catch {
            throw ValidationError("the lesson's program could not be started: \(error)")
        }
        // The program's output is printed with the step during which it appeared.
        var outputShown: [Int] = []
        while true {
            while session.revealHint() {}
            let atStop = LessonTranscript.outputLengths(session)
            if let question = session.pendingQuestion { session.choose(question.answer) }
            if session.pendingDecision != nil, let option = session.arrival.decisionPoint?.option { session.decide(option) }
            print(LessonTranscript.render(session, outputShown: outputShown, outputAtStop: atStop))
            outputShown = LessonTranscript.outputLengths(session)
            guard session.next() else { break }
        }
    }
}
