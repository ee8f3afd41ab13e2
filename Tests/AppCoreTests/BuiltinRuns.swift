import LessonKit
import SimKernel
import SimRuntime
import SimulationTestSupport
import Testing
@testable import AppCore

/// Real runs of the built-in programs on the simulated kernel, for tests that
/// need a realistic machine: what a learner sees, not a scripted state.
enum BuiltinRuns {
    /// The built-in program `name` (as in `Lessons/programs/`), ready to run
    /// with its own settings. A program that does not start is a test failure.
    static func program(_ name: String) -> any Simulation {
        if let made = made[name] { return made }
        do {
            return try make(name)
        } catch {
            Issue.record("the built-in program \(name) does not start: \(error)")
            return ScriptedSimulation(title: name, frames: [.init(machine: MachineView())])
        }
    }

    private static func make(_ name: String) throws -> ProgramRun {
        guard let source = LessonLibrary.builtinFiles.first?.readProgram("programs/\(name)") else {
            throw AppError("no built-in program \(name)")
        }
        return try ProgramRun.make(source: source, fileName: name, settings: RunSettings())
    }

    /// The method programs compiled once: a run is a value, so each test
    /// gets its own copy of the unstarted run.
    private static let made: [String: ProgramRun] = Dictionary(uniqueKeysWithValues: Scenario.standard.panes.compactMap { pane in
        (try? make(pane.program)).map { (pane.program, $0) }
    })

    /// The four method programs of the default Compare, in screen order.
    static func standard() -> [any Simulation] {
        Scenario.standard.panes.map { program($0.program) }
    }

    /// The pane labels of the default Compare ("Device-signaled", …).
    static let standardLabels = Scenario.standard.panes.map(\.label)

    /// The default Compare, stepped `steps` times in lockstep.
    static func compare(caption: String = "the four methods", steps: Int = 0) -> Session {
        var session = Session(kind: .compare, caption: caption, simulations: standard(), labels: standardLabels)
        for _ in 0..<steps { session.stepLockstep() }
        return session
    }

    /// Runs a lesson's programs on the real C runtime with the lesson's settings, as the app does.
    static let factory = LessonSimulations.factory

    /// Reads `programs/NAME` from the built-in lessons, for parsing a test lesson that names them.
    static let readProgram: @Sendable (String) -> String? = { path in LessonLibrary.builtinFiles.first?.readProgram(path) }
}
