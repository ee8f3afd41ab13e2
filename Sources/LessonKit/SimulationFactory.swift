import SimRuntime

/// Builds a running simulation for one of a lesson's programs with the
/// lesson's settings. The executable supplies it (it knows the C runtime);
/// tests supply a scripted fake.
public typealias SimulationFactory = @Sendable (ProgramSpec, SimulationSettings) throws -> any Simulation
