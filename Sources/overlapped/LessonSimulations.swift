import LessonKit
import SimRuntime

/// How the lesson commands build a simulation from a lesson's program: the C
/// runtime compiles the program text (with the lesson's disk settings
/// appended as a pragma) and the lesson's seed, CPUs and parameters act as
/// the command-line options of `overlapped run` would.
enum LessonSimulations {
    static let factory: SimulationFactory = { program, settings in
        let runSettings = RunSettings(seed: settings.seed, cpus: settings.cpus, parameters: settings.parameterTable)
        // A compile failure describes itself as `overlapped run` prints it.
        return try ProgramRun.make(source: program.source(applying: settings), fileName: program.fileName,
                                   settings: runSettings)
    }
}
