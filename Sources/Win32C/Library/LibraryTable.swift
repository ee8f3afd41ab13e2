/// The one list of the functions the simulated library offers: each with
/// its C prototype (what programs see, as if from `windows.h`, `stdio.h`,
/// `stdlib.h`, `string.h`) and who answers a call. The prelude's prototypes
/// are generated from it, the compiler rejects calls to anything else, the
/// runtime derives from it which calls are answered inside the VM, and a test
/// checks that every entry has an implementation, so the lists cannot drift.
public enum LibraryTable {
    /// Who answers a call.
    public enum Answer: Sendable, Equatable {
        /// `CLibrary`: pure C library work on the process's memory, inside the VM's run.
        case cLibrary
        /// The runtime, inside the VM's run, from state it keeps (no kernel, no step).
        case inPlace
        /// The VM stops at the call and the runtime performs it: a kernel
        /// service, or a value that needs the thread's step.
        case performed
        /// Written in C (`LibrarySource`), compiled into the programs that
        /// use it: it calls back into the program (`qsort`'s comparator).
        case compiled
    }

    public struct Entry: Sendable {
        /// The C declaration, as in the Windows headers (x64).
        public let prototype: String
        public let answer: Answer
        /// The function's name, read from the prototype.
        public let name: String

        init(_ answer: Answer, _ prototype: String) {
            self.prototype = prototype
            self.answer = answer
            let open = prototype.firstIndex(of: "(") ?? prototype.endIndex
            name = String(prototype[..<open].split(whereSeparator: { $0 == " " || $0 == "*" }).last ?? "")
        }

        static func cLibrary(_ prototype: String) -> Entry { Entry(.cLibrary, prototype) }
        static func inPlace(_ prototype: String) -> Entry { Entry(.inPlace, prototype) }
        static func performed(_ prototype: String) -> Entry { Entry(.performed, prototype) }
        static func compiled(_ prototype: String) -> Entry { Entry(.compiled, prototype) }
    }

    /// Functions real programs call that the simulation does not offer, and
    /// why: a call to one is a compile error that says so (not a guess at a
    /// similar name, and never a fault at run time).
    public static let unsupported: [(name: String, reason: String)] = [
        ("VirtualProtect", "simulated memory has no page protection"),
        ("VirtualQuery", "simulated memory has no page protection"),
        ("CreateTimerQueue", "timer queues are not simulated; use a thread with Sleep or a waitable wait"),
        ("CreateTimerQueueTimer", "timer queues are not simulated; use a thread with Sleep or a waitable wait"),
        ("CreateWaitableTimer", "waitable timers are not simulated"),
        ("CreateWaitableTimerW", "waitable timers are not simulated"),
        ("CreateThreadpoolWork", "the thread pool is not simulated; use CreateThread and a completion port"),
        ("SubmitThreadpoolWork", "the thread pool is not simulated; use CreateThread and a completion port"),
        ("CreateThreadpoolIo", "the thread pool is not simulated; use a completion port"),
        ("QueueUserWorkItem", "the thread pool is not simulated; use CreateThread and a completion port"),
        ("BindIoCompletionCallback", "the thread pool is not simulated; use a completion port"),
        ("InitializeConditionVariable", "condition variables are not simulated; use events"),
        ("SleepConditionVariableCS", "condition variables are not simulated; use events"),
        ("SleepConditionVariableSRW", "condition variables are not simulated; use events"),
        ("WakeConditionVariable", "condition variables are not simulated; use events"),
        ("WakeAllConditionVariable", "condition variables are not simulated; use events"),
        ("SuspendThread", "threads never start or become suspended here"),
        ("CreateProcessA", "one process is simulated"),
        ("CreateProcessW", "one process is simulated"),
        ("CreateNamedPipeA", "only disk files are simulated"),
        ("CreateNamedPipeW", "only disk files are simulated"),
        ("ConnectNamedPipe", "only disk files are simulated"),
        ("DeviceIoControl", "only disk files are simulated"),
        ("LockFileEx", "byte-range locks are not simulated"),
        ("UnlockFileEx", "byte-range locks are not simulated"),
        ("ReadDirectoryChangesW", "directories are not simulated"),
        ("FindFirstFileA", "directories are not simulated"),
        ("FindFirstFileW", "directories are not simulated"),
        ("CreateDirectoryA", "directories are not simulated"),
        ("CreateDirectoryW", "directories are not simulated"),
        ("fopen", "C stdio files are not simulated; use CreateFile"),
        ("fread", "C stdio files are not simulated; use ReadFile"),
        ("fwrite", "C stdio files are not simulated; use WriteFile"),
        ("fclose", "C stdio files are not simulated; use CloseHandle"),
        ("scanf", "there is no console input"),
        ("getchar", "there is no console input"),
        ("vsnprintf", "variadic user functions are not supported, so neither is va_list"),
        ("vprintf", "variadic user functions are not supported, so neither is va_list"),
        ("FormatMessageA", "system message tables are not simulated; print the error number"),
        ("FormatMessageW", "system message tables are not simulated; print the error number"),
    ]

    /// Why `name` is not offered, if it is a known unsupported function.
    public static func unsupportedReason(_ name: String) -> String? {
        unsupported.first { $0.name == name }?.reason
    }

    /// The prototypes as prelude text, one per line.
    static var prototypes: String { entries.map { $0.prototype + "\n" }.joined() }

    /// The names of the functions answered with `answer`.
    public static func names(answeredBy answer: Answer) -> [String] {
        entries.filter { $0.answer == answer }.map(\.name)
    }

    public static let entries: [Entry] = [
        .cLibrary("int printf(const char *format, ...);"),
        .cLibrary("int _tprintf(const char *format, ...);"),
        .cLibrary("int wprintf(const wchar_t *format, ...);"),
        .cLibrary("int puts(const char *s);"),
        .cLibrary("int putchar(int c);"),
        .cLibrary("void *memset(void *dest, int c, size_t count);"),
        .cLibrary("void *memcpy(void *dest, const void *src, size_t count);"),
        .cLibrary("void *memmove(void *dest, const void *src, size_t count);"),
        .cLibrary("int memcmp(const void *a, const void *b, size_t count);"),
        .cLibrary("size_t strlen(const char *s);"),
        .cLibrary("size_t wcslen(const wchar_t *s);"),
        .cLibrary("int strcmp(const char *a, const char *b);"),
        .cLibrary("void *malloc(size_t size);"),
        .cLibrary("void *calloc(size_t count, size_t size);"),
        .cLibrary("void free(void *p);"),
        .cLibrary("LPVOID WINAPI VirtualAlloc(LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect);"),
        .cLibrary("BOOL WINAPI VirtualFree(LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType);"),
        .cLibrary("LONG InterlockedIncrement(LONG volatile *Addend);"),
        .cLibrary("LONG InterlockedDecrement(LONG volatile *Addend);"),
        .cLibrary("LONG InterlockedExchange(LONG volatile *Target, LONG Value);"),
        .cLibrary("LONG InterlockedExchangeAdd(LONG volatile *Addend, LONG Value);"),
        .cLibrary("LONG InterlockedCompareExchange(LONG volatile *Destination, LONG Exchange, LONG Comparand);"),
        .cLibrary("LONGLONG InterlockedIncrement64(LONGLONG volatile *Addend);"),
        .cLibrary("LONGLONG InterlockedDecrement64(LONGLONG volatile *Addend);"),
        .cLibrary("LONGLONG InterlockedExchangeAdd64(LONGLONG volatile *Addend, LONGLONG Value);"),
        .cLibrary("PVOID InterlockedExchangePointer(PVOID volatile *Target, PVOID Value);"),
        .cLibrary("PVOID InterlockedCompareExchangePointer(PVOID volatile *Destination, PVOID Exchange, PVOID Comparand);"),

        .cLibrary("int sprintf(char *buffer, const char *format, ...);"),
        .cLibrary("int snprintf(char *buffer, size_t count, const char *format, ...);"),
        .cLibrary("int _snprintf(char *buffer, size_t count, const char *format, ...);"),
        .cLibrary("int sprintf_s(char *buffer, size_t sizeOfBuffer, const char *format, ...);"),
        .cLibrary("int _snprintf_s(char *buffer, size_t sizeOfBuffer, size_t count, const char *format, ...);"),
        .cLibrary("int fprintf(FILE *stream, const char *format, ...);"),
        .cLibrary("int fputs(const char *str, FILE *stream);"),
        .cLibrary("int fputc(int c, FILE *stream);"),
        .cLibrary("int fflush(FILE *stream);"),
        .cLibrary("char *strcpy(char *dest, const char *src);"),
        .cLibrary("char *strncpy(char *dest, const char *src, size_t count);"),
        .cLibrary("char *strcat(char *dest, const char *src);"),
        .cLibrary("char *strncat(char *dest, const char *src, size_t count);"),
        .cLibrary("char *strchr(const char *str, int c);"),
        .cLibrary("char *strrchr(const char *str, int c);"),
        .cLibrary("char *strstr(const char *str, const char *strSearch);"),
        .cLibrary("int strncmp(const char *string1, const char *string2, size_t count);"),
        .cLibrary("int _stricmp(const char *string1, const char *string2);"),
        .cLibrary("int _strnicmp(const char *string1, const char *string2, size_t count);"),
        .cLibrary("size_t strnlen(const char *str, size_t numberOfElements);"),
        .cLibrary("errno_t strcpy_s(char *dest, size_t destSize, const char *src);"),
        .cLibrary("errno_t strcat_s(char *dest, size_t destSize, const char *src);"),
        .cLibrary("char *_strdup(const char *strSource);"),
        .cLibrary("char *strdup(const char *strSource);"),
        .cLibrary("void *memchr(const void *buffer, int c, size_t count);"),
        .cLibrary("int wcscmp(const wchar_t *string1, const wchar_t *string2);"),
        .cLibrary("wchar_t *wcscpy(wchar_t *dest, const wchar_t *src);"),
        .cLibrary("int atoi(const char *str);"),
        .cLibrary("long atol(const char *str);"),
        .cLibrary("__int64 _atoi64(const char *str);"),
        .cLibrary("long strtol(const char *str, char **endptr, int base);"),
        .cLibrary("unsigned long strtoul(const char *str, char **endptr, int base);"),
        .cLibrary("long long strtoll(const char *str, char **endptr, int base);"),
        .cLibrary("unsigned long long strtoull(const char *str, char **endptr, int base);"),
        .cLibrary("int isdigit(int c);"),
        .cLibrary("int isalpha(int c);"),
        .cLibrary("int isalnum(int c);"),
        .cLibrary("int isspace(int c);"),
        .cLibrary("int isupper(int c);"),
        .cLibrary("int islower(int c);"),
        .cLibrary("int isxdigit(int c);"),
        .cLibrary("int isprint(int c);"),
        .cLibrary("int ispunct(int c);"),
        .cLibrary("int iscntrl(int c);"),
        .cLibrary("int toupper(int c);"),
        .cLibrary("int tolower(int c);"),
        .cLibrary("int abs(int n);"),
        .cLibrary("long labs(long n);"),
        .cLibrary("long long llabs(long long n);"),
        .cLibrary("int rand(void);"),
        .cLibrary("void srand(unsigned int seed);"),
        .cLibrary("void _assert(const char *message, const char *filename, unsigned line);"),
        .cLibrary("void abort(void);"),
        .cLibrary("char *strtok(char *strToken, const char *strDelimit);"),
        .cLibrary("char *strtok_s(char *str, const char *delimiters, char **context);"),
        .cLibrary("char *_itoa(int value, char *buffer, int radix);"),
        .cLibrary("char *_ltoa(long value, char *buffer, int radix);"),
        .cLibrary("char *_ultoa(unsigned long value, char *buffer, int radix);"),
        .cLibrary("char *_i64toa(long long value, char *buffer, int radix);"),
        .cLibrary("char *_ui64toa(unsigned long long value, char *buffer, int radix);"),
        .cLibrary("HRESULT StringCchPrintfA(LPSTR pszDest, size_t cchDest, LPCSTR pszFormat, ...);"),
        .cLibrary("HRESULT StringCchCopyA(LPSTR pszDest, size_t cchDest, LPCSTR pszSrc);"),
        .cLibrary("HRESULT StringCchCatA(LPSTR pszDest, size_t cchDest, LPCSTR pszSrc);"),
        .cLibrary("HRESULT StringCchLengthA(LPCSTR psz, size_t cchMax, size_t *pcchLength);"),
        .cLibrary("int swprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...);"),
        .cLibrary("int _snwprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...);"),
        .cLibrary("int swprintf_s(wchar_t *buffer, size_t sizeOfBuffer, const wchar_t *format, ...);"),
        .cLibrary("wchar_t *wcscat(wchar_t *dest, const wchar_t *src);"),
        .cLibrary("errno_t wcscpy_s(wchar_t *dest, size_t destSize, const wchar_t *src);"),
        .cLibrary("errno_t wcscat_s(wchar_t *dest, size_t destSize, const wchar_t *src);"),
        .cLibrary("int wcsncmp(const wchar_t *string1, const wchar_t *string2, size_t count);"),
        .cLibrary("int _wcsicmp(const wchar_t *string1, const wchar_t *string2);"),
        .cLibrary("wchar_t *wcschr(const wchar_t *str, wchar_t c);"),
        .cLibrary("wchar_t *wcsrchr(const wchar_t *str, wchar_t c);"),
        .cLibrary("wchar_t *wcsstr(const wchar_t *str, const wchar_t *strSearch);"),
        .cLibrary("int _wtoi(const wchar_t *str);"),
        .cLibrary("long wcstol(const wchar_t *str, wchar_t **endptr, int base);"),
        .cLibrary("unsigned long wcstoul(const wchar_t *str, wchar_t **endptr, int base);"),
        .cLibrary("HRESULT StringCchPrintfW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszFormat, ...);"),
        .cLibrary("HRESULT StringCchCopyW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszSrc);"),
        .cLibrary("HRESULT StringCchCatW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszSrc);"),
        .cLibrary("HRESULT StringCchLengthW(LPCWSTR psz, size_t cchMax, size_t *pcchLength);"),
        .cLibrary("void *realloc(void *memblock, size_t size);"),
        .cLibrary("HANDLE WINAPI GetProcessHeap(void);"),
        .cLibrary("LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes);"),
        .cLibrary("LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes);"),
        .cLibrary("BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem);"),
        .compiled("void qsort(void *base, size_t number, size_t width, int (__cdecl *compare)(const void *, const void *));"),
        .compiled("void *bsearch(const void *key, const void *base, size_t number, size_t width, int (__cdecl *compare)(const void *, const void *));"),

        .performed("HANDLE WINAPI CreateFileA(LPCSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode, LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes, HANDLE hTemplateFile);"),
        .performed("HANDLE WINAPI CreateFileW(LPCWSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode, LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes, HANDLE hTemplateFile);"),
        .performed("HANDLE WINAPI ReOpenFile(HANDLE hOriginalFile, DWORD dwDesiredAccess, DWORD dwShareMode, DWORD dwFlagsAndAttributes);"),
        .performed("BOOL WINAPI DuplicateHandle(HANDLE hSourceProcessHandle, HANDLE hSourceHandle, HANDLE hTargetProcessHandle, LPHANDLE lpTargetHandle, DWORD dwDesiredAccess, BOOL bInheritHandle, DWORD dwOptions);"),
        .inPlace("HANDLE WINAPI GetCurrentProcess(void);"),
        .inPlace("DWORD WINAPI GetCurrentProcessId(void);"),
        .performed("BOOL WINAPI CloseHandle(HANDLE hObject);"),
        .performed("BOOL WINAPI ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead, LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped);"),
        .performed("BOOL WINAPI WriteFile(HANDLE hFile, LPCVOID lpBuffer, DWORD nNumberOfBytesToWrite, LPDWORD lpNumberOfBytesWritten, LPOVERLAPPED lpOverlapped);"),
        .performed("BOOL WINAPI ReadFileEx(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead, LPOVERLAPPED lpOverlapped, LPOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);"),
        .performed("BOOL WINAPI WriteFileEx(HANDLE hFile, LPCVOID lpBuffer, DWORD nNumberOfBytesToWrite, LPOVERLAPPED lpOverlapped, LPOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);"),
        .performed("BOOL WINAPI GetOverlappedResult(HANDLE hFile, LPOVERLAPPED lpOverlapped, LPDWORD lpNumberOfBytesTransferred, BOOL bWait);"),
        .performed("BOOL WINAPI GetOverlappedResultEx(HANDLE hFile, LPOVERLAPPED lpOverlapped, LPDWORD lpNumberOfBytesTransferred, DWORD dwMilliseconds, BOOL bAlertable);"),
        .performed("BOOL WINAPI CancelIo(HANDLE hFile);"),
        .performed("BOOL WINAPI CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped);"),
        .performed("BOOL WINAPI GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize);"),
        .performed("DWORD WINAPI GetFileSize(HANDLE hFile, LPDWORD lpFileSizeHigh);"),
        .performed("BOOL WINAPI SetFilePointerEx(HANDLE hFile, LARGE_INTEGER liDistanceToMove, PLARGE_INTEGER lpNewFilePointer, DWORD dwMoveMethod);"),
        .performed("DWORD WINAPI SetFilePointer(HANDLE hFile, LONG lDistanceToMove, PLONG lpDistanceToMoveHigh, DWORD dwMoveMethod);"),
        .performed("BOOL WINAPI SetEndOfFile(HANDLE hFile);"),
        .performed("BOOL WINAPI FlushFileBuffers(HANDLE hFile);"),
        .performed("BOOL WINAPI DeleteFileA(LPCSTR lpFileName);"),
        .performed("BOOL WINAPI DeleteFileW(LPCWSTR lpFileName);"),
        .performed("BOOL WINAPI SetFileCompletionNotificationModes(HANDLE FileHandle, UCHAR Flags);"),
        .inPlace("DWORD WINAPI GetFileType(HANDLE hFile);"),
        .performed("HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset, BOOL bInitialState, LPCSTR lpName);"),
        .performed("HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset, BOOL bInitialState, LPCWSTR lpName);"),
        .performed("BOOL WINAPI SetEvent(HANDLE hEvent);"),
        .performed("BOOL WINAPI ResetEvent(HANDLE hEvent);"),
        .performed("HANDLE WINAPI CreateSemaphoreA(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes, LONG lInitialCount, LONG lMaximumCount, LPCSTR lpName);"),
        .performed("HANDLE WINAPI CreateSemaphoreW(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes, LONG lInitialCount, LONG lMaximumCount, LPCWSTR lpName);"),
        .performed("BOOL WINAPI ReleaseSemaphore(HANDLE hSemaphore, LONG lReleaseCount, LPLONG lpPreviousCount);"),
        .performed("HANDLE WINAPI CreateMutexA(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner, LPCSTR lpName);"),
        .performed("HANDLE WINAPI CreateMutexW(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner, LPCWSTR lpName);"),
        .performed("BOOL WINAPI ReleaseMutex(HANDLE hMutex);"),
        .performed("DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds);"),
        .performed("DWORD WINAPI WaitForSingleObjectEx(HANDLE hHandle, DWORD dwMilliseconds, BOOL bAlertable);"),
        .performed("DWORD WINAPI WaitForMultipleObjects(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll, DWORD dwMilliseconds);"),
        .performed("DWORD WINAPI WaitForMultipleObjectsEx(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll, DWORD dwMilliseconds, BOOL bAlertable);"),
        .performed("DWORD WINAPI SignalObjectAndWait(HANDLE hObjectToSignal, HANDLE hObjectToWaitOn, DWORD dwMilliseconds, BOOL bAlertable);"),
        .performed("VOID WINAPI Sleep(DWORD dwMilliseconds);"),
        .performed("DWORD WINAPI SleepEx(DWORD dwMilliseconds, BOOL bAlertable);"),
        .performed("DWORD WINAPI QueueUserAPC(PAPCFUNC pfnAPC, HANDLE hThread, ULONG_PTR dwData);"),
        .performed("HANDLE WINAPI CreateIoCompletionPort(HANDLE FileHandle, HANDLE ExistingCompletionPort, ULONG_PTR CompletionKey, DWORD NumberOfConcurrentThreads);"),
        .performed("BOOL WINAPI GetQueuedCompletionStatus(HANDLE CompletionPort, LPDWORD lpNumberOfBytesTransferred, PULONG_PTR lpCompletionKey, LPOVERLAPPED *lpOverlapped, DWORD dwMilliseconds);"),
        .performed("BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE CompletionPort, LPOVERLAPPED_ENTRY lpCompletionPortEntries, ULONG ulCount, PULONG ulNumEntriesRemoved, DWORD dwMilliseconds, BOOL fAlertable);"),
        .performed("BOOL WINAPI PostQueuedCompletionStatus(HANDLE CompletionPort, DWORD dwNumberOfBytesTransferred, ULONG_PTR dwCompletionKey, LPOVERLAPPED lpOverlapped);"),
        .performed("HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES lpThreadAttributes, SIZE_T dwStackSize, LPTHREAD_START_ROUTINE lpStartAddress, LPVOID lpParameter, DWORD dwCreationFlags, LPDWORD lpThreadId);"),
        .performed("uintptr_t _beginthreadex(void *security, unsigned stack_size, unsigned (__stdcall *start_address)(void *), void *arglist, unsigned initflag, unsigned *thrdaddr);"),
        .performed("VOID WINAPI ExitThread(DWORD dwExitCode);"),
        .performed("BOOL WINAPI TerminateThread(HANDLE hThread, DWORD dwExitCode);"),
        .performed("BOOL WINAPI CancelSynchronousIo(HANDLE hThread);"),
        .inPlace("HANDLE WINAPI GetCurrentThread(void);"),
        .performed("DWORD WINAPI GetCurrentThreadId(void);"),
        .performed("BOOL WINAPI GetExitCodeThread(HANDLE hThread, LPDWORD lpExitCode);"),
        .performed("HRESULT WINAPI SetThreadDescription(HANDLE hThread, LPCWSTR lpThreadDescription);"),
        .inPlace("DWORD WINAPI ResumeThread(HANDLE hThread);"),
        .inPlace("BOOL WINAPI SetThreadPriority(HANDLE hThread, int nPriority);"),
        .inPlace("DWORD WINAPI GetLastError(void);"),
        .performed("VOID WINAPI SetLastError(DWORD dwErrCode);"),
        .performed("DWORD WINAPI GetTickCount(void);"),
        .performed("ULONGLONG WINAPI GetTickCount64(void);"),
        .performed("BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *lpPerformanceCount);"),
        .performed("BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *lpFrequency);"),
        .performed("VOID WINAPI GetSystemInfo(LPSYSTEM_INFO lpSystemInfo);"),
        .performed("HANDLE WINAPI CreateSemaphoreExA(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes, LONG lInitialCount, LONG lMaximumCount, LPCSTR lpName, DWORD dwFlags, DWORD dwDesiredAccess);"),
        .performed("HANDLE WINAPI CreateSemaphoreExW(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes, LONG lInitialCount, LONG lMaximumCount, LPCWSTR lpName, DWORD dwFlags, DWORD dwDesiredAccess);"),
        .performed("HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES lpEventAttributes, LPCSTR lpName, DWORD dwFlags, DWORD dwDesiredAccess);"),
        .performed("HANDLE WINAPI CreateEventExW(LPSECURITY_ATTRIBUTES lpEventAttributes, LPCWSTR lpName, DWORD dwFlags, DWORD dwDesiredAccess);"),
        .performed("VOID WINAPI InitializeCriticalSection(LPCRITICAL_SECTION lpCriticalSection);"),
        .performed("BOOL WINAPI InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION lpCriticalSection, DWORD dwSpinCount);"),
        .performed("BOOL WINAPI InitializeCriticalSectionEx(LPCRITICAL_SECTION lpCriticalSection, DWORD dwSpinCount, DWORD Flags);"),
        .performed("VOID WINAPI EnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection);"),
        .performed("BOOL WINAPI TryEnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection);"),
        .performed("VOID WINAPI LeaveCriticalSection(LPCRITICAL_SECTION lpCriticalSection);"),
        .performed("VOID WINAPI DeleteCriticalSection(LPCRITICAL_SECTION lpCriticalSection);"),
        .performed("VOID WINAPI InitializeSRWLock(PSRWLOCK SRWLock);"),
        .performed("VOID WINAPI AcquireSRWLockExclusive(PSRWLOCK SRWLock);"),
        .performed("VOID WINAPI AcquireSRWLockShared(PSRWLOCK SRWLock);"),
        .performed("VOID WINAPI ReleaseSRWLockExclusive(PSRWLOCK SRWLock);"),
        .performed("VOID WINAPI ReleaseSRWLockShared(PSRWLOCK SRWLock);"),
        .performed("BOOLEAN WINAPI TryAcquireSRWLockExclusive(PSRWLOCK SRWLock);"),
        .performed("BOOLEAN WINAPI TryAcquireSRWLockShared(PSRWLOCK SRWLock);"),
        .performed("DWORD WINAPI GetTempPathA(DWORD nBufferLength, LPSTR lpBuffer);"),
        .performed("UINT WINAPI GetTempFileNameA(LPCSTR lpPathName, LPCSTR lpPrefixString, UINT uUnique, LPSTR lpTempFileName);"),
        .performed("UINT WINAPI GetWindowsDirectoryA(LPSTR lpBuffer, UINT uSize);"),
        .performed("time_t time(time_t *destTime);"),
        .performed("clock_t clock(void);"),
        .performed("VOID WINAPI SimCompute(DWORD microseconds);"),
        .performed("DWORD WINAPI SimCpuUsage(void);"),
        .performed("VOID WINAPI SimNote(LPCSTR text);"),
        .cLibrary("void exit(int status);"),
        .cLibrary("void ExitProcess(UINT uExitCode);"),
    ]
}
