/// A system service a thread calls: the Win32 API surface of the simulator.
///
/// Parameters mirror the Win32 prototypes. `UInt64` handle values are the
/// process's handle values (or the pseudo-handles `(HANDLE)-1` current
/// process and `(HANDLE)-2` current thread); pointer parameters are addresses
/// in the process's `Memory` (0 = NULL). The kernel reads `OVERLAPPED`
/// (Internal@0, InternalHigh@8, Offset@16, OffsetHigh@20, hEvent@24) and
/// writes every out-parameter itself. Strings (paths, names) are passed
/// already decoded.
///
/// A bad pointer given to a service never faults the thread: the service
/// fails at once with `ERROR_NOACCESS` (998) and writes nothing, the way the
/// NT system services fail with `STATUS_ACCESS_VIOLATION` after probing user
/// buffers. A bad pointer found later (a read completing into memory that was
/// unmapped meanwhile) is dropped silently.
public enum Service: Sendable {
    // MARK: Files
    case createFile(path: String, access: UInt32, shareMode: UInt32, disposition: UInt32, flags: UInt32, template: UInt64)
    case reOpenFile(handle: UInt64, access: UInt32, shareMode: UInt32, flags: UInt32)
    case duplicateHandle(sourceProcess: UInt64, source: UInt64, targetProcess: UInt64, targetOut: UInt64,
                         access: UInt32, inherit: Bool, options: UInt32)
    case closeHandle(UInt64)
    case readFile(handle: UInt64, buffer: UInt64, length: UInt32, bytesOut: UInt64, overlapped: UInt64)
    case writeFile(handle: UInt64, buffer: UInt64, length: UInt32, bytesOut: UInt64, overlapped: UInt64)
    case readFileEx(handle: UInt64, buffer: UInt64, length: UInt32, overlapped: UInt64, routine: UInt64)
    case writeFileEx(handle: UInt64, buffer: UInt64, length: UInt32, overlapped: UInt64, routine: UInt64)
    case getOverlappedResult(handle: UInt64, overlapped: UInt64, bytesOut: UInt64, wait: Bool)
    case getOverlappedResultEx(handle: UInt64, overlapped: UInt64, bytesOut: UInt64, timeout: UInt32, alertable: Bool)
    case cancelIo(handle: UInt64)
    case cancelIoEx(handle: UInt64, overlapped: UInt64)
    case getFileSizeEx(handle: UInt64, sizeOut: UInt64)
    case setFilePointerEx(handle: UInt64, distance: Int64, newPositionOut: UInt64, method: UInt32)
    case setEndOfFile(handle: UInt64)
    case flushFileBuffers(handle: UInt64)
    case deleteFile(path: String)
    case setFileCompletionNotificationModes(handle: UInt64, flags: UInt8)

    // MARK: Synchronization objects and waits
    case createEvent(manualReset: Bool, initialState: Bool)
    case setEvent(UInt64)
    case resetEvent(UInt64)
    case createSemaphore(initial: Int32, maximum: Int32)
    case releaseSemaphore(handle: UInt64, count: Int32, previousOut: UInt64)
    case createMutex(initialOwner: Bool)
    case releaseMutex(UInt64)
    case waitForSingleObject(handle: UInt64, timeout: UInt32)
    case waitForSingleObjectEx(handle: UInt64, timeout: UInt32, alertable: Bool)
    /// `handles` points at `count` HANDLE values (8 bytes each).
    case waitForMultipleObjects(count: UInt32, handles: UInt64, waitAll: Bool, timeout: UInt32)
    case waitForMultipleObjectsEx(count: UInt32, handles: UInt64, waitAll: Bool, timeout: UInt32, alertable: Bool)
    case signalObjectAndWait(signal: UInt64, wait: UInt64, timeout: UInt32, alertable: Bool)
    case sleep(milliseconds: UInt32)
    case sleepEx(milliseconds: UInt32, alertable: Bool)

    // MARK: APCs and completion ports
    case queueUserAPC(routine: UInt64, thread: UInt64, data: UInt64)
    case createIoCompletionPort(file: UInt64, existingPort: UInt64, key: UInt64, concurrency: UInt32)
    case getQueuedCompletionStatus(port: UInt64, bytesOut: UInt64, keyOut: UInt64, overlappedOut: UInt64, timeout: UInt32)
    /// `entries` points at `count` OVERLAPPED_ENTRY (32 bytes: key@0, overlapped@8, Internal@16, bytes@24).
    case getQueuedCompletionStatusEx(port: UInt64, entries: UInt64, count: UInt32, removedOut: UInt64,
                                     timeout: UInt32, alertable: Bool)
    case postQueuedCompletionStatus(port: UInt64, bytes: UInt32, key: UInt64, overlapped: UInt64)

    // MARK: Threads and process
    /// The caller supplies the new thread's body (the kernel never builds one).
    /// `name` is an optional label for the view (the start routine's name).
    case createThread(body: any ThreadBody, name: String?, threadIdOut: UInt64)
    case exitThread(code: UInt32)
    /// Ends another thread (or the caller) at once, as `ExitThread` would
    /// end it: its I/O is cancelled, mutexes it owns are abandoned, waiters
    /// on its handle wake.
    case terminateThread(handle: UInt64, code: UInt32)
    /// Cancels the synchronous read or write the thread is blocked in
    /// (`ERROR_NOT_FOUND` when it is in none).
    case cancelSynchronousIo(thread: UInt64)
    /// Ends every thread of the process (what returning from `main` does).
    case exitProcess(code: UInt32)
    case getExitCodeThread(handle: UInt64, codeOut: UInt64)
    case getCurrentThreadId
    case setThreadDescription(handle: UInt64, description: String)
    case getLastError
    case setLastError(UInt32)
    case getTickCount
    case getTickCount64
    case queryPerformanceCounter(out: UInt64)
    case queryPerformanceFrequency(out: UInt64)

    // MARK: Simulator helpers
    /// `SimCompute(µs)`: burn CPU time.
    case compute(microseconds: UInt64)
    /// `SimCpuUsage()`: percent of all CPUs busy over the last 100 ms of virtual time.
    case cpuUsage
    /// `SimNote(text)`: a line in the trace.
    case note(String)
    /// Names the object behind a handle for the view ("hEvent[2]"). Free and untraced.
    case labelObject(handle: UInt64, label: String)

    /// The Win32 name of the call, as the trace and the view show it.
    public var name: String {
        switch self {
        case .createFile: return "CreateFile"
        case .reOpenFile: return "ReOpenFile"
        case .duplicateHandle: return "DuplicateHandle"
        case .closeHandle: return "CloseHandle"
        case .readFile: return "ReadFile"
        case .writeFile: return "WriteFile"
        case .readFileEx: return "ReadFileEx"
        case .writeFileEx: return "WriteFileEx"
        case .getOverlappedResult: return "GetOverlappedResult"
        case .getOverlappedResultEx: return "GetOverlappedResultEx"
        case .cancelIo: return "CancelIo"
        case .cancelIoEx: return "CancelIoEx"
        case .getFileSizeEx: return "GetFileSizeEx"
        case .setFilePointerEx: return "SetFilePointerEx"
        case .setEndOfFile: return "SetEndOfFile"
        case .flushFileBuffers: return "FlushFileBuffers"
        case .deleteFile: return "DeleteFile"
        case .setFileCompletionNotificationModes: return "SetFileCompletionNotificationModes"
        case .createEvent: return "CreateEvent"
        case .setEvent: return "SetEvent"
        case .resetEvent: return "ResetEvent"
        case .createSemaphore: return "CreateSemaphore"
        case .releaseSemaphore: return "ReleaseSemaphore"
        case .createMutex: return "CreateMutex"
        case .releaseMutex: return "ReleaseMutex"
        case .waitForSingleObject: return "WaitForSingleObject"
        case .waitForSingleObjectEx: return "WaitForSingleObjectEx"
        case .waitForMultipleObjects: return "WaitForMultipleObjects"
        case .waitForMultipleObjectsEx: return "WaitForMultipleObjectsEx"
        case .signalObjectAndWait: return "SignalObjectAndWait"
        case .sleep: return "Sleep"
        case .sleepEx: return "SleepEx"
        case .queueUserAPC: return "QueueUserAPC"
        case .createIoCompletionPort: return "CreateIoCompletionPort"
        case .getQueuedCompletionStatus: return "GetQueuedCompletionStatus"
        case .getQueuedCompletionStatusEx: return "GetQueuedCompletionStatusEx"
        case .postQueuedCompletionStatus: return "PostQueuedCompletionStatus"
        case .createThread: return "CreateThread"
        case .exitThread: return "ExitThread"
        case .terminateThread: return "TerminateThread"
        case .cancelSynchronousIo: return "CancelSynchronousIo"
        case .exitProcess: return "ExitProcess"
        case .getExitCodeThread: return "GetExitCodeThread"
        case .getCurrentThreadId: return "GetCurrentThreadId"
        case .setThreadDescription: return "SetThreadDescription"
        case .getLastError: return "GetLastError"
        case .setLastError: return "SetLastError"
        case .getTickCount: return "GetTickCount"
        case .getTickCount64: return "GetTickCount64"
        case .queryPerformanceCounter: return "QueryPerformanceCounter"
        case .queryPerformanceFrequency: return "QueryPerformanceFrequency"
        case .compute: return "SimCompute"
        case .cpuUsage: return "SimCpuUsage"
        case .note: return "SimNote"
        case .labelObject: return "SimLabel"
        }
    }
}
