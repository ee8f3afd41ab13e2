import Testing
import SimKernel
import SimRuntime

/// Critical sections and SRW locks are kernel objects named after the lock
/// variable, and a thread blocked on one is shown waiting on it.
@Suite struct LockViewTests {
    @Test func blockedThreadWaitsOnTheNamedLock() throws {
        var run = try ProgramRun.make(source: """
            #include <windows.h>
            static CRITICAL_SECTION g_cs;
            static SRWLOCK tableLock = SRWLOCK_INIT;
            static DWORD WINAPI Second(LPVOID p) {
                EnterCriticalSection(&g_cs);
                LeaveCriticalSection(&g_cs);
                return 0;
            }
            int main(void) {
                InitializeCriticalSection(&g_cs);
                AcquireSRWLockExclusive(&tableLock);
                ReleaseSRWLockExclusive(&tableLock);
                EnterCriticalSection(&g_cs);
                HANDLE t = CreateThread(NULL, 0, Second, NULL, 0, NULL);
                Sleep(10);
                LeaveCriticalSection(&g_cs);
                WaitForSingleObject(t, INFINITE);
                return 0;
            }
            """, fileName: "locks.c", settings: RunSettings())
        var sawBlockedOnLock = false
        var labels: [String] = []
        while run.stepEvent() {
            let view = run.machine
            labels = view.mutexes.map(\.object.label) + view.events.map(\.object.label)
            for thread in view.threads {
                if case .waiting(let wait) = thread.state, case .objects(let objects, _) = wait.reason,
                   objects.map(\.label) == ["g_cs"] { sawBlockedOnLock = true }
            }
        }
        #expect(labels.contains("g_cs"))
        #expect(labels.contains("tableLock"))
        #expect(sawBlockedOnLock)
        #expect(run.outcome == .exited(code: 0))
    }
}
