import Foundation
import LessonKit

/// The last progress save that failed during an interactive session. The
/// screen cannot take a warning on standard error (it would write over the
/// drawing), so it is kept here and printed when the terminal is given back:
/// a learner is always told that progress was not kept.
final class ProgressSaveFailures: @unchecked Sendable {
    static let shared = ProgressSaveFailures()
    private let lock = NSLock()
    private var message: String?

    /// Saves, recording a failure instead of throwing.
    func save(_ progress: LessonKit.Progress, in store: ProgressStore) {
        do {
            try store.save(progress)
        } catch {
            lock.withLock { message = "could not save progress to \(store.file.path): \(error.localizedDescription)" }
        }
    }

    /// Prints the failure, if any, as a warning on standard error.
    func reportOnExit() {
        guard let text = lock.withLock({ message }) else { return }
        ProgressStore.warnOnStandardError(text)
    }
}
