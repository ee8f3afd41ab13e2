import Foundation
import SimRuntime

/// Where the test inputs live, found from this file's path.
enum Paths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Win32CTests/Fixtures")
    static let programs = packageRoot.appendingPathComponent("Lessons/programs")
    static let golden = testsDirectory.appendingPathComponent("SimRuntimeTests/Golden")

    /// Every `*.c` under `directory` (recursively), sorted by relative path.
    static func cFiles(under directory: URL) -> [(name: String, url: URL)] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, URL)] = []
        for case let url as URL in walker where url.pathExtension == "c" {
            let relative = url.path.hasPrefix(directory.path) ? String(url.path.dropFirst(directory.path.count + 1)) : url.lastPathComponent
            found.append((relative, url))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}

/// A fixture program with the expectations in its comments (the format of
/// the fixtures' README: `// expect:`, `// error L:C: text`,
/// `// runtime error: text`, `// exit: N`, `// skip: reason`).
struct RuntimeFixture: Sendable, CustomStringConvertible {
    var name: String
    var source: [UInt8]
    var expectedOutput = ""
    var expectedErrors: [(line: Int, column: Int, message: String)] = []
    var runtimeError: String?
    var exitCode: Int32 = 0
    var skipReason: String?

    var description: String { name }
    var needsKernel: Bool { skipReason?.contains("needs kernel") ?? false }

    init(name: String, source: [UInt8]) {
        self.name = name
        self.source = source
        for raw in String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard let start = line.range(of: "// ") else { continue }
            let comment = line[start.upperBound...]
            if comment.hasPrefix("expect:") {
                var value = comment.dropFirst("expect:".count)
                if value.hasPrefix(" ") { value = value.dropFirst() }
                expectedOutput += value + "\n"
            } else if comment.hasPrefix("runtime error:") {
                runtimeError = comment.dropFirst("runtime error:".count).trimmingCharacters(in: .whitespaces)
            } else if comment.hasPrefix("error ") {
                let parts = comment.dropFirst("error ".count).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3, let l = Int(parts[0]), let c = Int(parts[1]) {
                    expectedErrors.append((l, c, parts[2].trimmingCharacters(in: .whitespaces)))
                }
            } else if comment.hasPrefix("exit:") {
                exitCode = Int32(comment.dropFirst("exit:".count).trimmingCharacters(in: .whitespaces)) ?? 0
            } else if comment.hasPrefix("skip:") {
                skipReason = comment.dropFirst("skip:".count).trimmingCharacters(in: .whitespaces)
            }
        }
    }

    static func all() -> [RuntimeFixture] {
        Paths.cFiles(under: Paths.fixtures).compactMap { entry in
            guard let data = FileManager.default.contents(atPath: entry.url.path) else { return nil }
            return RuntimeFixture(name: entry.name, source: [UInt8](data))
        }
    }
}

/// A finished run, in the terms the tests check.
struct FinishedRun {
    var output: String
    var outcome: SimulationOutcome?
    var trace: String
    var run: ProgramRun

    var exitCode: Int32? { if case .exited(let c)? = outcome { return c } else { return nil } }
    var failureMessage: String? {
        switch outcome {
        case .fault(let m)?, .deadlock(let m)?: return m
        default: return nil
        }
    }
}

func runToEnd(source: [UInt8], name: String, settings: RunSettings = RunSettings()) throws -> FinishedRun {
    var run = try ProgramRun.make(source: source, fileName: name, settings: settings)
    run.runToEnd()
    return FinishedRun(output: run.output, outcome: run.outcome, trace: run.kernel.trace.text, run: run)
}
