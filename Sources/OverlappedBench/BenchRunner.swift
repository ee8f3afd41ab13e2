import AppCore
import Foundation
import SimKernel
import SimRuntime

/// Runs the workloads of `overlapped bench` and measures them.
public struct BenchRunner {
    var quick: Bool
    /// Whether the kernel watches pending I/O for misuse warnings (off only
    /// to measure what that costs).
    var watchesPendingIO: Bool
    var progress = BenchProgress()
    /// Builds the default Compare scenario's simulations, as the command
    /// line does (the render and stepping workloads draw and step them).
    let makeStandardCompare: () throws -> [any Simulation]

    public init(quick: Bool, watchesPendingIO: Bool = true, makeStandardCompare: @escaping () throws -> [any Simulation]) {
        self.quick = quick
        self.watchesPendingIO = watchesPendingIO
        self.makeStandardCompare = makeStandardCompare
    }

    public mutating func run(_ workload: BenchWorkload) -> BenchResult {
        progress.begin(workload.rawValue)
        defer { progress.end() }
        ResidentMemory.resetPeak()
        var result: BenchResult
        switch workload {
        case .iocpServer, .filecopy, .apcStorm, .wfmo64, .vm:
            result = runProgram(workload)
        case .scale:
            result = runScale()
        case .render:
            result = runRender()
        case .compareStep:
            result = runCompareStep()
        case .startup:
            result = runStartup()
        case .soak:
            result = runSoak()
        }
        result.peakRSSBytes = ResidentMemory.peakBytes()
        return result
    }

    // MARK: C programs

    mutating func runProgram(_ workload: BenchWorkload) -> BenchResult {
        var result = BenchResult(name: workload.rawValue)
        let parameters = quick ? workload.quickParameters : [:]
        var settings = RunSettings(parameters: parameters, maxStatements: Int.max / 2, tracing: false, maxEvents: Int.max / 2)
        settings.watchesPendingIO = watchesPendingIO
        var simulation: ProgramRun
        do {
            simulation = try ProgramRun.make(source: workload.program ?? "", fileName: "\(workload.rawValue).c",
                                             settings: settings)
        } catch {
            result.ok = false
            result.problem = error.rendered
            return result
        }
        let expected = Double(workload.expectedVirtualMicroseconds) * (quick ? 0.01 : 1)
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.threadCPUSeconds()
        var steps = 0
        while simulation.stepEvent(runningAhead: true) {
            steps &+= 1
            if steps & 0xFFF == 0 {
                progress.update(expected > 0 ? Double(simulation.now) / expected : 0,
                                note: "t=\(simulation.now / 1000) ms")
            }
        }
        result.wallTimeSeconds = start.duration(to: clock.now).seconds
        result.cpuTimeSeconds = Self.threadCPUSeconds() - cpuStart
        let counters = simulation.kernel.view().counters
        result.kernelEvents = counters.kernelEvents
        result.vmStatements = simulation.statements
        result.virtualTimeUs = simulation.now
        switch workload {
        case .iocpServer: result.simulatedRequests = Int(parameters["REQUESTS"] ?? 200_000)
        case .apcStorm, .wfmo64: result.simulatedRequests = Int(parameters["COMPLETIONS"] ?? 100_000)
        case .filecopy: result.simulatedRequests = counters.requestsCompleted
        default: break
        }
        if simulation.outcome != .exited(code: 0) {
            result.ok = false
            result.problem = "the program ended with \(String(describing: simulation.outcome))"
        } else if let warning = simulation.kernel.misuseWarnings.first {
            result.ok = false
            result.problem = "the program misuses the API: \(warning.diagnostic)"
        } else if let want = workload.expectedOutput(parameters), simulation.output != want {
            result.ok = false
            result.problem = "unexpected output: \(simulation.output)"
        }
        switch workload {
        case .iocpServer, .apcStorm, .wfmo64, .filecopy:
            result.summary = String(format: "%.0f requests/s", result.requestsPerSecond)
        case .vm:
            result.summary = String(format: "%.1f M statements/s", result.statementsPerSecond / 1e6)
        default: break
        }
        return result
    }

    // MARK: scale

    mutating func runScale() -> BenchResult {
        let workload = quick ? ScaleWorkload(threads: 1_000, readsPerThread: 10)
                             : ScaleWorkload(threads: 10_000, readsPerThread: 10)
        var result = BenchResult(name: BenchWorkload.scale.rawValue)
        var (kernel, process) = workload.makeKernel(watchesPendingIO: watchesPendingIO)
        let clock = ContinuousClock()
        var steps = 0
        // Wall time per step includes the moments the OS gives the CPU to
        // another process (a busy machine); CPU time per step does not.
        var slowestWall = Duration.zero
        var slowestCPU: Double = 0
        var cpuPerStep: [Double] = []
        cpuPerStep.reserveCapacity(1 << 20)
        let start = clock.now
        var cpuBefore = Self.threadCPUSeconds()
        let cpuStart = cpuBefore
        while kernel.exitCode(ofProcess: process) == nil {
            let before = clock.now
            let more = kernel.step()
            let took = before.duration(to: clock.now)
            let cpuNow = Self.threadCPUSeconds()
            let cpu = cpuNow - cpuBefore
            cpuBefore = cpuNow
            cpuPerStep.append(cpu)
            if took > slowestWall { slowestWall = took }
            if cpu > slowestCPU { slowestCPU = cpu }
            steps += 1
            if steps & 0xFFF == 0 { progress.update(Double(dequeued(kernel, process)) / Double(workload.totalRequests), note: "\(steps) steps") }
            if !more { break }
        }
        let wall = start.duration(to: clock.now)
        result.wallTimeSeconds = wall.seconds
        result.cpuTimeSeconds = Self.threadCPUSeconds() - cpuStart
        let counters = kernel.view().counters
        result.kernelEvents = counters.kernelEvents
        result.virtualTimeUs = kernel.now
        result.simulatedRequests = counters.requestsCompleted
        let meanMs = steps > 0 ? wall.seconds * 1000 / Double(steps) : 0
        cpuPerStep.sort()
        let p999 = cpuPerStep.isEmpty ? 0 : cpuPerStep[min(cpuPerStep.count - 1, cpuPerStep.count * 999 / 1000)]
        result.extra = [("threads", Double(workload.threads)), ("requests_outstanding", Double(workload.totalRequests)),
                        ("kernel_steps", Double(steps)), ("ms_per_step", meanMs),
                        ("p999_cpu_ms_per_step", p999 * 1000), ("max_cpu_ms_per_step", slowestCPU * 1000),
                        ("max_ms_per_step", slowestWall.seconds * 1000)]
        if kernel.exitCode(ofProcess: process) != 0 || counters.requestsCompleted < workload.totalRequests {
            result.ok = false
            result.problem = "the run ended with \(counters.requestsCompleted) of \(workload.totalRequests) requests completed"
        }
        result.summary = String(format: "%.4f ms/step; slowest %.2f ms CPU, %.2f ms wall", meanMs, slowestCPU * 1000,
                                slowestWall.seconds * 1000)
        return result
    }

    /// Completions the workers have dequeued so far (their shared counter).
    func dequeued(_ kernel: Kernel, _ process: Int) -> Int {
        guard var memory = kernel.memory(of: process) else { return 0 }
        return Int((try? memory.loadUInt64(ScaleWorkload.dataBase)) ?? 0)
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The default Compare scenario's four programs; nil (with the result
    /// marked failed) when they cannot be built.
    func standardCompare(_ result: inout BenchResult) -> [any Simulation]? {
        do {
            return try makeStandardCompare()
        } catch {
            result.ok = false
            result.problem = String(describing: error)
            return nil
        }
    }

    // MARK: render

    mutating func runRender() -> BenchResult {
        var result = BenchResult(name: BenchWorkload.render.rawValue)
        guard let simulations = standardCompare(&result) else { return result }
        let frames = quick ? 50 : 2_000
        let measured = RenderBenchmark.renderCompare(simulations: simulations, labels: Scenario.standard.panes.map(\.label),
                                                     frames: frames)
        result.wallTimeSeconds = measured.total.seconds
        let msPerFrame = measured.perFrameMicroseconds / 1000
        result.extra = [("frames", Double(frames)), ("ms_per_frame", msPerFrame),
                        ("frames_per_s", msPerFrame > 0 ? 1000 / msPerFrame : 0)]
        result.summary = String(format: "%.3f ms/frame (%.0f frames/s) at 200×60", msPerFrame, msPerFrame > 0 ? 1000 / msPerFrame : 0)
        return result
    }

    // MARK: compare-step

    mutating func runCompareStep() -> BenchResult {
        var result = BenchResult(name: BenchWorkload.compareStep.rawValue)
        guard let simulations = standardCompare(&result) else { return result }
        let clock = ContinuousClock()
        let start = clock.now
        // CPU time per step: the moments the OS gives the CPU to another process do not count.
        let measured = StepBenchmark.stepCompare(simulations: simulations, labels: Scenario.standard.panes.map(\.label),
                                                 seconds: Self.threadCPUSeconds)
        result.wallTimeSeconds = start.duration(to: clock.now).seconds
        result.virtualTimeUs = measured.finalClock
        let e = measured.events, t = measured.statements, b = measured.back
        result.extra = [("event_steps", Double(e.count)), ("ms_per_event_step", e.meanMilliseconds),
                        ("max_ms_per_event_step", e.slowestMilliseconds),
                        ("statement_steps", Double(t.count)), ("ms_per_statement_step", t.meanMilliseconds),
                        ("max_ms_per_statement_step", t.slowestMilliseconds),
                        ("back_steps", Double(b.count)), ("ms_per_back_step", b.meanMilliseconds),
                        ("max_ms_per_back_step", b.slowestMilliseconds)]
        result.summary = String(format: "CPU per step: s %.3f ms (max %.2f), t %.3f ms (max %.2f), b %.3f ms (max %.2f)",
                                e.meanMilliseconds, e.slowestMilliseconds, t.meanMilliseconds, t.slowestMilliseconds,
                                b.meanMilliseconds, b.slowestMilliseconds)
        return result
    }

    // MARK: startup

    mutating func runStartup() -> BenchResult {
        var result = BenchResult(name: BenchWorkload.startup.rawValue)
        let runs = quick ? 2 : 10
        let clock = ContinuousClock()
        let start = clock.now
        var versions: [Double] = []
        for i in 0..<runs {
            progress.update(Double(i) / Double(runs * 2), note: "--version")
            if let t = StartupProbe.timeToExit(["--version"]) { versions.append(t) }
        }
        var homes: [Double] = [], compares: [Double] = []
        for i in 0..<runs {
            progress.update(0.5 + Double(i) / Double(runs * 2), note: "first frame")
            if let t = StartupProbe.timeToFirstFrame([], marker: "Playground") { homes.append(t) }
            if let t = StartupProbe.timeToFirstFrame(["compare"], marker: "Completion port") { compares.append(t) }
        }
        result.wallTimeSeconds = start.duration(to: clock.now).seconds
        let version = Self.median(versions) * 1000
        let home = Self.median(homes) * 1000
        let compare = Self.median(compares) * 1000
        result.extra = [("runs", Double(runs)), ("version_ms", version), ("first_frame_home_ms", home),
                        ("first_frame_compare_ms", compare)]
        if versions.isEmpty || homes.isEmpty || compares.isEmpty {
            result.ok = false
            result.problem = "could not spawn the binary on a pseudo-terminal (\(versions.count)/\(homes.count)/\(compares.count) runs measured)"
        }
        result.summary = String(format: "--version %.1f ms, first frame %.1f ms (home) %.1f ms (compare)", version, home, compare)
        return result
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
