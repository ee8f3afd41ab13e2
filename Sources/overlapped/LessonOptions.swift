import ArgumentParser
import LessonKit

/// `--lessons DIR`, shared by the lesson commands.
struct LessonFolderOption: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp("Also load the lessons in this folder (a teacher's lessons).", valueName: "DIR"))
    var folder: String?

    func library() throws -> LessonLibrary {
        do {
            return try LessonLibrary.standard(folder: folder)
        } catch {
            throw ValidationError("cannot read the lessons folder \(folder ?? ""): \(error.localizedDescription)")
        }
    }
}
