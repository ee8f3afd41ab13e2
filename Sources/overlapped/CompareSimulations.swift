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
    /// scenario file lives (program paths are relative to it); a name that is
    /// no file there is looked up among the built-in programs.
    static func make(_ scenario: Scenario, settings: Settings, directory: String?) throws -> [any Simulation] {
        let run = try runSettings(scenario, settings: settings)
        return try scenario.panes.map { pane in
            let (text, name) = try programSource(pane.program, directory: directory)
            do {
                var simulation = try ProgramRun.make(source: text, fileName: name, settings: run)
                simulation.title = pane.label
                return simulation
            } catch let failure as CompileFailure {
                throw AppError(failure.rendered)
            } catch {
                throw AppError(String(describing: error))
            }
        }
    }

    /// The settings every pane runs with: the command line over the scenario.
    static func runSettings(_ scenario: Scenario, settings: Settings) throws -> RunSettings {
        var parameters: [String: Int64] = [:]
        for (name, value) in scenario.parameters + settings.parameters {
            guard let number = Int64(value) else { throw AppError("param \(name) must be an integer, got '\(value)'") }
            parameters[name] = number
        }
        var run = RunSettings(seed: settings.seed ?? scenario.seed, cpus: settings.cpus ?? scenario.cpus,
                              parameters: parameters)
        // Watched on screen, perhaps for a long time: memory stays bounded.
        run.traceLimit = RunSettings.screenTraceLimit
        return run
    }

    /// The text and file name of a scenario's program.
    static func programSource(_ program: String, directory: String?) throws -> (text: String, name: String) {
        let name = (program as NSString).lastPathComponent
        var candidates: [String] = []
        if let directory, !program.hasPrefix("/") { candidates.append((directory as NSString).appendingPathComponent(program)) }
        candidates.append(program)
        for path in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw AppError("cannot read program '\(path)'")
                }
                return (text, name)
            }
        }
        if let text = LessonLibrary.builtinFiles.first?.readProgram("programs/\(name)") {
            return (text, name)
        }
        throw AppError("no program '\(program)' (not a file, nor a built-in program)")
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
