/// Win32 and NT constants the kernel returns, with their real values.
///
/// Names follow the Windows SDK so a reader can look each one up.
public enum Win32 {
    // MARK: Wait results
    public static let WAIT_OBJECT_0: UInt32 = 0
    public static let WAIT_ABANDONED_0: UInt32 = 0x80
    public static let WAIT_IO_COMPLETION: UInt32 = 0xC0
    public static let WAIT_TIMEOUT: UInt32 = 258
    public static let WAIT_FAILED: UInt32 = 0xFFFF_FFFF
    public static let INFINITE: UInt32 = 0xFFFF_FFFF
    public static let MAXIMUM_WAIT_OBJECTS = 64
    public static let STILL_ACTIVE: UInt32 = 259

    // MARK: Error codes (GetLastError)
    public static let ERROR_SUCCESS: UInt32 = 0
    public static let ERROR_INVALID_FUNCTION: UInt32 = 1
    public static let ERROR_FILE_NOT_FOUND: UInt32 = 2
    public static let ERROR_ACCESS_DENIED: UInt32 = 5
    public static let ERROR_INVALID_HANDLE: UInt32 = 6
    public static let ERROR_GEN_FAILURE: UInt32 = 31
    public static let ERROR_SHARING_VIOLATION: UInt32 = 32
    public static let ERROR_HANDLE_EOF: UInt32 = 38
    public static let ERROR_FILE_EXISTS: UInt32 = 80
    public static let ERROR_INVALID_PARAMETER: UInt32 = 87
    public static let ERROR_NEGATIVE_SEEK: UInt32 = 131
    public static let ERROR_ALREADY_EXISTS: UInt32 = 183
    public static let ERROR_NOT_OWNER: UInt32 = 288
    public static let ERROR_TOO_MANY_POSTS: UInt32 = 298
    public static let ERROR_ABANDONED_WAIT_0: UInt32 = 735
    public static let ERROR_OPERATION_ABORTED: UInt32 = 995
    public static let ERROR_IO_INCOMPLETE: UInt32 = 996
    public static let ERROR_IO_PENDING: UInt32 = 997
    public static let ERROR_NOACCESS: UInt32 = 998
    public static let ERROR_NOT_FOUND: UInt32 = 1168
    public static let ERROR_NOT_ENOUGH_MEMORY: UInt32 = 8
    public static let ERROR_DISK_FULL: UInt32 = 112
    public static let ERROR_NO_SYSTEM_RESOURCES: UInt32 = 1450
    public static let ERROR_INVALID_USER_BUFFER: UInt32 = 1784

    // MARK: NTSTATUS (what OVERLAPPED.Internal holds)
    public static let STATUS_SUCCESS: UInt32 = 0
    public static let STATUS_ABANDONED_WAIT_0: UInt32 = 0x80
    public static let STATUS_USER_APC: UInt32 = 0xC0
    public static let STATUS_TIMEOUT: UInt32 = 0x102
    public static let STATUS_PENDING: UInt32 = 0x103
    public static let STATUS_ACCESS_VIOLATION: UInt32 = 0xC000_0005
    public static let STATUS_INVALID_HANDLE: UInt32 = 0xC000_0008
    public static let STATUS_INVALID_PARAMETER: UInt32 = 0xC000_000D
    public static let STATUS_END_OF_FILE: UInt32 = 0xC000_0011
    public static let STATUS_ACCESS_DENIED: UInt32 = 0xC000_0022
    public static let STATUS_CANCELLED: UInt32 = 0xC000_0120

    /// The NTSTATUS constant's name ("STATUS_PENDING"), else its value in hex.
    public static func statusName(_ status: UInt32) -> String {
        switch status {
        case STATUS_SUCCESS: return "STATUS_SUCCESS"
        case STATUS_PENDING: return "STATUS_PENDING"
        case STATUS_END_OF_FILE: return "STATUS_END_OF_FILE"
        case STATUS_CANCELLED: return "STATUS_CANCELLED"
        case STATUS_TIMEOUT: return "STATUS_TIMEOUT"
        case STATUS_ACCESS_VIOLATION: return "STATUS_ACCESS_VIOLATION"
        case STATUS_INVALID_HANDLE: return "STATUS_INVALID_HANDLE"
        case STATUS_INVALID_PARAMETER: return "STATUS_INVALID_PARAMETER"
        case STATUS_ACCESS_DENIED: return "STATUS_ACCESS_DENIED"
        default: return "0x" + String(status, radix: 16, uppercase: true)
        }
    }

    // MARK: Handles
    /// `INVALID_HANDLE_VALUE`, also `GetCurrentProcess()`.
    public static let INVALID_HANDLE_VALUE: UInt64 = 0xFFFF_FFFF_FFFF_FFFF
    public static let currentProcessPseudoHandle: UInt64 = 0xFFFF_FFFF_FFFF_FFFF
    /// `GetCurrentThread()`.
    public static let currentThreadPseudoHandle: UInt64 = 0xFFFF_FFFF_FFFF_FFFE

    // MARK: CreateFile
    public static let GENERIC_READ: UInt32 = 0x8000_0000
    public static let GENERIC_WRITE: UInt32 = 0x4000_0000
    public static let GENERIC_EXECUTE: UInt32 = 0x2000_0000
    public static let GENERIC_ALL: UInt32 = 0x1000_0000
    public static let FILE_READ_DATA: UInt32 = 0x1
    public static let FILE_WRITE_DATA: UInt32 = 0x2
    public static let FILE_APPEND_DATA: UInt32 = 0x4
    public static let DELETE: UInt32 = 0x1_0000
    public static let FILE_SHARE_READ: UInt32 = 1
    public static let FILE_SHARE_WRITE: UInt32 = 2
    public static let FILE_SHARE_DELETE: UInt32 = 4
    public static let CREATE_NEW: UInt32 = 1
    public static let CREATE_ALWAYS: UInt32 = 2
    public static let OPEN_EXISTING: UInt32 = 3
    public static let OPEN_ALWAYS: UInt32 = 4
    public static let TRUNCATE_EXISTING: UInt32 = 5
    public static let FILE_ATTRIBUTE_NORMAL: UInt32 = 0x80
    public static let FILE_FLAG_WRITE_THROUGH: UInt32 = 0x8000_0000
    public static let FILE_FLAG_OVERLAPPED: UInt32 = 0x4000_0000
    public static let FILE_FLAG_NO_BUFFERING: UInt32 = 0x2000_0000
    public static let FILE_FLAG_DELETE_ON_CLOSE: UInt32 = 0x0400_0000
    public static let FILE_BEGIN: UInt32 = 0
    public static let FILE_CURRENT: UInt32 = 1
    public static let FILE_END: UInt32 = 2

    // MARK: SetFileCompletionNotificationModes
    public static let FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: UInt8 = 1
    public static let FILE_SKIP_SET_EVENT_ON_HANDLE: UInt8 = 2

    // MARK: DuplicateHandle
    public static let DUPLICATE_CLOSE_SOURCE: UInt32 = 1
    public static let DUPLICATE_SAME_ACCESS: UInt32 = 2

    /// `RtlNtStatusToDosError` for the statuses this kernel produces.
    public static func win32Error(fromNTStatus status: UInt32) -> UInt32 {
        switch status {
        case STATUS_SUCCESS: return ERROR_SUCCESS
        case STATUS_PENDING: return ERROR_IO_PENDING
        case STATUS_END_OF_FILE: return ERROR_HANDLE_EOF
        case STATUS_CANCELLED: return ERROR_OPERATION_ABORTED
        case STATUS_INVALID_PARAMETER: return ERROR_INVALID_PARAMETER
        case STATUS_ACCESS_DENIED: return ERROR_ACCESS_DENIED
        case STATUS_INVALID_HANDLE: return ERROR_INVALID_HANDLE
        case STATUS_ACCESS_VIOLATION: return ERROR_NOACCESS
        case STATUS_TIMEOUT: return WAIT_TIMEOUT
        case STATUS_ABANDONED_WAIT_0: return ERROR_ABANDONED_WAIT_0
        case STATUS_USER_APC: return WAIT_IO_COMPLETION
        default:
            // Warnings/informational statuses map to themselves in spirit;
            // unknown errors map to a generic failure, as RtlNtStatusToDosError does
            // for codes it has no entry for (ERROR_MR_MID_NOT_FOUND is not useful here).
            return status & 0xC000_0000 == 0xC000_0000 ? ERROR_GEN_FAILURE : status
        }
    }

    /// The NTSTATUS a Win32 error was produced from, for completion packets
    /// and `OVERLAPPED.Internal`.
    public static func ntStatus(fromWin32Error error: UInt32) -> UInt32 {
        switch error {
        case ERROR_SUCCESS: return STATUS_SUCCESS
        case ERROR_HANDLE_EOF: return STATUS_END_OF_FILE
        case ERROR_OPERATION_ABORTED: return STATUS_CANCELLED
        case ERROR_INVALID_PARAMETER: return STATUS_INVALID_PARAMETER
        case ERROR_ACCESS_DENIED: return STATUS_ACCESS_DENIED
        case ERROR_NOACCESS: return STATUS_ACCESS_VIOLATION
        default: return 0xC000_0001
        }
    }
}
