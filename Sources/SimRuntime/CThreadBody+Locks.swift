import SimKernel
import SimMemory
import Win32C

/// Critical sections, SRW locks, the `Ex` creation functions and the
/// temporary-file paths, built on existing kernel objects and services.
///
/// A critical section is a kernel mutex (recursive, owned by a thread, as
/// a critical section is), its handle kept in `LockSemaphore`; an SRW lock
/// is an auto-reset event kept in the lock's pointer, created on first use
/// (`SRWLOCK_INIT` is all zeros). Blocking on either is a wait on that
/// object, so the view shows the waiting thread like any other wait, and the
/// trace shows the wait as `WaitForSingleObject`. Shared SRW acquisition is
/// exclusive here: correct for mutual exclusion, but readers do not overlap.
extension CThreadBody {
    /// The `LockSemaphore` field of a `CRITICAL_SECTION` (x64 layout).
    static let criticalSectionHandleOffset: UInt64 = 24
    /// A lock pointer while its first user creates its object.
    static let lockBeingCreated: UInt64 = 1
    static let temporaryDirectory = "C:\\Temp\\"
    /// What `time()` returns at virtual time 0: 2026-01-01 00:00:00 UTC.
    static let unixTimeAtBoot: UInt64 = 1_767_225_600
    static let windowsDirectory = "C:\\Windows"

    /// Performs one of these calls; nil when `libraryCall` is not one of them.
    mutating func performLocksAndPaths(_ libraryCall: LibraryCall, _ call: ExternalCall, _ context: inout ThreadContext,
                                       _ runtime: inout ProcessRuntime) -> ThreadStep?? {
        func arg(_ i: Int) -> UInt64 { self.vm.argument(i, of: call) }
        func service(_ s: Service) -> ThreadStep { charged(.call(s)) }
        let infinite: UInt32 = 0xFFFF_FFFF
        /// The lock object's handle stored at `slot` (nil: unreadable memory).
        func lockHandle(_ slot: UInt64) -> UInt64? { try? context.memory.loadUInt64(slot) }
        /// Creates the lock's object already acquired by this thread, or
        /// retries while another thread is creating it.
        func createOwned(_ slot: UInt64, returning value: UInt64, mutex: Bool) -> ThreadStep {
            if lockHandle(slot) == CThreadBody.lockBeingCreated {
                resumption = .retry(call)
                return service(.sleep(milliseconds: 0))
            }
            try? context.memory.storeUInt64(CThreadBody.lockBeingCreated, at: slot)
            resumption = .storeHandle(at: slot, returning: value, label: lockLabel())
            return service(mutex ? .createMutex(initialOwner: true) : .createEvent(manualReset: false, initialState: false))
        }
        /// The lock variable's name on the call's source line, for the view.
        func lockLabel() -> String? {
            image.line(call.location(in: image.program).line).flatMap { HandleLabels.lockName(line: $0, function: "\(libraryCall)") }
        }
        func badPointer(_ name: String) -> ThreadStep? {
            report(RuntimeFault(kind: arg(0) == 0 ? .nullPointer : .wildPointer,
                                message: "\(arg(0) == 0 ? "NULL" : "wild") pointer passed to \(name)",
                                location: call.location(in: image.program), function: currentFunction),
                   &runtime, thread: context.threadId)
        }
        switch libraryCall {
        case .CreateSemaphoreExA, .CreateSemaphoreExW:
            labelNewObject(call, "CreateSemaphoreEx", &runtime)
            return service(.createSemaphore(initial: Int32(truncatingIfNeeded: arg(1)), maximum: Int32(truncatingIfNeeded: arg(2))))
        case .CreateEventExA, .CreateEventExW:
            labelNewObject(call, "CreateEventEx", &runtime)
            let flags = UInt32(truncatingIfNeeded: arg(2))
            return service(.createEvent(manualReset: flags & 1 != 0, initialState: flags & 2 != 0))

        case .InitializeCriticalSection, .InitializeCriticalSectionAndSpinCount, .InitializeCriticalSectionEx:
            let slot = arg(0) + CThreadBody.criticalSectionHandleOffset
            guard (try? context.memory.fill(0, at: arg(0), count: 40)) != nil else { return badPointer("\(libraryCall)") }
            resumption = .storeHandle(at: slot, returning: libraryCall == .InitializeCriticalSection ? 0 : 1, label: lockLabel())
            return service(.createMutex(initialOwner: false))
        case .EnterCriticalSection, .TryEnterCriticalSection:
            let slot = arg(0) + CThreadBody.criticalSectionHandleOffset
            guard let h = lockHandle(slot) else { return badPointer("\(libraryCall)") }
            let trying = libraryCall == .TryEnterCriticalSection
            if h == 0 || h == CThreadBody.lockBeingCreated { return createOwned(slot, returning: trying ? 1 : 0, mutex: true) }
            resumption = trying ? .waitSucceeded : .fixed(0)
            return service(.waitForSingleObject(handle: h, timeout: trying ? 0 : infinite))
        case .LeaveCriticalSection:
            guard let h = lockHandle(arg(0) + CThreadBody.criticalSectionHandleOffset) else { return badPointer("LeaveCriticalSection") }
            if h == 0 || h == CThreadBody.lockBeingCreated { return library(0) }
            resumption = .fixed(0)
            return service(.releaseMutex(h))
        case .DeleteCriticalSection:
            let slot = arg(0) + CThreadBody.criticalSectionHandleOffset
            guard let h = lockHandle(slot) else { return badPointer("DeleteCriticalSection") }
            if h == 0 || h == CThreadBody.lockBeingCreated { return library(0) }
            try? context.memory.storeUInt64(0, at: slot)
            resumption = .fixed(0)
            return service(.closeHandle(h))

        case .InitializeSRWLock:
            guard (try? context.memory.storeUInt64(0, at: arg(0))) != nil else { return badPointer("InitializeSRWLock") }
            return library(0)
        case .AcquireSRWLockExclusive, .AcquireSRWLockShared, .TryAcquireSRWLockExclusive, .TryAcquireSRWLockShared:
            guard let h = lockHandle(arg(0)) else { return badPointer("\(libraryCall)") }
            let trying = libraryCall == .TryAcquireSRWLockExclusive || libraryCall == .TryAcquireSRWLockShared
            if h == 0 || h == CThreadBody.lockBeingCreated { return createOwned(arg(0), returning: trying ? 1 : 0, mutex: false) }
            resumption = trying ? .waitSucceeded : .fixed(0)
            return service(.waitForSingleObject(handle: h, timeout: trying ? 0 : infinite))
        case .ReleaseSRWLockExclusive, .ReleaseSRWLockShared:
            guard let h = lockHandle(arg(0)) else { return badPointer("\(libraryCall)") }
            if h == 0 || h == CThreadBody.lockBeingCreated { return library(0) }
            resumption = .fixed(0)
            return service(.setEvent(h))

        case .time:
            // Virtual time: the machine boots at a fixed date, so runs repeat.
            resumption = .unixTime(out: arg(0))
            return service(.getTickCount64)
        case .clock:
            return service(.getTickCount64)   // milliseconds since the process (and the machine) started
        case .GetTempPathA:
            return copyPath(CThreadBody.temporaryDirectory, to: arg(1), room: arg(0), &context)
        case .GetWindowsDirectoryA:
            return copyPath(CThreadBody.windowsDirectory, to: arg(0), room: arg(1), &context)
        case .GetTempFileNameA:
            guard let directory = string(arg(0), wide: false, &context.memory),
                  let prefix = string(arg(1), wide: false, &context.memory) else {
                return failAtOnce(0, error: Win32.ERROR_INVALID_PARAMETER)
            }
            var number = UInt32(truncatingIfNeeded: arg(2)) & 0xFFFF
            let chooses = number == 0
            if chooses {
                runtime.library.tempFileNumber = runtime.library.tempFileNumber % 0xFFFF + 1
                number = runtime.library.tempFileNumber
            }
            let separator = directory.hasSuffix("\\") || directory.isEmpty ? "" : "\\"
            let name = directory + separator + String(prefix.prefix(3)) + String(number, radix: 16, uppercase: true) + ".tmp"
            guard (try? context.memory.writeBytes(Array(name.utf8) + [0], at: arg(3))) != nil else {
                return failAtOnce(0, error: Win32.ERROR_NOACCESS)
            }
            guard chooses else { return library(UInt64(number)) }
            // Windows creates the file it names (and closes it) when it chose the number.
            resumption = .closeCreated(returning: UInt64(number))
            return service(.createFile(path: name, access: 0x4000_0000, shareMode: 0, disposition: 1, flags: 0x80, template: 0))
        default:
            return nil
        }
    }

    /// `GetTempPath`/`GetWindowsDirectory`: the length without the NUL when
    /// it fits, else the size needed.
    private mutating func copyPath(_ path: String, to buffer: UInt64, room: UInt64, _ context: inout ThreadContext) -> ThreadStep? {
        let bytes = Array(path.utf8)
        guard room > UInt64(bytes.count) else { return library(UInt64(bytes.count + 1)) }
        guard (try? context.memory.writeBytes(bytes + [0], at: buffer)) != nil else { return failAtOnce(0, error: Win32.ERROR_NOACCESS) }
        return library(UInt64(bytes.count))
    }

    /// The rest of a call made of two services, or a call performed again;
    /// nil when the result goes back to the C code as usual.
    mutating func continueChain(_ result: ServiceResult, _ context: inout ThreadContext,
                                _ runtime: inout ProcessRuntime) -> ThreadStep? {
        switch resumption {
        case let .storeHandle(slot, returning, label):
            try? context.memory.storeUInt64(result.succeeded ? result.value : 0, at: slot)
            guard let label, result.succeeded else { return nil }
            // Named for the view after the lock variable (a free service: no time, no trace line).
            resumption = .fixed(returning)
            return .call(.labelObject(handle: result.value, label: label))
        case .retry(let call):
            resumption = .value
            return perform(call, &context, &runtime) ?? run(&context, &runtime, atStatementBoundary: false)
        case .closeCreated(let number):
            guard result.value != Win32.INVALID_HANDLE_VALUE else {
                resumption = .fixed(0)
                return nil
            }
            resumption = .fixed(number)
            return charged(.call(.closeHandle(result.value)))
        default:
            return nil
        }
    }
}
