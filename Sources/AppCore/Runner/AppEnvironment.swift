import LessonKit
import SimRuntime

/// What the app needs from outside to open sessions: the executable supplies
/// these, so AppCore never knows how programs are found or compiled.
public struct AppEnvironment: Sendable {
    /// Builds the Compare session (the default scenario) or explains why not.
    public var makeCompare: @Sendable () throws -> Session
    /// Builds a Playground session for a program file or explains why not.
    public var makePlayground: @Sendable (_ path: String) throws -> Session

    /// Opens a lesson by id (with the learner's progress) or explains why not,
    /// e.g. with the compiler's diagnostics for its program.
    public var makeLesson: @Sendable (_ id: String) throws -> LessonScreen
    /// Stores the learner's progress; returns why it could not, so the
    /// screen can say so at once.
    public var saveProgress: @Sendable (LessonKit.Progress) -> String?

    public init(makeCompare: @escaping @Sendable () throws -> Session,
                makePlayground: @escaping @Sendable (_ path: String) throws -> Session,
                makeLesson: @escaping @Sendable (_ id: String) throws -> LessonScreen = { id in
                    throw AppError("Lesson \(id) opens with: overlapped lesson \(id)")
                },
                saveProgress: @escaping @Sendable (LessonKit.Progress) -> String? = { _ in nil }) {
        self.makeCompare = makeCompare
        self.makePlayground = makePlayground
        self.makeLesson = makeLesson
        self.saveProgress = saveProgress
    }

    /// An environment that can open nothing (for sessions started directly).
    public static let none = AppEnvironment(
        makeCompare: { throw AppError("Compare is not available here.") },
        makePlayground: { _ in throw AppError("The Playground is not available here.") })
}

/// An error with a message meant for the user.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
