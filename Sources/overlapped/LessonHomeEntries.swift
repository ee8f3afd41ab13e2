import AppCore
import LessonKit

/// The built-in lessons (and a teacher's folder) as the Home screen lists
/// them, with the learner's progress: `HomeState(lessons: LessonHomeEntries.load())`.
enum LessonHomeEntries {
    static func load(folder: String? = nil, store: ProgressStore = .standard()) -> [HomeState.LessonEntry] {
        let library = (try? LessonLibrary.standard(folder: folder)) ?? LessonLibrary(files: LessonLibrary.builtinFiles)
        let progress = store.load()
        return library.lessons.map {
            HomeState.LessonEntry(id: $0.id, title: $0.title, done: progress.mark(for: $0.id) == .finished)
        }
    }
}
