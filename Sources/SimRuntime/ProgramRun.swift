import Foundation
import SimKernel
import SimMemory
import Win32C

/// One C program running on one simulated machine: the `Simulation` that
/// `overlapped run`, the UI and the lessons drive.
///
/// Build one with `ProgramRun.make(sourcePath:settings:)` or
/// `make(source:fileName:settings:)`; step it (`stepEvent`,
/// `stepStatement`) or run it to the end (`runToEnd`). A value: copying it is
/// a snapshot, and stepping a copy leaves the original alone.
public struct ProgramRun: Simulation {
    /// The pane's title; the file name unless the caller names it ("Completion port").
    public var title: String
    public let sourceFiles: [SourceFile]
    public let settings: RunSettings
    /// The kernel as it is now (for tests and tools; views use `machine`).
    public private(set) var kernel: Kernel
    public private(set) var outcome: SimulationOutcome?
    /// The budget that stopped the run, when one did (the outcome is then a fault).
    public private(set) var budgetStop: RunBudget?
    let image: ProgramImage
    let processId: Int

    /// The name used in messages (`demo.c`).
    public var fileName: String { image.fileName }
    public var program: Program { image.program }

    // MARK: Making one

    /// Compiles `source` and sets up the machine its pragmas and `settings`
    /// describe, with the main thread ready to run.
    public static func make(source: [UInt8], fileName: String, settings: RunSettings = RunSettings()) throws(CompileFailure) -> ProgramRun {
        let source = CCompiler.withoutByteOrderMark(source)
        if source.contains(0) { throw CompileFailure(fileName: fileName, reason: .notText, source: source) }
        let result = CCompiler.compile(source: source, parameters: settings.parameters, fileName: fileName)
        guard let program = result.program else {
            throw CompileFailure(fileName: fileName, reason: .diagnostics(result.diagnostics), source: source)
        }
        return ProgramRun(program: program, fileName: fileName, text: String(decoding: source, as: UTF8.self), settings: settings)
    }

    public static func make(source: String, fileName: String, settings: RunSettings = RunSettings()) throws(CompileFailure) -> ProgramRun {
        try make(source: Array(source.utf8), fileName: fileName, settings: settings)
    }

    /// Reads and compiles the file at `sourcePath`. Messages name the file
    /// by the path as given, as compilers do; the title is its last component.
    public static func make(sourcePath: String, settings: RunSettings = RunSettings()) throws(CompileFailure) -> ProgramRun {
        let bytes: [UInt8]
        do {
            bytes = try readSource(sourcePath)
        } catch let failure {
            throw CompileFailure(fileName: sourcePath, reason: .unreadable(failure.message))
        }
        var run = try make(source: bytes, fileName: sourcePath, settings: settings)
        run.title = URL(fileURLWithPath: sourcePath).lastPathComponent
        return run
    }

    struct ReadFailure: Error { var message: String }

    static func readSource(_ path: String) throws(ReadFailure) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadFailure(message: "no such file")
        }
        if isDirectory.boolValue { throw ReadFailure(message: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadFailure(message: "permission denied or not a regular file")
        }
        return [UInt8](data)
    }

    init(program: Program, fileName: String, text: String, settings: RunSettings) {
        let configuration = MachineSetup.configuration(pragmas: program.pragmas, settings: settings)
        image = ProgramImage(program: program, fileName: fileName, text: text)
        title = fileName
        sourceFiles = [SourceFile(name: fileName, text: text)]
        self.settings = settings
        kernel = Kernel(configuration: configuration)
        var memory = Memory()
        var runtime = ProcessRuntime(maxStatements: settings.maxStatements, cpus: configuration.cpus)
        runtime.maxOutputBytes = settings.maxOutputBytes
        runtime.namesOverlappeds = settings.tracing
        runtime.library.commitLimit = settings.commitLimit
        runtime.chargeThreadStacks()
        // rand() runs on the simulation's seed: seed 1 (the default) gives
        // the sequence rand() starts with on Windows.
        runtime.library.randomState = UInt32(truncatingIfNeeded: configuration.seed)
        let main: VMThread
        do {
            main = try VMThread.main(program: program, memory: &memory)
        } catch {
            // The fixed layout of globals and the main stack did not fit.
            processId = kernel.createProcess(name: fileName, memory: memory)
            outcome = .fault(message: "\(fileName): runtime error: cannot load the program: \(error.description)")
            return
        }
        processId = kernel.createProcess(name: fileName, memory: memory)
        // Routine addresses by name, for the trace and the view's APC queues.
        for (index, function) in program.functions.enumerated() where index != program.startFunction {
            kernel.nameRoutine(at: program.functionAddress(index), function.name)
        }
        kernel.setProcessState(runtime.state, of: processId)
        kernel.createThread(process: processId, body: CThreadBody(image: image, vm: main, isMain: true), name: "main")
    }

    // MARK: Simulation

    /// The kernel's picture, with the program's own names added (see `ProgramRun+View`).
    public var machine: MachineView { named(kernel.view()) }

    /// Kernel actions so far, oldest first. Built from the kernel's trace on
    /// each access; `recentLog` converts only the tail.
    public var log: [LogEntry] {
        let names = kernel.threadNames()
        return kernel.trace.map { LogEntry(event: $0, threadNames: names) }
    }

    public var logCount: Int { kernel.trace.count }

    public var timelineSample: TimelineSample {
        TimelineSample(now: kernel.now, threads: kernel.threadStateSamples(), requestsCompleted: kernel.requestsCompleted)
    }

    public func recentLog(_ count: Int) -> [LogEntry] {
        let names = kernel.threadNames()
        return kernel.trace.suffix(max(0, count)).map { LogEntry(event: $0, threadNames: names) }
    }

    public var now: UInt64 { kernel.now }

    public var output: String { String(decoding: outputBytes, as: UTF8.self) }

    /// Exactly the bytes the program wrote to stdout.
    public var outputBytes: [UInt8] { runtimeState?.library.output ?? [] }

    /// Exactly the bytes the program wrote to stderr (`fprintf(stderr, …)`, a failed `assert`).
    public var errorOutputBytes: [UInt8] { runtimeState?.library.errorOutput ?? [] }

    var runtimeState: ProcessRuntime? { ProcessRuntime(kernel.processState(of: processId)) }

    /// Handles the next kernel event. With `runningAhead` (runs to the end,
    /// the bench) a thread that would only wait for its own CPU timer goes on
    /// in the same call: same trace and counters, fewer round trips (see
    /// `Kernel.step(runningAhead:)`).
    @discardableResult
    public mutating func stepEvent() -> Bool { stepEvent(runningAhead: false) }

    @discardableResult
    public mutating func stepEvent(runningAhead: Bool) -> Bool {
        guard outcome == nil else { return false }
        let more = kernel.step(runningAhead: runningAhead)
        settle(more: more)
        return outcome == nil
    }

    public mutating func nextEventTime() -> UInt64? {
        guard outcome == nil else { return nil }
        return kernel.nextLiveEventTime()
    }

    public mutating func setStatementThread(_ thread: Int?) {
        guard var state = runtimeState else { return }
        state.steppingThread = thread
        kernel.setProcessState(state.state, of: processId)
    }

    public var isPaused: Bool { kernel.isPaused }

    public mutating func setPausesAtStatements(_ pauses: Bool) {
        guard var state = runtimeState, state.pausesAtStatements != pauses else { return }
        state.pausesAtStatements = pauses
        kernel.setProcessState(state.state, of: processId)
    }

    /// The kernel trace since the last call, removed from the run (see `Kernel.takeTrace`).
    public mutating func takeTrace() -> [TraceEvent] { kernel.takeTrace() }

    /// Runs until the program ends (or faults, deadlocks, exceeds its budget).
    public mutating func runToEnd() {
        while outcome == nil {
            settle(more: kernel.step(runningAhead: true))
        }
    }

    // MARK: Progress

    public func statementMark(thread: Int) -> StatementMark? {
        guard let body = kernel.body(ofThread: thread) as? CThreadBody else {
            return StatementMark(statements: 0, location: nil, waiting: false, ended: true)
        }
        let (waiting, ended) = kernel.waitingOrEnded(thread: thread)
        return StatementMark(statements: body.statements, location: body.stack.first, waiting: waiting, ended: ended)
    }

    /// Decides the outcome after a kernel step.
    mutating func settle(more: Bool) {
        if let code = kernel.exitCode(ofProcess: processId) {
            outcome = .exited(code: Int32(code & 0xFF))
            return
        }
        if case .faulted(let thread, let message)? = kernel.halted {
            if runtimeState?.fault?.fault.kind == .statementBudget { budgetStop = .statements }
            outcome = .fault(message: faultReport(thread: thread, kernelMessage: message))
            return
        }
        if kernel.eventCount > settings.maxEvents {
            budgetStop = .kernelEvents
            outcome = .fault(message: budgetReport("kernel event budget exceeded (\(settings.maxEvents) events)"))
            return
        }
        if kernel.now > settings.maxVirtualMicroseconds {
            let seconds = settings.maxVirtualMicroseconds / 1_000_000
            budgetStop = .virtualTime
            outcome = .fault(message: budgetReport("virtual time budget exceeded (\(seconds) s of virtual time)"))
            return
        }
        guard !more else { return }
        if let report = kernel.deadlockReport() {
            outcome = .deadlock(message: deadlockReport(report))
        } else {
            // Nothing left to run and nobody waiting: every thread has ended.
            outcome = .exited(code: Int32((kernel.exitCode(ofProcess: processId) ?? 0) & 0xFF))
        }
    }
}
