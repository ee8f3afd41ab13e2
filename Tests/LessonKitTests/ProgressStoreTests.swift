import Foundation
import Synchronization
import Testing
@testable import LessonKit

@Suite struct ProgressStoreTests {
    /// A fresh directory per test, removed afterwards.
    final class TemporaryDirectory {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("overlapped-progress-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    }

    final class Warnings: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func add(_ line: String) { lines.withLock { $0.append(line) } }
    }

    func store(_ dir: TemporaryDirectory, _ warnings: Warnings = Warnings()) -> ProgressStore {
        ProgressStore(directory: dir.url.appendingPathComponent("overlapped"),
                      warn: { warnings.add($0) },
                      now: { Date(timeIntervalSince1970: 1_700_000_000) })
    }

    @Test func progressRoundTripsAndNoTemporaryFileIsLeft() throws {
        let dir = try TemporaryDirectory()
        let store = store(dir)
        #expect(store.load() == Progress())
        var progress = Progress()
        progress.markSeen(lesson: "ports", step: 2)
        progress.markSeen(lesson: "ports", step: 0)
        progress.markSeen(lesson: "ports", step: 2)
        progress.recordAnswer(lesson: "ports", step: 1, choice: 0, correct: false)
        progress.recordAnswer(lesson: "ports", step: 1, choice: 1, correct: true)
        progress.markFinished(lesson: "intro")
        try store.save(progress)
        let loaded = store.load()
        #expect(loaded == progress)
        #expect(loaded.lessons["ports"]?.stepsSeen == [0, 2])
        // The latest answer, and the first try kept: it was wrong.
        #expect(loaded.lessons["ports"]?.answers == [.init(step: 1, choice: 1, correct: true, firstTry: false)])
        #expect(loaded.mark(for: "ports") == .started)
        #expect(loaded.mark(for: "intro") == .finished)
        #expect(loaded.mark(for: "other") == .notStarted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path).sorted()
                == ["progress.json", "progress.json.lock"])
    }

    @Test func twoInstancesSavingKeepBothInstancesSteps() throws {
        let dir = try TemporaryDirectory()
        let store = store(dir)
        // Both load the same (empty) progress at start, then each saves its own copy.
        var first = store.load(), second = store.load()
        first.markSeen(lesson: "ports", step: 1)
        first.recordAnswer(lesson: "ports", step: 1, choice: 2, correct: true)
        try store.save(first)
        second.markSeen(lesson: "ports", step: 3)
        second.markFinished(lesson: "intro")
        second.recordAnswer(lesson: "ports", step: 1, choice: 0, correct: false)
        try store.save(second)
        let loaded = store.load()
        #expect(loaded.lessons["ports"]?.stepsSeen == [1, 3])
        // The answer saved last wins; nothing else is dropped.
        #expect(loaded.lessons["ports"]?.answers == [.init(step: 1, choice: 0, correct: false, firstTry: false)])
        #expect(loaded.mark(for: "intro") == .finished)
    }

    @Test func aSymlinkedFileIsWrittenThrough() throws {
        let dir = try TemporaryDirectory()
        let store = store(dir)
        let real = dir.url.appendingPathComponent("real-progress.json")
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: store.file, withDestinationURL: real)
        var progress = Progress()
        progress.markFinished(lesson: "one")
        try store.save(progress)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: store.file.path) == real.path)
        #expect(try JSONDecoder().decode(Progress.self, from: Data(contentsOf: real)) == progress)
        #expect(store.load() == progress)
    }

    @Test func aSaveThatCannotBeWrittenThrows() throws {
        let dir = try TemporaryDirectory()
        let store = store(dir)
        // The progress path is a directory: nothing can replace it.
        try FileManager.default.createDirectory(at: store.file, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: store.file.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try store.save(Progress()) }
    }

    @Test func theJSONIsStableAndReadable() throws {
        let dir = try TemporaryDirectory()
        let store = store(dir)
        var progress = Progress()
        progress.markSeen(lesson: "b", step: 0)
        progress.markSeen(lesson: "a", step: 1)
        try store.save(progress)
        let first = try Data(contentsOf: store.file)
        try store.save(store.load())
        #expect(try Data(contentsOf: store.file) == first)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.range(of: "\"a\"")!.lowerBound < text.range(of: "\"b\"")!.lowerBound)
    }

    @Test(arguments: ["{ not json", "", "[1, 2, 3]", "{\"lessons\": 5}"])
    func aDamagedFileIsSetAsideWithAWarning(content: String) throws {
        let dir = try TemporaryDirectory()
        let warnings = Warnings()
        let store = store(dir, warnings)
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: store.file)
        #expect(store.load() == Progress())
        let entries = try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
        #expect(entries == ["progress.json.damaged-20231114T221320Z"])
        let moved = try String(contentsOf: store.directory.appendingPathComponent(entries[0]), encoding: .utf8)
        #expect(moved == content)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("); it was moved to progress.json.damaged-20231114T221320Z") == true)
        #expect(warnings.all.first?.contains("cannot be read (") == true)
        // A second damaged file on the same second does not overwrite the first.
        try Data("junk".utf8).write(to: store.file)
        _ = store.load()
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path).sorted()
                == ["progress.json.damaged-20231114T221320Z", "progress.json.damaged-20231114T221320Z-2"])
    }

    @Test func aDamagedFileSaysWhereAndWhat() throws {
        let dir = try TemporaryDirectory()
        let warnings = Warnings()
        let store = store(dir, warnings)
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        try Data(#"{"version": 1, "lessons": {"a": {"stepsSeen": [0], "answers": [{"step": 0, "choice": "b", "correct": true}], "finished": false}}}"#.utf8)
            .write(to: store.file)
        _ = store.load()
        #expect(warnings.all.first?.contains("at lessons.a.answers[0].choice: expected a whole number") == true)
    }

    @Test func aFileWrittenBeforeFirstTriesWereRecordedStillLoads() throws {
        let dir = try TemporaryDirectory()
        let warnings = Warnings()
        let store = store(dir, warnings)
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        try Data(#"{"version": 1, "lessons": {"a": {"stepsSeen": [0, 1], "answers": [{"step": 0, "choice": 1, "correct": false}], "finished": true}}}"#.utf8)
            .write(to: store.file)
        var progress = store.load()
        #expect(warnings.all.isEmpty)
        #expect(progress.lessons["a"]?.answers.first?.rightFirstTime == false)
        // Answered right on a second visit: the first try stays wrong.
        progress.recordAnswer(lesson: "a", step: 0, choice: 0, correct: true)
        #expect(progress.lessons["a"]?.answers.first?.correct == true)
        #expect(progress.lessons["a"]?.answers.first?.rightFirstTime == false)
    }

    @Test func resetForgetsOneLessonOrAll() throws {
        let dir = try TemporaryDirectory()
        let store = store(dir)
        var progress = Progress()
        progress.markSeen(lesson: "a", step: 0)
        progress.markSeen(lesson: "b", step: 2)
        try store.save(progress)
        try store.reset(lesson: "a")
        #expect(store.load().lessons.keys.sorted() == ["b"])
        try store.reset(lesson: nil)
        #expect(store.load() == Progress())
    }

    @Test func updateLoadsChangesAndSaves() throws {
        let dir = try TemporaryDirectory()
        let store = store(dir)
        store.update { $0.markSeen(lesson: "x", step: 3) }
        store.update { $0.markFinished(lesson: "x") }
        #expect(store.load().lessons["x"]?.stepsSeen == [3])
        #expect(store.load().mark(for: "x") == .finished)
    }

    @Test func theDirectoryFollowsXDG() {
        #expect(ProgressStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).path == "/data/overlapped")
        #expect(ProgressStore.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.local/share/overlapped")
        // A relative XDG_DATA_HOME is ignored, as the specification says.
        #expect(ProgressStore.defaultDirectory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u"]).path == "/home/u/.local/share/overlapped")
    }
}
