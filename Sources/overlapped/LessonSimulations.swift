import LessonKit
import SimRuntime

/// How the lesson commands build a simulation from a lesson's program.
enum LessonSimulations {
    /// Compiles the lesson's program with the lesson's settings (as `--seed`,
    /// `--cpus` and `--param` would give them); compile errors are thrown as
    /// `CompileFailure`, whose description is the rendered diagnostics.
    static let factory: SimulationFactory = { program, settings in
        let runSettings = RunSettings(seed: settings.seed, cpus: settings.cpus, parameters: settings.parameterTable)
        var run = try ProgramRun.make(source: program.source(applying: settings), fileName: program.fileName,
                                      settings: runSettings)
        run.title = program.title
        return run
    }
}
