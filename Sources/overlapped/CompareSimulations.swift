import AppCore
import Foundation
import LessonKit
import SimRuntime

/// Builds the simulations of a Compare scenario.
enum CompareSimulations {
    struct Settings {
        var seed: UInt64?
        var cpus: Int?
        var parameters: [(name: String, value: String)]
    }

    /// One simulation per scenario pane, in order. `directory` is where the
    /// scenario file lives (program paths are relative to it); a program that
    /// is not a file there is looked up among the built-in programs. The
    /// command line's settings win over the scenario's, which win over pragmas.
    static func make(_ scenario: Scenario, settings: Settings, directory: String?) throws -> [any Simulation] {
        var parameters: [String: Int64] = [:]
        for (name, value) in scenario.parameters + settings.parameters {
            guard let number = Int64(value) else { throw AppError("parameter \(name): '\(value)' is not an integer") }
            parameters[name] = number
        }
        let runSettings = RunSettings(seed: settings.seed ?? scenario.seed, cpus: settings.cpus ?? scenario.cpus,
                                      parameters: parameters)
        return try scenario.panes.map { pane in
            let path = directory.map { ($0 as NSString).appendingPathComponent(pane.program) } ?? pane.program
            let name = (pane.program as NSString).lastPathComponent
            do {
                var run: ProgramRun
                if FileManager.default.fileExists(atPath: path) {
                    run = try ProgramRun.make(sourcePath: path, settings: runSettings)
                } else if let text = LessonLibrary.builtinProgram(named: pane.program) {
                    run = try ProgramRun.make(source: text, fileName: name, settings: runSettings)
                } else {
                    throw AppError("no program '\(pane.program)' (neither a file nor a built-in program)")
                }
                run.title = pane.label
                return run
            } catch let failure as CompileFailure {
                throw AppError(failure.rendered)
            }
        }
    }

    /// Reads a scenario file (or the standard one when `path` is nil).
    static func loadScenario(_ path: String?) throws -> (Scenario, directory: String?) {
        guard let path else { return (.standard, nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError("cannot read scenario file '\(path)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AppError("scenario file '\(path)' is not UTF-8 text")
        }
        do {
            let scenario = try Scenario.parse(text)
            return (scenario, (path as NSString).deletingLastPathComponent)
        } catch {
            throw AppError("\(path): \(error)")
        }
    }

    /// The session for a scenario, with a caption naming its settings.
    static func session(_ scenario: Scenario, settings: Settings, directory: String?, returnsToHome: Bool) throws -> Session {
        let simulations = try make(scenario, settings: settings, directory: directory)
        var caption = scenario.title
        if let seed = settings.seed ?? scenario.seed { caption += " · seed \(seed)" }
        if let cpus = settings.cpus ?? scenario.cpus { caption += " · \(cpus) CPUs" }
        return Session(kind: .compare, caption: caption, simulations: simulations,
                       labels: scenario.panes.map(\.label), returnsToHome: returnsToHome)
    }
}
