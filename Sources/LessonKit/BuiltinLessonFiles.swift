// Generated from Lessons/ by BuiltinLessonsGenerator — do not edit.
// Regenerate with: OVERLAPPED_REGENERATE_LESSONS=1 swift test --filter LessonKitTests.BuiltinLessonsTests

enum BuiltinLessonFiles {
    /// Lesson files and programs, by path relative to `Lessons/`, sorted by path.
    static let files: [(path: String, text: String)] = [
        ("01-using-overlapped.md", #"""
---
id: using-overlapped
title: Using Overlapped
order: 1
summary: The screen, the keys, and how a lesson moves the simulation for you.
view: event
settings:
  cpus: 2
  seed: 1
  disk: { latency_us: 2000, jitter_us: 0, cache: off }
---

Overlapped runs small Windows C programs on a simulated kernel and shows you
what the kernel does while they run. This first lesson is a short tour: the
program below reads a file *asynchronously* and waits for the read to finish.

## Step: What you are looking at

The screen has two halves. This text is on one side; the simulation is on
the other:

- the **source** of the program, with a marker on the line each thread is about to run;
- the **threads**, each with a state letter: `X` running, `R` ready, `W` waiting, `A` waiting alertably, `T` terminated;
- the kernel **objects** the program uses, here one event;
- the **log**: one line per thing the kernel did, with the virtual time.

Nothing has run yet. Go to the next step when you are ready; the lesson moves
the simulation to the interesting moment of each step by itself.

## Step: Starting a read

The main thread has opened the file with `FILE_FLAG_OVERLAPPED` and created an
event. It is about to call `ReadFile`, passing an `OVERLAPPED` whose `hEvent`
is that event.

```step
stop: thread main reaches line 12
check:
  - expect: the event is reset
    message: The event was created non-signaled, and nothing has set it yet.
  - expect: completions are 0
    message: No request has been issued yet, so none can have finished.
hints:
  - Find the marker in the source view; it sits on the ReadFile line.
  - The event's state is shown next to its name in the objects list.
```

## Step: Predict, then watch

The read went to the disk and `ReadFile` returned `FALSE` with
`ERROR_IO_PENDING`: the request is *in flight*. The main thread now waits on
the event in `WaitForSingleObject`, so its state letter is `W`.

Lessons ask you to predict before you see. Choose an answer; the simulation
then runs on and the answer is graded by what the kernel actually does.

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: thread main is waiting
    message: The main thread should be blocked in WaitForSingleObject.
  - expect: the event is reset
    message: The read has not finished, so the event is still reset.
question:
  ask: The main thread is blocked. What wakes it up?
  choices:
    - text: The disk finishes the read, and the kernel sets the event in the OVERLAPPED.
      when: the event is set
    - text: Nothing; it stays blocked and the program hangs.
      when: thread main is waiting
    - The thread wakes up every millisecond to look at the file.
  answer: a
  reveal: not thread main is waiting
  explain: When a request with an event in its OVERLAPPED completes, the kernel sets that event. A manual-reset event stays set, so the wait on it is satisfied and the thread runs again.
hints:
  - Which object is the thread waiting on?
  - Who signals that object?
```

## Step: Stepping and going back

Between steps you can drive the simulation yourself. The key bar at the
bottom of the screen always lists the keys; the most useful are:

- `s` runs one kernel event, `t` one statement of the selected thread;
- `p` (or Space) runs and pauses;
- `b` steps *back*, exactly: the simulation is deterministic, so going back and
  forward again shows the same thing every time;
- `r` restarts the program, `?` shows every key.

The program has printed how many bytes it read.

```step
stop: output contains "read 512 bytes"
check:
  - expect: completions reach 1
    message: The one read has completed.
  - expect: output contains "the read is pending"
    message: ReadFile returned FALSE with ERROR_IO_PENDING, so the program said so.
```

## Step: Where to go next

The program closes its handles and returns from `main`.

```step
stop: program exits with 0
```

The next lessons look at each way a program can learn that a request has
finished: the file handle, an event per request, completion routines, and the
completion port. `overlapped lessons` lists them with your progress.

```c program first-read.c
#include <windows.h>
#include <stdio.h>
#pragma sim file("hello.txt", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("hello.txt"), GENERIC_READ, FILE_SHARE_READ,
                          NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    BYTE buffer[512];
    OVERLAPPED o = {0};
    o.hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);

    if (!ReadFile(h, buffer, sizeof(buffer), NULL, &o) && GetLastError() == ERROR_IO_PENDING) {
        printf("the read is pending\n");
    }
    WaitForSingleObject(o.hEvent, INFINITE);
    printf("read %lu bytes\n", (DWORD)o.InternalHigh);

    CloseHandle(o.hEvent);
    CloseHandle(h);
    return 0;
}
```

"""#),
        ("02-handles.md", #"""
---
id: sync-and-overlapped-handles
title: Synchronous and overlapped handles
order: 2
summary: What FILE_FLAG_OVERLAPPED changes, what ERROR_IO_PENDING means, and a request that finishes at once anyway.
view: device
program: programs/reopen-share.c
---

Whether a request blocks is decided when the file is *opened*, not when it is
read. A handle opened without `FILE_FLAG_OVERLAPPED` is **synchronous**: every
read waits until the data is there, and the file object keeps a current
position. With the flag, the handle is **overlapped**: a read starts, and the
call returns while the device works.

## Step: A synchronous read blocks

The main thread reads 100 bytes from a synchronous handle. It has no
`OVERLAPPED`, so the read starts at the file object's position and moves it.

```step
stop: thread main reaches line 91
check:
  - expect: thread main is waiting in ReadFile
    message: On a synchronous handle, ReadFile itself waits until the data is there.
  - expect: completions are 0
    message: The disk is still working on the read.
hints:
  - The state letter W shows the thread is blocked.
```

## Step: An OVERLAPPED on a synchronous handle

The next read passes an `OVERLAPPED` with `Offset = 1000` on the same
synchronous handle.

```step
stop: thread main reaches line 99
question:
  ask: Where is the file position after this 100-byte read at offset 1000?
  choices:
    - text: At 1100 — the read starts at the OVERLAPPED's offset and the position ends after the data.
      when: output contains "Offset=1000 -> TRUE, 100 bytes, position 1100"
    - text: Still at 100 — an OVERLAPPED read never touches the position.
      when: output contains "Offset=1000 -> TRUE, 100 bytes, position 100"
    - text: The call fails, because synchronous handles do not take an OVERLAPPED.
      when: output contains "Offset=1000 -> FALSE"
  answer: a
  reveal: output contains "Offset=1000"
  explain: An OVERLAPPED on a synchronous handle is legal. It supplies the offset, the call still blocks, and the position is left at offset plus the bytes read.
```

## Step: ERROR_IO_PENDING

An overlapped handle to the same file reads 100 bytes at offset 131072. The
cache has never seen that part of the file, so the request goes to the disk.

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: output contains "at 131072 -> FALSE, error 997 ERROR_IO_PENDING, Internal=0x103"
    message: ReadFile returned FALSE, GetLastError says ERROR_IO_PENDING, and Internal holds STATUS_PENDING (0x103).
hints:
  - 'FALSE does not always mean failure: look at GetLastError.'
```

## Step: Overlapped, yet done at once

The next read on the overlapped handle asks for offset 0, which the first
synchronous read already brought into the cache.

```step
stop: thread main reaches line 157
question:
  ask: What does ReadFile return for this cached read on an overlapped handle?
  choices:
    - text: TRUE — the request completes during the call.
      when: output contains "(cached) -> TRUE at once"
    - text: FALSE with ERROR_IO_PENDING, like every request on an overlapped handle.
      when: output contains "(cached) -> FALSE"
  answer: a
  reveal: output contains "(cached)"
  explain: Overlapped only means the call may return before the request is done. A read the cache can serve completes inside the call and returns TRUE — and every notification still fires, so the handle is signaled too.
```

## Step: A write that extends the file

Writes that extend a file are done synchronously by the file system, even on
an overlapped handle.

```step
stop: program exits with 0
check:
  - expect: output contains "WriteFile 512 bytes at 0 -> TRUE at once"
    message: The extending write completed inside WriteFile.
```

A program using overlapped handles must therefore handle both answers:
`TRUE` (done now) and `FALSE` with `ERROR_IO_PENDING` (done later).

"""#),
        ("03-reopen.md", #"""
---
id: reopening-handles
title: "Reopening a handle: ReOpenFile, DuplicateHandle and share modes"
order: 3
summary: A handle names a file object; duplicating shares it, reopening makes a new one — and is share-checked.
view: device
program: programs/reopen-share.c
---

A handle is a reference to a **file object**, and the file object holds what
the open asked for: synchronous or overlapped, its position, its access and
share rights. Two calls give you a second handle to a file, and they differ
in exactly that.

## Step: DuplicateHandle

The program duplicates the synchronous handle and reads 50 bytes through the
copy.

```step
stop: thread main reaches line 111
question:
  ask: The original handle's position was 1100. Where is it after reading 50 bytes through the duplicate?
  choices:
    - text: 1150 — both handles refer to the same file object and its one position.
      when: output contains "original's position 1150"
    - text: 1100 — the duplicate has a position of its own.
      when: output contains "original's position 1100"
  answer: a
  reveal: output contains "original's position"
  explain: DuplicateHandle gives another handle to the same file object, so position, mode and completion-port association are shared, and no new share check is made.
```

## Step: ReOpenFile

`ReOpenFile` is a new open of the same file: a new file object, with its own
position and its own flags.

```step
stop: thread main reaches line 127
check:
  - expect: output contains "its own position 0"
    message: The reopened handle has a new file object, whose position starts at 0.
hints:
  - Count the file objects in the objects list before and after.
```

## Step: Adding FILE_FLAG_OVERLAPPED

The mode belongs to the file object, so the only way to get an overlapped
handle from a synchronous one is to reopen with the flag.

```step
stop: thread main reaches line 143
check:
  - expect: output contains "ReadFile without OVERLAPPED -> FALSE, error 87 ERROR_INVALID_PARAMETER"
    message: An overlapped file object keeps no position, so a read without an OVERLAPPED is refused.
```

## Step: Share modes

Every open so far asked to read and shared reading only. The program has
just asked for write access with `CreateFile`.

```step
stop: thread main reaches line 167
question:
  ask: The program now reopens the file asking to read but sharing nothing. What happens?
  choices:
    - text: It fails with ERROR_SHARING_VIOLATION — the existing opens hold read access this open will not share.
      when: output contains "ReOpenFile sharing nothing -> error 32 ERROR_SHARING_VIOLATION"
    - text: It succeeds — ReOpenFile starts from an open handle, so it is not share-checked.
      when: output contains "ReOpenFile sharing nothing -> error 0"
  answer: a
  reveal: output contains "ReOpenFile sharing nothing"
  explain: ReOpenFile is checked against every existing open of the file, the original included, like any other open.
```

## Step: Opening for no data access

```step
stop: program exits with 0
check:
  - expect: output contains "CreateFile asking to write -> error 32 ERROR_SHARING_VIOLATION"
    message: Write access that the existing opens did not share is refused.
  - expect: output contains "CreateFile asking for no data access -> opened"
    message: An open that asks for no data access takes no part in sharing.
```

"""#),
        ("04-device-handle.md", #"""
---
id: device-handle
title: Waiting on the device handle
order: 4
summary: The file object is a signal of its own — and with two reads in flight it cannot say which one finished.
view: device
program: programs/device-ambiguity.c
---

The simplest way to learn that an overlapped request has finished is to wait
on the file handle itself. A file object carries its own *manual-reset
signal*: the kernel resets it when a request starts on that file object and
sets it when a request without an event finishes.

## Step: A signal per file object

The program has just opened the file with `FILE_FLAG_OVERLAPPED`. No
request has started yet.

```step
stop: thread main reaches line 54
check:
  - expect: the file is signaled
    message: A freshly opened file object starts signaled.
  - expect: completions are 0
    message: Nothing has been read yet.
hints:
  - Find the file object in the objects list; its signal is shown beside it.
```

## Step: Two reads, one signal

The program has started read A at offset 0 and read B at offset 32768. Both
pended, and the main thread now waits on the *file handle*.

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: the file is not signaled
    message: Starting a request resets the file object's signal.
  - expect: output contains "both pending"
    message: Both ReadFile calls returned FALSE with ERROR_IO_PENDING.
question:
  ask: The disk finishes read A first. The main thread's wait returns. What does a *second* wait on the handle, with a timeout of 0, return while B is still in flight?
  choices:
    - text: WAIT_OBJECT_0 — the signal is still set from A's completion.
      when: output contains "second wait, timeout 0 -> WAIT_OBJECT_0 although B is pending"
    - text: WAIT_TIMEOUT — B is still pending, so the handle is not signaled.
      when: output contains "second wait, timeout 0 -> WAIT_TIMEOUT"
  answer: a
  reveal: output contains "second wait"
  explain: The file object is one manual-reset signal for every request on it. The first completion sets it, and nothing resets it until another request starts, so the handle keeps saying "done" while B is still in flight.
hints:
  - Is the file object's signal manual-reset or auto-reset?
  - What resets it?
```

## Step: Asking the OVERLAPPED instead

The handle cannot tell the two reads apart, so the program looks at B's
`OVERLAPPED` until the kernel writes a status into `Internal` — busy checking,
which the other methods exist to avoid.

```step
stop: program exits with 0
check:
  - expect: completions reach 2
    message: Both reads completed in the end.
  - expect: output contains "B.Internal=0x0 B.InternalHigh=4096 after polling"
    message: B's OVERLAPPED finally holds STATUS_SUCCESS and 4096 bytes.
```

With one request in flight the handle is a fine signal. With two, it is a
guess. The next lesson gives each request its own event.

"""#),
        ("05-events.md", #"""
---
id: event-per-request
title: An event per request
order: 5
summary: Each OVERLAPPED carries its own event, so WaitForMultipleObjects can say which request finished — lowest index first.
view: event
program: programs/method2-event.c
---

The file handle is one signal for every request. The fix is to give each
request a signal of its own: an event in `OVERLAPPED.hEvent`. When a request
with an event completes, the kernel sets *that* event and leaves the file
object alone.

## Step: Eight reads, eight events

The main thread created eight manual-reset events, started eight reads with
one event each, and now waits on all eight with `WaitForMultipleObjects`.

```step
stop: thread main is waiting in WaitForMultipleObjects
check:
  - expect: 8 events are reset
    message: Every request resets its event when it starts.
  - expect: completions are 0
    message: The disk has not finished any read yet.
hints:
  - The objects list shows every event and whether it is set.
```

## Step: What the wait leaves behind

The wait returns the index of a signaled event: the index *is* the request's
number. Then the program calls `GetOverlappedResult` (line 94) and
`ResetEvent` (line 99).

```step
question:
  ask: When main has called GetOverlappedResult, just before ResetEvent, is the event that woke it still set?
  choices:
    - text: Yes — a wait does not reset a manual-reset event; the program must.
      when: at least 1 events are set
    - text: No — the wait consumed the signal.
      when: 0 events are set
  answer: a
  reveal: thread main reaches line 94
  explain: A satisfied wait resets an auto-reset event but leaves a manual-reset event set. If the program did not reset it, the same index would win every later wait, because wait-any returns the lowest signaled index.
hints:
  - Were the events created manual-reset or auto-reset?
```

## Step: Lowest index first

If several reads have finished by the time main waits again,
`WaitForMultipleObjects` returns the lowest signaled index — not the one that
finished first. That is why each handled event is reset: otherwise request 0
would win every wait.

```step
stop: 'output contains "bytes: 32768"'
check:
  - expect: completions reach 8
    message: All eight reads completed.
```

## Step: Done

```step
stop: program exits with 0
check:
  - expect: 'output contains "bytes: 32768"'
    message: Eight blocks of 4096 bytes were read.
```

"""#),
        ("06-getoverlappedresult.md", #"""
---
id: getoverlappedresult
title: GetOverlappedResult and what the OVERLAPPED holds
order: 6
summary: Internal holds the status, InternalHigh the byte count; GetOverlappedResult only reads them — and waits if you ask.
view: event
---

When a request finishes, the kernel writes its result into the request's
`OVERLAPPED`: the status into `Internal`, the number of bytes into
`InternalHigh`. While it is in flight, `Internal` holds `STATUS_PENDING`
(0x103). `GetOverlappedResult` reads those two fields for you.

## Step: In flight

The program has started a 4096-byte read at offset 8192 and printed the two
fields right away.

```step
stop: thread main reaches line 21
check:
  - expect: 'output contains "after ReadFile: Internal=0x103 InternalHigh=0"'
    message: A pending request shows STATUS_PENDING in Internal.
question:
  ask: The program now calls GetOverlappedResult with bWait = FALSE while the read is still in flight. What does it return?
  choices:
    - text: FALSE with ERROR_IO_INCOMPLETE, leaving the byte count untouched.
      when: output contains "bWait=FALSE) -> FALSE, error 996, bytes 12345"
    - text: It waits for the read and returns TRUE.
      when: output contains "bWait=FALSE) -> TRUE"
  answer: a
  reveal: output contains "bWait=FALSE"
  explain: GetOverlappedResult only reads the OVERLAPPED. If Internal is still pending and you did not ask it to wait, it returns FALSE with ERROR_IO_INCOMPLETE and does not touch the count.
```

## Step: Waiting for the result

With bWait = TRUE, `GetOverlappedResult` waits on the `OVERLAPPED`'s event
(or on the file handle, when there is none).

```step
stop: thread main is waiting in GetOverlappedResult
check:
  - expect: the event is reset
    message: The read has not finished, so its event is not set.
hints:
  - What does GetOverlappedResult wait on here?
```

## Step: The fields filled in

```step
stop: 'output contains "after completion"'
check:
  - expect: output contains "GetOverlappedResult(bWait=TRUE) -> TRUE, bytes 4096"
    message: The wait ended when the read completed, and the count came from InternalHigh.
  - expect: 'output contains "after completion: Internal=0x0 InternalHigh=4096"'
    message: Internal holds STATUS_SUCCESS (0), InternalHigh the bytes read.
```

## Step: A read past the end

The last read asks for data at the end of the file.

```step
stop: program exits with 0
check:
  - expect: output contains "read at end of file -> FALSE, error 38, Internal=0xC0000011"
    message: On an overlapped handle a read at the end pends, then completes with ERROR_HANDLE_EOF; Internal holds STATUS_END_OF_FILE.
```

```c program result.c
#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=0, parallel=2, sector=512, cache=off)

static BYTE buffer[4096];

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED ov = {0};
    ov.Offset = 8192;
    ov.hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
    DWORD bytes = 12345;

    ReadFile(file, buffer, sizeof(buffer), NULL, &ov);
    printf("after ReadFile: Internal=0x%lX InternalHigh=%lu\n", (DWORD)ov.Internal, (DWORD)ov.InternalHigh);

    BOOL ok = GetOverlappedResult(file, &ov, &bytes, FALSE);
    DWORD err = ok ? 0 : GetLastError();
    printf("GetOverlappedResult(bWait=FALSE) -> %s, error %lu, bytes %lu\n", ok ? "TRUE" : "FALSE", err, bytes);

    ok = GetOverlappedResult(file, &ov, &bytes, TRUE);
    printf("GetOverlappedResult(bWait=TRUE) -> %s, bytes %lu\n", ok ? "TRUE" : "FALSE", bytes);
    printf("after completion: Internal=0x%lX InternalHigh=%lu\n", (DWORD)ov.Internal, (DWORD)ov.InternalHigh);

    OVERLAPPED past = {0};
    past.Offset = 65536;
    past.hEvent = ov.hEvent;
    ReadFile(file, buffer, sizeof(buffer), NULL, &past);
    ok = GetOverlappedResult(file, &past, &bytes, TRUE);
    err = ok ? 0 : GetLastError();
    printf("read at end of file -> %s, error %lu, Internal=0x%lX\n", ok ? "TRUE" : "FALSE", err, (DWORD)past.Internal);

    CloseHandle(ov.hEvent);
    CloseHandle(file);
    return 0;
}
```

"""#),
        ("07-alertable-io.md", #"""
---
id: alertable-io
title: "Alertable I/O: completion routines and the APC queue"
order: 7
summary: ReadFileEx queues a routine to the issuing thread; it runs only when that thread waits alertably.
view: alertable
program: programs/method3-alertable.c
---

`ReadFileEx` takes one more argument than `ReadFile`: a *completion routine*.
When the read finishes, the kernel does not call it straight away. It puts it
in the **APC queue** of the thread that issued the read, and the routine runs
only when that thread says it is ready: by entering an *alertable* wait.

## Step: Eight reads in flight

The main thread issues eight reads with `ReadFileEx`, each naming the
routine `ReadDone`.

```step
stop: thread main reaches line 93
check:
  - expect: thread main is running
    message: Issuing the reads did not block the main thread.
hints:
  - Each ReadFileEx returned TRUE; that only means the request was accepted.
```

## Step: The alertable wait

The main thread now sleeps in `SleepEx(INFINITE, TRUE)`. The `TRUE` makes
the wait *alertable*: its state letter is `A`, not `W`.

```step
stop: thread main is waiting alertably in SleepEx
check:
  - expect: thread main has 0 APCs queued
    message: An alertable wait with routines already queued would not sleep at all; it would run them first.
question:
  ask: A read finishes while main sleeps here. What happens next?
  choices:
    - text: The routine is queued to main, runs inside SleepEx, and SleepEx returns WAIT_IO_COMPLETION.
      when: thread main is in an APC
    - text: SleepEx keeps sleeping; the routine runs when the sleep ends some other way.
      when: thread main is waiting alertably in SleepEx
    - Whichever thread is free runs the routine.
  answer: a
  reveal: call SleepEx returns by main
  explain: A completion routine is an APC for the thread that issued the request. An alertable wait with APCs queued runs all of them, oldest first, then returns WAIT_IO_COMPLETION instead of going on waiting.
hints:
  - Watch main's APC queue in the threads list.
  - Who issued the read?
```

## Step: Every routine, on one thread

The loop sleeps again until the routines have counted all eight reads. Every
routine ran on the main thread, between statements of its own `SleepEx`, so
the counters they update need no lock.

```step
stop: program exits with 0
check:
  - expect: completions reach 8
    message: All eight reads completed.
  - expect: 'output contains "bytes: 32768"'
    message: The routines together saw 8 × 4096 bytes.
```

"""#),
        ("08-alertable-does-not-scale.md", #"""
---
id: alertable-does-not-scale
title: Why alertable I/O does not scale
order: 8
summary: Every completion routine runs on the thread that issued the read, however many other threads wait alertably.
view: alertable
program: programs/alertable-busy-issuer.c
---

Alertable I/O looks convenient: no events, no polling, the routine just
runs. But it runs on exactly one thread — the one that issued the request.
This program has an *issuer* that starts 16 reads, each needing 2 ms of work
when it completes, and three *helpers* that wait alertably the whole time on
a machine with a CPU free for them.

## Step: Three idle helpers

```step
stop: thread issuer is waiting alertably in SleepEx
check:
  - expect: 4 threads are waiting alertably
    message: The issuer and the three helpers all wait alertably.
question:
  ask: The reads start completing. Who runs their completion routines?
  choices:
    - text: Only the issuer; its APC queue grows while the helpers stay idle.
      when: thread issuer has at least 1 APCs queued
    - text: Whichever alertable thread is free; the helpers share the work.
      when: thread "helper 1" is in an APC
  answer: a
  reveal: completions reach 4
  explain: A completion routine is an APC queued to the thread that issued the request. Being in an alertable wait lets a thread run its own APCs, never another thread's.
hints:
  - Compare the APC queues of the four threads.
```

## Step: Piling up

While the issuer works through one routine, the next completions wait in its
queue. One CPU does all the work; the other idles.

```step
stop: completions reach 8
check:
  - expect: thread issuer has at least 1 APCs queued
    message: Completed reads wait for the issuer.
  - expect: 3 threads are waiting alertably in WaitForSingleObjectEx
    message: The helpers are still waiting, unused.
```

## Step: The count

```step
stop: program exits with 0
check:
  - expect: output contains "16 reads, 65536 bytes"
    message: All sixteen reads completed.
  - expect: 'output contains "(alertable waits woken by a routine: 0)"'
    message: No helper ever ran a routine.
```

Alertable I/O ties the work to the issuing thread. The completion port, next,
lets any thread of a pool take any completion.

"""#),
        ("09-queue-user-apc.md", #"""
---
id: queue-user-apc
title: "QueueUserAPC: waking a thread for a clean exit"
order: 9
summary: An APC you queue yourself wakes an alertable wait on purpose — but a signaled object still comes first.
view: alertable
program: programs/apc-wakeup.c
---

Completion routines are not the only APCs. `QueueUserAPC` puts any function
of yours in a thread's APC queue. If the thread waits alertably, the wait
runs the function *on that thread* and returns `WAIT_IO_COMPLETION`. That is
a clean way to tell a worker to stop: the APC sets the worker's own stop
flag, and the worker leaves its loop when its wait returns.

## Step: Two threads waiting alertably

`sleeper` idles in `SleepEx(INFINITE, TRUE)`. `server` takes work items from
a semaphore with `WaitForSingleObjectEx(…, TRUE)`.

```step
stop: thread server is waiting alertably
check:
  - expect: thread sleeper is waiting alertably in SleepEx
    message: The sleeper waits alertably, with nothing queued.
  - expect: thread server is waiting alertably in WaitForSingleObjectEx
    message: The server waits alertably on the empty semaphore.
hints:
  - The state letter A marks an alertable wait.
```

## Step: Items first, or the stop APC first?

Main releases three items on the semaphore and, right after, queues a stop
APC to each thread.

```step
stop: thread main reaches line 92
check:
  - expect: thread server has 1 APCs queued
    message: The stop APC waits in the server's queue.
question:
  ask: The server's semaphore holds three items and its stop APC is queued. What does the server do?
  choices:
    - text: Handles all three items, then runs the APC when the semaphore is empty.
      when: 'output contains "server: handled 3 items"'
    - text: Runs the APC at once and stops with items left.
      when: 'output contains "server: handled 0 items"'
  answer: a
  reveal: 'output contains "server: handled"'
  explain: An object that is already signaled satisfies an alertable wait before queued APCs are considered. Only a wait that would block runs the APCs and returns WAIT_IO_COMPLETION.
hints:
  - Does WaitForSingleObjectEx look at the semaphore or at the APC queue first?
```

## Step: An APC for a thread that is gone

```step
stop: program exits with 0
check:
  - expect: 'output contains "sleeper: SleepEx returned 0xC0 (WAIT_IO_COMPLETION), stop flag set"'
    message: The sleeper's SleepEx ran the APC and returned WAIT_IO_COMPLETION.
  - expect: output contains "QueueUserAPC to the exited server -> FALSE, error 31 (ERROR_GEN_FAILURE)"
    message: No thread is left to run an APC queued to an exited thread, so QueueUserAPC fails.
  - expect: 3 threads are terminated
    message: main, sleeper and server have all ended.
```

"""#),
        ("10-completion-ports.md", #"""
---
id: completion-ports
title: "Completion ports: create, associate, dequeue"
order: 10
summary: A port gathers completions from its devices; any thread of the pool takes them, with the key and the OVERLAPPED.
view: port
program: programs/method4-iocp.c
---

A completion port is a queue of completion *packets*. A file associated with
the port under a *key* sends one packet per finished request: the bytes
transferred, the key, and the request's `OVERLAPPED` address. Any thread can
take the next packet with `GetQueuedCompletionStatus` — the thread that
issued the request plays no part.

## Step: Creating and associating

`CreateIoCompletionPort` is called twice: once to create the port with a
concurrency limit of 2, once to associate the file with it under key 1.

```step
stop: thread main reaches line 125
check:
  - expect: the port limit is 2
    message: The port was created with a concurrency limit of 2.
  - expect: the port queue holds 0 packets
    message: No request has finished yet.
hints:
  - The port's panel lists its devices with their keys.
```

## Step: A pool waiting on the port

Four workers call `GetQueuedCompletionStatus` and block; main issues eight
reads and waits.

```step
stop: the port has 4 waiting
check:
  - expect: 4 threads are waiting in GetQueuedCompletionStatus
    message: All four workers are blocked on the port.
  - expect: the port running is 0 of 2
    message: No worker is running yet.
question:
  ask: The first read completes. What happens to its packet?
  choices:
    - text: It goes straight to a waiting worker, which starts running.
      when: the port running is 1
    - text: It is appended to the port's queue until a worker asks again.
      when: the port queue holds 1 packets
  answer: a
  reveal: completions reach 1
  explain: When a packet arrives, the running count is below the limit and a thread is waiting, the kernel hands the packet to a waiter at once and counts it as running; it queues the packet only when no waiter may be released.
```

## Step: Keys and OVERLAPPEDs

Each worker finds its request from the packet's `OVERLAPPED` address
(`CONTAINING_RECORD`) and tells data packets from the quit packets main
posts at the end by their key.

```step
stop: program exits with 0
check:
  - expect: completions reach 8
    message: All eight reads completed.
  - expect: 'output contains "bytes: 32768"'
    message: The pool processed every block.
```

"""#),
        ("11-port-concurrency.md", #"""
---
id: port-concurrency
title: How the port runs threads
order: 11
summary: The concurrency limit, LIFO waking, released and paused threads, and a running count above the limit.
view: port
program: programs/iocp-concurrency.c
---

A port does more than queue packets: it decides *which* of its threads run.
It counts its associated threads that are running (on a CPU or ready) and
releases a waiting thread only while that count is below the concurrency
limit.

## Step: Four workers, limit two

Main created a port with a limit of 2 and started four workers, one after the
other: worker 1 began waiting first, worker 4 last. Now main posts four items.

```step
stop: the port has 4 waiting
check:
  - expect: the port running is 0 of 2
    message: Nobody runs on behalf of the port yet.
question:
  ask: Which worker gets item 1?
  choices:
    - text: Worker 4, the newest waiter.
      when: thread "worker 4" is running
    - text: Worker 1, the one that has waited longest.
      when: thread "worker 1" is running
  answer: a
  reveal: the port running is 2 of 2
  explain: Threads blocked on a port are woken last-in, first-out. The thread that came back most recently is the one that runs, so its stack and data are still warm, and the rest can stay idle.
```

## Step: A worker blocks

In the middle of item 1, worker 4 calls `Sleep`. To the port, any blocking
wait by one of its threads means that thread is no longer running.

```step
stop: the port has 1 paused
check:
  - expect: thread "worker 4" is waiting in Sleep
    message: Worker 4 sleeps inside its item.
  - expect: the port running is 2 of 2
    message: The port released another waiter with the next item, back up to the limit.
question:
  ask: Worker 4's Sleep ends while two other workers run. What is the running count then?
  choices:
    - text: 3 — above the limit of 2.
      when: the port running is 3 of 2
    - text: 2 — worker 4 waits until another worker finishes.
      when: the port running is 2 of 2
  answer: a
  reveal: not thread "worker 4" is waiting
  explain: A thread waking from another wait counts as running again at once, limit or not. The port then releases nobody until the count falls below the limit.
hints:
  - The port panel shows released and paused threads separately.
```

## Step: Below the limit again

```step
stop: program exits with 0
check:
  - expect: 'output contains "most workers running at once: 3 (port limit 2)"'
    message: The program saw three workers running under a limit of two.
  - expect: output contains "item 4 -> worker 3"
    message: A worker that asks for more while the count is below the limit takes a queued item at once, ahead of the threads already waiting.
```

"""#),
        ("12-adaptive-pool.md", #"""
---
id: adaptive-pool
title: "How many threads: an adaptive pool"
order: 12
summary: A pool that grows while its work waits and shrinks when the CPUs are busy or the work runs out.
view: port
program: programs/adaptive-pool.c
---

How many threads should serve a port? Enough to keep the CPUs busy while some
threads are blocked, and no more: every extra thread costs memory and
switches. This pool keeps between 2 and 6 threads and decides as it goes,
from two counters (threads in the pool, threads busy with an item) and the
machine's recent CPU use.

- It **grows** when a thread takes an item and finds every thread busy, while
  CPU use is below 75%: the threads are blocked, the CPUs have room.
- It **shrinks** when CPU use is above 90%, or when a thread has waited a
  while without getting anything — never below the minimum.

## Step: Work that waits

Phase 1 posts 40 items that spend most of their time in `Sleep`.

```step
stop: log shows "phase 1: waiting work"
check:
  - expect: the port limit is 2
    message: The port lets two of its threads run at once.
question:
  ask: Each item sleeps most of the time. How large is the pool once the 40 items are done?
  choices:
    - text: Six, the maximum — blocked threads keep every thread busy while the CPUs idle.
      when: 'output contains "phase 1, waiting work (40 items): 6 threads"'
    - text: Two — the port never lets more than two threads run.
      when: 'output contains "phase 1, waiting work (40 items): 2 threads"'
  answer: a
  reveal: output contains "phase 1,"
  explain: A thread that blocks in Sleep no longer counts as running, so the port releases another waiter with the next item. Soon every thread is busy though the CPUs are not, and the pool adds threads up to its maximum.
hints:
  - Watch the port's paused list while items sleep.
```

## Step: No work at all

```step
stop: output contains "phase 2,"
check:
  - expect: 'output contains "phase 2, idle for 500 ms: 2 threads"'
    message: Idle threads timed out of their waits and left, down to the minimum.
```

## Step: Work that computes

Phase 3 repeats the waiting load (the pool grows again); phase 4 posts 80
items of pure CPU work.

```step
stop: output contains "phase 3,"
question:
  ask: With 80 items that only compute, does the pool grow or shrink?
  choices:
    - text: It shrinks to the minimum — the CPUs are saturated, more threads would only compete.
      when: 'output contains "phase 4, CPU work (80 items): 2 threads"'
    - text: It grows to the maximum — there is a lot of work.
      when: 'output contains "phase 4, CPU work (80 items): 6 threads"'
  answer: a
  reveal: output contains "phase 4,"
  explain: The port lets only two threads run, and they keep the CPUs above 90%. Threads leave when CPU use is that high, and the ones the port keeps waiting time out.
```

## Step: The tally

```step
stop: program exits with 0
check:
  - expect: 'output contains "threads started in all: 10, left early: 8"'
    message: The pool started ten threads over the run and let eight go.
```

"""#),
        ("13-pool-shutdown.md", #"""
---
id: pool-shutdown
title: Posting your own completions; shutting a pool down
order: 13
summary: PostQueuedCompletionStatus queues any packet you like — and one quit packet per thread works only if a thread leaves on its packet.
view: port
program: programs/iocp-shutdown.c
---

`PostQueuedCompletionStatus` puts a packet of your own into a port: any
bytes, key and `OVERLAPPED` value, with a success status, whether or not a
thread waits. A common use is stopping a pool: post one "quit" packet per
thread.

## Step: A pool of four, limit one

Four workers, A1 to A4, wait on a port with a concurrency limit of 1; A4
began waiting last. Each worker *counts* a quit packet and goes back for
more.

```step
stop: thread main reaches line 138
check:
  - expect: 4 threads are waiting in GetQueuedCompletionStatus
    message: The whole pool waits on the port.
question:
  ask: Main posts four quit packets. How are they shared out?
  choices:
    - text: A4 takes all four; the others never wake.
      when: output contains "A4 saw 4 quit packets"
    - text: One each, A1 to A4.
      when: output contains "A1 saw 1 quit packets"
  answer: a
  reveal: output contains "A4 saw"
  explain: The port hands a packet to its most recent waiter. A thread that comes straight back is the most recent waiter again, so with a limit of 1 it takes every packet while the others stay parked.
hints:
  - Which waiter does the port wake first?
```

## Step: Closing the port under its waiters

The quit packets are used up and three workers still wait. Main closes the
port.

```step
stop: 'output contains "after CloseHandle(port)"'
check:
  - expect: 'output contains "each left with error 735 (ERROR_ABANDONED_WAIT_0): 4 of 4"'
    message: Closing a port wakes its waiters with FALSE, a NULL OVERLAPPED and ERROR_ABANDONED_WAIT_0.
```

## Step: The fix

Workers B1 to B4 *leave* as soon as they get a quit packet. When a worker
exits, the port's running count drops and the next waiter gets the next
packet.

```step
stop: program exits with 0
check:
  - expect: output contains "quit packet 1 -> B4"
    message: The newest waiter still gets the first packet…
  - expect: output contains "quit packet 4 -> B1"
    message: …but each worker leaves, so every packet reaches a different one.
  - expect: 'output contains "threads still in the pool: 0"'
    message: The whole pool has ended.
```

"""#),
        ("14-getqueued-ex.md", #"""
---
id: getqueued-ex
title: Many completions per call with GetQueuedCompletionStatusEx
order: 14
summary: The Ex form removes up to N packets at once, oldest first — and queued packets win over pending APCs.
view: port
program: programs/iocp-getqueued-ex.c
---

`GetQueuedCompletionStatus` returns one packet per call. A busy server pays
one trip into the kernel per completion. `GetQueuedCompletionStatusEx` fills
an array of `OVERLAPPED_ENTRY` with up to `ulCount` packets in one call.

## Step: Ten packets queued

The program posted ten packets to a port nobody waits on.

```step
stop: the port queue holds 10 packets
check:
  - expect: the port queue holds 10 packets
    message: With no thread waiting, every posted packet waits in the FIFO.
question:
  ask: The program asks for up to four packets per call. How many calls return packets?
  choices:
    - text: Three — 4, 4 and 2.
      when: output contains "10 packets in 3 successful calls"
    - text: Ten — one packet per call, like GetQueuedCompletionStatus.
      when: output contains "10 packets in 10 successful calls"
  answer: a
  reveal: output contains "successful calls"
  explain: GetQueuedCompletionStatusEx removes up to ulCount packets from the FIFO, oldest first, and returns TRUE if it got at least one.
```

## Step: Packets before APCs

Main queues an APC to itself, posts two packets, and calls the Ex form
*alertably*.

```step
stop: thread main reaches line 91
check:
  - expect: thread main has 1 APCs queued
    message: The APC waits in main's queue.
  - expect: the port queue holds 2 packets
    message: Both packets wait in the FIFO.
question:
  ask: Which does the alertable call deliver first?
  choices:
    - text: The two packets; the APC runs on the next call, which finds the queue empty.
      when: 'output contains "alertable call: TRUE, 2 packets, APC has run: no"'
    - text: The APC, returning WAIT_IO_COMPLETION; the packets stay queued.
      when: 'output contains "alertable call: TRUE, 2 packets, APC has run: yes"'
  answer: a
  reveal: output contains "alertable call:"
  explain: GetQueuedCompletionStatusEx waits alertably only when nothing is queued, so queued packets win over pending APCs.
```

## Step: Then the APC

```step
stop: program exits with 0
check:
  - expect: 'output contains "alertable call: FALSE, error 192 (WAIT_IO_COMPLETION), APC has run: yes"'
    message: With the queue empty, the alertable call ran the APC and returned WAIT_IO_COMPLETION.
```

"""#),
        ("15-unbuffered-copy.md", #"""
---
id: unbuffered-copy
title: The unbuffered file copy, step by step
order: 15
summary: Sector-aligned transfers, a port primed with posted packets, four requests in flight, and the file size fixed afterwards.
view: port
program: programs/unbuffered-copy.c
---

This lesson puts the pieces together in a real job: copy a 1 MiB file through
a completion port, bypassing the cache, with four requests in flight, then
check the copy byte for byte.

## Step: Preparing

With `FILE_FLAG_NO_BUFFERING`, every offset and length must be a multiple of
the sector size, and buffers must be aligned: the program takes four 64 KiB
buffers from `VirtualAlloc`. It also makes the destination the size of whole
chunks *before* copying, so that no write extends the file — an extending
write completes synchronously and would serialize the copy.

```step
stop: log shows "copy starts"
check:
  - expect: 'output contains "source: 1049576 bytes = 16 chunks of 65536 + 1000"'
    message: The source is not a whole number of chunks; the last read will be short.
  - expect: 'output contains "destination while copying: 1114112 bytes"'
    message: The destination was sized to 17 whole chunks up front.
hints:
  - 17 × 65536 = 1114112.
```

## Step: Priming the port

Both files are associated with one port, the source under one key and the
destination under another, so each packet says what just finished. The
program then posts one "write finished" packet per buffer.

```step
stop: the port queue holds 4 packets
check:
  - expect: the port has 0 waiting
    message: Nobody waits on the port yet; the four packets sit in its queue.
question:
  ask: The copier now takes the four posted packets. What does each make it do?
  choices:
    - text: Start a read into that buffer — a finished write means the buffer is free.
      when: call ReadFile returns
    - text: Write that buffer to the destination.
      when: call WriteFile returns
  answer: a
  reveal: the port queue holds 0 packets
  explain: A posted packet is handled exactly like a real completion. Posting "write finished" for every buffer lets the loop start every read itself, so I/O is issued in one place only.
```

## Step: Four in flight

From here on every finished read starts a write of the same chunk, and every
finished write starts the next read into the freed buffer.

```step
stop: thread copier is waiting in GetQueuedCompletionStatus
check:
  - expect: thread copier is waiting in GetQueuedCompletionStatus
    message: With four requests in flight, the copier waits for the next packet.
```

## Step: Fixing the size and checking

```step
stop: program exits with 0
check:
  - expect: 'output contains "reads: 17, writes: 17, buffers in flight: 4"'
    message: Seventeen chunks were read and written.
  - expect: 'output contains "destination after SetEndOfFile: 1049576 bytes"'
    message: A buffered handle cut the destination to the exact size.
  - expect: 'output contains "verify: identical (1049576 bytes compared)"'
    message: The copy matches the source byte for byte.
```

"""#),
        ("16-side-by-side.md", #"""
---
id: side-by-side
title: All four side by side
order: 16
summary: The same eight reads, learned about four ways, on one virtual clock — and the verdict.
view: compare
programs:
  - { name: device, title: Device handle, path: programs/method1-device.c }
  - { name: event, title: Event per request, path: programs/method2-event.c }
  - { name: apc, title: Alertable I/O, path: programs/method3-alertable.c }
  - { name: port, title: Completion port, path: programs/method4-iocp.c }
---

Four programs do the same job: read eight 4 KiB blocks of a file and process
each as it arrives. They run on the same simulated disk, with the same seed,
on one virtual clock, and print the same checksum. Only the way each learns
that a read has finished differs.

## Step: The first completion

```step
stop: in port, completions reach 1
check:
  - expect: in device, completions are at most 1
    message: The device-handle program keeps one read in flight, because the handle cannot tell two apart.
  - expect: in event, 1 events are set
    message: On the same disk the same read finished in the event pane too; exactly its event is set.
hints:
  - Compare how many requests each pane has in flight.
```

## Step: Who finishes last?

```step
question:
  ask: The completion-port pane is about to finish. Which pane will still be working when it does?
  choices:
    - text: The device handle, which reads one block at a time.
      when: in device, not program ends
    - text: None; all four finish together.
      when: in device, program ends
  answer: a
  reveal: in port, program ends
  explain: Waiting on the handle allows only one request in flight, so its reads queue up behind each other. The other three keep all eight in flight and finish together.
```

## Step: The verdict

```step
stop: in device, program ends
check:
  - expect: 'in device, output contains "bytes: 32768"'
    message: The device-handle program got there in the end.
  - expect: in device, time reaches 20 ms
    message: One read at a time took about three times as long.
  - expect: 'in port, output contains "bytes: 32768"'
    message: Same result from the port.
```

Events and completion routines finished as fast as the port here, but look
at *where* the work ran: the routines all ran on the one issuing thread,
while the port spread the blocks over both CPUs with a pool whose size it
controls. With more work per block, or more requests, that is the difference
that remains.

"""#),
        ("README.md", #"""
# Writing lessons

A lesson is one Markdown file in this folder. It names a C program (or holds
one), and walks the learner through it in steps. Each step can move the
simulation to an interesting moment, state facts about the kernel that must
then be true, ask the learner to predict what happens next, and offer hints.

You never touch Swift to write a lesson. Write the file, then check it:

```
overlapped lesson check my-lesson.md
```

The checker runs the lesson from start to end on the real simulator and
reports every problem as `FILE:LINE: message`. A lesson that passes the check
works in the app. To try your lessons in the app, put them in a folder and
pass it with `--lessons`:

```
overlapped lessons --lessons ~/my-lessons
overlapped lesson my-lesson --lessons ~/my-lessons
overlapped lesson check --all --lessons ~/my-lessons
```

A lesson in your folder with the same `id` as a built-in one replaces it.

## A complete small lesson

````markdown
---
id: first-event
title: Waiting on an event
order: 20
summary: One read, one event, one wait.
view: event
program: programs/first-event.c
settings:
  seed: 7
---

Text here, before the first step, introduces the lesson.

## Step: The read starts

The main thread calls `ReadFile` with an event in the `OVERLAPPED`.

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: the event is reset
    message: Starting a request resets its event.
question:
  ask: What wakes the main thread?
  choices:
    - text: The read completes and the kernel sets the event.
      when: the event is set
    - text: Nothing; it hangs.
      when: thread main is waiting
  answer: a
  reveal: not thread main is waiting
  explain: The kernel sets the OVERLAPPED's event when the request completes.
hints:
  - Which object does the thread wait on?
```

## Step: Done

```step
stop: program exits with 0
```
````

## The file, part by part

### Front matter

The file starts with a line `---`, then fields in YAML, then another `---`.

| field | required | meaning |
|---|---|---|
| `id` | yes | a short name: lowercase letters, digits and `-` (`alertable-io`). Used on the command line: `overlapped lesson alertable-io`. |
| `title` | yes | the title shown in lists and on the lesson screen. |
| `order` | yes | a whole number; lessons are listed by it (then by id). |
| `summary` | no | one sentence for the lesson list. |
| `view` | no | which screen the lesson opens: `single` (the default), `device`, `event`, `alertable`, `port` (one program, with that method's structures in front), or `compare` (several programs side by side). |
| `program` | one of these | the program's path, relative to the lesson file's folder: `programs/alertable.c`. No `..`, no absolute paths, and it must end in `.c`. |
| `programs` | | for `view: compare`: a list of panes, see below. |
| `settings` | no | simulation settings, see below. |

If you give neither `program` nor `programs`, write the program inside the
lesson in a fenced block whose first line is ```` ```c program ```` (see
"Programs written in the lesson").

#### settings

Settings override the program's own `#pragma sim` lines, the way
`--cpus`, `--seed` and `--param` do on the command line. Every field is
optional.

```yaml
settings:
  cpus: 2            # simulated processors, 1 to 64
  seed: 42           # the random seed (disk timing jitter)
  disk:
    latency_us: 2000 # time for the disk to serve a request, in microseconds
    jitter_us: 500   # random variation of that time
    parallel: 4      # requests the disk serves at once
    sector: 512      # sector size in bytes
    cache: off       # on or off: the page cache for buffered handles
  params:
    REQUESTS: 16     # overrides #pragma sim param(REQUESTS, ...)
```

#### programs (compare lessons)

```yaml
view: compare
programs:
  - name: apc            # one word; conditions use it: "in apc, ..."
    title: Alertable I/O # shown above the pane (optional; defaults to the name)
    path: programs/apc.c
  - { name: port, title: Completion port, path: programs/port.c }
```

Each entry has a `name`, an optional `title`, and either `path` or `inline`
(the name of a program written in the lesson). A compare lesson needs at least
two. The panes run in lockstep on one virtual clock: the pane whose clock is
furthest behind always moves next.

#### Programs written in the lesson

A fenced block opened with ```` ```c program ```` holds a program; it is not
shown as lesson text. Give it a file name after `program` when you want one
(`c program copy.c`; the default is `program.c`). Line numbers in conditions
count from the block's first line. A lesson with exactly one such block and no
`program` field uses it; in a compare lesson, refer to blocks by name with
`inline: copy.c`.

### Steps

After the front matter, every heading of level two starts a step:

```markdown
## Step: The queue fills
```

`Step:` is optional (`## The queue fills` works too). Text before the first
step is the lesson's introduction, shown above the first step. A lesson needs
at least one step.

The text of a step is Markdown, drawn in the terminal:

- paragraphs (lines are joined until a blank line);
- `*emphasis*` or `_emphasis_`, `**strong**`, and `` `code` `` for names of
  calls, constants and variables;
- lists with `-`, `*` or `1.`, nested by indenting two spaces;
- `### sub-headings` and fenced code blocks (shown as written).

A step may contain **one** fenced block opened with ```` ```step ````. It is
written in YAML and may hold these fields, all optional:

| field | meaning |
|---|---|
| `stop` | a condition: the simulation advances until it holds. Without `stop`, the step leaves the simulation where it is. |
| `check` | a list of checkpoints: conditions that must hold once the step has stopped. |
| `question` | a predict-then-reveal question. |
| `hints` | a list of hints, shown one at a time when the learner asks. |
| `budget` | how many simulation steps the runner may take to reach `stop` (and the question's `reveal`); 100000 unless given. |

When the learner goes to a step, the simulation advances to its `stop`, then
the checkpoints are evaluated, then the question (if any) is asked. Going back
a step restores exactly the state that step was left in.

#### stop

```yaml
stop: thread main is waiting alertably
```

The runner advances one kernel event at a time, testing the condition after
each. If the condition already holds when the step starts, the simulation
does not move. If the program ends, or the budget runs out, before the
condition holds, `lesson check` reports it at the `stop:` line.

The simulation is seen *between kernel events*. A thread runs its plain C
code (arithmetic, loops, `printf`) in one go up to its next call into the
kernel, so `thread NAME reaches line N` can stop only at a line where the
thread calls the kernel: a file, wait, event, thread, port or APC call,
`Sleep`, `SimNote`, and so on. When the step stops there, that call has been
made: a call that blocks shows the thread waiting in it; a call that returns
at once has returned (a `ReadFile` that pends has already started its
request). To show the state just *before* a call, stop at the kernel call
that precedes it. In the same way, text a program prints becomes visible
with its next kernel call. `lesson check` reports a line that is never
reached, so you find out at once.

#### check

```yaml
check:
  - the port queue holds 2 packets
  - expect: thread main has 1 APCs queued
    message: The completion routine waits in main's APC queue.
```

Each item is a condition, or `expect:` (the condition) with `message:` (what
the learner is told when it does not hold). Without a message, the condition
itself is shown. A failing checkpoint is reported as
`FILE:LINE: checkpoint failed in step '…': MESSAGE (expected …; found …)`,
where *found* is what the kernel actually showed.

#### question

```yaml
question:
  ask: Which waiting thread gets the first packet?
  choices:
    - text: T2, which waited first
      when: thread T2 is running
    - text: T3, which waited last
      when: thread T3 is running
    - Neither; the packet stays queued
  answer: b
  reveal: completions reach 1
  explain: The port wakes its waiting threads last-in, first-out.
```

| field | meaning |
|---|---|
| `ask` | the question. Required. |
| `choices` | two or more. Each is `text:` with a `when:` condition, or just a text. Required. |
| `answer` | the letter of the right choice (`a` is the first), or its number (`1`). Required. |
| `reveal` | a condition: after the learner answers, the simulation advances until it holds. Without `reveal`, the state is graded as it is. |
| `explain` | shown after answering: name the rule that decides it. Required. |

How grading works: the learner picks a choice *before* the simulation moves.
Then it advances to `reveal`, and every choice's `when` condition is
evaluated. The learner is right when the chosen choice's condition holds. So
the grade comes from what the kernel does, not from the letter in `answer`.

`answer` is your claim, and `lesson check` verifies it: the answer's `when`
must hold after the reveal, and no other choice's `when` may hold. A choice
without `when` counts as wrong; the answer's choice must have one. Log
conditions in `when` (`call … returns`, `log shows`) and `packet queued` look
at what happened since the question was asked.

#### hints

```yaml
hints:
  - Look at the APC queue of each thread.
  - Only an alertable wait runs APCs.
```

The learner sees them one at a time, in order.

## What the learner sees

The lesson screen shows the step's text beside the simulation. The learner
moves to the next step (Enter or →) and back (←), asks for the next hint
(`h`), and answers a question by its letter. On each step the simulation
first runs to the step's `stop`; the checkpoints are shown as ticks; a
question waits for an answer before the simulation moves on. Between steps
the learner may also step and run the simulation with the usual keys.
Progress (steps seen, answers, lessons finished) is remembered between runs.

## Conditions

Stops, checkpoints, reveals and `when` all use the same small language.
Keywords are not case-sensitive; names are matched as written. Put a name in
quotes (`"…"` or `'…'`) when it contains spaces or a comma.

### Threads

A thread is named by its name as the threads list shows it: the one given
with `SetThreadDescription`, `main` for the main thread, or `T` and a number
for others without one. Or by id: `thread id 1234` (the value
`GetCurrentThreadId` returns). Naming threads with `SetThreadDescription` in
the program makes conditions easy to read and to write.

| condition | holds when |
|---|---|
| `thread main reaches line 12` | the thread is at line 12, a line where it calls the kernel (see `stop`; `is at line 12` means the same). |
| `thread worker reaches line 30 in copy.c` | … on line 30 of that file. |
| `thread main is running` | it is on a CPU. |
| `thread main is ready` | it can run and waits for a CPU. |
| `thread main is waiting` | it is blocked, in any wait, alertable or not (`waits` means the same). |
| `thread main is waiting alertably` | it is blocked in an alertable wait (`SleepEx`, `…Ex(…, TRUE)`). |
| `thread main is waiting in SleepEx` | it is blocked in that call (`is waiting alertably in SleepEx` also works). |
| `thread main is terminated` | it has exited. |
| `thread main is in an APC` | it is running a completion routine or a user APC. |
| `thread main has 2 APCs queued` | its APC queue holds 2 entries. |

### How many

| condition | holds when |
|---|---|
| `3 threads are waiting alertably` | exactly 3 threads are in that state (any thread state above works, with `in CALL` for waits). |
| `at least 1 threads are running` | … at least 1 (`at most N` works too). |
| `2 events are set` | exactly 2 of the program's events are signaled (`are reset` for the others). |

`thread`/`threads`, `event`/`events` and `is`/`are` may be used either way.

### Events and files

An event or file is named by its label as the objects list shows it (the
program's variable name when known, e.g. `hEvent[1]`; a file also by its
path), or as `the event` / `the file` when there is only one.

| condition | holds when |
|---|---|
| `event hEvent[1] is set` | the event is signaled (`is signaled` means the same). |
| `event hEvent[1] is reset` | it is not (`is not set` means the same). |
| `file hFile is signaled` | the file object's own signal is set (method 1). |
| `the file is not signaled` | it is reset (`is reset` means the same). |

### Completion ports

A port is named by its label, or as `the port`.

| condition | holds when |
|---|---|
| `the port queue holds 2 packets` | the FIFO of completion packets holds 2. |
| `the port has 3 waiting` | 3 threads are blocked in `GetQueuedCompletionStatus` (the LIFO). |
| `the port has 2 released` | 2 associated threads count as running. |
| `the port has 1 paused` | 1 associated thread is blocked in some other wait. |
| `the port running is 3 of 2` | the running count is 3 and the concurrency limit is 2. |
| `the port running is 2` | the running count is 2, whatever the limit. |
| `the port limit is 2` | the concurrency limit is 2. |
| `packet queued on the port` | the FIFO holds more packets than when the step (or question) began. A packet handed straight to a waiting thread never enters the FIFO; use `call GetQueuedCompletionStatus returns …` for that. |

### Counts and time

Any number can be written as `N`, `at least N` or `at most N`:
`the port queue holds at least 1 packets`.

| condition | holds when |
|---|---|
| `completions reach 4` | at least 4 I/O requests have completed. |
| `completions are 0` | exactly 0 have (`are at most 2` works too). |
| `time reaches 1.5 ms` | virtual time is at least 1.5 ms. Units: `us`, `ms`, `s`. |
| `time is at most 800 us` | virtual time is 800 µs or less. |

### The log and the output

| condition | holds when |
|---|---|
| `call ReadFile returns pending` | since the step (or question) began, the log shows `ReadFile` returning `pending`. |
| `call SleepEx returns WAIT_IO_COMPLETION by main` | … by that thread. |
| `call SleepEx returns` | … returning anything. |
| `log shows "apc-run"` | a log line since the step (or question) began contains the text. |
| `output contains "read 512 bytes"` | what the program printed so far contains the text. |
| `program ends` | the program has finished (exited, faulted or deadlocked). |
| `program exits with 0` | `main` returned 0. |

The call name and result are the words the event log shows for that entry.

### Combining

- `not CONDITION` holds when the condition does not: `not thread main is waiting`.
- `in PANE, CONDITION` evaluates the condition in one pane of a compare
  lesson: `in port, the port queue holds 2 packets`. Without it, conditions
  look at the first pane.

### YAML and quoting

Step blocks are YAML, but you rarely need quotes. A one-line value of `stop`,
`expect`, `message`, `ask`, `text`, `when`, `reveal` or `explain`, a list item
(a check, a hint, a choice), and the `title` and `summary` of the front matter
may contain `: ` as they are:

```yaml
check:
  - output contains "total: 4"
  - expect: output contains "bytes: 4096"
    message: Note: the count comes from InternalHigh.
hints:
  - Look here: the APC queue.
```

Quote a value (with `'…'`, doubling any `'` inside) only when

- a list item *starts* with a single word and a colon (`- Note: …`): YAML
  reads that as a field, so write `- 'Note: …'`;
- the value starts with a quote or one of `{ [ | > & * ! % @ #`;
- it contains ` #`, which YAML takes as the start of a comment;
- it runs over several lines.

The checker says so when a value was read as something other than text.

## Errors

Every problem is reported as `FILE:LINE: message`, and all problems found in
a file are reported together. What the loader checks:

- the front matter: present and closed, valid YAML (the YAML error and its
  line), no unknown fields (a misspelt field is reported with the list of
  valid ones), `id`/`title`/`order` present and well formed, a known `view`;
- the program: the file exists next to the lesson, the path stays inside the
  lesson's folder, a compare lesson has two or more panes with distinct names;
- the steps: at least one, one step block each, every fenced block closed,
  no unknown fields, every condition readable (the message says what was
  expected and what was found), every pane named by `in PANE,` exists, every
  question has `ask`, two or more `choices`, an `answer` that is one of them
  with a `when`, and an `explain`.

What `lesson check` adds by running the lesson:

- a `stop` (or `reveal`) that is never reached: reported at its line, naming
  the step and its heading line, and saying
  whether the program ended first or the budget ran out; the steps after it
  are not run;
- a checkpoint that does not hold: reported at its line with its message and
  what the kernel showed;
- a question whose stated answer is not what the kernel does, or where
  another choice holds too: reported at the `answer:` or choice line.

`lesson check` prints a line per lesson and ends with `N passed, N failed`;
its exit status is non-zero when any lesson fails.

## Tips

- Write the program first and run it with `overlapped run`; its `--trace`
  shows the log words and results your conditions can use.
- Prefer state conditions (`is waiting alertably`, `queue holds`) over line
  numbers: they survive edits to the program. `SimNote("…")` in the program
  plus `log shows "…"` in the lesson marks a moment by name.
- A program's expected output, checked with `output contains`, is the
  sturdiest checkpoint of all.
- Make distractors' `when` conditions honest: they should describe what the
  kernel would show if that choice were right, so `lesson check` proves the
  kernel did not do it.
- Keep steps short: one idea, one stop.

"""#),
        ("programs/adaptive-pool.c", #"""
/*
 * adaptive-pool.c - a completion-port pool that grows and shrinks by itself.
 *
 * How many threads should serve a port? Enough that the CPUs stay busy when
 * work blocks, few enough not to waste memory and switches. This pool keeps
 * between MIN_THREADS and MAX_THREADS threads and adjusts with two counters
 * kept by Interlocked calls - threads in the pool, and threads busy with an
 * item - plus the machine's recent CPU use (SimCpuUsage, percent over the
 * last 100 ms):
 *   - grow: a thread that takes an item and finds EVERY thread busy adds
 *     one, if the pool is below its maximum and CPU use is below 75% (the
 *     CPUs have room, the threads are just blocked);
 *   - shrink: a thread leaves after an item when CPU use is above 90% (more
 *     threads would only compete), or when it waited IDLE_MS without getting
 *     anything - but never below the minimum, or nobody would be left to
 *     serve the port.
 * The pool counter is changed with compare-and-exchange so two threads can
 * never both take the last free (or last removable) slot.
 *
 * The load comes in four phases:
 *   1. 40 items that mostly wait (Sleep 8 ms, 0.4 ms of CPU): each Sleep lets
 *      the port release another thread (SEMANTICS 31), all threads end up
 *      busy while the CPUs idle -> the pool grows to the maximum.
 *   2. no work for 500 ms -> idle threads time out down to the minimum.
 *   3. the waiting load again -> grows to the maximum again.
 *   4. 80 items of pure CPU (4 ms each): the port lets only 2 run (its
 *      limit), CPU use climbs past 90% -> threads leave down to the minimum
 *      (the threads the port keeps waiting also time out).
 * Main waits for each phase to finish and prints the pool size.
 *
 * Rules shown: 25, 29-33, 36. Kernel features: completion port running
 * count, GetQueuedCompletionStatus timeouts, thread creation and exit,
 * SimCpuUsage, SimCompute. Needs the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel (each count follows from the
 * thresholds with a wide margin; the golden run confirms them):
 *   pool: min 2, max 6, port concurrency 2
 *   phase 1, waiting work (40 items): 6 threads
 *   phase 2, idle for 500 ms: 2 threads
 *   phase 3, waiting work (40 items): 6 threads
 *   phase 4, CPU work (80 items): 2 threads
 *   threads started in all: 10, left early: 8
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define MIN_THREADS  2
#define MAX_THREADS  6
#define CONCURRENCY  2
#define IDLE_MS      100
#define GROW_BELOW   75     /* percent CPU */
#define SHRINK_ABOVE 90     /* percent CPU */
#define MAX_STARTED  32     /* room for every thread handle we might keep */

#define KEY_ITEM 1
#define KEY_QUIT 2
#define WORK_WAITING 1      /* an item's kind travels in the byte count */
#define WORK_CPU     2

static HANDLE        g_port;
static HANDLE        g_phaseDone;
static volatile LONG g_inPool;      /* threads in the pool */
static volatile LONG g_busy;        /* threads handling an item */
static volatile LONG g_started;     /* threads ever started */
static volatile LONG g_left;        /* threads that left before shutdown */
static volatile LONG g_itemsDone;
static LONG          g_phaseItems;
static HANDLE        g_threads[MAX_STARTED];

static const WCHAR *const g_names[MAX_STARTED] = {
    L"pool 1", L"pool 2", L"pool 3", L"pool 4", L"pool 5", L"pool 6", L"pool 7", L"pool 8",
    L"pool 9", L"pool 10", L"pool 11", L"pool 12", L"pool 13", L"pool 14", L"pool 15", L"pool 16",
    L"pool 17", L"pool 18", L"pool 19", L"pool 20", L"pool 21", L"pool 22", L"pool 23", L"pool 24",
    L"pool 25", L"pool 26", L"pool 27", L"pool 28", L"pool 29", L"pool 30", L"pool 31", L"pool 32"
};

static DWORD WINAPI PoolThread(LPVOID param);

/* Claims a slot below the maximum, then starts a thread for it. */
static void TryGrow(void)
{
    for (;;) {
        LONG now = g_inPool;
        if (now >= MAX_THREADS || g_started >= MAX_STARTED)
            return;
        if (InterlockedCompareExchange(&g_inPool, now + 1, now) == now)
            break;
    }
    LONG index = InterlockedIncrement(&g_started) - 1;
    SimNote("pool grows");
    g_threads[index] = CreateThread(NULL, 0, PoolThread, (LPVOID)(ULONG_PTR)index, 0, NULL);
}

/* Gives up this thread's slot unless that would go below the minimum. */
static BOOL TryLeave(void)
{
    for (;;) {
        LONG now = g_inPool;
        if (now <= MIN_THREADS)
            return FALSE;
        if (InterlockedCompareExchange(&g_inPool, now - 1, now) == now)
            break;
    }
    InterlockedIncrement(&g_left);
    SimNote("pool shrinks");
    return TRUE;
}

static void DoItem(DWORD kind)
{
    if (kind == WORK_WAITING) {
        SimCompute(200);
        Sleep(8);            /* e.g. a call to another server */
        SimCompute(200);
    } else {
        SimCompute(4000);
    }
}

static DWORD WINAPI PoolThread(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), g_names[(ULONG_PTR)param]);
    for (;;) {
        DWORD kind = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(g_port, &kind, &key, &ov, IDLE_MS);
        if (!ok && ov == NULL) {
            if (GetLastError() == WAIT_TIMEOUT) {
                if (TryLeave())
                    break;           /* idle, and the pool can spare us */
                continue;
            }
            break;                   /* the port is gone */
        }
        if (key == KEY_QUIT) {
            InterlockedDecrement(&g_inPool);
            break;
        }

        /* Everyone busy, room in the pool, and CPUs to spare? */
        LONG busy = InterlockedIncrement(&g_busy);
        if (busy == g_inPool && SimCpuUsage() < GROW_BELOW)
            TryGrow();

        DoItem(kind);

        InterlockedDecrement(&g_busy);
        if (InterlockedIncrement(&g_itemsDone) == g_phaseItems)
            SetEvent(g_phaseDone);

        /* CPUs saturated: one thread fewer competing for them. */
        if (SimCpuUsage() > SHRINK_ABOVE && TryLeave())
            break;
    }
    return 0;
}

/* Posts a phase's items and waits until all are handled. */
static void RunPhase(LONG items, DWORD kind)
{
    g_itemsDone = 0;
    g_phaseItems = items;
    ResetEvent(g_phaseDone);
    for (LONG i = 0; i < items; i++)
        PostQueuedCompletionStatus(g_port, kind, KEY_ITEM, NULL);
    WaitForSingleObject(g_phaseDone, INFINITE);
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);
    g_phaseDone = CreateEvent(NULL, TRUE, FALSE, NULL);
    printf("pool: min %d, max %d, port concurrency %d\n", MIN_THREADS, MAX_THREADS, CONCURRENCY);

    for (int i = 0; i < MIN_THREADS; i++)
        TryGrow();

    SimNote("phase 1: waiting work");
    RunPhase(40, WORK_WAITING);
    printf("phase 1, waiting work (40 items): %ld threads\n", g_inPool);

    SimNote("phase 2: idle");
    Sleep(500);
    printf("phase 2, idle for 500 ms: %ld threads\n", g_inPool);

    SimNote("phase 3: waiting work again");
    RunPhase(40, WORK_WAITING);
    printf("phase 3, waiting work (40 items): %ld threads\n", g_inPool);

    SimNote("phase 4: CPU work");
    RunPhase(80, WORK_CPU);
    printf("phase 4, CPU work (80 items): %ld threads\n", g_inPool);

    printf("threads started in all: %ld, left early: %ld\n", g_started, g_left);

    /* Shutdown: one quit packet per remaining thread; each leaves on its own. */
    LONG remaining = g_inPool;
    for (LONG i = 0; i < remaining; i++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects((DWORD)g_started, g_threads, TRUE, INFINITE);

    for (LONG i = 0; i < g_started; i++)
        CloseHandle(g_threads[i]);
    CloseHandle(g_phaseDone);
    CloseHandle(g_port);
    return 0;
}

"""#),
        ("programs/alertable-busy-issuer.c", #"""
/*
 * alertable-busy-issuer.c - why alertable I/O does not scale: every
 * completion routine runs on the thread that issued the request.
 *
 * The main thread ("issuer") starts 16 reads with ReadFileEx, and each read
 * needs 2 ms of CPU work when it completes. Three helper threads sit in
 * alertable waits the whole time, with a CPU free for them - and do nothing.
 * A completion routine is an APC queued to the ISSUING thread (SEMANTICS
 * 20); being alertable is not enough to receive another thread's routines.
 * So while the issuer works through one routine, the next completions pile up
 * in its APC queue (visible in the view), and 32 ms of work runs on one CPU
 * while the other idles.
 *
 * Each routine records which thread it ran on; the helpers count every time
 * their alertable wait returned WAIT_IO_COMPLETION. The counts do not depend
 * on timing: they follow from the rule alone.
 *
 * Rules shown: 19, 20, 21. Kernel features: ReadFileEx, per-thread APC
 * queues, alertable waits (SleepEx, WaitForSingleObjectEx), two CPUs. Needs
 * the alertable-I/O part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   16 reads, 65536 bytes
 *   completion routines run, per thread:
 *     issuer      16
 *     helper 1     0  (alertable waits woken by a routine: 0)
 *     helper 2     0  (alertable waits woken by a routine: 0)
 *     helper 3     0  (alertable waits woken by a routine: 0)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)
#pragma sim file("data.bin", 131072)
#pragma sim disk(latency_us=1500, jitter_us=1000, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 2000)

#define READS   16
#define BLOCK   4096
#define STRIDE  8192
#define HELPERS 3
#define THREADS (HELPERS + 1)        /* index 0 is the issuer */

typedef struct READ_REQUEST {
    OVERLAPPED ov;
    BYTE       data[BLOCK];
} READ_REQUEST;

static READ_REQUEST g_requests[READS];
static DWORD  g_threadId[THREADS];
static LONG   g_routinesOn[THREADS];  /* routines run, by thread */
static LONG   g_helperWakes[THREADS]; /* WAIT_IO_COMPLETION seen by helpers */
static LONG   g_finished;
static DWORD  g_bytes;
static HANDLE g_quit;                 /* manual-reset: tells helpers to leave */

static const WCHAR *const g_names[THREADS] = {
    L"issuer", L"helper 1", L"helper 2", L"helper 3"
};

static int ThisThreadIndex(void)
{
    DWORD me = GetCurrentThreadId();
    for (int i = 0; i < THREADS; i++)
        if (g_threadId[i] == me)
            return i;
    return -1;
}

static VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    int me = ThisThreadIndex();
    if (me >= 0)
        InterlockedIncrement(&g_routinesOn[me]);
    if (error == ERROR_SUCCESS)
        g_bytes += bytes;
    SimCompute(WORK_US);              /* the processing this completion needs */
    InterlockedIncrement(&g_finished);
}

/* A helper would gladly run routines: it waits alertably until told to quit. */
static DWORD WINAPI Helper(LPVOID param)
{
    int me = (int)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_names[me]);
    for (;;) {
        DWORD w = WaitForSingleObjectEx(g_quit, INFINITE, TRUE);
        if (w == WAIT_IO_COMPLETION)
            InterlockedIncrement(&g_helperWakes[me]);   /* never happens here */
        else
            break;
    }
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), g_names[0]);
    g_threadId[0] = GetCurrentThreadId();
    g_quit = CreateEvent(NULL, TRUE, FALSE, NULL);

    HANDLE helpers[HELPERS];
    for (int i = 1; i <= HELPERS; i++)
        helpers[i - 1] = CreateThread(NULL, 0, Helper, (LPVOID)(ULONG_PTR)i, 0, &g_threadId[i]);

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    SimNote("issuer starts 16 reads; helpers wait alertably");
    for (DWORD i = 0; i < READS; i++) {
        ZeroMemory(&g_requests[i].ov, sizeof(OVERLAPPED));
        g_requests[i].ov.Offset = i * STRIDE;
        if (!ReadFileEx(file, g_requests[i].data, BLOCK, &g_requests[i].ov, ReadDone)) {
            printf("ReadFileEx %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    /* Only this thread can run the routines, one after the other. */
    while (g_finished < READS)
        SleepEx(INFINITE, TRUE);
    SimNote("all routines ran on the issuer");

    SetEvent(g_quit);
    WaitForMultipleObjects(HELPERS, helpers, TRUE, INFINITE);

    printf("%d reads, %lu bytes\n", READS, g_bytes);
    printf("completion routines run, per thread:\n");
    printf("  %-10ls %3ld\n", g_names[0], g_routinesOn[0]);
    for (int i = 1; i <= HELPERS; i++)
        printf("  %-10ls %3ld  (alertable waits woken by a routine: %ld)\n",
               g_names[i], g_routinesOn[i], g_helperWakes[i]);

    for (int i = 0; i < HELPERS; i++)
        CloseHandle(helpers[i]);
    CloseHandle(g_quit);
    CloseHandle(file);
    return 0;
}

"""#),
        ("programs/apc-wakeup.c", #"""
/*
 * apc-wakeup.c - QueueUserAPC as a clean way to tell a waiting thread to stop.
 *
 * A thread blocked in an alertable wait can be woken by queuing a user APC
 * to it: the wait runs the APC and returns WAIT_IO_COMPLETION (SEMANTICS 20,
 * 21). The APC function runs on the target thread, so it can simply set that
 * thread's own "stop" flag; the thread sees the flag when its wait returns
 * and leaves its loop - no extra event, no TerminateThread.
 *
 *   - "sleeper" idles in SleepEx(INFINITE, TRUE) until the stop APC arrives.
 *   - "server" takes work items from a semaphore with
 *     WaitForSingleObjectEx(..., TRUE). Main releases 3 items and queues the
 *     stop APC right away, yet the server handles all 3 items first: while
 *     the semaphore is signaled, it satisfies the wait before queued APCs
 *     are considered (SEMANTICS 22). Only the wait that finds no item runs
 *     the APC. So the count below does not depend on timing.
 *   - Once a thread has exited, QueueUserAPC to it fails (SEMANTICS 24).
 *
 * Rules shown: 20, 21, 22, 24. Kernel features: user APC queues, alertable
 * SleepEx and WaitForSingleObjectEx, semaphores, thread exit codes. Needs
 * the alertable-I/O (APC) part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   sleeper: SleepEx returned 0xC0 (WAIT_IO_COMPLETION), stop flag set, exit code 0
 *   server: handled 3 items, then the wait returned 0xC0 (WAIT_IO_COMPLETION), exit code 3
 *   QueueUserAPC to the exited server -> FALSE, error 31 (ERROR_GEN_FAILURE)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define ITEMS 3

typedef struct WORKER {
    volatile LONG stop;      /* set by the stop APC, on the worker itself */
    DWORD lastWait;          /* what the wait that ended the loop returned */
} WORKER;

static WORKER g_sleeper;
static WORKER g_server;
static HANDLE g_items;       /* semaphore: one count per work item */

/* Runs inside the target's alertable wait, on the target thread. */
static VOID CALLBACK StopApc(ULONG_PTR param)
{
    WORKER *w = (WORKER *)param;
    w->stop = TRUE;
}

static DWORD WINAPI Sleeper(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), L"sleeper");
    while (!g_sleeper.stop)
        g_sleeper.lastWait = SleepEx(INFINITE, TRUE);
    return 0;
}

static DWORD WINAPI Server(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), L"server");
    DWORD handled = 0;
    while (!g_server.stop) {
        DWORD w = WaitForSingleObjectEx(g_items, INFINITE, TRUE);
        g_server.lastWait = w;
        if (w == WAIT_OBJECT_0) {
            SimCompute(1000);        /* one work item */
            handled++;
        }
        /* WAIT_IO_COMPLETION: an APC ran; the loop test looks at the flag. */
    }
    return handled;                  /* the exit code reports the work done */
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_items = CreateSemaphore(NULL, 0, 100, NULL);

    HANDLE sleeper = CreateThread(NULL, 0, Sleeper, NULL, 0, NULL);
    HANDLE server = CreateThread(NULL, 0, Server, NULL, 0, NULL);

    /* Let both reach their alertable waits first. (An APC queued to a thread
       that has not started yet runs before its thread function even
       begins; that is not what this program is about.) Virtual time makes
       a short Sleep a reliable way to wait for that here. */
    Sleep(10);

    ReleaseSemaphore(g_items, ITEMS, NULL);
    SimNote("3 items released, then stop APCs queued");
    QueueUserAPC(StopApc, sleeper, (ULONG_PTR)&g_sleeper);
    QueueUserAPC(StopApc, server, (ULONG_PTR)&g_server);

    HANDLE both[2];
    both[0] = sleeper;
    both[1] = server;
    WaitForMultipleObjects(2, both, TRUE, INFINITE);

    DWORD code = 0;
    GetExitCodeThread(sleeper, &code);
    printf("sleeper: SleepEx returned 0x%lX (%s), stop flag %s, exit code %lu\n",
           g_sleeper.lastWait,
           g_sleeper.lastWait == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "?",
           g_sleeper.stop ? "set" : "clear", code);
    GetExitCodeThread(server, &code);
    printf("server: handled %lu items, then the wait returned 0x%lX (%s), exit code %lu\n",
           code, g_server.lastWait,
           g_server.lastWait == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "?", code);

    /* The server is gone: there is no thread left to run an APC. */
    BOOL ok = QueueUserAPC(StopApc, server, (ULONG_PTR)&g_server);
    DWORD err = ok ? 0 : GetLastError();
    printf("QueueUserAPC to the exited server -> %s, error %lu (%s)\n",
           ok ? "TRUE" : "FALSE", err,
           err == ERROR_GEN_FAILURE ? "ERROR_GEN_FAILURE" : "?");

    CloseHandle(sleeper);
    CloseHandle(server);
    CloseHandle(g_items);
    return 0;
}

"""#),
        ("programs/device-ambiguity.c", #"""
/*
 * device-ambiguity.c - why method 1 allows only one request in flight.
 *
 * Two reads, A and B, are started on the same overlapped handle, then the
 * program waits on the handle. The file object is ONE manual-reset signal
 * for the whole file: each request resets it when it starts and the first
 * completion sets it (SEMANTICS 9, 14). So the wait returns when either read
 * finishes, and nothing in its result says which. Only the OVERLAPPEDs know:
 * printing their Internal fields shows one finished (STATUS_SUCCESS, 0) and
 * one still STATUS_PENDING (0x103).
 *
 * Worse, the signal stays set: a second wait on the handle returns at once
 * although B is still pending, so a program that waits on the handle once
 * per request would race ahead. Here we poll B's OVERLAPPED instead
 * (HasOverlappedIoCompleted reads Internal) - which is exactly the busy
 * checking the other methods exist to avoid.
 *
 * Deterministic on purpose: the disk serves one request at a time
 * (parallel=1) with no jitter, so A (started first) always finishes first.
 *
 * Rules shown: 8, 9, 12, 14. Kernel features: overlapped reads, disk queue
 * with parallel=1, waits on a file object. Needs only the base kernel.
 *
 * Expected output on the simulated kernel:
 *   started A (offset 0) and B (offset 32768): both pending
 *   wait on the handle -> WAIT_OBJECT_0
 *   A.Internal=0x0 A.InternalHigh=4096
 *   B.Internal=0x103 B.InternalHigh=0
 *   second wait, timeout 0 -> WAIT_OBJECT_0 although B is pending
 *   B.Internal=0x0 B.InternalHigh=4096 after polling
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=3000, jitter_us=0, parallel=1, sector=512, cache=off)

#define BLOCK 4096

static BYTE g_a[BLOCK];
static BYTE g_b[BLOCK];

static const char *WaitName(DWORD w)
{
    if (w == WAIT_OBJECT_0) return "WAIT_OBJECT_0";
    if (w == WAIT_TIMEOUT)  return "WAIT_TIMEOUT";
    return "WAIT_FAILED";
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    OVERLAPPED a = {0};
    OVERLAPPED b = {0};
    a.Offset = 0;
    b.Offset = 32768;
    BOOL doneA = ReadFile(file, g_a, BLOCK, NULL, &a);
    BOOL pendingA = !doneA && GetLastError() == ERROR_IO_PENDING;
    BOOL doneB = ReadFile(file, g_b, BLOCK, NULL, &b);
    BOOL pendingB = !doneB && GetLastError() == ERROR_IO_PENDING;
    printf("started A (offset 0) and B (offset 32768): %s\n",
           pendingA && pendingB ? "both pending" : "not both pending");
    SimNote("two reads in flight on one handle");

    /* Returns at the first completion - A's or B's, it does not say. */
    DWORD w = WaitForSingleObject(file, INFINITE);
    printf("wait on the handle -> %s\n", WaitName(w));
    SimNote("handle signaled: which read finished?");
    printf("A.Internal=0x%lX A.InternalHigh=%lu\n", (DWORD)a.Internal, (DWORD)a.InternalHigh);
    printf("B.Internal=0x%lX B.InternalHigh=%lu\n", (DWORD)b.Internal, (DWORD)b.InternalHigh);

    /* Nothing reset the signal, so it still reads "done". */
    w = WaitForSingleObject(file, 0);
    printf("second wait, timeout 0 -> %s%s\n", WaitName(w),
           HasOverlappedIoCompleted(&b) ? "" : " although B is pending");

    /* The handle cannot help any more: look at B's OVERLAPPED until the
       kernel writes its result there. */
    while (!HasOverlappedIoCompleted(&b))
        Sleep(1);
    printf("B.Internal=0x%lX B.InternalHigh=%lu after polling\n",
           (DWORD)b.Internal, (DWORD)b.InternalHigh);

    CloseHandle(file);
    return 0;
}

"""#),
        ("programs/iocp-concurrency.c", #"""
/*
 * iocp-concurrency.c - the port's running count: a worker that blocks lets
 * another one in, and the count can end up above the limit.
 *
 * A port with concurrency limit 2 and four workers. The port counts its
 * threads that are "running" (on a CPU or ready). When a running worker
 * blocks in any other wait - here a Sleep in the middle of item 1 - the
 * count drops and the port releases the newest waiting worker with the next
 * packet (SEMANTICS 31). When the sleeper wakes, it counts as running again
 * at once, limit or not: three workers run under a limit of two. The port
 * then releases nobody until the count falls back below the limit:
 *   - the worker that finishes first asks for more while 3 are running, so
 *     after its own decrement the count is still 2 - it blocks even though
 *     item 4 is queued (SEMANTICS 30);
 *   - the next one to ask brings the count to 1 and takes item 4 at once,
 *     ahead of the workers already waiting (SEMANTICS 30 again).
 *
 * The program keeps its own count of workers between "got an item" and
 * "asks for the next", minus those asleep, and records the peak; SimNote
 * marks the moments in the trace. The machine has 4 CPUs so that every
 * running worker is really on a CPU and the count is observable from C;
 * the port's limit, not the CPUs, is what the lesson is about.
 *
 * Timeline (virtual ms): 0 worker 4 takes item 1, worker 3 item 2;
 * 1 worker 4 sleeps -> worker 2 takes item 3; 3 worker 4 wakes (3 running);
 * 4 worker 4 asks again -> blocks, item 4 still queued; 6 worker 3 asks
 * -> takes item 4; 9 worker 2 done.
 *
 * Rules shown: 25, 29, 30, 31, 32. Kernel features: completion port running
 * count, LIFO waiters, posted packets, Sleep by an associated thread. Needs
 * the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   item 1 -> worker 4 (sleeps half-way)
 *   item 2 -> worker 3
 *   item 3 -> worker 2
 *   item 4 -> worker 3
 *   most workers running at once: 3 (port limit 2)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(4)

#define WORKERS     4
#define CONCURRENCY 2
#define ITEMS       4
#define KEY_ITEM    1
#define KEY_QUIT    2

/* CPU time per item in microseconds; item 1 also sleeps in the middle. */
static const DWORD g_itemWorkUs[ITEMS + 1] = { 0, 1000, 6000, 8000, 2000 };
#define ITEM1_SLEEP_MS 2

static HANDLE        g_port;
static HANDLE        g_itemsDone;
static volatile LONG g_running;      /* our own count, see above */
static volatile LONG g_peak;
static volatile LONG g_finished;
static LONG          g_takenBy[ITEMS + 1];

static const WCHAR *const g_names[WORKERS + 1] = {
    L"", L"worker 1", L"worker 2", L"worker 3", L"worker 4"
};

static void Running(LONG delta)
{
    LONG now = InterlockedExchangeAdd(&g_running, delta) + delta;
    LONG peak = g_peak;
    while (now > peak) {             /* raise the peak without a lock */
        LONG seen = InterlockedCompareExchange(&g_peak, now, peak);
        if (seen == peak)
            break;
        peak = seen;
    }
}

static DWORD WINAPI Worker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_names[me]);
    for (;;) {
        DWORD item = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        if (!GetQueuedCompletionStatus(g_port, &item, &key, &ov, INFINITE) || key == KEY_QUIT)
            break;
        Running(+1);
        g_takenBy[item] = me;

        if (item == 1) {
            SimCompute(g_itemWorkUs[item]);
            SimNote("worker blocks in Sleep: the port releases a waiter");
            Running(-1);
            Sleep(ITEM1_SLEEP_MS);   /* any blocking wait has this effect */
            Running(+1);
            SimNote("sleeper is back: running count above the limit");
        }
        SimCompute(g_itemWorkUs[item]);

        Running(-1);                 /* about to ask the port again */
        if (InterlockedIncrement(&g_finished) == ITEMS)
            SetEvent(g_itemsDone);
    }
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);
    g_itemsDone = CreateEvent(NULL, TRUE, FALSE, NULL);

    HANDLE threads[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        threads[i] = CreateThread(NULL, 0, Worker, (LPVOID)(ULONG_PTR)(i + 1), 0, NULL);
        Sleep(1);   /* park them in order: worker 4 is the newest waiter */
    }

    /* Items 1 and 2 go straight to the two newest waiters (the limit is 2);
       3 and 4 stay queued in the port. */
    for (DWORD item = 1; item <= ITEMS; item++)
        PostQueuedCompletionStatus(g_port, item, KEY_ITEM, NULL);

    WaitForSingleObject(g_itemsDone, INFINITE);
    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    for (int item = 1; item <= ITEMS; item++)
        printf("item %d -> worker %ld%s\n", item, g_takenBy[item],
               item == 1 ? " (sleeps half-way)" : "");
    printf("most workers running at once: %ld (port limit %d)\n", g_peak, CONCURRENCY);

    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_itemsDone);
    CloseHandle(g_port);
    return 0;
}

"""#),
        ("programs/iocp-getqueued-ex.c", #"""
/*
 * iocp-getqueued-ex.c - GetQueuedCompletionStatusEx: several packets per call.
 *
 * GetQueuedCompletionStatus returns one packet per call, so a busy server
 * pays one kernel transition per completion. The Ex form fills an array of
 * OVERLAPPED_ENTRY with up to ulCount packets, oldest first, in one call
 * (SEMANTICS 35). Ten packets with room for four per call take three calls:
 * 4, 4 and 2; a fourth call with a zero timeout finds nothing and fails with
 * WAIT_TIMEOUT.
 *
 * The Ex form can also wait alertably, but it only does so when nothing is
 * queued: queued packets win over pending APCs. Below, an APC is queued to
 * this thread and two packets are posted; the alertable call returns the
 * packets and leaves the APC alone. The next alertable call finds the port
 * empty, runs the APC and fails with WAIT_IO_COMPLETION (SEMANTICS 20, 21).
 *
 * Posted packets stand in for I/O completions here: a completed read
 * arrives in exactly the same form.
 *
 * Rules shown: 20, 21, 33, 35, 36. Kernel features: completion port,
 * multi-packet dequeue, alertable port wait, user APCs. Needs the
 * completion-port and APC parts of the kernel.
 *
 * Expected output on the simulated kernel:
 *   posted 10 packets
 *   call 1: TRUE, 4 packets: [key 1, 100 bytes, req 1] [key 2, 200 bytes, req 2] [key 3, 300 bytes, req 3] [key 4, 400 bytes, req 4]
 *   call 2: TRUE, 4 packets: [key 5, 500 bytes, req 5] [key 6, 600 bytes, req 6] [key 7, 700 bytes, req 7] [key 8, 800 bytes, req 8]
 *   call 3: TRUE, 2 packets: [key 9, 900 bytes, req 9] [key 10, 1000 bytes, req 10]
 *   call 4: FALSE, error 258 (WAIT_TIMEOUT)
 *   10 packets in 3 successful calls
 *   APC queued, 2 packets posted
 *   alertable call: TRUE, 2 packets, APC has run: no
 *   alertable call: FALSE, error 192 (WAIT_IO_COMPLETION), APC has run: yes
 */
#include <windows.h>
#include <stdio.h>

#define PACKETS  10
#define PER_CALL 4

static OVERLAPPED g_requests[PACKETS + 1];   /* index 0 unused */
static LONG       g_apcRan;

static VOID CALLBACK MarkApc(ULONG_PTR param)
{
    g_apcRan = (LONG)param;
}

static void PrintEntries(const OVERLAPPED_ENTRY *entries, ULONG count)
{
    for (ULONG i = 0; i < count; i++) {
        /* The OVERLAPPED pointer tells which request this is. */
        long req = (long)(entries[i].lpOverlapped - g_requests);
        printf(" [key %lu, %lu bytes, req %ld]", (DWORD)entries[i].lpCompletionKey,
               entries[i].dwNumberOfBytesTransferred, req);
    }
    printf("\n");
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);

    for (DWORD i = 1; i <= PACKETS; i++)
        PostQueuedCompletionStatus(port, i * 100, (ULONG_PTR)i, &g_requests[i]);
    printf("posted %d packets\n", PACKETS);

    OVERLAPPED_ENTRY entries[PER_CALL];
    int calls = 0;
    int received = 0;
    for (int call = 1; ; call++) {
        ULONG got = 0;
        BOOL ok = GetQueuedCompletionStatusEx(port, entries, PER_CALL, &got, 0, FALSE);
        if (!ok) {
            DWORD err = GetLastError();
            printf("call %d: FALSE, error %lu (%s)\n", call, err,
                   err == WAIT_TIMEOUT ? "WAIT_TIMEOUT" : "?");
            break;
        }
        printf("call %d: TRUE, %lu packets:", call, got);
        PrintEntries(entries, got);
        calls++;
        received += (int)got;
    }
    printf("%d packets in %d successful calls\n", received, calls);

    /* Packets queued and an APC pending: the packets are returned first. */
    QueueUserAPC(MarkApc, GetCurrentThread(), 1);
    PostQueuedCompletionStatus(port, 0, 11, NULL);
    PostQueuedCompletionStatus(port, 0, 12, NULL);
    printf("APC queued, 2 packets posted\n");
    for (int i = 0; i < 2; i++) {
        ULONG got = 0;
        BOOL ok = GetQueuedCompletionStatusEx(port, entries, PER_CALL, &got, INFINITE, TRUE);
        if (ok) {
            printf("alertable call: TRUE, %lu packets, APC has run: %s\n", got,
                   g_apcRan ? "yes" : "no");
        } else {
            DWORD err = GetLastError();
            printf("alertable call: FALSE, error %lu (%s), APC has run: %s\n", err,
                   err == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "?",
                   g_apcRan ? "yes" : "no");
        }
    }

    CloseHandle(port);
    return 0;
}

"""#),
        ("programs/iocp-lifo.c", #"""
/*
 * iocp-lifo.c - which waiting thread gets the next packet? The newest one.
 *
 * Threads blocked in GetQueuedCompletionStatus form a LIFO: a packet goes to
 * the thread that most recently started waiting (SEMANTICS 29). The point of
 * LIFO is that a thread which has just finished a packet and come back is
 * "warm" (its stack and data are still in the cache) while the others can
 * stay idle and even be paged out.
 *
 * Four workers park one after another (worker 1 first, worker 4 last).
 *   Round 1: main posts a packet, lets it be handled, and posts the next.
 *            Each time the same worker - the one that came back last - gets
 *            it: worker 4 does all the work, workers 1-3 never wake.
 *   Round 2: main posts four packets at once (the limit is 4, so each one is
 *            handed out immediately). They go down the stack: worker 4,
 *            then 3, 2, 1.
 * Every worker records which packets it got; main prints after the pool has
 * ended, so printing cannot disturb the order.
 *
 * (Wine wakes port waiters in FIFO order, so it disagrees here; Windows and
 * this kernel use LIFO.)
 *
 * Rules shown: 25, 29, 30, 36. Kernel features: completion port waiter LIFO,
 * posted packets. Needs the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   workers parked in order: 1, 2, 3, 4
 *   round 1, one packet at a time:
 *     packet 1 -> worker 4
 *     packet 2 -> worker 4
 *     packet 3 -> worker 4
 *     packet 4 -> worker 4
 *   round 2, four packets at once:
 *     packet 5 -> worker 4
 *     packet 6 -> worker 3
 *     packet 7 -> worker 2
 *     packet 8 -> worker 1
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define WORKERS     4
#define CONCURRENCY 4      /* high enough that no packet has to queue */
#define PACKETS     8
#define KEY_WORK    1
#define KEY_QUIT    2

static HANDLE g_port;
static LONG   g_gotBy[PACKETS + 1];

static const WCHAR *const g_names[WORKERS + 1] = {
    L"", L"worker 1", L"worker 2", L"worker 3", L"worker 4"
};

static DWORD WINAPI Worker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_names[me]);
    for (;;) {
        DWORD packet = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        if (!GetQueuedCompletionStatus(g_port, &packet, &key, &ov, INFINITE) || key == KEY_QUIT)
            break;
        g_gotBy[packet] = me;
        SimCompute(500);             /* handling takes half a millisecond */
    }
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);

    /* Start them one by one and give each time to block, so the waiter
       stack is, from the top: worker 4, 3, 2, 1. */
    HANDLE threads[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        threads[i] = CreateThread(NULL, 0, Worker, (LPVOID)(ULONG_PTR)(i + 1), 0, NULL);
        Sleep(2);
    }

    /* Round 1: 2 ms between packets is ample for the 0.5 ms of handling, so
       the worker is back on top of the stack before the next one. */
    SimNote("round 1: one packet at a time");
    for (DWORD p = 1; p <= 4; p++) {
        PostQueuedCompletionStatus(g_port, p, KEY_WORK, NULL);
        Sleep(2);
    }

    /* Round 2: all four before anyone can come back. */
    SimNote("round 2: four packets at once");
    for (DWORD p = 5; p <= 8; p++)
        PostQueuedCompletionStatus(g_port, p, KEY_WORK, NULL);
    Sleep(2);

    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    printf("workers parked in order: 1, 2, 3, 4\n");
    printf("round 1, one packet at a time:\n");
    for (int p = 1; p <= 4; p++)
        printf("  packet %d -> worker %ld\n", p, g_gotBy[p]);
    printf("round 2, four packets at once:\n");
    for (int p = 5; p <= 8; p++)
        printf("  packet %d -> worker %ld\n", p, g_gotBy[p]);

    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_port);
    return 0;
}

"""#),
        ("programs/iocp-shutdown.c", #"""
/*
 * iocp-shutdown.c - shutting a pool down with posted packets, the wrong way
 * and the right way.
 *
 * The usual way to stop a pool is to post one "quit" packet per thread.
 * That works only if a thread that receives a quit packet leaves AT ONCE.
 *
 * The pitfall. Here each worker just counts a quit packet and goes back to
 * GetQueuedCompletionStatus for more (as a worker does that only checks a
 * "stopping" flag at the top of its loop, or finishes some cleanup that
 * waits on the port). Because the port favours the thread that asks last
 * (SEMANTICS 29, 30), the packets meant for the others are taken by the same
 * thread. With a concurrency limit of 1 this does not even depend on timing:
 *   quit 1 goes to the newest waiter (A4); quits 2-4 must queue (1 running,
 *   limit 1); A4 comes back, which lowers the count, and takes quit 2 itself
 *   ahead of the waiting threads; then quit 3, quit 4.
 * One thread sees all four notifications, three see none and would wait
 * forever. We end them by closing the port: every waiter returns FALSE with
 * no packet and ERROR_ABANDONED_WAIT_0 (SEMANTICS 34).
 *
 * The fix. Each worker returns from its thread function as soon as it gets a
 * quit packet. A thread that has exited no longer counts as running, so the
 * port hands the next queued packet to the newest remaining waiter
 * (SEMANTICS 32): each thread gets exactly one, newest first, and a counter
 * of live threads reaches 0.
 *
 * (Wine neither wakes waiters in LIFO order nor releases them when the port
 * is closed, so part 1 behaves differently there; Windows and this kernel
 * follow the rules above.)
 *
 * Rules shown: 29, 30, 32, 33, 34, 36. Kernel features: completion port
 * with limit 1, posted packets, closing a port under waiters, thread exit
 * releasing a waiter. Needs the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   pitfall: workers count quit packets and loop back
 *     A1 saw 0 quit packets
 *     A2 saw 0 quit packets
 *     A3 saw 0 quit packets
 *     A4 saw 4 quit packets
 *     after CloseHandle(port) each left with error 735 (ERROR_ABANDONED_WAIT_0): 4 of 4
 *   fix: workers leave on their quit packet
 *     quit packet 1 -> B4
 *     quit packet 2 -> B3
 *     quit packet 3 -> B2
 *     quit packet 4 -> B1
 *     threads still in the pool: 0
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define WORKERS  4
#define KEY_QUIT 1

/* ---- part 1: the pitfall ------------------------------------------------ */

static HANDLE        g_portA;
static HANDLE        g_allQuitsTaken;
static volatile LONG g_quitsTaken;
static LONG          g_quitsSeen[WORKERS + 1];
static DWORD         g_endError[WORKERS + 1];

static const WCHAR *const g_namesA[WORKERS + 1] = { L"", L"A1", L"A2", L"A3", L"A4" };
static const WCHAR *const g_namesB[WORKERS + 1] = { L"", L"B1", L"B2", L"B3", L"B4" };

static DWORD WINAPI LoopingWorker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_namesA[me]);
    for (;;) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        if (!GetQueuedCompletionStatus(g_portA, &bytes, &key, &ov, INFINITE)) {
            if (ov == NULL) {        /* no packet at all: the port is gone */
                g_endError[me] = GetLastError();
                break;
            }
            continue;
        }
        if (key == KEY_QUIT) {
            g_quitsSeen[me]++;
            if (InterlockedIncrement(&g_quitsTaken) == WORKERS)
                SetEvent(g_allQuitsTaken);
            continue;                /* THE BUG: back for another packet */
        }
    }
    return 0;
}

/* ---- part 2: the fix ---------------------------------------------------- */

static HANDLE        g_portB;
static volatile LONG g_alive;
static volatile LONG g_exitOrder;
static LONG          g_quitWentTo[WORKERS + 1];

static DWORD WINAPI LeavingWorker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_namesB[me]);
    for (;;) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(g_portB, &bytes, &key, &ov, INFINITE);
        if ((!ok && ov == NULL) || key == KEY_QUIT)
            break;                   /* leave now, never ask again */
    }
    g_quitWentTo[InterlockedIncrement(&g_exitOrder)] = me;
    InterlockedDecrement(&g_alive);
    return 0;
}

/* Starts WORKERS threads and lets each block on the port before the next
   starts, so the newest waiter is always the last one created. */
static void StartPool(HANDLE *threads, LPTHREAD_START_ROUTINE body)
{
    for (int i = 0; i < WORKERS; i++) {
        threads[i] = CreateThread(NULL, 0, body, (LPVOID)(ULONG_PTR)(i + 1), 0, NULL);
        Sleep(1);
    }
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE threads[WORKERS];

    /* Part 1. */
    printf("pitfall: workers count quit packets and loop back\n");
    g_portA = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    g_allQuitsTaken = CreateEvent(NULL, TRUE, FALSE, NULL);
    StartPool(threads, LoopingWorker);

    SimNote("pitfall: one quit packet per thread");
    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_portA, 0, KEY_QUIT, NULL);
    WaitForSingleObject(g_allQuitsTaken, INFINITE);
    Sleep(1);   /* let the last taker get back into its wait */

    for (int w = 1; w <= WORKERS; w++)
        printf("  A%d saw %ld quit packets\n", w, g_quitsSeen[w]);

    SimNote("closing the port under its waiters");
    CloseHandle(g_portA);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);
    int abandoned = 0;
    for (int w = 1; w <= WORKERS; w++)
        if (g_endError[w] == ERROR_ABANDONED_WAIT_0)
            abandoned++;
    printf("  after CloseHandle(port) each left with error %lu (ERROR_ABANDONED_WAIT_0): %d of %d\n",
           (DWORD)ERROR_ABANDONED_WAIT_0, abandoned, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_allQuitsTaken);

    /* Part 2. */
    printf("fix: workers leave on their quit packet\n");
    g_portB = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    g_alive = WORKERS;
    StartPool(threads, LeavingWorker);

    SimNote("fix: one quit packet per thread");
    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_portB, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    for (int n = 1; n <= WORKERS; n++)
        printf("  quit packet %d -> B%ld\n", n, g_quitWentTo[n]);
    printf("  threads still in the pool: %ld\n", g_alive);

    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_portB);
    return 0;
}

"""#),
        ("programs/method1-device.c", #"""
/*
 * method1-device.c - Method 1: learn that a read finished by waiting on the
 * file handle itself.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives.
 * "Processing" is a position-weighted checksum plus a little CPU work, so the
 * four programs print exactly the same lines however the disk orders things.
 *
 * How completion is learned: the file object is a manual-reset signal. Every
 * request resets it when it starts, and the kernel sets it when a request
 * that has no hEvent finishes (SEMANTICS 9, 14). So WaitForSingleObject(file)
 * means "some request on this file finished" - never "which one". With two
 * requests in flight that question has no answer (device-ambiguity.c shows
 * it), so this method keeps exactly ONE request in flight. To get some
 * overlap anyway we double-buffer: as soon as block i has arrived we start
 * the read of block i+1, and only then process block i.
 *
 * Rules shown: 8 (Internal = STATUS_PENDING at start), 10 (pending vs done at
 * once), 14 (file object reset/set), 17 (GetOverlappedResult reads the
 * OVERLAPPED). Kernel features: overlapped file reads, disk latency, waits
 * on a file object.
 *
 * Expected output on the simulated kernel (the checksum value depends only on
 * the file's seeded contents and is identical in all four method programs):
 *   reads: 8 of 4096 bytes
 *   bytes: 32768
 *   checksum: 0x........
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 300)

#define READS  8
#define BLOCK  4096
#define STRIDE 8192

/* Weighted by file position: a block checksummed against the wrong offset
   gives a different total, yet plain addition makes the order in which
   blocks complete irrelevant. Unsigned arithmetic wraps, as intended. */
static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

/* Starts one read. TRUE means the request is under way or already done:
   either way the file object will be (or already is) signaled for it. */
static BOOL StartRead(HANDLE file, OVERLAPPED *ov, BYTE *buffer, DWORD offset)
{
    ZeroMemory(ov, sizeof(*ov));
    ov->Offset = offset;            /* an overlapped handle has no position */
    if (ReadFile(file, buffer, BLOCK, NULL, ov))
        return TRUE;                /* completed at once; the signal is set anyway */
    if (GetLastError() == ERROR_IO_PENDING)
        return TRUE;
    printf("ReadFile at %lu failed: error %lu\n", offset, GetLastError());
    return FALSE;
}

/* Waits for the single request in flight and returns its byte count. */
static BOOL FinishRead(HANDLE file, OVERLAPPED *ov, DWORD *bytes)
{
    /* Only safe because exactly one request is in flight: the signal
       cannot belong to anybody else. */
    if (WaitForSingleObject(file, INFINITE) != WAIT_OBJECT_0) {
        printf("wait on the file failed: error %lu\n", GetLastError());
        return FALSE;
    }
    /* The wait told us "done"; the OVERLAPPED tells us how it went.
       bWait=FALSE: it has finished, so there is nothing left to wait for. */
    if (!GetOverlappedResult(file, ov, bytes, FALSE)) {
        printf("read failed: error %lu\n", GetLastError());
        return FALSE;
    }
    return TRUE;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    /* Two buffers and one OVERLAPPED: the OVERLAPPED is reused only after
       the request using it has finished, which is the rule for reusing one. */
    static BYTE buffers[2][BLOCK];
    OVERLAPPED ov;
    DWORD checksum = 0;
    DWORD total = 0;

    SimNote("method 1: one read in flight, wait on the file handle");
    if (!StartRead(file, &ov, buffers[0], 0))
        return 1;

    for (DWORD i = 0; i < READS; i++) {
        DWORD bytes = 0;
        if (!FinishRead(file, &ov, &bytes))
            return 1;

        /* Start the next read before processing this block, so the disk
           works while we compute. Still one request in flight. */
        if (i + 1 < READS && !StartRead(file, &ov, buffers[(i + 1) % 2], (i + 1) * STRIDE))
            return 1;

        checksum += BlockChecksum(buffers[i % 2], i * STRIDE, bytes);
        total += bytes;
        SimCompute(WORK_US);
    }

    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", total);
    printf("checksum: 0x%08lX\n", checksum);

    CloseHandle(file);
    return 0;
}

"""#),
        ("programs/method2-event.c", #"""
/*
 * method2-event.c - Method 2: one event per request, named in OVERLAPPED.hEvent.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives,
 * summing a position-weighted checksum, so all four print the same lines.
 *
 * How completion is learned: each request carries its own manual-reset event
 * in hEvent. The kernel sets exactly that event when the request finishes
 * (and leaves the file object alone, SEMANTICS 14, 16), so all 8 reads can be
 * in flight at once and WaitForMultipleObjects says WHICH one finished: the
 * index it returns is the request's number.
 *
 * The lowest-index rule (SEMANTICS 39): when several events are already
 * signaled, a wait-any returns the LOWEST index, whatever order they finished
 * in. A request we have handled must therefore stop looking signaled, or it
 * would win every later wait: we ResetEvent it after handling. (A manual-reset
 * event is used so that the wait does not consume the signal before
 * GetOverlappedResult could need it, SEMANTICS 16, 18.)
 *
 * Rules shown: 8, 9 (hEvent reset when the request starts), 10, 16, 17, 18,
 * 39. Kernel features: overlapped reads, several requests at the device,
 * out-of-order completion (disk jitter), events, wait-any.
 *
 * Expected output on the simulated kernel (identical in all four method
 * programs; the checksum depends only on the file's seeded contents):
 *   reads: 8 of 4096 bytes
 *   bytes: 32768
 *   checksum: 0x........
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 300)

#define READS  8
#define BLOCK  4096
#define STRIDE 8192

/* Weighted by file position so that a block summed against the wrong offset
   shows up, while addition makes the completion order irrelevant. */
static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

static BYTE       g_buffers[READS][BLOCK];
static OVERLAPPED g_ov[READS];
static HANDLE     g_events[READS];

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    SimNote("method 2: all reads in flight, one event each");
    for (DWORD i = 0; i < READS; i++) {
        /* manual-reset, initially clear; the read resets it again anyway */
        g_events[i] = CreateEvent(NULL, TRUE, FALSE, NULL);
        ZeroMemory(&g_ov[i], sizeof(g_ov[i]));
        g_ov[i].Offset = i * STRIDE;
        g_ov[i].hEvent = g_events[i];
        /* Done at once (TRUE) also sets the event, so both outcomes are
           handled by the same loop below. */
        if (!ReadFile(file, g_buffers[i], BLOCK, NULL, &g_ov[i]) &&
            GetLastError() != ERROR_IO_PENDING) {
            printf("ReadFile %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    DWORD checksum = 0;
    DWORD total = 0;
    for (DWORD handled = 0; handled < READS; handled++) {
        DWORD w = WaitForMultipleObjects(READS, g_events, FALSE, INFINITE);
        if (w >= WAIT_OBJECT_0 + READS) {
            printf("wait failed: %lu, error %lu\n", w, GetLastError());
            return 1;
        }
        DWORD i = w - WAIT_OBJECT_0;   /* the index IS the request */

        DWORD bytes = 0;
        if (!GetOverlappedResult(file, &g_ov[i], &bytes, FALSE)) {
            printf("read %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
        /* Handled: clear its event so it cannot win the next wait. */
        ResetEvent(g_events[i]);

        checksum += BlockChecksum(g_buffers[i], g_ov[i].Offset, bytes);
        total += bytes;
        SimCompute(WORK_US);
    }

    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", total);
    printf("checksum: 0x%08lX\n", checksum);

    for (DWORD i = 0; i < READS; i++)
        CloseHandle(g_events[i]);
    CloseHandle(file);
    return 0;
}

"""#),
        ("programs/method3-alertable.c", #"""
/*
 * method3-alertable.c - Method 3: alertable I/O. ReadFileEx names a completion
 * routine; the kernel queues it as an APC to the thread that issued the read.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives,
 * summing a position-weighted checksum, so all four print the same lines.
 *
 * How completion is learned: a finished read does not interrupt anybody. Its
 * routine waits in the issuing thread's APC queue until that thread enters an
 * alertable wait - here SleepEx(INFINITE, TRUE). The wait then runs every
 * queued routine, oldest first, and returns WAIT_IO_COMPLETION instead of
 * sleeping (SEMANTICS 20, 21). So one SleepEx may run one routine or several,
 * depending on how many finished meanwhile; the loop just sleeps again until
 * the routines have counted all 8.
 *
 * Because every routine runs on this one thread, between statements of its own
 * wait, the globals they update need no locking.
 *
 * Rules shown: 19 (ReadFileEx TRUE when accepted; a synchronous failure queues
 * nothing), 20, 21. Kernel features: ReadFileEx, per-thread APC queue,
 * alertable SleepEx. Needs the alertable-I/O part of the kernel.
 *
 * Expected output on the simulated kernel (identical in all four method
 * programs; the checksum depends only on the file's seeded contents):
 *   reads: 8 of 4096 bytes
 *   bytes: 32768
 *   checksum: 0x........
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 300)

#define READS  8
#define BLOCK  4096
#define STRIDE 8192

/* hEvent is free for our own use with ReadFileEx, but keeping the OVERLAPPED
   first in a larger record is the usual way to find our context again. */
typedef struct READ_REQUEST {
    OVERLAPPED ov;
    BYTE       data[BLOCK];
} READ_REQUEST;

static READ_REQUEST g_requests[READS];
static DWORD g_finished;     /* routines that have run */
static DWORD g_failed;
static DWORD g_bytes;
static DWORD g_checksum;

static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

/* Runs on the main thread, inside its SleepEx, once per finished read. */
static VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    READ_REQUEST *req = CONTAINING_RECORD(ov, READ_REQUEST, ov);
    if (error != ERROR_SUCCESS) {
        g_failed++;
    } else {
        g_checksum += BlockChecksum(req->data, req->ov.Offset, bytes);
        g_bytes += bytes;
        SimCompute(WORK_US);
    }
    g_finished++;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    SimNote("method 3: all reads in flight, routines queued to main");
    for (DWORD i = 0; i < READS; i++) {
        ZeroMemory(&g_requests[i].ov, sizeof(OVERLAPPED));
        g_requests[i].ov.Offset = i * STRIDE;
        /* TRUE even if the read finished at once: the routine is queued
           either way and runs at our next alertable wait. */
        if (!ReadFileEx(file, g_requests[i].data, BLOCK, &g_requests[i].ov, ReadDone)) {
            printf("ReadFileEx %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    while (g_finished < READS) {
        /* Nothing wakes this sleep except queued routines (no timeout). */
        DWORD w = SleepEx(INFINITE, TRUE);
        if (w != WAIT_IO_COMPLETION) {
            printf("SleepEx returned %lu\n", w);
            return 1;
        }
    }

    if (g_failed != 0) {
        printf("%lu reads failed\n", g_failed);
        return 1;
    }
    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", g_bytes);
    printf("checksum: 0x%08lX\n", g_checksum);

    CloseHandle(file);
    return 0;
}

"""#),
        ("programs/method4-iocp.c", #"""
/*
 * method4-iocp.c - Method 4: an I/O completion port served by a small pool.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives,
 * summing a position-weighted checksum, so all four print the same lines.
 *
 * How completion is learned: the file is associated with a port under a key.
 * Each finished read becomes a packet (bytes, key, OVERLAPPED*) in the port's
 * FIFO, and any thread of the pool can take it with GetQueuedCompletionStatus
 * - the thread that issued the read plays no part (compare method 3). The
 * port lets at most CONCURRENCY of its threads run at once; the others stay
 * parked in the port's waiter list (newest first, SEMANTICS 25, 29, 30).
 *
 * Shutdown: main waits until all 8 blocks are processed, then posts one
 * "quit" packet per worker. A worker leaves as soon as it gets one, so each
 * quit packet reaches a different worker (iocp-shutdown.c shows what goes
 * wrong otherwise). Main then waits for the worker threads to end.
 *
 * The totals are updated by several threads, hence Interlocked calls.
 *
 * Rules shown: 10 (a read done at once still queues a packet), 25-27, 29,
 * 30, 33, 36. Kernel features: completion port, association with a key,
 * posted packets, thread pool, running count vs concurrency limit. Needs the
 * completion-port part of the kernel.
 *
 * Expected output on the simulated kernel (identical in all four method
 * programs; the checksum depends only on the file's seeded contents):
 *   reads: 8 of 4096 bytes
 *   bytes: 32768
 *   checksum: 0x........
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 300)

#define READS       8
#define BLOCK       4096
#define STRIDE      8192
#define WORKERS     4
#define CONCURRENCY 2

#define KEY_DATA_FILE 1   /* packets for reads of data.bin */
#define KEY_QUIT      2   /* posted by main: leave the pool */

typedef struct READ_REQUEST {
    OVERLAPPED ov;        /* first, so the packet's OVERLAPPED* leads back here */
    BYTE       data[BLOCK];
} READ_REQUEST;

static READ_REQUEST  g_requests[READS];
static HANDLE        g_port;
static HANDLE        g_allProcessed;   /* set by whoever handles the last block */
static volatile LONG g_processed;
static volatile LONG g_failed;
static volatile LONG g_bytes;
static volatile LONG g_checksum;

static const WCHAR *const g_names[WORKERS] = {
    L"worker 1", L"worker 2", L"worker 3", L"worker 4"
};

static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

static DWORD WINAPI Worker(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), g_names[(ULONG_PTR)param]);

    for (;;) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(g_port, &bytes, &key, &ov, INFINITE);

        if (ov == NULL) {
            /* No I/O packet: either our quit packet, or the port failed.
               Either way, leave now - never go back for another packet. */
            if (!ok)
                printf("GetQueuedCompletionStatus failed: error %lu\n", GetLastError());
            break;
        }

        READ_REQUEST *req = CONTAINING_RECORD(ov, READ_REQUEST, ov);
        if (!ok) {
            /* A read that failed: the packet still arrives, with its error. */
            InterlockedIncrement(&g_failed);
        } else {
            DWORD sum = BlockChecksum(req->data, req->ov.Offset, bytes);
            InterlockedExchangeAdd(&g_checksum, (LONG)sum);
            InterlockedExchangeAdd(&g_bytes, (LONG)bytes);
            SimCompute(WORK_US);
        }
        if (InterlockedIncrement(&g_processed) == READS)
            SetEvent(g_allProcessed);
    }
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    /* Create the port, then associate the file with it under its key. */
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);
    if (g_port == NULL || CreateIoCompletionPort(file, g_port, KEY_DATA_FILE, 0) == NULL) {
        printf("CreateIoCompletionPort failed: error %lu\n", GetLastError());
        return 1;
    }
    g_allProcessed = CreateEvent(NULL, TRUE, FALSE, NULL);

    HANDLE threads[WORKERS];
    for (ULONG_PTR w = 0; w < WORKERS; w++)
        threads[w] = CreateThread(NULL, 0, Worker, (LPVOID)w, 0, NULL);

    SimNote("method 4: all reads in flight, packets to a pool of 4 (limit 2)");
    for (DWORD i = 0; i < READS; i++) {
        ZeroMemory(&g_requests[i].ov, sizeof(OVERLAPPED));
        g_requests[i].ov.Offset = i * STRIDE;
        if (!ReadFile(file, g_requests[i].data, BLOCK, NULL, &g_requests[i].ov) &&
            GetLastError() != ERROR_IO_PENDING) {
            printf("ReadFile %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    WaitForSingleObject(g_allProcessed, INFINITE);

    SimNote("all blocks processed: one quit packet per worker");
    for (int w = 0; w < WORKERS; w++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    if (g_failed != 0) {
        printf("%ld reads failed\n", g_failed);
        return 1;
    }
    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", (DWORD)g_bytes);
    printf("checksum: 0x%08lX\n", (DWORD)g_checksum);

    for (int w = 0; w < WORKERS; w++)
        CloseHandle(threads[w]);
    CloseHandle(g_allProcessed);
    CloseHandle(file);
    CloseHandle(g_port);
    return 0;
}

"""#),
        ("programs/reopen-share.c", #"""
/*
 * reopen-share.c - synchronous and overlapped handles to the same file;
 * DuplicateHandle versus ReOpenFile; share modes; and requests on an
 * overlapped handle that finish at once.
 *
 * What a handle is: a reference to a FILE OBJECT. The file object carries
 * the open's flags (synchronous or overlapped), its current position, and
 * its access and share rights. That single fact explains every line below:
 *   - DuplicateHandle makes a second reference to the same file object: same
 *     position, same mode, and no new share check (SEMANTICS 6).
 *   - ReOpenFile is a brand-new open of the same file: a new file object with
 *     its own flags and position - the only way to get an overlapped handle
 *     from a synchronous one - and it is share-checked against every open,
 *     the original included (SEMANTICS 7, 5).
 *   - Overlapped file objects keep no position, so a read there must name
 *     its offset in an OVERLAPPED (SEMANTICS 3).
 *   - "Overlapped" does not mean "always pending": a read the cache can
 *     serve, or a write that extends the file, completes during the call and
 *     returns TRUE (SEMANTICS 10, 13).
 *
 * Rules shown: 1, 2, 3, 5, 6, 7, 8, 10, 12, 13, 14. Kernel features: file
 * objects and positions, share checking, page cache hits, extending writes.
 * Needs only the base kernel (no APCs, no ports).
 *
 * Expected output on the simulated kernel:
 *   synchronous handle:
 *     ReadFile 100 bytes, no OVERLAPPED -> TRUE, 100 bytes, position 100
 *     ReadFile 100 bytes, Offset=1000 -> TRUE, 100 bytes, position 1100
 *   DuplicateHandle (same file object):
 *     ReadFile 50 bytes through the copy -> original's position 1150
 *   ReOpenFile, still synchronous (new file object):
 *     its own position 0
 *   ReOpenFile adding FILE_FLAG_OVERLAPPED:
 *     ReadFile without OVERLAPPED -> FALSE, error 87 ERROR_INVALID_PARAMETER
 *     ReadFile 100 bytes at 131072 -> FALSE, error 997 ERROR_IO_PENDING, Internal=0x103
 *     after waiting on the handle -> Internal=0x0 InternalHigh=100
 *     ReadFile 100 bytes at 0 (cached) -> TRUE at once, Internal=0x0 InternalHigh=100, handle signaled
 *   share modes (data.bin is open for reading, shared for reading only):
 *     CreateFile asking to write -> error 32 ERROR_SHARING_VIOLATION
 *     ReOpenFile sharing nothing -> error 32 ERROR_SHARING_VIOLATION
 *     CreateFile asking for no data access -> opened
 *   overlapped write extending an empty file:
 *     WriteFile 512 bytes at 0 -> TRUE at once, Internal=0x0 InternalHigh=512
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 262144)
#pragma sim file("log.txt", 0)
#pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=on)

static const char *ErrorName(DWORD error)
{
    switch (error) {
    case ERROR_INVALID_PARAMETER:  return "ERROR_INVALID_PARAMETER";
    case ERROR_IO_PENDING:         return "ERROR_IO_PENDING";
    case ERROR_SHARING_VIOLATION:  return "ERROR_SHARING_VIOLATION";
    case ERROR_HANDLE_EOF:         return "ERROR_HANDLE_EOF";
    default:                       return "(unexpected)";
    }
}

/* Asking to move by 0 from the current position reports the position. */
static LONGLONG Position(HANDLE h)
{
    LARGE_INTEGER zero;
    LARGE_INTEGER pos;
    zero.QuadPart = 0;
    pos.QuadPart = -1;
    SetFilePointerEx(h, zero, &pos, FILE_CURRENT);
    return pos.QuadPart;
}

static BYTE g_buf[512];

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    DWORD n = 0;
    BOOL ok;

    /* 1. A synchronous handle: no FILE_FLAG_OVERLAPPED. */
    printf("synchronous handle:\n");
    HANDLE sync = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (sync == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }
    /* Blocks until the data is here; reads at, and advances, the position. */
    ok = ReadFile(sync, g_buf, 100, &n, NULL);
    printf("  ReadFile 100 bytes, no OVERLAPPED -> %s, %lu bytes, position %lld\n",
           ok ? "TRUE" : "FALSE", n, Position(sync));

    /* An OVERLAPPED on a synchronous handle is legal: it supplies the
       offset, the call still blocks, and the position ends after the data. */
    OVERLAPPED at = {0};
    at.Offset = 1000;
    ok = ReadFile(sync, g_buf, 100, &n, &at);
    printf("  ReadFile 100 bytes, Offset=1000 -> %s, %lu bytes, position %lld\n",
           ok ? "TRUE" : "FALSE", n, Position(sync));

    /* 2. DuplicateHandle: another name for the same file object. */
    printf("DuplicateHandle (same file object):\n");
    HANDLE copy = NULL;
    if (!DuplicateHandle(GetCurrentProcess(), sync, GetCurrentProcess(), &copy,
                         0, FALSE, DUPLICATE_SAME_ACCESS)) {
        printf("DuplicateHandle failed: error %lu\n", GetLastError());
        return 1;
    }
    ReadFile(copy, g_buf, 50, &n, NULL);
    printf("  ReadFile 50 bytes through the copy -> original's position %lld\n",
           Position(sync));

    /* 3. ReOpenFile with the same flags: a new open, so a new position. */
    printf("ReOpenFile, still synchronous (new file object):\n");
    HANDLE again = ReOpenFile(sync, GENERIC_READ, FILE_SHARE_READ, 0);
    if (again == INVALID_HANDLE_VALUE) {
        printf("ReOpenFile failed: error %lu\n", GetLastError());
        return 1;
    }
    printf("  its own position %lld\n", Position(again));

    /* 4. ReOpenFile adding FILE_FLAG_OVERLAPPED: the flag belongs to the
       file object, so only a new open can change it. */
    printf("ReOpenFile adding FILE_FLAG_OVERLAPPED:\n");
    HANDLE over = ReOpenFile(sync, GENERIC_READ, FILE_SHARE_READ, FILE_FLAG_OVERLAPPED);
    if (over == INVALID_HANDLE_VALUE) {
        printf("ReOpenFile failed: error %lu\n", GetLastError());
        return 1;
    }

    /* No position to read from: the request is refused outright. */
    ok = ReadFile(over, g_buf, 100, &n, NULL);
    DWORD err = ok ? 0 : GetLastError();
    printf("  ReadFile without OVERLAPPED -> %s, error %lu %s\n",
           ok ? "TRUE" : "FALSE", err, ErrorName(err));

    /* The cache holds whole 64 KiB blocks; nobody has touched the block at
       131072 yet, so this read goes to the disk. */
    OVERLAPPED uncached = {0};
    uncached.Offset = 131072;
    ok = ReadFile(over, g_buf, 100, NULL, &uncached);
    err = ok ? 0 : GetLastError();
    printf("  ReadFile 100 bytes at 131072 -> %s, error %lu %s, Internal=0x%lX\n",
           ok ? "TRUE" : "FALSE", err, ErrorName(err), (DWORD)uncached.Internal);
    /* One request in flight on this file object, so its signal is ours. */
    WaitForSingleObject(over, INFINITE);
    printf("  after waiting on the handle -> Internal=0x%lX InternalHigh=%lu\n",
           (DWORD)uncached.Internal, (DWORD)uncached.InternalHigh);

    /* Offset 0 was read through the synchronous handle in step 1, so the
       cache has it: the request finishes inside ReadFile. The file object
       was reset when it started and set again at completion, as always. */
    OVERLAPPED cached = {0};
    cached.Offset = 0;
    ok = ReadFile(over, g_buf, 100, NULL, &cached);
    printf("  ReadFile 100 bytes at 0 (cached) -> %s, Internal=0x%lX InternalHigh=%lu, handle %s\n",
           ok ? "TRUE at once" : "FALSE", (DWORD)cached.Internal, (DWORD)cached.InternalHigh,
           WaitForSingleObject(over, 0) == WAIT_OBJECT_0 ? "signaled" : "not signaled");

    /* 5. Share modes. Every open so far asked for read access and shared
       only reading. */
    printf("share modes (data.bin is open for reading, shared for reading only):\n");

    /* Asking for write access that the existing opens did not share. */
    HANDLE writer = CreateFile(TEXT("data.bin"), GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                               OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    err = writer == INVALID_HANDLE_VALUE ? GetLastError() : 0;
    printf("  CreateFile asking to write -> error %lu %s\n", err, ErrorName(err));
    if (writer != INVALID_HANDLE_VALUE)
        CloseHandle(writer);

    /* The reverse: the existing opens hold read access, and this open will
       not share reading. ReOpenFile is checked like any other open. */
    HANDLE alone = ReOpenFile(sync, GENERIC_READ, 0, FILE_FLAG_OVERLAPPED);
    err = alone == INVALID_HANDLE_VALUE ? GetLastError() : 0;
    printf("  ReOpenFile sharing nothing -> error %lu %s\n", err, ErrorName(err));
    if (alone != INVALID_HANDLE_VALUE)
        CloseHandle(alone);

    /* An open that asks for no data access at all (to read attributes, for
       instance) takes no part in sharing, even sharing nothing itself. */
    HANDLE meta = CreateFile(TEXT("data.bin"), 0, 0, NULL,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (meta != INVALID_HANDLE_VALUE) {
        printf("  CreateFile asking for no data access -> opened\n");
        CloseHandle(meta);
    } else {
        printf("  CreateFile asking for no data access -> error %lu\n", GetLastError());
    }

    /* 6. A write that extends the file's end is done synchronously by the
       file system, so even an overlapped WriteFile returns TRUE at once. */
    printf("overlapped write extending an empty file:\n");
    HANDLE log = CreateFile(TEXT("log.txt"), GENERIC_WRITE, 0, NULL,
                            OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (log == INVALID_HANDLE_VALUE) {
        printf("CreateFile log.txt failed: error %lu\n", GetLastError());
        return 1;
    }
    memset(g_buf, 'x', sizeof(g_buf));
    OVERLAPPED grow = {0};
    ok = WriteFile(log, g_buf, 512, NULL, &grow);
    if (!ok && GetLastError() == ERROR_IO_PENDING)
        WaitForSingleObject(log, INFINITE);   /* not expected here; be safe */
    printf("  WriteFile 512 bytes at 0 -> %s, Internal=0x%lX InternalHigh=%lu\n",
           ok ? "TRUE at once" : "FALSE (pending)", (DWORD)grow.Internal,
           (DWORD)grow.InternalHigh);

    CloseHandle(log);
    CloseHandle(over);
    CloseHandle(again);
    CloseHandle(copy);
    CloseHandle(sync);
    return 0;
}

"""#),
        ("programs/unbuffered-copy.c", #"""
/*
 * unbuffered-copy.c - copy a file through a completion port, bypassing the
 * cache, with several requests in flight; then check the copy byte for byte.
 *
 * Why it is built this way:
 *   - FILE_FLAG_NO_BUFFERING skips the cache (no second copy of every byte),
 *     but every offset and length must be a multiple of the sector size and
 *     buffers must be sector-aligned (SEMANTICS 4). 64 KiB chunks in buffers
 *     from VirtualAlloc (page-aligned) satisfy all three.
 *   - The source size is not a multiple of 64 KiB, so the last read returns
 *     fewer bytes. We still write a whole chunk: the destination is made
 *     chunk-sized first and cut to the exact size at the end through a
 *     buffered handle, where any length is allowed.
 *   - Setting the destination's size before copying means no write extends
 *     the file. Extending writes complete synchronously (SEMANTICS 13), which
 *     would serialize the copy.
 *   - Both files are associated with one port under different keys, so each
 *     packet says what just finished: a read (next: write that chunk) or a
 *     write (next: read a new chunk into the freed buffer).
 *   - The port is primed with one posted "write finished" packet per buffer:
 *     the loop then starts every read itself, and there is just one place
 *     where I/O is issued (SEMANTICS 36).
 *
 * Rules shown: 4, 10 (a request done at once still queues a packet), 11,
 * 13, 26, 27, 33, 36. Kernel features: unbuffered handles and sector checks,
 * VirtualAlloc alignment, completion port, posted packets, SetEndOfFile,
 * files holding real bytes. Needs the completion-port part of the kernel.
 *
 * The source file is generated by the program (the size is a parameter),
 * so its contents are known and the output does not depend on the seed.
 *
 * Expected output on the simulated kernel (with SRC_SIZE 1049576):
 *   source: 1049576 bytes = 16 chunks of 65536 + 1000
 *   destination while copying: 1114112 bytes
 *   reads: 17, writes: 17, buffers in flight: 4
 *   destination after SetEndOfFile: 1049576 bytes
 *   verify: identical (1049576 bytes compared)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim disk(latency_us=1500, jitter_us=1000, parallel=4, sector=512, cache=on)
#pragma sim param(SRC_SIZE, 1049576)

#define SRC_NAME  TEXT("source.dat")
#define DST_NAME  TEXT("copy.dat")
#define CHUNK     65536         /* a multiple of any sector size we use */
#define IN_FLIGHT 4

#define KEY_SOURCE 1            /* packet from the source file */
#define KEY_DEST   2            /* packet from the destination (or a primer) */

typedef struct COPY_REQUEST {
    OVERLAPPED ov;              /* first: the packet's OVERLAPPED* is the request */
    BYTE      *data;            /* CHUNK bytes from VirtualAlloc */
} COPY_REQUEST;

static COPY_REQUEST g_requests[IN_FLIGHT];

static ULONGLONG RoundUp(ULONGLONG value, ULONGLONG multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

static ULONGLONG FileSize(LPCTSTR name)
{
    HANDLE h = CreateFile(name, GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    LARGE_INTEGER size;
    size.QuadPart = 0;
    if (h != INVALID_HANDLE_VALUE) {
        GetFileSizeEx(h, &size);
        CloseHandle(h);
    }
    return (ULONGLONG)size.QuadPart;
}

/* Sets a file's size through an ordinary buffered handle, where neither
   the new size nor anything else has to be sector-aligned. */
static BOOL SetSize(LPCTSTR name, DWORD creation, ULONGLONG size)
{
    HANDLE h = CreateFile(name, GENERIC_WRITE, 0, NULL, creation, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return FALSE;
    LARGE_INTEGER pos;
    pos.QuadPart = (LONGLONG)size;
    BOOL ok = SetFilePointerEx(h, pos, NULL, FILE_BEGIN) && SetEndOfFile(h);
    CloseHandle(h);
    return ok;
}

/* Writes SRC_SIZE bytes of a pattern that differs from chunk to chunk, so a
   chunk copied to the wrong place would be caught by the check. */
static BOOL MakeSource(BYTE *buffer)
{
    HANDLE h = CreateFile(SRC_NAME, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                          FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return FALSE;
    for (DWORD i = 0; i < CHUNK; i++)
        buffer[i] = (BYTE)(i * 7 + i / 251);
    ULONGLONG left = SRC_SIZE;
    DWORD chunk = 0;
    while (left > 0) {
        DWORD len = left < CHUNK ? (DWORD)left : CHUNK;
        CopyMemory(buffer, &chunk, sizeof(chunk));   /* stamp the chunk number */
        DWORD written = 0;
        if (!WriteFile(h, buffer, len, &written, NULL) || written != len) {
            CloseHandle(h);
            return FALSE;
        }
        left -= len;
        chunk++;
    }
    /* Push it out of the cache: the copy below reads around the cache. */
    FlushFileBuffers(h);
    CloseHandle(h);
    return TRUE;
}

/* ReadFile/WriteFile accepted the request: pending, or done at once - in
   both cases a packet will arrive for it. */
static BOOL Accepted(BOOL result)
{
    return result || GetLastError() == ERROR_IO_PENDING;
}

/* Copies SRC_NAME to DST_NAME; returns FALSE on any failure. */
static BOOL CopyUnbuffered(ULONGLONG srcSize, DWORD *reads, DWORD *writes)
{
    HANDLE src = CreateFile(SRC_NAME, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                            FILE_FLAG_NO_BUFFERING | FILE_FLAG_OVERLAPPED, NULL);
    HANDLE dst = CreateFile(DST_NAME, GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                            FILE_FLAG_NO_BUFFERING | FILE_FLAG_OVERLAPPED, NULL);
    if (src == INVALID_HANDLE_VALUE || dst == INVALID_HANDLE_VALUE) {
        printf("open failed: error %lu\n", GetLastError());
        return FALSE;
    }

    HANDLE port = CreateIoCompletionPort(src, NULL, KEY_SOURCE, 0);
    if (port == NULL || CreateIoCompletionPort(dst, port, KEY_DEST, 0) == NULL) {
        printf("CreateIoCompletionPort failed: error %lu\n", GetLastError());
        return FALSE;
    }

    /* Prime: pretend each buffer has just been written, so that the loop
       starts a read into it. */
    LONG expected = 0;          /* packets we are still owed */
    for (int i = 0; i < IN_FLIGHT; i++) {
        ZeroMemory(&g_requests[i].ov, sizeof(OVERLAPPED));
        PostQueuedCompletionStatus(port, 0, KEY_DEST, &g_requests[i].ov);
        expected++;
    }

    ULONGLONG nextRead = 0;
    BOOL ok = TRUE;
    while (expected > 0) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED pov = NULL;
        BOOL done = GetQueuedCompletionStatus(port, &bytes, &key, &pov, INFINITE);
        if (pov == NULL) {      /* the port itself failed: nothing to wait for */
            printf("GetQueuedCompletionStatus failed: error %lu\n", GetLastError());
            ok = FALSE;
            break;
        }
        expected--;
        COPY_REQUEST *req = CONTAINING_RECORD(pov, COPY_REQUEST, ov);
        if (!done) {            /* a request that failed; let the others drain */
            printf("%s at %lu failed: error %lu\n", key == KEY_SOURCE ? "read" : "write",
                   req->ov.Offset, GetLastError());
            ok = FALSE;
            continue;
        }
        if (!ok)
            continue;           /* after a failure, start nothing new */

        if (key == KEY_SOURCE) {
            /* The chunk is in memory: write it to the same offset. The
               offset is still in the OVERLAPPED. A short last chunk is
               written whole (the length must stay a sector multiple). */
            if (!Accepted(WriteFile(dst, req->data, CHUNK, NULL, &req->ov))) {
                printf("WriteFile at %lu failed: error %lu\n", req->ov.Offset, GetLastError());
                ok = FALSE;
                continue;
            }
            (*writes)++;
            expected++;
        } else if (nextRead < srcSize) {
            /* A buffer is free: read the next chunk into it. */
            req->ov.Offset = (DWORD)nextRead;
            req->ov.OffsetHigh = (DWORD)(nextRead >> 32);
            if (!Accepted(ReadFile(src, req->data, CHUNK, NULL, &req->ov))) {
                printf("ReadFile at %llu failed: error %lu\n", nextRead, GetLastError());
                ok = FALSE;
                continue;
            }
            nextRead += CHUNK;
            (*reads)++;
            expected++;
        }
        /* else: a write finished and nothing is left to read; the buffer rests. */
    }

    CloseHandle(src);
    CloseHandle(dst);
    CloseHandle(port);
    return ok;
}

/* Compares the two files chunk by chunk through buffered handles. */
static BOOL Identical(ULONGLONG size, BYTE *a, BYTE *b)
{
    HANDLE fa = CreateFile(SRC_NAME, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE fb = CreateFile(DST_NAME, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    BOOL same = fa != INVALID_HANDLE_VALUE && fb != INVALID_HANDLE_VALUE;
    ULONGLONG left = size;
    while (same && left > 0) {
        DWORD want = left < CHUNK ? (DWORD)left : CHUNK;
        DWORD na = 0, nb = 0;
        same = ReadFile(fa, a, want, &na, NULL) && ReadFile(fb, b, want, &nb, NULL) &&
               na == want && nb == want && memcmp(a, b, want) == 0;
        left -= want;
    }
    if (fa != INVALID_HANDLE_VALUE) CloseHandle(fa);
    if (fb != INVALID_HANDLE_VALUE) CloseHandle(fb);
    return same;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"copier");

    for (int i = 0; i < IN_FLIGHT; i++) {
        g_requests[i].data = (BYTE *)VirtualAlloc(NULL, CHUNK, MEM_RESERVE | MEM_COMMIT,
                                                  PAGE_READWRITE);
        if (g_requests[i].data == NULL) {
            printf("VirtualAlloc failed: error %lu\n", GetLastError());
            return 1;
        }
    }

    if (!MakeSource(g_requests[0].data)) {
        printf("could not create the source: error %lu\n", GetLastError());
        return 1;
    }
    ULONGLONG srcSize = FileSize(SRC_NAME);
    printf("source: %llu bytes = %llu chunks of %d + %llu\n",
           srcSize, srcSize / CHUNK, CHUNK, srcSize % CHUNK);

    /* Whole chunks from the start, so no write extends the file. */
    if (!SetSize(DST_NAME, CREATE_ALWAYS, RoundUp(srcSize, CHUNK))) {
        printf("could not create the destination: error %lu\n", GetLastError());
        return 1;
    }
    printf("destination while copying: %llu bytes\n", FileSize(DST_NAME));

    DWORD reads = 0;
    DWORD writes = 0;
    SimNote("copy starts: 4 buffers, port primed with posted packets");
    if (!CopyUnbuffered(srcSize, &reads, &writes))
        return 1;
    SimNote("copy done");
    printf("reads: %lu, writes: %lu, buffers in flight: %d\n", reads, writes, IN_FLIGHT);

    /* Cut the padding off the last chunk. */
    if (!SetSize(DST_NAME, OPEN_EXISTING, srcSize)) {
        printf("could not fix the size: error %lu\n", GetLastError());
        return 1;
    }
    printf("destination after SetEndOfFile: %llu bytes\n", FileSize(DST_NAME));

    BOOL same = FileSize(DST_NAME) == srcSize &&
                Identical(srcSize, g_requests[0].data, g_requests[1].data);
    printf("verify: %s (%llu bytes compared)\n", same ? "identical" : "DIFFERENT", srcSize);

    for (int i = 0; i < IN_FLIGHT; i++)
        VirtualFree(g_requests[i].data, 0, MEM_RELEASE);
    DeleteFile(DST_NAME);
    DeleteFile(SRC_NAME);
    return same ? 0 : 1;
}

"""#),
    ]
}
