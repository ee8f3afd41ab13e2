import SimRuntime

/// Builds a running simulation for one of a lesson's programs with the
/// lesson's settings: `LessonSimulations.factory` on the C runtime, or a
/// scripted fake in tests.
public typealias SimulationFactory = @Sendable (ProgramSpec, SimulationSettings) throws -> any Simulation
