/// The Win32 and simulator functions the runtime implements itself (not
/// the pure C library), one case per name a program can call. A program's
/// external names are turned into these once, when it is loaded
/// (`ProgramImage.libraryCall`), so a call dispatches on an enum instead of
/// comparing its name with every function the library knows.
enum LibraryCall: String, Sendable, CaseIterable {
    case CreateFileA
    case CreateFileW
    case CreateFile
    case ReOpenFile
    case DuplicateHandle
    case CloseHandle
    case ReadFile
    case WriteFile
    case ReadFileEx
    case WriteFileEx
    case GetOverlappedResult
    case GetOverlappedResultEx
    case CancelIo
    case CancelIoEx
    case GetFileSizeEx
    case GetFileSize
    case SetFilePointerEx
    case SetFilePointer
    case SetEndOfFile
    case FlushFileBuffers
    case DeleteFileA
    case DeleteFileW
    case DeleteFile
    case SetFileCompletionNotificationModes
    case GetFileType
    case CreateEventA
    case CreateEventW
    case CreateEvent
    case SetEvent
    case ResetEvent
    case CreateSemaphoreA
    case CreateSemaphoreW
    case CreateSemaphore
    case ReleaseSemaphore
    case CreateMutexA
    case CreateMutexW
    case CreateMutex
    case ReleaseMutex
    case WaitForSingleObject
    case WaitForSingleObjectEx
    case WaitForMultipleObjects
    case WaitForMultipleObjectsEx
    case SignalObjectAndWait
    case Sleep
    case SleepEx
    case QueueUserAPC
    case CreateIoCompletionPort
    case GetQueuedCompletionStatus
    case GetQueuedCompletionStatusEx
    case PostQueuedCompletionStatus
    case CreateThread
    case _beginthreadex
    case ExitThread
    case GetCurrentThread
    case GetCurrentProcess
    case GetCurrentProcessId
    case GetCurrentThreadId
    case GetExitCodeThread
    case SetThreadDescription
    case ResumeThread
    case SetThreadPriority
    case GetLastError
    case SetLastError
    case GetTickCount
    case GetTickCount64
    case QueryPerformanceCounter
    case QueryPerformanceFrequency
    case GetSystemInfo
    case SimCompute
    case SimCpuUsage
    case SimNote
    /// Any other name: not in the simulated library.
    case unknown = ""
}
