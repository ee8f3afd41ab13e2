import LessonKit
import SimRuntime

/// How the lesson commands build a simulation from a lesson's program.
enum LessonSimulations {
    /// Until the C runtime can build a `Simulation` from program text, every
    /// lesson that runs a program fails its check with this explanation.
    static let factory: SimulationFactory = { program, _ in
        throw SimulatorUnavailable(program: program.fileName)
    }

    struct SimulatorUnavailable: Error, CustomStringConvertible {
        var program: String
        var description: String { "this build cannot run C programs yet (\(program))" }
    }
}
