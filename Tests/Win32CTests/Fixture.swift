import Foundation

/// A fixture program and the expectations written in its comments.
struct Fixture: Sendable, CustomStringConvertible {
    struct ExpectedError: Sendable, Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    var name: String
    var source: [UInt8]
    var expectedOutput: [String] = []
    var expectedErrors: [ExpectedError] = []
    var runtimeError: String?
    var exitCode: Int32 = 0
    var skipReason: String?

    var description: String { name }

    init(name: String, source: [UInt8]) {
        self.name = name
        self.source = source
        let text = String(decoding: source, as: UTF8.self)
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            guard let start = line.range(of: "// ") else { continue }
            let comment = line[start.upperBound...]
            if comment.hasPrefix("expect:") {
                var value = comment.dropFirst("expect:".count)
                if value.hasPrefix(" ") { value = value.dropFirst() }
                expectedOutput.append(String(value))
            } else if comment.hasPrefix("runtime error:") {
                runtimeError = comment.dropFirst("runtime error:".count).trimmingCharacters(in: .whitespaces)
            } else if comment.hasPrefix("error ") {
                let rest = comment.dropFirst("error ".count)
                let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3, let l = Int(parts[0]), let c = Int(parts[1]) {
                    expectedErrors.append(ExpectedError(line: l, column: c, message: parts[2].trimmingCharacters(in: .whitespaces)))
                }
            } else if comment.hasPrefix("exit:") {
                exitCode = Int32(comment.dropFirst("exit:".count).trimmingCharacters(in: .whitespaces)) ?? 0
            } else if comment.hasPrefix("skip:") {
                skipReason = comment.dropFirst("skip:".count).trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// The fixtures directory next to this file, or `WIN32C_FIXTURES` when set
    /// (to run another checkout's fixtures).
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["WIN32C_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Every `Fixtures/**/*.c`, sorted by relative path.
    static func all() -> [Fixture] {
        let root = directory
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [Fixture] = []
        for case let url as URL in enumerator where url.pathExtension == "c" {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let relative = url.path.hasPrefix(root.path) ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            found.append(Fixture(name: relative, source: Array(data)))
        }
        return found.sorted { $0.name < $1.name }
    }
}
