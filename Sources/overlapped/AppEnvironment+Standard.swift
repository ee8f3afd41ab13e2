import AppCore
import LessonKit
import SimRuntime

/// What the interactive app can open from Home: Compare, a program in the
/// Playground, and the lessons (built in plus a teacher's folder), with the
/// learner's progress kept in the progress store.
extension AppEnvironment {
    static func standard(library: LessonLibrary, store: ProgressStore) -> AppEnvironment {
        AppEnvironment(
            makeCompare: {
                try CompareSimulations.session(.standard, settings: .init(seed: nil, cpus: nil, parameters: []),
                                               directory: nil, returnsToHome: true)
            },
            makePlayground: { path in
                do {
                    var settings = RunSettings()
                    settings.traceLimit = RunSettings.screenTraceLimit
                    let run = try ProgramRun.make(sourcePath: path, settings: settings)
                    return Session(kind: .playground, caption: run.fileName, simulations: [run], returnsToHome: true)
                } catch {
                    throw AppError(String(describing: error))
                }
            },
            makeLesson: { id in
                guard let lesson = library.lesson(id: id) else { throw AppError("There is no lesson '\(id)'.") }
                return try openLesson(lesson, progress: store.load())
            },
            saveProgress: { progress in
                // Said on screen now, and again when the terminal is given
                // back (standard error would write over the screen now).
                ProgressSaveFailures.shared.save(progress, in: store)
            })
    }

    /// The Lesson screen for `lesson`, or an error whose message is what
    /// stopped it (a program that does not compile: the compiler's diagnostics).
    static func openLesson(_ lesson: Lesson, progress: Progress) throws -> LessonScreen {
        do {
            return LessonScreen(lesson: try LessonSession(lesson: lesson, factory: LessonSimulations.factory),
                                progress: progress)
        } catch let failure as CompileFailure {
            throw AppError("The program of lesson '\(lesson.id)' does not compile:\n\(failure.rendered)")
        } catch {
            throw AppError("The lesson '\(lesson.id)' could not start: \(error)")
        }
    }
}
