import AppCore
import Foundation
import SimRuntime

/// Builds the simulations of a Compare scenario.
enum CompareSimulations {
    struct Settings {
        var seed: UInt64?
        var cpus: Int?
        var parameters: [(name: String, value: String)]
    }

    /// One simulation per scenario pane, in order. `directory` is where the
    /// scenario file lives (program paths are relative to it).
    ///
    /// Until the C runtime is available this returns the scripted stand-ins
    /// for the four methods; the runtime replaces the body with a call that
    /// compiles each pane's program with `settings`.
    static func make(_ scenario: Scenario, settings: Settings, directory: String?) throws -> [any Simulation] {
        let scripted = DemoSimulation.all()
        return scenario.panes.indices.map { index in scripted[index % scripted.count] }
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
