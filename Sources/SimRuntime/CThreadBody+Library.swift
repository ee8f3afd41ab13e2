import SimKernel
import SimMemory
import Win32C

/// The library: every external call a program makes, mapped to the pure C
/// library, a kernel service, or a value the runtime knows itself.
extension CThreadBody {
    /// Performs `call`. Returns nil when the VM can go on at once (the
    /// result has been supplied), otherwise the step to report.
    mutating func perform(_ call: ExternalCall, _ context: inout ThreadContext,
                          _ runtime: inout ProcessRuntime) -> ThreadStep? {
        // Read where the VM left them: copying all of them costs more than
        // the few each call reads.
        func arg(_ i: Int) -> UInt64 { self.vm.argument(i, of: call) }
        func u32(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: arg(i)) }
        func i32(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: arg(i)) }
        func bool(_ i: Int) -> Bool { u32(i) != 0 }

        if let function = image.cLibraryFunction(call.index) {
            debtNanoseconds += Int64(RuntimeCosts.libraryCallNanoseconds)
            let result = CLibrary.call(function, vm.arguments(of: call), memory: &context.memory, process: &runtime.library)
            return finishLibraryCall(result, call, &runtime, thread: context.threadId)
        }

        /// A service whose result is the C call's result.
        func service(_ s: Service) -> ThreadStep { charged(.call(s)) }

        let libraryCall = image.libraryCall(call.index)
        switch libraryCall {
        // MARK: Files
        case .CreateFileA, .CreateFileW, .CreateFile:
            guard let path = string(arg(0), wide: libraryCall == .CreateFileW, &context.memory) else {
                return failAtOnce(Win32.INVALID_HANDLE_VALUE, error: arg(0) == 0 ? 3 : Win32.ERROR_NOACCESS)
            }
            return service(.createFile(path: path, access: u32(1), shareMode: u32(2), disposition: u32(4),
                                       flags: u32(5), template: arg(6)))
        case .ReOpenFile:
            return service(.reOpenFile(handle: arg(0), access: u32(1), shareMode: u32(2), flags: u32(3)))
        case .DuplicateHandle:
            return service(.duplicateHandle(sourceProcess: arg(0), source: arg(1), targetProcess: arg(2), targetOut: arg(3),
                                            access: u32(4), inherit: bool(5), options: u32(6)))
        case .CloseHandle:
            return service(.closeHandle(arg(0)))
        case .ReadFile:
            nameOverlapped(call, "ReadFile", argument: 4, address: arg(4), &runtime)
            return service(.readFile(handle: arg(0), buffer: arg(1), length: u32(2), bytesOut: arg(3), overlapped: arg(4)))
        case .WriteFile:
            nameOverlapped(call, "WriteFile", argument: 4, address: arg(4), &runtime)
            return service(.writeFile(handle: arg(0), buffer: arg(1), length: u32(2), bytesOut: arg(3), overlapped: arg(4)))
        case .ReadFileEx:
            nameOverlapped(call, "ReadFileEx", argument: 3, address: arg(3), &runtime)
            return service(.readFileEx(handle: arg(0), buffer: arg(1), length: u32(2), overlapped: arg(3), routine: arg(4)))
        case .WriteFileEx:
            nameOverlapped(call, "WriteFileEx", argument: 3, address: arg(3), &runtime)
            return service(.writeFileEx(handle: arg(0), buffer: arg(1), length: u32(2), overlapped: arg(3), routine: arg(4)))
        case .GetOverlappedResult:
            return service(.getOverlappedResult(handle: arg(0), overlapped: arg(1), bytesOut: arg(2), wait: bool(3)))
        case .GetOverlappedResultEx:
            return service(.getOverlappedResultEx(handle: arg(0), overlapped: arg(1), bytesOut: arg(2), timeout: u32(3),
                                                  alertable: bool(4)))
        case .CancelIo:
            return service(.cancelIo(handle: arg(0)))
        case .CancelIoEx:
            return service(.cancelIoEx(handle: arg(0), overlapped: arg(1)))
        case .GetFileSizeEx:
            return service(.getFileSizeEx(handle: arg(0), sizeOut: arg(1)))
        case .GetFileSize:
            guard let scratch = scratchSlot(&context.memory, &runtime) else { return failAtOnce(0xFFFF_FFFF, error: 8) }
            resumption = .fileSize(highOut: arg(1), scratch: scratch)
            return service(.getFileSizeEx(handle: arg(0), sizeOut: scratch))
        case .SetFilePointerEx:
            return service(.setFilePointerEx(handle: arg(0), distance: Int64(bitPattern: arg(1)), newPositionOut: arg(2),
                                             method: u32(3)))
        case .SetFilePointer:
            guard let scratch = scratchSlot(&context.memory, &runtime) else { return failAtOnce(0xFFFF_FFFF, error: 8) }
            var distance = Int64(i32(1))
            if arg(2) != 0 {
                guard let high = try? context.memory.loadUInt32(arg(2)) else {
                    return failAtOnce(0xFFFF_FFFF, error: Win32.ERROR_NOACCESS)
                }
                distance = Int64(bitPattern: UInt64(high) << 32 | UInt64(u32(1)))
            }
            resumption = .filePointer(highOut: arg(2), scratch: scratch)
            return service(.setFilePointerEx(handle: arg(0), distance: distance, newPositionOut: scratch, method: u32(3)))
        case .SetEndOfFile:
            return service(.setEndOfFile(handle: arg(0)))
        case .FlushFileBuffers:
            return service(.flushFileBuffers(handle: arg(0)))
        case .DeleteFileA, .DeleteFileW, .DeleteFile:
            guard let path = string(arg(0), wide: libraryCall == .DeleteFileW, &context.memory) else {
                return failAtOnce(0, error: arg(0) == 0 ? 3 : Win32.ERROR_NOACCESS)
            }
            return service(.deleteFile(path: path))
        case .SetFileCompletionNotificationModes:
            return service(.setFileCompletionNotificationModes(handle: arg(0), flags: UInt8(truncatingIfNeeded: arg(1))))
        case .GetFileType:
            return library(1)   // FILE_TYPE_DISK: every file of the simulation is on the disk

        // MARK: Synchronization
        case .CreateEventA, .CreateEventW, .CreateEvent:
            labelNewObject(call, "CreateEvent", &runtime)
            return service(.createEvent(manualReset: bool(1), initialState: bool(2)))
        case .SetEvent:
            return service(.setEvent(arg(0)))
        case .ResetEvent:
            return service(.resetEvent(arg(0)))
        case .CreateSemaphoreA, .CreateSemaphoreW, .CreateSemaphore:
            labelNewObject(call, "CreateSemaphore", &runtime)
            return service(.createSemaphore(initial: i32(1), maximum: i32(2)))
        case .ReleaseSemaphore:
            return service(.releaseSemaphore(handle: arg(0), count: i32(1), previousOut: arg(2)))
        case .CreateMutexA, .CreateMutexW, .CreateMutex:
            labelNewObject(call, "CreateMutex", &runtime)
            return service(.createMutex(initialOwner: bool(1)))
        case .ReleaseMutex:
            return service(.releaseMutex(arg(0)))
        case .WaitForSingleObject:
            return service(.waitForSingleObject(handle: arg(0), timeout: u32(1)))
        case .WaitForSingleObjectEx:
            return service(.waitForSingleObjectEx(handle: arg(0), timeout: u32(1), alertable: bool(2)))
        case .WaitForMultipleObjects:
            return service(.waitForMultipleObjects(count: u32(0), handles: arg(1), waitAll: bool(2), timeout: u32(3)))
        case .WaitForMultipleObjectsEx:
            return service(.waitForMultipleObjectsEx(count: u32(0), handles: arg(1), waitAll: bool(2), timeout: u32(3),
                                                     alertable: bool(4)))
        case .SignalObjectAndWait:
            return service(.signalObjectAndWait(signal: arg(0), wait: arg(1), timeout: u32(2), alertable: bool(3)))
        case .Sleep:
            return service(.sleep(milliseconds: u32(0)))
        case .SleepEx:
            return service(.sleepEx(milliseconds: u32(0), alertable: bool(1)))
        case .QueueUserAPC:
            return service(.queueUserAPC(routine: arg(0), thread: arg(1), data: arg(2)))

        // MARK: Completion ports
        case .CreateIoCompletionPort:
            if arg(1) == 0 { labelNewObject(call, "CreateIoCompletionPort", &runtime) }   // a new port, not an association
            return service(.createIoCompletionPort(file: arg(0), existingPort: arg(1), key: arg(2), concurrency: u32(3)))
        case .GetQueuedCompletionStatus:
            return service(.getQueuedCompletionStatus(port: arg(0), bytesOut: arg(1), keyOut: arg(2), overlappedOut: arg(3),
                                                      timeout: u32(4)))
        case .GetQueuedCompletionStatusEx:
            return service(.getQueuedCompletionStatusEx(port: arg(0), entries: arg(1), count: u32(2), removedOut: arg(3),
                                                        timeout: u32(4), alertable: bool(5)))
        case .PostQueuedCompletionStatus:
            nameOverlapped(call, "PostQueuedCompletionStatus", argument: 3, address: arg(3), &runtime)
            return service(.postQueuedCompletionStatus(port: arg(0), bytes: u32(1), key: arg(2), overlapped: arg(3)))

        // MARK: Threads and process
        case .CreateThread, ._beginthreadex:
            return createThread(start: arg(2), parameter: arg(3), idOut: arg(5), call: call, &context, &runtime)
        case .ExitThread:
            if vm.threadNumber > 0 {
                runtime.endedThreadNumbers.append(vm.threadNumber)
                runtime.chargeThreadStacks()
            }
            return charged(.call(.exitThread(code: u32(0))))
        case .TerminateThread:
            return service(.terminateThread(handle: arg(0), code: u32(1)))
        case .CancelSynchronousIo:
            return service(.cancelSynchronousIo(thread: arg(0)))
        case .GetCurrentThread:
            return library(Win32.currentThreadPseudoHandle)
        case .GetCurrentProcess:
            return library(Win32.currentProcessPseudoHandle)
        case .GetCurrentProcessId:
            return library(UInt64(4 * (context.processId + 1)))
        case .GetCurrentThreadId:
            return .call(.getCurrentThreadId)
        case .GetExitCodeThread:
            return service(.getExitCodeThread(handle: arg(0), codeOut: arg(1)))
        case .SetThreadDescription:
            guard let text = string(arg(1), wide: true, &context.memory) else {
                return failAtOnce(0x8007_0057, error: Win32.ERROR_INVALID_PARAMETER)   // E_INVALIDARG
            }
            return service(.setThreadDescription(handle: arg(0), description: text))
        case .ResumeThread:
            return library(0)   // threads never start suspended here: "was not suspended"
        case .SetThreadPriority:
            return library(1)   // one priority level: accepted, no effect
        case .GetLastError:
            // A read of the thread's own state, no system call: it takes no
            // time (as the kernel's free service did) and no kernel event.
            vm.resume(returning: UInt64(lastError))
            return nil
        case .SetLastError:
            return .call(.setLastError(u32(0)))

        // MARK: Time and system
        case .GetTickCount:
            return service(.getTickCount)
        case .GetTickCount64:
            return service(.getTickCount64)
        case .QueryPerformanceCounter:
            return service(.queryPerformanceCounter(out: arg(0)))
        case .QueryPerformanceFrequency:
            return service(.queryPerformanceFrequency(out: arg(0)))
        case .GetSystemInfo:
            do throws(MemoryFault) {
                try writeSystemInfo(at: arg(0), cpus: runtime.cpus, &context.memory)
            } catch {
                return report(RuntimeFault(kind: error.kind == .null ? .nullPointer : .wildPointer,
                                           message: "\(error.kind == .null ? "NULL pointer" : "wild pointer") passed to GetSystemInfo: \(error.description)",
                                           location: call.location(in: image.program), function: currentFunction),
                              &runtime, thread: context.threadId)
            }
            return library(0)

        // MARK: Simulation helpers
        case .SimCompute:
            return charged(.call(.compute(microseconds: UInt64(u32(0)))))
        case .SimCpuUsage:
            return service(.cpuUsage)
        case .SimNote:
            return service(.note(string(arg(0), wide: false, &context.memory) ?? "(unreadable text)"))

        default:
            if let step = performLocksAndPaths(libraryCall, call, &context, &runtime) { return step }
            return report(RuntimeFault(kind: .unknownFunction,
                                       message: "call to unknown function '\(call.name(in: image.program))' (not in the simulated library)",
                                       location: call.location(in: image.program), function: currentFunction),
                          &runtime, thread: context.threadId)
        }
    }

    /// Goes on from a C library call's outcome: nil when the VM can go on
    /// at once (the value has been supplied), otherwise the step to report.
    mutating func finishLibraryCall(_ result: CLibraryResult, _ call: ExternalCall, _ runtime: inout ProcessRuntime,
                                    thread: Int) -> ThreadStep? {
        switch result {
        case let .value(value, lastError):
            if runtime.library.consoleBytes > runtime.maxOutputBytes {
                return report(RuntimeFault(kind: .libraryError,
                                           message: "console output limit exceeded (\(runtime.maxOutputBytes) bytes)",
                                           location: call.location(in: image.program), function: currentFunction),
                              &runtime, thread: thread)
            }
            if let lastError {
                resumption = .fixed(value)
                return .call(.setLastError(lastError))
            }
            vm.resume(returning: value)
            return nil
        case .exit(let code):
            return charged(.call(.exitProcess(code: UInt32(bitPattern: code))))
        case let .fault(kind, message):
            return report(RuntimeFault(kind: kind, message: message, location: call.location(in: image.program), function: currentFunction),
                          &runtime, thread: thread)
        }
    }

    /// The runtime functions `answerInPlace` answers itself (besides the
    /// pure C library): the `.inPlace` entries of `LibraryTable`. Any other
    /// call is not offered.
    static let answeredInPlace: Set<LibraryCall> = Set(LibraryTable.names(answeredBy: .inPlace).compactMap(LibraryCall.init(rawValue:)))

    /// Answers, while the VM runs, a call that needs neither the kernel nor
    /// a step: its value and the CPU time it costs in ns, as `perform`
    /// would have. Nil when the call needs `perform` (nothing done then),
    /// or when a C library call that did run needs a step: its outcome is
    /// left in `stashed` for when the VM stops at that call.
    static func answerInPlace(_ external: Int, _ arguments: UnsafeBufferPointer<UInt64>, image: ProgramImage, lastError: UInt32,
                              processId: Int, memory: inout Memory, runtime: inout ProcessRuntime,
                              stashed: inout CLibraryResult?) -> (UInt64, Int64)? {
        let library = Int64(RuntimeCosts.libraryCallNanoseconds)
        if let function = image.cLibraryFunction(external) {
            let result = CLibrary.call(function, CallArguments(arguments), memory: &memory, process: &runtime.library)
            // A call that released pending I/O's memory (free) stops the VM at
            // it, so the warning names the call's line.
            if case .value(let value, nil) = result, runtime.library.consoleBytes <= runtime.maxOutputBytes, !memory.hasWatchHits {
                return (value, library)
            }
            stashed = result
            return nil
        }
        switch image.libraryCall(external) {
        case .GetLastError:
            // A read of the thread's own state, no system call: no time.
            return (UInt64(lastError), 0)
        case .GetFileType:
            return (1, library)   // FILE_TYPE_DISK: every file of the simulation is on the disk
        case .GetCurrentThread:
            return (Win32.currentThreadPseudoHandle, library)
        case .GetCurrentProcess:
            return (Win32.currentProcessPseudoHandle, library)
        case .GetCurrentProcessId:
            return (UInt64(4 * (processId + 1)), library)
        case .ResumeThread:
            return (0, library)   // threads never start suspended here: "was not suspended"
        case .SetThreadPriority:
            return (1, library)   // one priority level: accepted, no effect
        default:
            return nil
        }
    }

    /// Arranges for the object the call creates to be labelled after the
    /// variable its handle is assigned to, when the source line says.
    mutating func labelNewObject(_ call: ExternalCall, _ function: String, _ runtime: inout ProcessRuntime) {
        let callLocation = call.location(in: image.program)
        guard let line = image.line(callLocation.line),
              let name = HandleLabels.assignedName(line: line, function: function) else { return }
        let site = callLocation.line << 20 | (callLocation.column & 0xFFFFF)
        let made = runtime.labelsMade[site] ?? 0
        runtime.labelsMade[site] = made + 1
        resumption = .label(HandleLabels.label(name, sequence: made))
    }

    /// Notes the program's name for the `OVERLAPPED` at `address` passed as
    /// argument `argument` of the call (for the view; see `OverlappedLabels`).
    /// Once per address and call site: a request started again from the
    /// same place costs a dictionary lookup.
    mutating func nameOverlapped(_ call: ExternalCall, _ function: String, argument: Int, address: UInt64,
                                 _ runtime: inout ProcessRuntime) {
        guard address != 0, runtime.namesOverlappeds else { return }
        let site = call.site
        guard !runtime.overlappeds.needsNoName(address, at: site) else { return }
        let location = call.location(in: image.program)
        let text = OverlappedLabels.argumentText(lines: image.lines, line: location.line, column: location.column,
                                                 function: function, index: argument)
        guard let text else { return }
        runtime.overlappeds.name(address, OverlappedLabels.label(text: text, address: address, program: image.program),
                                 at: site)
    }

    /// A result the runtime knows without the kernel, charged as a library call.
    mutating func library(_ value: UInt64) -> ThreadStep? {
        debtNanoseconds += Int64(RuntimeCosts.libraryCallNanoseconds)
        vm.resume(returning: value)
        return nil
    }

    /// A call that fails before reaching the kernel (a bad string pointer):
    /// returns `value` with `error` as the last error.
    mutating func failAtOnce(_ value: UInt64, error: UInt32) -> ThreadStep {
        resumption = .fixed(value)
        return .call(.setLastError(error))
    }

    func string(_ address: UInt64, wide: Bool, _ memory: inout Memory) -> String? {
        guard address != 0 else { return nil }
        return try? memory.readCString(at: address, wide: wide, limit: 32_768)
    }

    /// This thread's 64-byte slot for out-parameters, mapped on first use.
    func scratchSlot(_ memory: inout Memory, _ runtime: inout ProcessRuntime) -> UInt64? {
        if !runtime.scratchMapped {
            do {
                try memory.map(base: ProcessRuntime.scratchBase, size: ProcessRuntime.scratchSize, name: "runtime scratch")
            } catch {
                return nil
            }
            runtime.scratchMapped = true
        }
        return ProcessRuntime.scratchBase + UInt64(max(0, vm.threadNumber) % ProcessRuntime.maxThreads) * 64
    }

    mutating func createThread(start: UInt64, parameter: UInt64, idOut: UInt64, call: ExternalCall,
                               _ context: inout ThreadContext, _ runtime: inout ProcessRuntime) -> ThreadStep? {
        let program = image.program
        guard let function = program.functionIndex(atAddress: start) else {
            let what = start == 0 ? "NULL" : "0x" + String(start, radix: 16, uppercase: true)
            return report(RuntimeFault(kind: start == 0 ? .nullPointer : .badFunctionPointer,
                                       message: "\(call.name(in: image.program)): start address \(what) is not a function of the program",
                                       location: call.location(in: image.program), function: currentFunction),
                          &runtime, thread: context.threadId)
        }
        // A new stack must fit under the commit limit with everything else.
        if runtime.library.exceedsCommitLimit(VMThread.stackSize) { return failAtOnce(0, error: 8) }
        let number: Int
        if runtime.nextThreadNumber < ProcessRuntime.maxThreads {
            number = runtime.nextThreadNumber
            runtime.nextThreadNumber += 1
        } else if let ended = runtime.endedThreadNumbers.popLast() {
            number = ended
        } else {
            return failAtOnce(0, error: 8)   // ERROR_NOT_ENOUGH_MEMORY: no room for another stack
        }
        let thread: VMThread?
        do {
            thread = try VMThread.start(program: program, functionAddress: start, argument: parameter, threadNumber: number,
                                        memory: &context.memory)
        } catch {
            return failAtOnce(0, error: 8)
        }
        guard let thread else { return failAtOnce(0, error: 8) }
        runtime.chargeThreadStacks()
        let body = CThreadBody(image: image, vm: thread, isMain: false)
        return charged(.call(.createThread(body: body, name: program.functions[function].name, threadIdOut: idOut)))
    }

    /// Fills a `SYSTEM_INFO` (48 bytes, x64 layout) as an x64 Windows machine reports it.
    func writeSystemInfo(at address: UInt64, cpus: Int, _ memory: inout Memory) throws(MemoryFault) {
        try memory.fill(0, at: address, count: 48)
        try memory.store(9, at: address, size: 2)                          // PROCESSOR_ARCHITECTURE_AMD64
        try memory.storeUInt32(4096, at: address + 4)                      // dwPageSize
        try memory.storeUInt64(0x1_0000, at: address + 8)                  // lpMinimumApplicationAddress
        try memory.storeUInt64(0x7FFF_FFFE_FFFF, at: address + 16)         // lpMaximumApplicationAddress
        let mask: UInt64 = cpus >= 64 ? UInt64.max : (UInt64(1) << UInt64(max(1, cpus))) - 1
        try memory.storeUInt64(mask, at: address + 24)                     // dwActiveProcessorMask
        try memory.storeUInt32(UInt32(max(1, cpus)), at: address + 32)     // dwNumberOfProcessors
        try memory.storeUInt32(8664, at: address + 36)                     // PROCESSOR_AMD_X8664
        try memory.storeUInt32(65536, at: address + 40)                    // dwAllocationGranularity
        try memory.store(6, at: address + 44, size: 2)                     // wProcessorLevel
        try memory.store(0, at: address + 46, size: 2)                     // wProcessorRevision
    }
}
