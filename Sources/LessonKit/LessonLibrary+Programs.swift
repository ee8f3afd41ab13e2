/// The sample programs built into the binary (`Lessons/programs/`), so
/// commands can run them by name from any directory.
extension LessonLibrary {
    /// The text of the built-in program `name` ("method4-iocp.c"), if there is one.
    public static func builtinProgram(named name: String) -> String? {
        BuiltinLessonFiles.files.first { $0.path == "programs/" + name }?.text
    }

    /// File names of the built-in programs, sorted.
    public static var builtinProgramNames: [String] {
        BuiltinLessonFiles.files.compactMap { $0.path.hasPrefix("programs/") && $0.path.hasSuffix(".c") ? String($0.path.dropFirst(9)) : nil }
    }
}
