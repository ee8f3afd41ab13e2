import AppCore
import Foundation
import LessonKit
import SimRuntime

/// What a recording starts from, for each command that records, and the app
/// state a replay starts from: the same simulations, built from the
/// recorded sources and settings instead of files.
enum RecordingStarts {
    // MARK: Recording

    /// `run FILE --record`: the program's source and the run's options.
    static func run(_ simulation: ProgramRun, settings: RunSettings) -> Recording {
        let source = simulation.sourceFiles.first?.text ?? ""
        return Recording(command: .run, caption: simulation.fileName, settings: RecordedSettings(settings),
                         programs: [RecordedProgram(label: simulation.title, fileName: simulation.fileName, source: source)],
                         size: AppState.minimumSize)
    }

    /// `compare --record`: every pane's program and the shared settings.
    static func compare(_ scenario: Scenario, settings: CompareSimulations.Settings, directory: String?,
                        caption: String) throws -> Recording {
        let run = try CompareSimulations.runSettings(scenario, settings: settings)
        let programs = try scenario.panes.map { pane in
            let (text, name) = try CompareSimulations.programSource(pane.program, directory: directory)
            return RecordedProgram(label: pane.label, fileName: name, source: text)
        }
        return Recording(command: .compare, caption: caption, settings: RecordedSettings(run), programs: programs,
                         size: AppState.minimumSize)
    }

    /// `lesson ID --record`: the lesson's text and programs, where the
    /// learner's progress opens it, and the course around it (the last
    /// step names the next lesson).
    static func lesson(_ lesson: Lesson, library: LessonLibrary, progress: LessonKit.Progress) throws -> Recording {
        let file: LessonFile
        if let builtin = LessonLibrary.builtinFiles.first(where: { $0.name == lesson.file }) {
            file = builtin
        } else {
            file = try LessonFile.onDisk(path: lesson.file)
        }
        var programs: [String: String] = [:]
        for program in lesson.programs {
            if let path = program.path { programs[path] = program.text }
        }
        let recorded = RecordedLesson(fileName: lesson.file, text: file.text, programs: programs,
                                      progress: progress.lessons[lesson.id],
                                      course: library.lessons.map { RecordedCourseEntry(id: $0.id, title: $0.title) })
        return Recording(command: .lesson, caption: lesson.title, lesson: recorded, size: AppState.minimumSize)
    }

    // MARK: Replaying

    /// The state the recorded command opened with.
    static func state(for recording: Recording, options: UIOptions) throws -> AppState {
        var state = try startState(for: recording, options: options)
        if recording.presenting == true { state.presenter = PresenterState() }
        return state
    }

    private static func startState(for recording: Recording, options: UIOptions) throws -> AppState {
        var options = options
        options.ascii = options.ascii || recording.ascii
        switch recording.command {
        case .compare, .run:
            let settings = recording.settings.runSettings
            let simulations = try recording.programs.map { program -> any Simulation in
                do {
                    var run = try ProgramRun.make(source: program.source, fileName: program.fileName, settings: settings)
                    run.title = program.label
                    return run
                } catch let failure as CompileFailure {
                    throw AppError("the recorded program \(program.fileName) does not compile:\n\(failure.rendered)")
                }
            }
            if recording.command == .run {
                return .playground(Session(kind: .playground, caption: recording.caption, simulations: simulations), options: options)
            }
            return .compare(Session(kind: .compare, caption: recording.caption, simulations: simulations,
                                    labels: recording.programs.map(\.label)), options: options)
        case .lesson:
            guard let recorded = recording.lesson else { throw AppError("the recording has no lesson") }
            let lesson: Lesson
            do {
                lesson = try recorded.file.parse()
            } catch {
                throw AppError("the recorded lesson does not load: \(error)")
            }
            var progress = LessonKit.Progress()
            if let saved = recorded.progress { progress.lessons[lesson.id] = saved }
            let screen = try AppEnvironment.openLesson(lesson, progress: progress)
            let home = HomeState(lessons: recorded.course.map { HomeState.LessonEntry(id: $0.id, title: $0.title, done: false) })
            return .lesson(screen, options: options, home: home)
        }
    }
}
