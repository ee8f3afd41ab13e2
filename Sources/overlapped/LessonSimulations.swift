import LessonKit
import SimRuntime

/// How the lesson commands build a simulation from a lesson's program: the
/// C runtime compiles the program text; the lesson's seed, CPUs and params
/// are run settings, and its disk settings a pragma appended to the text.
enum LessonSimulations {
    static let factory: SimulationFactory = { program, settings in
        let run = RunSettings(seed: settings.seed, cpus: settings.cpus, parameters: settings.parameterTable)
        return try ProgramRun.make(source: program.source(applying: settings), fileName: program.fileName, settings: run)
    }
}
