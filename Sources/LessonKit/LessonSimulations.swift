import SimRuntime

/// How the app and its tests build a simulation from a lesson's program:
/// on the real C runtime, as `overlapped run` would.
public enum LessonSimulations {
    /// Compiles the lesson's program with the lesson's settings (as `--seed`,
    /// `--cpus` and `--param` would give them); compile errors are thrown as
    /// `CompileFailure`, whose description is the rendered diagnostics.
    public static let factory: SimulationFactory = { program, settings in
        let runSettings = RunSettings(seed: settings.seed, cpus: settings.cpus, parameters: settings.parameterTable)
        var run = try ProgramRun.make(source: program.source(applying: settings), fileName: program.fileName,
                                      settings: runSettings)
        run.title = program.title
        return run
    }
}
