import AppCore
import ArgumentParser
import Foundation
import LessonKit
import SimRuntime
import Win32C

/// `overlapped run FILE.c`: runs a Win32 C program on the simulated kernel.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Win32 C program on the simulated kernel.",
        discussion: """
            On a terminal the program opens in the Playground: step it event by event or \
            statement by statement and watch the kernel. Headless (with --headless, or when \
            stdout is not a terminal) it runs to its end: stdout gets exactly what it printed \
            and the exit status is main's return value mod 256. --trace writes the kernel \
            trace and --stats a JSON object of metrics to stderr (headless runs). Same \
            program, seed and options give byte-identical output.

            --narrate tells the run in plain sentences, one per kernel event, with the \
            program's own names (thread descriptions, OVERLAPPED expressions) and no terminal \
            control, then prints the program's output: for screen readers and logs. On a \
            terminal, --record FILE keeps the Playground session for 'overlapped replay FILE'.

            FILE may also name a built-in sample program (e.g. method4-iocp.c) when no such \
            file exists.

            EXIT STATUS
              0-255  main's return value (mod 256), or ExitProcess/exit's argument
              64     bad command line
              66     the file is missing, unreadable, or not text
              101    compile errors (each printed as FILE:LINE:COL: error: with a caret),
                     including a call to a function not in the simulated library
              102    runtime fault (NULL or wild pointer, division by zero, stack
                     overflow, bad function pointer)
              103    deadlock: every thread blocked with nothing pending to wake one
              104    a budget exceeded: statements (--max-statements), kernel events
                     (--max-events) or virtual time (--max-virtual-seconds); the
                     message names which
              105    with --warnings-as-errors: the program ran to its end but
                     misused the API (each printed as FILE:LINE:COL: warning: ... [KIND])

            QUOTAS (--limit NAME=VALUE changes one)
              handles       250,000 open handles per process; then creating calls
                            fail with ERROR_NO_SYSTEM_RESOURCES (1450)
              apcs          250,000 queued user APCs (all threads); then QueueUserAPC
                            fails with ERROR_NOT_ENOUGH_MEMORY (8)
              packets       250,000 posted packets queued (all ports); then
                            PostQueuedCompletionStatus fails with ERROR_NO_SYSTEM_RESOURCES
              disk-free-mb  256 MiB free on the volume beyond the starting files; then
                            writes and SetEndOfFile fail with ERROR_DISK_FULL (112)
              commit-mb     512 MiB of VirtualAlloc and thread stacks (1 MiB per live
                            thread); then VirtualAlloc returns NULL with
                            ERROR_COMMITMENT_LIMIT (1455), CreateThread fails
                            with ERROR_NOT_ENOUGH_MEMORY (8)

            VIRTUAL CPU COSTS
            \(RuntimeCosts.table)
            Statements run in chunks of 10,000 (100 us) between charges; threads on \
            different CPUs interleave at chunk boundaries and at every Win32 call.
            """)

    @Argument(help: "The C program to run.")
    var file: String

    @Flag(help: "Run to the end without the interactive view.")
    var headless = false

    @Flag(help: "Exit with status 105 when the program misused the API (headless runs; warnings go to stderr).")
    var warningsAsErrors = false

    @Flag(help: "Write the kernel trace to stderr (one line per kernel action).")
    var trace = false

    @Flag(help: "Write end-of-run metrics to stderr as one JSON object.")
    var stats = false

    @Option(help: "Random seed (overrides #pragma sim seed).")
    var seed: UInt64?

    @Option(help: "Number of simulated processors, 1-64 (overrides #pragma sim cpus).")
    var cpus: Int?

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a program constant (overrides #pragma sim param).",
                                                           valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Flag(help: "Tell the run in plain sentences on stdout, one per kernel event (for screen readers and logs); the program's own output follows.")
    var narrate = false

    @Flag(help: "Print the compiled bytecode instead of running.")
    var disassemble = false

    @Option(help: "Stop with a runtime error after this many statements (all threads).")
    var maxStatements = RunSettings.defaultMaxStatements

    @Option(help: "Stop with a runtime error after this many kernel events.")
    var maxEvents = RunSettings.defaultMaxEvents

    @Option(help: "Stop with a runtime error once virtual time passes this many seconds.")
    var maxVirtualSeconds = RunSettings.defaultMaxVirtualSeconds

    @Option(name: .customLong("limit"), help: ArgumentHelp(
        "Change a quota: handles, apcs, packets (counts), disk-free-mb, commit-mb (MiB).", valueName: "NAME=VALUE"))
    var limits: [String] = []

    @OptionGroup var ui: UIOptionGroup

    @OptionGroup var recordOption: RecordOption

    func validate() throws {
        if let cpus, !(1...64).contains(cpus) { throw ValidationError("--cpus must be between 1 and 64") }
        if recordOption.record != nil && (headless || narrate) {
            throw ValidationError("--record records the screen: it cannot go with --headless or --narrate")
        }
        if maxStatements < 1 { throw ValidationError("--max-statements must be at least 1") }
        if maxEvents < 1 { throw ValidationError("--max-events must be at least 1") }
        if maxVirtualSeconds < 1 || maxVirtualSeconds > 1 << 40 {
            throw ValidationError("--max-virtual-seconds must be between 1 and \(1 << 40)")
        }
        if narrate && trace { throw ValidationError("--narrate and --trace both tell the run: choose one") }
        _ = try parsedParameters()
        _ = try parsedLimits(RunSettings())
    }

    /// `settings` with every `--limit NAME=VALUE` applied.
    func parsedLimits(_ settings: RunSettings) throws -> RunSettings {
        var settings = settings
        for item in limits {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Int(parts[1]), value >= 0, value <= 1 << 40 else {
                throw ValidationError("--limit expects NAME=COUNT (0...\(1 << 40)), got '\(item)'")
            }
            switch parts[0] {
            case "handles": settings.limits.handlesPerProcess = value
            case "apcs": settings.limits.queuedUserAPCs = value
            case "packets": settings.limits.queuedPostedPackets = value
            case "disk-free-mb": settings.limits.volumeFreeBytes = UInt64(value) << 20
            case "commit-mb": settings.commitLimit = UInt64(value) << 20
            default:
                throw ValidationError("--limit: unknown quota '\(parts[0])' (handles, apcs, packets, disk-free-mb, commit-mb)")
            }
        }
        return settings
    }

    func parsedParameters() throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for p in parameters {
            let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let value = Int64(parts[1]) else {
                throw ValidationError("--param expects NAME=INTEGER, got '\(p)'")
            }
            result[String(parts[0])] = value
        }
        return result
    }

    func run() throws {
        let wantsTerminal = !headless && isatty(STDOUT_FILENO) != 0
        let interactive = wantsTerminal && InteractiveUI.isInteractive && !narrate
        // The Playground's event log is the kernel trace, so it is always on there.
        var settings = try parsedLimits(RunSettings(seed: seed, cpus: cpus, parameters: try parsedParameters(), maxStatements: maxStatements,
                                   tracing: trace || interactive || narrate, maxEvents: maxEvents,
                                   maxVirtualSeconds: maxVirtualSeconds))
        // On screen the log keeps the newest events only, so a long session stays in bounded memory.
        if interactive { settings.traceLimit = RunSettings.screenTraceLimit }
        var simulation: ProgramRun
        do {
            if !FileManager.default.fileExists(atPath: file), let text = LessonLibrary.builtinProgram(named: file) {
                simulation = try ProgramRun.make(source: text, fileName: file, settings: settings)
            } else {
                simulation = try ProgramRun.make(sourcePath: file, settings: settings)
            }
        } catch {
            StandardStreams.error(error.rendered)
            throw ExitCode(error.isInputError ? RunExitStatus.inputError : RunExitStatus.compileError)
        }
        if disassemble {
            StandardStreams.output(Array(Disassembler.text(simulation.program).utf8))
            return
        }
        if narrate {
            simulation = NarrationPrinter().tell([NarratedRun(simulation)]).first?.run ?? simulation
        } else if wantsTerminal {
            if interactive {
                let options = ui.resolved(environment: ProcessInfo.processInfo.environment)
                let recording = recordOption.record.map { RecordingTarget(path: $0, start: RecordingStarts.run(simulation, settings: settings)) }
                let status = InteractiveUI.playground(simulation, caption: simulation.fileName, options: options, recording: recording)
                if status != 0 { throw ExitCode(status) }
                return
            }
            StandardStreams.error("overlapped: stdin is not a terminal; running headless\n")
            if recordOption.record != nil { StandardStreams.error("overlapped: nothing recorded (--record needs the screen)\n") }
        }
        if narrate {
            // Told already.
        } else if trace {
            // Streamed as the run goes: a long run holds no trace history,
            // and a run that is killed has printed what it did so far.
            while simulation.stepEvent(runningAhead: true) {
                if simulation.kernel.trace.count >= 4096 { StandardStreams.error(simulation.takeTrace().text) }
            }
            StandardStreams.error(simulation.takeTrace().text)
        } else {
            simulation.runToEnd()
        }
        StandardStreams.output(simulation.outputBytes)
        StandardStreams.error(String(decoding: simulation.errorOutputBytes, as: UTF8.self))
        let warnings = simulation.kernel.misuseWarnings
        StandardStreams.error(warnings.map { $0.diagnostic + "\n" }.joined())
        var status: Int32 = 0
        switch simulation.outcome {
        case .exited(let code)?:
            status = warningsAsErrors && !warnings.isEmpty ? RunExitStatus.misuseWarnings : code & 0xFF
        case .fault(let message)?:
            StandardStreams.error(message + "\n")
            status = simulation.budgetStop != nil ? RunExitStatus.budget : RunExitStatus.runtimeFault
        case .deadlock(let message)?:
            StandardStreams.error(message + "\n")
            status = RunExitStatus.deadlock
        case nil:
            status = RunExitStatus.runtimeFault
        }
        if stats { StandardStreams.error(simulation.statsJSON + "\n") }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The documented exit statuses of `overlapped run` besides the program's own.
enum RunExitStatus {
    static let usage: Int32 = 64
    static let inputError: Int32 = 66
    static let compileError: Int32 = 101
    static let runtimeFault: Int32 = 102
    static let deadlock: Int32 = 103
    static let budget: Int32 = 104
    static let misuseWarnings: Int32 = 105
}

/// Unbuffered writes of exact bytes to stdout and stderr.
enum StandardStreams {
    static func output(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
