/// Declarations every program sees, as if `windows.h`, `stdio.h`, `stdlib.h`,
/// `string.h` and `tchar.h` were included: the Win32 type names with their
/// x64 layouts, library prototypes, and the built-in macros.
enum Prelude {
    /// Types and layouts, then every library function's prototype (from
    /// `LibraryTable`, the one list of what the simulated library offers),
    /// then the macros.
    static let source = declarations + LibraryTable.prototypes + macros

    private static let declarations = #"""
typedef void VOID;
typedef char CHAR;
typedef char CCHAR;
typedef signed char INT8;
typedef unsigned char UCHAR, BYTE, BOOLEAN, UINT8;
typedef short SHORT, INT16;
typedef unsigned short USHORT, WORD, UINT16, WCHAR, ATOM;
typedef int INT, BOOL, INT32, errno_t, HFILE;
typedef unsigned int UINT, UINT32, DWORD32;
typedef long LONG, HRESULT, NTSTATUS;
typedef unsigned long ULONG, DWORD;
typedef long long LONGLONG, INT64, LONG64, __time64_t, time_t, intptr_t, ptrdiff_t, INT_PTR, LONG_PTR, SSIZE_T;
typedef unsigned long long ULONGLONG, UINT64, ULONG64, DWORD64, DWORDLONG, uintptr_t, size_t, SIZE_T, UINT_PTR, ULONG_PTR, DWORD_PTR;
typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef short int16_t;
typedef unsigned short uint16_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long long int64_t;
typedef unsigned long long uint64_t;
typedef char TCHAR, _TCHAR, TBYTE;
typedef _Bool bool;
typedef void *PVOID, *LPVOID, *HANDLE, *HMODULE, *HINSTANCE, *HWND, *HLOCAL, *HGLOBAL, *HKEY, *FARPROC;
typedef const void *LPCVOID, *PCVOID;
typedef HANDLE *PHANDLE, *LPHANDLE;
typedef BYTE *PBYTE, *LPBYTE;
typedef UCHAR *PUCHAR;
typedef CHAR *PCHAR, *LPCH, *PCH;
typedef CHAR *LPSTR, *PSTR, *LPTSTR, *PTSTR, *LPTCH;
typedef const CHAR *LPCSTR, *PCSTR, *LPCTSTR, *PCTSTR, *LPCCH;
typedef WCHAR *LPWSTR, *PWSTR, *PWCHAR, *LPWCH;
typedef const WCHAR *LPCWSTR, *PCWSTR;
typedef DWORD *LPDWORD, *PDWORD;
typedef WORD *LPWORD, *PWORD;
typedef LONG *PLONG, *LPLONG;
typedef ULONG *PULONG;
typedef INT *PINT, *LPINT;
typedef UINT *PUINT;
typedef BOOL *PBOOL, *LPBOOL;
typedef ULONG_PTR *PULONG_PTR;
typedef DWORD_PTR *PDWORD_PTR;
typedef SIZE_T *PSIZE_T;
typedef LONGLONG *PLONGLONG;
typedef ULONGLONG *PULONGLONG;
typedef DWORD64 *PDWORD64;
typedef LONG volatile *PLONG_VOLATILE;

typedef union _LARGE_INTEGER {
    struct { DWORD LowPart; LONG HighPart; };
    struct { DWORD LowPart; LONG HighPart; } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    struct { DWORD LowPart; DWORD HighPart; };
    struct { DWORD LowPart; DWORD HighPart; } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef struct _OVERLAPPED {
    ULONG_PTR Internal;
    ULONG_PTR InternalHigh;
    union {
        struct { DWORD Offset; DWORD OffsetHigh; };
        PVOID Pointer;
    };
    HANDLE hEvent;
} OVERLAPPED, *LPOVERLAPPED, *POVERLAPPED;

typedef struct _OVERLAPPED_ENTRY {
    ULONG_PTR lpCompletionKey;
    LPOVERLAPPED lpOverlapped;
    ULONG_PTR Internal;
    DWORD dwNumberOfBytesTransferred;
} OVERLAPPED_ENTRY, *LPOVERLAPPED_ENTRY, *POVERLAPPED_ENTRY;

typedef struct _SYSTEM_INFO {
    union {
        DWORD dwOemId;
        struct { WORD wProcessorArchitecture; WORD wReserved; };
    };
    DWORD dwPageSize;
    LPVOID lpMinimumApplicationAddress;
    LPVOID lpMaximumApplicationAddress;
    DWORD_PTR dwActiveProcessorMask;
    DWORD dwNumberOfProcessors;
    DWORD dwProcessorType;
    DWORD dwAllocationGranularity;
    WORD wProcessorLevel;
    WORD wProcessorRevision;
} SYSTEM_INFO, *LPSYSTEM_INFO;

typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

typedef VOID (WINAPI *LPOVERLAPPED_COMPLETION_ROUTINE)(DWORD dwErrorCode, DWORD dwNumberOfBytesTransfered, LPOVERLAPPED lpOverlapped);
typedef VOID (NTAPI *PAPCFUNC)(ULONG_PTR Parameter);
typedef DWORD (WINAPI *PTHREAD_START_ROUTINE)(LPVOID lpThreadParameter);
typedef PTHREAD_START_ROUTINE LPTHREAD_START_ROUTINE;
typedef struct _iobuf FILE;
typedef long clock_t;

typedef struct _RTL_CRITICAL_SECTION {
    PVOID DebugInfo;
    LONG LockCount;
    LONG RecursionCount;
    HANDLE OwningThread;
    HANDLE LockSemaphore;
    ULONG_PTR SpinCount;
} CRITICAL_SECTION, *LPCRITICAL_SECTION, *PCRITICAL_SECTION, RTL_CRITICAL_SECTION, *PRTL_CRITICAL_SECTION;

typedef struct _RTL_SRWLOCK {
    PVOID Ptr;
} SRWLOCK, *PSRWLOCK, RTL_SRWLOCK, *PRTL_SRWLOCK;

typedef struct _TP_WORK *PTP_WORK;
typedef struct _TP_TIMER *PTP_TIMER;
typedef struct _TP_WAIT *PTP_WAIT;
typedef struct _TP_IO *PTP_IO;
typedef struct _TP_CALLBACK_INSTANCE *PTP_CALLBACK_INSTANCE;
typedef struct _TP_CALLBACK_ENVIRON *PTP_CALLBACK_ENVIRON;

"""#

    /// The built-in macros, after the library's prototypes.
    private static let macros = #"""
#define _WIN32 1
#define _WIN64 1
#define _M_X64 100
#define _M_AMD64 100
#define _MSC_VER 1940
#define _INTEGRAL_MAX_BITS 64
#define C_ASSERT(e) _Static_assert(e, #e)
#define CreateFile CreateFileA
#define CreateEvent CreateEventA
#define CreateSemaphore CreateSemaphoreA
#define CreateMutex CreateMutexA
#define DeleteFile DeleteFileA
#define _tmain main
#define __bool_true_false_are_defined 1
#define stdin ((FILE *)0x7FF700000000)
#define stdout ((FILE *)0x7FF700000001)
#define stderr ((FILE *)0x7FF700000002)
#define EOF (-1)
#define _TRUNCATE ((size_t)-1)
#define SRWLOCK_INIT {0}
#define RTL_SRWLOCK_INIT {0}
#define HandleToULong(h) ((ULONG)(ULONG_PTR)(h))
#define HandleToLong(h) ((LONG)(LONG_PTR)(h))
#define ULongToHandle(ul) ((HANDLE)(ULONG_PTR)(ul))
#define LongToHandle(h) ((HANDLE)(LONG_PTR)(h))
#define PtrToUlong(p) ((ULONG)(ULONG_PTR)(p))
#define PtrToLong(p) ((LONG)(LONG_PTR)(p))
#define UlongToPtr(ul) ((PVOID)(ULONG_PTR)(ul))
#define ULongToPtr(ul) ((PVOID)(ULONG_PTR)(ul))
#define IntToPtr(i) ((PVOID)(INT_PTR)(i))
#define PtrToInt(p) ((INT)(INT_PTR)(p))
#define CreateSemaphoreEx CreateSemaphoreExA
#define CreateEventEx CreateEventExA
#define GetTempPath GetTempPathA
#define GetTempFileName GetTempFileNameA
#define GetWindowsDirectory GetWindowsDirectoryA
#define RAND_MAX 0x7fff
#define CLOCKS_PER_SEC 1000
#define S_OK ((HRESULT)0)
#define S_FALSE ((HRESULT)1)
#define E_FAIL ((HRESULT)0x80004005L)
#define E_INVALIDARG ((HRESULT)0x80070057L)
#define E_OUTOFMEMORY ((HRESULT)0x8007000EL)
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define HRESULT_FROM_WIN32(x) ((HRESULT)(x) <= 0 ? ((HRESULT)(x)) : ((HRESULT)(((x) & 0x0000FFFF) | (7 << 16) | 0x80000000)))
#define StringCchPrintf StringCchPrintfA
#define StringCchCopy StringCchCopyA
#define StringCchCat StringCchCatA
#define StringCchLength StringCchLengthA
#define StringCbPrintfA StringCchPrintfA
#define StringCbCopyA StringCchCopyA
#define StringCbCatA StringCchCatA
#define StringCbPrintf StringCchPrintfA
#define StringCbCopy StringCchCopyA
#define StringCbCat StringCchCatA
#define STRSAFE_MAX_CCH 2147483647
#define lstrlenA(s) ((int)strlen(s))
#define lstrlen(s) ((int)strlen(s))
#define lstrcpyA strcpy
#define lstrcpy strcpy
#define lstrcatA strcat
#define lstrcat strcat
#define lstrcmpA strcmp
#define lstrcmp strcmp
#define lstrcmpiA _stricmp
#define lstrcmpi _stricmp
#define wsprintfA sprintf
#define wsprintf sprintf
#define lstrlenW(s) ((int)wcslen(s))
#define lstrcpyW wcscpy
#define lstrcatW wcscat
#define lstrcmpW wcscmp
#define lstrcmpiW _wcsicmp
#define StringCbPrintfW(d, cb, ...) StringCchPrintfW((d), (cb) / sizeof(WCHAR), __VA_ARGS__)
#define StringCbCopyW(d, cb, s) StringCchCopyW((d), (cb) / sizeof(WCHAR), (s))
#define StringCbCatW(d, cb, s) StringCchCatW((d), (cb) / sizeof(WCHAR), (s))
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define assert(expression) (void)((!!(expression)) || (_assert(#expression, __FILE__, __LINE__), 0))
#define _tcscpy strcpy
#define _tcscat strcat
#define _tcsncmp strncmp
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcsicmp _stricmp
#define _tcsdup _strdup
#define _stprintf sprintf
#define _sntprintf _snprintf
#define _stprintf_s sprintf_s
#define _ftprintf fprintf
#define _fputts fputs
#define _ttoi atoi
#define _tstoi atoi
#define _tcstol strtol
#define _tcstoul strtoul
#define DECLSPEC_ALIGN(x) __declspec(align(x))
#define _tcslen strlen
#define _tcscmp strcmp
#define TEXT(quote) quote
#define _T(x) x
#define _TEXT(x) x
#define _countof(array) (sizeof(array) / sizeof((array)[0]))
#define ARRAYSIZE(array) (sizeof(array) / sizeof((array)[0]))
#define offsetof(type, member) __builtin_offsetof(type, member)
#define FIELD_OFFSET(type, member) ((LONG)__builtin_offsetof(type, member))
#define CONTAINING_RECORD(address, type, field) ((type *)((PCHAR)(address) - (ULONG_PTR)__builtin_offsetof(type, field)))
#define HasOverlappedIoCompleted(lpOverlapped) (((DWORD)(lpOverlapped)->Internal) != STATUS_PENDING)
#define ZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#define SecureZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#define FillMemory(Destination, Length, Fill) memset((Destination), (Fill), (Length))
#define CopyMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
#define MoveMemory(Destination, Source, Length) memmove((Destination), (Source), (Length))
#define UNREFERENCED_PARAMETER(P) (void)(P)
#define MAKEWORD(a, b) ((WORD)(((BYTE)(a)) | ((WORD)((BYTE)(b))) << 8))
#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _Reserved_
#define _In_reads_bytes_(n)
#define _Out_writes_bytes_(n)
#define IN
#define OUT
#define OPTIONAL
#define CONST const
#define FAR
#define NEAR
#define __in
#define __out
#define __inout
"""#
}
