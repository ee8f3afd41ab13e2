// Generated from Lessons/ by BuiltinLessonsGenerator — do not edit.

enum BuiltinLessonFiles {
    static let files: [(path: String, text: String)] = []
}
