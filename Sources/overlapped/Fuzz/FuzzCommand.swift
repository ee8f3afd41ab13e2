import ArgumentParser
import Foundation
import LessonKit
import SimRuntime
import Win32C

/// `overlapped fuzz`: a seeded mutation fuzzer for the C front end (with
/// short runs of what compiles) and the lesson reader. Every input must end
/// in diagnostics or an outcome; a crash or hang kills the process, and the
/// input it was on is left in `--out` to become a regression fixture.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the C front end and the lesson reader with seeded mutations (for developers).",
        discussion: """
            The corpus is the built-in programs and lessons, plus the .c and .md files under \
            each --corpus folder (e.g. Tests/Win32CTests/Fixtures). Before each case the input \
            is written to OUT/current.c or OUT/current.md: after a crash, that file is the \
            reproducer. Same seed, same inputs. CI runs a short smoke run \
            (.ci/e2e-fuzz.sh); a longer one is e.g. --iterations 1000000 --seconds 3600.
            """,
        shouldDisplay: false)

    @Option(help: "Seed of the mutation generator.")
    var seed: UInt64 = 1

    @Option(help: "Cases to run.")
    var iterations = 1_000

    @Option(help: "Stop after this many seconds of wall time.")
    var seconds = 120

    @Option(name: .customLong("corpus"), help: "A folder of extra .c and .md inputs (repeatable).")
    var corpusFolders: [String] = []

    @Option(help: "Where the current input is written.")
    var out = "fuzz-out"

    func run() throws {
        let programs = LessonLibrary.builtinProgramNames.compactMap { LessonLibrary.builtinProgram(named: $0) }.map { Array($0.utf8) }
        var cInputs = programs
        var lessonInputs = LessonLibrary.builtinFiles.map { Array($0.text.utf8) }
        for folder in corpusFolders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let path as String in walker {
                guard let data = FileManager.default.contents(atPath: folder + "/" + path) else { continue }
                if path.hasSuffix(".c") { cInputs.append([UInt8](data)) }
                if path.hasSuffix(".md") { lessonInputs.append([UInt8](data)) }
            }
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let reader: LessonParser.ProgramReader = { path in
            LessonLibrary.builtinProgram(named: String(path.split(separator: "/").last ?? ""))
        }
        var mutator = Mutator(seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        var counts = (programs: 0, compiled: 0, lessons: 0, parsed: 0)
        var done = 0
        while done < iterations && start.duration(to: clock.now) < .seconds(seconds) {
            done += 1
            if mutator.below(3) == 0 {
                let input = mutator.mutate(lessonInputs[mutator.below(lessonInputs.count)],
                                           splicing: lessonInputs[mutator.below(lessonInputs.count)])
                _ = FileManager.default.createFile(atPath: out + "/current.md", contents: Data(input))
                counts.lessons += 1
                if (try? LessonParser.parse(String(decoding: input, as: UTF8.self), file: "fuzz.md", readProgram: reader)) != nil {
                    counts.parsed += 1
                }
            } else {
                let input = mutator.mutate(cInputs[mutator.below(cInputs.count)], splicing: cInputs[mutator.below(cInputs.count)])
                _ = FileManager.default.createFile(atPath: out + "/current.c", contents: Data(input))
                counts.programs += 1
                let settings = RunSettings(maxStatements: 200_000, tracing: false, maxEvents: 200_000)
                if var run = try? ProgramRun.make(source: input, fileName: "fuzz.c", settings: settings) {
                    counts.compiled += 1
                    run.runToEnd()
                }
            }
        }
        let elapsed = start.duration(to: clock.now)
        print("fuzz: seed \(seed), \(done) cases in \(elapsed): \(counts.programs) programs (\(counts.compiled) compiled and ran), "
              + "\(counts.lessons) lessons (\(counts.parsed) parsed); no crash")
    }
}
