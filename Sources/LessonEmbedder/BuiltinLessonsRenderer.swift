/// Renders the Swift source that embeds the built-in lessons and their
/// programs in the binary (`BuiltinLessonFiles`), so the app works from any
/// folder and as a single copied file. The `EmbedLessons` build plugin runs it
/// on every build, so the embedded text is always the `Lessons/` folder's.
///
/// Why not SwiftPM resources: on Linux `Bundle.module` looks for a resource
/// bundle directory next to the executable, so a binary copied or installed
/// on its own loses its lessons (and a missing bundle is a trap at launch).
/// String literals travel inside the binary and need no file system at all.
enum BuiltinLessonsRenderer {
    /// `files`: paths relative to `Lessons/` with their text; rendered sorted by path.
    static func render(_ files: [(path: String, text: String)]) -> String {
        var out = """
        // Generated from Lessons/ at build time by the EmbedLessons plugin.

        enum BuiltinLessonFiles {
            /// Lesson files and programs, by path relative to `Lessons/`, sorted by path.
            static let files: [(path: String, text: String)] = [

        """
        for file in files.sorted(by: { $0.path < $1.path }) {
            let hashes = String(repeating: "#", count: delimiterDepth(for: file.text))
            out += "        (\(stringLiteral(file.path)), \(hashes)\"\"\"\n"
            out += file.text
            if !file.text.hasSuffix("\n") { out += "\n" }
            // Without a final newline in the file, the literal must not add one.
            out += file.text.hasSuffix("\n") ? "\n\"\"\"\(hashes)),\n" : "\"\"\"\(hashes)),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    /// The number of `#` that makes a raw string literal hold `text` verbatim.
    static func delimiterDepth(for text: String) -> Int {
        var depth = 1
        while text.contains("\"\"\"" + String(repeating: "#", count: depth))
                || text.contains("\\" + String(repeating: "#", count: depth)) {
            depth += 1
        }
        return depth
    }

    static func stringLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
