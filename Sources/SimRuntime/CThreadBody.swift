import SimKernel
import SimMemory
import Win32C

/// A simulated thread running C code: a `VMThread` the kernel steps.
///
/// The body runs the VM in chunks of statements and reports the CPU time
/// they cost in bulk (`RuntimeCosts`); C library calls that need no kernel
/// run inside the body without a kernel round trip; Win32 calls become
/// kernel `Service`s and the VM waits for their result. A plain value: the
/// kernel copies it with the rest of the machine.
struct CThreadBody: ThreadBody {
    let image: ProgramImage
    var vm: VMThread
    /// Returning from the main thread's entry ends the process.
    let isMain: Bool
    /// CPU time used and not yet charged, in ns.
    var debtNanoseconds: Int64 = 0
    /// The statement budget a pause interrupted (see `run`), if the body is paused.
    var pausedSegment: StatementSegment?
    /// A step to report once the debt has been charged with `.computed`.
    var deferred: ThreadStep?
    /// How the next `.resume` becomes the C call's return value.
    var resumption: Resumption = .value
    /// The thread's last-error value, as the kernel holds it whenever the C
    /// code runs: 0 at the start, then what every service result carries.
    /// The kernel changes a thread's last error only inside that thread's
    /// own services and waits, whose results all reach the body, so
    /// `GetLastError` reads this (as Windows reads the thread's TEB) instead
    /// of calling the kernel.
    var lastError: UInt32 = 0

    /// How a service result turns into the value the C code sees.
    enum Resumption: Sendable, Equatable {
        /// The service's return value as is.
        case value
        /// A value decided before the service ran (the service was `SetLastError`).
        case fixed(UInt64)
        /// `GetFileSize` built on `GetFileSizeEx` into the scratch slot.
        case fileSize(highOut: UInt64, scratch: UInt64)
        /// `SetFilePointer` built on `SetFilePointerEx` into the scratch slot.
        case filePointer(highOut: UInt64, scratch: UInt64)
        /// A new object's handle: name the object for the view, then return the handle.
        case label(String)
        /// A lock's kernel object was created: store its handle at the
        /// address (a `CRITICAL_SECTION` or `SRWLOCK`), return the value.
        case storeHandle(at: UInt64, returning: UInt64, label: String?)
        /// A zero-timeout wait: TRUE when it acquired the object.
        case waitSucceeded
        /// Perform the call again (another thread was creating a lock's object).
        case retry(ExternalCall)
        /// `GetTempFileName` created its file: close the handle, return the number.
        case closeCreated(returning: UInt64)
        /// `time()` from the tick count: seconds since 1970, also stored at the address (unless NULL).
        case unixTime(out: UInt64)
    }

    init(image: ProgramImage, vm: VMThread, isMain: Bool) {
        self.image = image
        self.vm = vm
        self.isMain = isMain
    }

    var stack: [CodeLocation] {
        let program = image.program
        let start = program.startFunction < program.functions.count ? program.functions[program.startFunction].name : ""
        // The synthetic entry that runs global initializers is not the program's code.
        return vm.callStack(program: program).filter { $0.function != start }
            .map { image.codeLocation($0.location, function: $0.function) }
    }

    /// Where the thread is; once it has ended, where it left: a thread
    /// function's `return`, or `main`'s name (the start code that called it
    /// is not the program's). Not tracked as it runs: the VM's dispatch
    /// loop stays as it is.
    var lastLocation: CodeLocation? {
        if let here = stack.first { return here }
        return image.codeLocation(vm.currentLocation(program: image.program), function: "")
    }

    /// Statements this thread has executed.
    var statements: Int { vm.statementsExecuted }

    mutating func step(_ input: ThreadInput, context: inout ThreadContext) -> ThreadStep {
        // Moved out and back so the C library's tables stay uniquely owned.
        var runtime = ProcessRuntime(taking: &context.processState)
        defer { context.processState = runtime.state }
        switch input {
        case .start:
            break
        case .proceed:
            if let step = deferred {
                deferred = nil
                return step
            }
            return run(&context, &runtime, atStatementBoundary: true)
        case .resume(let result):
            lastError = result.lastError
            if case .label(let text) = resumption {
                resumption = .fixed(result.value)
                if result.value != 0 && result.value != Win32.INVALID_HANDLE_VALUE {
                    return .call(.labelObject(handle: result.value, label: text))
                }
            }
            if let next = continueChain(result, &context, &runtime) { return next }
            let value = resumeValue(result, memory: &context.memory)
            resumption = .value
            vm.resume(returning: value)
        case let .runAPC(routine, arguments):
            if let fault = vm.pushNestedCall(program: image.program, functionAddress: routine, arguments: arguments,
                                             memory: &context.memory) {
                return report(fault, &runtime, thread: context.threadId)
            }
        }
        // A new thread, a call returning into the middle of its statement and
        // an APC routine about to start are not at a statement boundary.
        return run(&context, &runtime, atStatementBoundary: false)
    }

    /// Runs the VM until the thread needs the kernel.
    ///
    /// While the thread is being stepped statement by statement, or its
    /// process pauses at statements (a lesson testing its conditions), a run
    /// from a statement boundary executes one statement and a run from inside
    /// a statement (after a call returned) only finishes it; then the body
    /// answers `.paused`. A pause costs no time and splits nothing else: the
    /// run goes on afterwards with the rest of the same statement budget, so
    /// times, counters and trace are those of a run that never paused.
    mutating func run(_ context: inout ThreadContext, _ runtime: inout ProcessRuntime,
                      atStatementBoundary: Bool) -> ThreadStep {
        // `image.program` is read where it is used, never bound to a local:
        // a local copy of the `Program` struct retained and released each of
        // its tables on every step.
        let image = self.image
        let pausing = runtime.steppingThread == context.threadId || runtime.pausesAtStatements
        let lastError = self.lastError
        let processId = context.processId
        var first = atStatementBoundary
        // Calls answered inside the VM are accounted here (the body itself
        // is not reachable while its VM runs) and added after the run.
        var answeredDebt: Int64 = 0
        // A C library call done inside the VM whose outcome needs a step.
        var stashed: CLibraryResult?
        var resumed = pausedSegment
        pausedSegment = nil
        while true {
            let left = max(0, runtime.maxStatements - runtime.statements)
            var segment = resumed ?? StatementSegment(budget: min(RuntimeCosts.chunkStatements, left + 1))
            resumed = nil
            let budget = pausing ? min(first ? 1 : 0, segment.remaining) : segment.remaining
            first = false
            let stop = VM.run(&vm, program: image.program, memory: &context.memory, budget: budget,
                              offering: image.answerableInPlace) { external, arguments, memory, ran in
                guard let (value, cost) = CThreadBody.answerInPlace(external, arguments, image: image, lastError: lastError,
                                                                     processId: processId, memory: &memory,
                                                                     runtime: &runtime, stashed: &stashed)
                else { return .stop }
                // Exactly what a stop, the call and a new run would have done.
                runtime.statements += ran
                answeredDebt += Int64(ran) * Int64(RuntimeCosts.statementNanoseconds) + cost
                let left = max(0, runtime.maxStatements - runtime.statements)
                segment = StatementSegment(budget: min(RuntimeCosts.chunkStatements, left + 1))
                return .value(value, budget: pausing ? 0 : segment.budget)
            }
            let ran = vm.lastRunStatements
            segment.used += ran
            runtime.statements += ran
            debtNanoseconds += answeredDebt + Int64(ran) * Int64(RuntimeCosts.statementNanoseconds)
            answeredDebt = 0
            // Checked after every run, not only when the chunk ran out: an
            // APC or completion routine that calls the kernel after a few
            // statements (one that re-queues itself) never uses a whole chunk.
            if runtime.statements > runtime.maxStatements {
                let fault = RuntimeFault(kind: .statementBudget,
                                         message: "statement budget exceeded (\(runtime.maxStatements) statements)",
                                         location: vm.currentLocation(program: image.program), function: currentFunction)
                return report(fault, &runtime, thread: context.threadId)
            }
            switch stop {
            case .budgetExhausted:
                if pausing && segment.remaining > 0 {
                    pausedSegment = segment
                    return .paused
                }
                guard debtNanoseconds >= 1000 else { return .computed(0) }
                let us = debtNanoseconds / 1000
                debtNanoseconds %= 1000
                return .computed(UInt64(us))
            case .external(let call):
                if let result = stashed {
                    stashed = nil
                    // A call that released pending I/O's memory (free): the warning names its line.
                    if context.memory.hasWatchHits { let at = call.location(in: image.program); context.memory.locateWatchHits(line: at.line, column: at.column) }
                    debtNanoseconds += Int64(RuntimeCosts.libraryCallNanoseconds)
                    if let step = finishLibraryCall(result, call, &runtime, thread: context.threadId) { return step }
                } else if let step = perform(call, &context, &runtime) {
                    return step
                }
            case .returned(let value):
                let code = UInt32(truncatingIfNeeded: value)
                if !isMain {
                    runtime.endedThreadNumbers.append(vm.threadNumber)
                    runtime.chargeThreadStacks()
                }
                return charged(isMain ? .call(.exitProcess(code: code)) : .exited(code))
            case .nestedCallReturned:
                return .apcReturned
            case .fault(let fault):
                return report(fault, &runtime, thread: context.threadId)
            }
        }
    }

    /// Reports `step` after charging the CPU time used so far (whole µs).
    mutating func charged(_ step: ThreadStep) -> ThreadStep {
        guard debtNanoseconds >= 1000 else { return step }
        let us = debtNanoseconds / 1000
        debtNanoseconds %= 1000
        deferred = step
        return .computed(UInt64(us))
    }

    /// Records the first fault of the process and stops the machine.
    func report(_ fault: RuntimeFault, _ runtime: inout ProcessRuntime, thread: Int) -> ThreadStep {
        if runtime.fault == nil { runtime.fault = RecordedFault(thread: thread, fault: fault) }
        return .faulted(fault.rendered(fileName: image.fileName))
    }

    var currentFunction: String {
        guard let frame = vm.frames.last, Int(frame.function) < image.program.functions.count else { return "" }
        return image.program.functions[Int(frame.function)].name
    }

    func resumeValue(_ result: ServiceResult, memory: inout Memory) -> UInt64 {
        switch resumption {
        case .value:
            return result.value
        case .fixed(let value):
            return value
        case .label:
            return result.value
        case .storeHandle(_, let returning, _), .closeCreated(let returning):
            return returning
        case .waitSucceeded:
            return result.value == 0 || result.value == 0x80 ? 1 : 0
        case .retry:
            return result.value
        case .unixTime(let out):
            let seconds = CThreadBody.unixTimeAtBoot + result.value / 1000
            if out != 0 { try? memory.storeUInt64(seconds, at: out) }
            return seconds
        case let .fileSize(highOut, scratch):
            guard result.succeeded, let size = try? memory.loadUInt64(scratch) else { return 0xFFFF_FFFF }
            if highOut != 0 { try? memory.storeUInt32(UInt32(truncatingIfNeeded: size >> 32), at: highOut) }
            return size & 0xFFFF_FFFF
        case let .filePointer(highOut, scratch):
            guard result.succeeded, let position = try? memory.loadUInt64(scratch) else { return 0xFFFF_FFFF }
            if highOut != 0 { try? memory.storeUInt32(UInt32(truncatingIfNeeded: position >> 32), at: highOut) }
            return position & 0xFFFF_FFFF
        }
    }
}

/// One stretch of statements the VM may run before the body reports CPU time
/// (`RuntimeCosts.chunkStatements`, or what is left of the budget), and how
/// many of them have run.
struct StatementSegment: Sendable, Equatable {
    var budget: Int
    var used = 0
    var remaining: Int { max(0, budget - used) }
}
