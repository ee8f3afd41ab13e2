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

    /// Saves, recording a failure instead of throwing; returns the failure.
    @discardableResult
    func save(_ progress: LessonKit.Progress, in store: ProgressStore) -> String? {
        do {
            try store.save(progress)
            return nil
        } catch {
            let text = "could not save progress to \(store.file.path): \(error.localizedDescription)"
            lock.withLock { message = text }
            return text
        }
    }

    /// Prints the failure, if any, as a warning on standard error.
    func reportOnExit() {
        guard let text = lock.withLock({ message }) else { return }
        ProgressStore.warnOnStandardError(text)
    }
}
