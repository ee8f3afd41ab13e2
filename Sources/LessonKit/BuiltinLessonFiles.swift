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
        ("02-sync-and-overlapped.md", #"""
---
id: sync-and-overlapped
title: Synchronous and overlapped handles
order: 2
summary: A handle's open flags decide whether ReadFile waits for the data or only starts the request — and "overlapped" does not mean "always pending".
view: event
settings:
  cpus: 2
  seed: 1
---

Every `ReadFile` and `WriteFile` goes to a *file object*, the kernel's record
of one open of a file. Whether the call waits for the data is decided when the
file is opened: with `FILE_FLAG_OVERLAPPED` the handle is *overlapped*
(asynchronous), without it the handle is *synchronous*.

This lesson's program reads the same file both ways, then shows two requests
on an overlapped handle that finish before the call even returns.

## Step: A synchronous read

The main thread has opened `data.bin` without `FILE_FLAG_OVERLAPPED` and is
about to read 4 KiB from it. The page cache is empty, so the data must come
from the disk, which takes about 2 ms.

```step
stop: log shows "next: a synchronous read"
check:
  - expect: completions are 0
    message: Nothing has been read yet.
question:
  ask: While the disk fetches the data, what does the main thread do?
  choices:
    - text: It waits inside ReadFile until the data has arrived.
      when: thread main is waiting in ReadFile
    - text: ReadFile returns FALSE with ERROR_IO_PENDING and main carries on.
      when: call ReadFile returns pending
    - text: ReadFile returns TRUE with 0 bytes, because nothing has arrived yet.
      when: call ReadFile returns 1
  answer: a
  reveal: thread main is waiting
  explain: A handle opened without FILE_FLAG_OVERLAPPED is synchronous. Its requests block the caller until they are done, and they read at the file object's current position, which they then advance.
hints:
  - Look at how the file was opened, a few lines above the marker.
  - FILE_ATTRIBUTE_NORMAL alone means no FILE_FLAG_OVERLAPPED.
```

## Step: An overlapped handle has no position

The disk finished and the kernel completed the request; main became ready
again, and `ReadFile` returned `TRUE` with the byte count in `n`.

Now `data.bin` is opened again, this time with `FILE_FLAG_OVERLAPPED`. The
next call is a `ReadFile` that passes no `OVERLAPPED`, just as the synchronous
read did.

```step
stop: log shows "next: a read without an OVERLAPPED"
check:
  - expect: completions are 1
    message: The synchronous read has completed.
  - expect: output contains "synchronous read: TRUE, 4096 bytes"
    message: A synchronous read returns TRUE and the number of bytes read.
question:
  ask: What does ReadFile do without an OVERLAPPED on an overlapped handle?
  choices:
    - text: It starts a read at offset 0 and returns ERROR_IO_PENDING.
      when: call ReadFile returns pending
    - text: It fails at once with ERROR_INVALID_PARAMETER.
      when: call ReadFile returns "0 err=87"
    - text: It quietly behaves like a synchronous read and blocks.
      when: call ReadFile returns blocks
  answer: b
  reveal: call ReadFile returns
  explain: An overlapped file object keeps no current position, so a request must say where it starts with the Offset fields of an OVERLAPPED. Without one the request is refused before it starts.
hints:
  - Several requests can be in flight at once on an overlapped handle. Which position would each use?
```

## Step: ERROR_IO_PENDING

The next read names offset 128 KiB in an `OVERLAPPED` whose `hEvent` is a
manual-reset event. No earlier read touched that part of the file, so the
disk must fetch it. `ReadFile` returned `FALSE`, and `GetLastError()` says
`ERROR_IO_PENDING`: that is not a failure, it means *started, not finished*.

Main is running again at once — here it does half a millisecond of other
work while the disk is busy. That is the whole point of overlapped I/O.

```step
stop: log shows "the read is in flight"
check:
  - expect: call ReadFile returns pending
    message: The read at offset 131072 went to the disk, so ReadFile returned FALSE with ERROR_IO_PENDING.
  - expect: the event is reset
    message: Starting a request resets the event named in its OVERLAPPED.
  - expect: completions are 1
    message: Only the synchronous read has finished; this one is in flight.
  - expect: not thread main is waiting
    message: The caller is not blocked while the request is in flight.
```

## Step: Learning that it finished

When main has nothing else to do it waits on the event. This is *one* of
the four ways to learn that a request finished; the next lessons look at
each of them.

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: the event is reset
    message: The read is still at the disk.
hints:
  - The event was reset when the request started; only the request's completion sets it.
```

## Step: A read the cache can serve

The wait returned: the kernel set the event when the read completed, and the
byte count is in the `OVERLAPPED` (its `InternalHigh` field, lesson 6).

The next read asks for offset 0 on the overlapped handle. The first,
synchronous read brought that part of the file into the page cache.

```step
stop: log shows "next: a read the cache can serve"
check:
  - expect: the event is set
    message: The kernel set the OVERLAPPED's event when the read completed.
  - expect: completions are 2
    message: Two reads have completed.
  - expect: output contains "finished: 4096 bytes"
    message: The byte count of the read at 131072 is 4096.
question:
  ask: What does this overlapped ReadFile return?
  choices:
    - text: FALSE with ERROR_IO_PENDING, as every request on an overlapped handle does.
      when: call ReadFile returns pending
    - text: TRUE — the request was done before the call returned.
      when: call ReadFile returns 1
  answer: b
  reveal: call ReadFile returns
  explain: FILE_FLAG_OVERLAPPED lets a request finish later; it does not force it to. A read that the page cache can serve completes inside the call, and ReadFile returns TRUE. Writes that extend a file are another such case.
hints:
  - Which read brought offset 0 into memory?
```

## Step: Does the event still fire?

`ReadFile` returned `TRUE`. The program now looks at the event without
waiting (a timeout of 0).

```step
stop: log shows "next: look at the event"
question:
  ask: The read finished inside the call. Is the event in its OVERLAPPED set?
  choices:
    - text: Yes. A request that completes at once still notifies as usual.
      when: the event is set
    - text: No. The caller already knows it finished, so the kernel skips the event.
      when: the event is reset
  answer: a
  explain: A request that succeeds at once fires every notification it would have fired later — its event is set, a completion routine would be queued, a completion port would get a packet. Only a request that fails at once notifies nothing. Code that handles completions in one place can rely on this.
hints:
  - Starting the request reset the event. Something has set it since.
```

## Step: A write that makes the file longer

`log.txt` is empty. The program opens it overlapped and writes 512 bytes at
offset 0, which extends the file.

```step
stop: log shows "next: a write that extends log.txt"
question:
  ask: What does this overlapped WriteFile return?
  choices:
    - text: FALSE with ERROR_IO_PENDING; the disk takes its usual 2 ms.
      when: call WriteFile returns pending
    - text: TRUE at once.
      when: call WriteFile returns 1
  answer: b
  reveal: call WriteFile returns
  explain: The file system extends a file synchronously, so a write past the end of the file completes during the call even on an overlapped handle. Programs that want their writes to overlap set the file's size first (lesson 15 does).
hints:
  - The kernel completes some requests during the call. Reads the cache can serve are one case; what is the other?
```

## Step: Summary

- A synchronous handle blocks the caller and uses the file object's position.
- An overlapped handle needs an `OVERLAPPED` with the offset; the call returns
  at once, usually with `ERROR_IO_PENDING`.
- Some requests complete during the call anyway and return `TRUE` — and
  still set their event.

```step
stop: program exits with 0
```

```c program handles.c
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 262144)
#pragma sim file("log.txt", 0)
#pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=on)

static BYTE g_buf[4096];

static const char *Result(BOOL ok)
{
    if (ok) return "TRUE";
    if (GetLastError() == ERROR_IO_PENDING) return "FALSE, ERROR_IO_PENDING";
    if (GetLastError() == ERROR_INVALID_PARAMETER) return "FALSE, ERROR_INVALID_PARAMETER";
    return "FALSE, another error";
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    DWORD n = 0;
    BOOL ok;

    /* A synchronous handle: the call returns when the data is there. */
    HANDLE sync = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    SimNote("next: a synchronous read");
    ok = ReadFile(sync, g_buf, 4096, &n, NULL);
    printf("synchronous read: %s, %lu bytes\n", Result(ok), n);
    CloseHandle(sync);

    /* An overlapped handle: the call only starts the request. */
    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    HANDLE done = CreateEvent(NULL, TRUE, FALSE, NULL);

    SimNote("next: a read without an OVERLAPPED");
    ok = ReadFile(file, g_buf, 4096, &n, NULL);
    printf("overlapped read, no OVERLAPPED: %s\n", Result(ok));

    OVERLAPPED far = {0};
    far.Offset = 131072;
    far.hEvent = done;
    ok = ReadFile(file, g_buf, 4096, NULL, &far);
    printf("overlapped read at 131072: %s\n", Result(ok));
    SimNote("the read is in flight; main is free");
    SimCompute(500);
    WaitForSingleObject(done, INFINITE);
    printf("  finished: %lu bytes\n", (DWORD)far.InternalHigh);

    OVERLAPPED near = {0};
    near.Offset = 0;
    near.hEvent = done;
    SimNote("next: a read the cache can serve");
    ok = ReadFile(file, g_buf, 4096, NULL, &near);
    printf("overlapped read at 0: %s\n", Result(ok));
    SimNote("next: look at the event");
    printf("  event after it: %s\n",
           WaitForSingleObject(done, 0) == WAIT_OBJECT_0 ? "set" : "reset");

    HANDLE log = CreateFile(TEXT("log.txt"), GENERIC_WRITE, 0, NULL,
                            OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED grow = {0};
    SimNote("next: a write that extends log.txt");
    ok = WriteFile(log, g_buf, 512, NULL, &grow);
    printf("overlapped write at the end of log.txt: %s\n", Result(ok));

    CloseHandle(log);
    CloseHandle(done);
    CloseHandle(file);
    return 0;
}
```

"""#),
        ("03-reopen-and-share.md", #"""
---
id: reopen-and-share
title: Reopening a handle
order: 3
summary: DuplicateHandle gives another name for the same file object; ReOpenFile makes a new one — with its own flags, and its own share check.
view: single
program: programs/reopen-share.c
settings:
  seed: 1
---

A handle is a reference to a *file object*, and the file object is what
carries the open's flags (synchronous or overlapped), its current position
and the access it was granted. Keep that in mind and every result in this
lesson follows.

The program opens `data.bin` synchronously, makes a second handle two
different ways, and then tries some opens that the share modes forbid.

## Step: An OVERLAPPED on a synchronous handle

The first `ReadFile` read 100 bytes without an `OVERLAPPED`, so it used and
advanced the file object's position: it is now 100. The next read passes an
`OVERLAPPED` with `Offset = 1000` on the same *synchronous* handle. That is
allowed.

```step
stop: thread main reaches line 99
check:
  - expect: output contains "no OVERLAPPED -> TRUE, 100 bytes, position 100"
    message: The first read started at position 0 and moved it to 100.
question:
  ask: After this read of 100 bytes at offset 1000, where is the file object's position?
  choices:
    - text: Still 100 — a read that names its offset leaves the position alone.
      when: output contains "Offset=1000 -> TRUE, 100 bytes, position 100"
    - text: 200 — every read on a synchronous handle adds its bytes to the position.
      when: output contains "Offset=1000 -> TRUE, 100 bytes, position 200"
    - text: 1100 — the read starts at the Offset and leaves the position after its data.
      when: output contains "Offset=1000 -> TRUE, 100 bytes, position 1100"
  answer: c
  reveal: thread main reaches line 106
  explain: On a synchronous handle an OVERLAPPED only supplies the starting offset. The call still blocks until the data is there, and afterwards the position is offset plus bytes transferred, as if the program had seeked there first.
hints:
  - The call is still synchronous; it just starts somewhere else.
```

## Step: DuplicateHandle

`DuplicateHandle` gives the process a second handle. The program reads 50
bytes through the copy and then asks the *original* handle for its position.

```step
stop: thread main reaches line 106
question:
  ask: The original's position was 1100. What is it after 50 bytes are read through the duplicate?
  choices:
    - text: 1150 — both handles refer to one file object, so they share its position.
      when: output contains "original's position 1150"
    - text: 1100 — the duplicate has a position of its own.
      when: output contains "original's position 1100"
  answer: a
  reveal: thread main reaches line 117
  explain: DuplicateHandle does not open the file again. It makes another handle to the same file object — same position, same synchronous or overlapped mode, same completion-port association — and no share check takes place.
hints:
  - What does the handle point to?
```

## Step: ReOpenFile makes a new file object

`ReOpenFile` *opens the file again*, using an existing handle only to say
which file — handy when the code that wants an overlapped handle never knew
the file's name, or the file has been renamed since. The result is a new file object with a position of its own (0),
and with flags of its own: the second `ReOpenFile` adds
`FILE_FLAG_OVERLAPPED`, which is the only way to get an overlapped handle
from a synchronous one. Flags cannot be changed on an existing file object,
so no duplicate could ever do this.

The uncached read at 128 KiB on that new handle is pending; main now waits
on the handle itself (lesson 4 is about that).

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: completions are 3
    message: Three synchronous reads have completed; the read on the reopened handle is still at the disk.
  - expect: output contains "its own position 0"
    message: The reopened handle has a new file object, with its own position at 0.
  - expect: output contains "error 997 ERROR_IO_PENDING, Internal=0x103"
    message: The new file object is overlapped, so the read pends, and Internal holds STATUS_PENDING (0x103) meanwhile.
  - expect: output contains "without OVERLAPPED -> FALSE, error 87"
    message: Being overlapped, the new file object has no position to read from.
hints:
  - Compare the handle values in the log; the second ReOpenFile returns a handle to a new file object.
```

## Step: Opening for writing

Every open so far asked for `GENERIC_READ` and shared only reading
(`FILE_SHARE_READ`). Now another open asks for `GENERIC_WRITE`, and is itself
generous: it shares both reading and writing.

```step
stop: thread main reaches line 167
question:
  ask: Does this CreateFile succeed?
  choices:
    - text: Yes — it shares everything the other opens do.
      when: output contains "asking to write -> error 0"
    - text: No, ERROR_SHARING_VIOLATION — the existing opens did not share writing.
      when: output contains "asking to write -> error 32 ERROR_SHARING_VIOLATION"
  answer: b
  reveal: output contains "asking to write"
  explain: The share check runs at every open and looks both ways. The new open fails if it asks for an access that an existing open did not share — here writing — or if an existing open holds an access the new one does not share.
hints:
  - The check compares the new open's access with the existing opens' share modes.
```

## Step: ReOpenFile is checked too

Now the other direction: a `ReOpenFile` of the synchronous handle that asks
only for reading — which everyone shares — but shares nothing itself.

```step
stop: thread main reaches line 177
question:
  ask: The reopen starts from a handle the process already has. Does it pass the share check?
  choices:
    - text: Yes — it is the same file, opened by the same process.
      when: output contains "sharing nothing -> error 0"
    - text: No, ERROR_SHARING_VIOLATION — the existing opens hold read access it does not share.
      when: output contains "sharing nothing -> error 32 ERROR_SHARING_VIOLATION"
  answer: b
  reveal: output contains "sharing nothing"
  explain: ReOpenFile is a real new open. It is checked against every open of the file, the handle it started from included, and those opens hold read access that a share mode of 0 refuses.
hints:
  - DuplicateHandle skips the share check. Does ReOpenFile make a duplicate?
```

## Step: An open without data access

Last, an open that asks for no data access at all (access 0, as a program
does to read a file's attributes) and shares nothing.

```step
stop: thread main reaches line 185
question:
  ask: Everyone else holds read access, and this open shares nothing. Does it succeed?
  choices:
    - text: Yes.
      when: output contains "no data access -> opened"
    - text: No, ERROR_SHARING_VIOLATION.
      when: output contains "no data access -> error"
  answer: a
  reveal: output contains "no data access"
  explain: An open that asks for no read, write or delete access takes no part in the share check, so it succeeds whatever the others hold or share.
hints:
  - The check is about data access. What data access does this open ask for?
```

## Step: The end

The program ends with an overlapped write that extends an empty file and so
completes at once (lesson 2).

```step
stop: program exits with 0
check:
  - expect: output contains "WriteFile 512 bytes at 0 -> TRUE at once"
    message: A write that extends the file completes during the call.
```

"""#),
        ("04-waiting-on-the-device.md", #"""
---
id: waiting-on-the-device
title: Waiting on the device handle
order: 4
summary: The file object is itself a signal. It tells you that a request finished — but with two in flight, not which one.
view: device
program: programs/device-ambiguity.c
settings:
  seed: 1
---

The simplest way to learn that an overlapped request finished is to wait on
the file handle itself: `WaitForSingleObject(hFile, INFINITE)`. A file object
is a waitable object, a *manual-reset* signal that the kernel drives:

- it is signaled when the file is opened;
- every request on it resets it when the request starts;
- it is set again when a request completes (unless the request named its own
  event in `hEvent`).

This program starts *two* reads, A and B, on one handle. The disk serves one
request at a time, so A always finishes 3 ms before B.

## Step: A freshly opened file

The file has just been opened with `FILE_FLAG_OVERLAPPED`; no request has
been issued yet.

```step
stop: thread main reaches line 56
check:
  - expect: file data.bin is signaled
    message: A file object starts out signaled.
  - expect: completions are 0
    message: No request has been issued yet.
hints:
  - The file's signal is shown next to it in the objects list.
```

## Step: Two reads, one signal

Both `ReadFile` calls returned `ERROR_IO_PENDING`, and main now waits on the
file handle.

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: file data.bin is not signaled
    message: Each request reset the file object when it started.
  - expect: completions are 0
    message: Both reads are still at the disk.
question:
  ask: A finishes 3 ms before B. What happens to main when A completes?
  choices:
    - text: It wakes up — any completion sets the file object.
      when: call WaitForSingleObject returns WAIT_OBJECT_0+0
    - text: It sleeps on until both reads are done.
      when: completions reach 2
  answer: a
  reveal: not thread main is waiting
  explain: The file object is one signal for the whole file. A request without an hEvent sets it when it completes, so the wait ends at the first completion — and its result, WAIT_OBJECT_0, is the same whichever request it was.
hints:
  - Is there one signal per request here, or one per file?
```

## Step: Which one finished?

The wait returned `WAIT_OBJECT_0`, which says nothing about A or B. Only the
`OVERLAPPED` structures know: the kernel writes a request's status into its
`Internal` field when it completes. The program is about to print both.

```step
stop: log shows "which read finished?"
check:
  - expect: completions are 1
    message: Only A has completed.
  - expect: file data.bin is signaled
    message: A's completion set the file object.
question:
  ask: B is still pending. After printing, the program waits on the handle again, with a timeout of 0. What does that wait return?
  choices:
    - text: WAIT_TIMEOUT — B has not finished.
      when: call WaitForSingleObject returns WAIT_TIMEOUT
    - text: WAIT_OBJECT_0 — the handle is still signaled from A.
      when: call WaitForSingleObject returns WAIT_OBJECT_0+0
  answer: b
  reveal: call WaitForSingleObject returns
  explain: The file object is manual-reset, and only the start of a new request resets it. After A completed it stays signaled, so every later wait on the handle succeeds at once although B is still pending. A program that waited once per request would think B was done.
hints:
  - What resets the file object?
```

## Step: Polling

The handle cannot help any more, so the program looks at B's `OVERLAPPED`
(`HasOverlappedIoCompleted` reads `Internal`) once a millisecond — exactly
the busy checking that asynchronous I/O was meant to avoid.

```step
stop: thread main is waiting in Sleep
check:
  - expect: output contains "A.Internal=0x0 A.InternalHigh=4096"
    message: A has completed with STATUS_SUCCESS (0) and 4096 bytes.
  - expect: output contains "B.Internal=0x103 B.InternalHigh=0"
    message: B was still STATUS_PENDING (0x103) when the program looked.
  - expect: completions are 1
    message: B is still at the disk.
  - expect: file data.bin is signaled
    message: Nothing has reset the file object.
```

## Step: The lesson of method 1

```step
stop: program exits with 0
check:
  - expect: completions are 2
    message: Both reads have completed.
  - expect: output contains "B.Internal=0x0 B.InternalHigh=4096 after polling"
    message: B's result arrived in its OVERLAPPED.
```

Waiting on the device works when exactly **one** request is in flight per
file object. The shipped `method1-device.c` does just that: it starts the
next read as soon as the previous one arrives (double buffering), and never
has two out at once. To have many requests in flight, a program needs a
signal per request — the next lesson.

"""#),
        ("05-event-per-request.md", #"""
---
id: event-per-request
title: An event per request
order: 5
summary: Give every request its own event and WaitForMultipleObjects tells you which one finished — mind the lowest-index rule.
view: event
settings:
  cpus: 2
  seed: 2
---

Waiting on the file handle cannot tell two requests apart (lesson 4). The
fix is a signal per request: put an event in each `OVERLAPPED`'s `hEvent`.
When a request with an event completes, the kernel sets *that* event (and
leaves the file object alone). A wait on all the events with
`WaitForMultipleObjects(…, FALSE, …)` — "wait for any" — returns
`WAIT_OBJECT_0 + i`, and if event *i* belongs to request *i*, the index *is*
the request.

The program starts four reads at different offsets, each with its own
manual-reset event. The disk's timing varies, so they finish in some order
of their own.

## Step: Four requests, four events

All four reads are started, and main waits for any of the four events.

```step
stop: thread main is waiting in WaitForMultipleObjects
check:
  - expect: 4 events are reset
    message: Each request reset its own event when it started.
  - expect: completions are 0
    message: All four reads are still at the disk.
hints:
  - The objects list shows each event's state.
```

## Step: The index is the request

The wait returned as soon as the first read finished. With this seed that is
request 3 (offset 24 KiB); the log shows the completion. Main prints the
index and then resets that event: the request is handled.

```step
stop: log shows "first request handled"
check:
  - expect: output contains "first wait -> request 3"
    message: Request 3 finished first, and the wait returned its index.
  - expect: 1 events are set
    message: Only the finished request's event is set.
  - expect: event g_done[3] is set
    message: It is request 3's event, g_done[3].
  - expect: completions are 1
    message: One read has completed.
hints:
  - The index counts from 0 in the array of events passed to the wait.
```

## Step: Several set at once

Main then computed for 5 ms. Meanwhile the other reads finished, in the order
request 2, request 1, request 0 (look at the log). Now it waits again.

```step
stop: log shows "second wait"
check:
  - expect: 3 events are set
    message: Requests 0, 1 and 2 have finished; request 3's event was reset after handling.
  - expect: event g_done[3] is reset
    message: Main reset request 3's event after handling it.
  - expect: completions are 4
    message: All four reads are done.
question:
  ask: Three events are set. Which index does the wait return?
  choices:
    - text: 2 — request 2 finished first of the three.
      when: call WaitForMultipleObjects returns WAIT_OBJECT_0+2
    - text: 0 — the lowest index that is set, although request 0 finished last.
      when: call WaitForMultipleObjects returns WAIT_OBJECT_0+0
    - text: 1 — the one in the middle.
      when: call WaitForMultipleObjects returns WAIT_OBJECT_0+1
  answer: b
  reveal: call WaitForMultipleObjects returns
  explain: A wait-any that finds several objects signaled returns the lowest signaled index, whatever order they were set in, and it changes only that one object. A program with many busy requests must make sure a low index cannot starve the others — here, by resetting each event as soon as its request is handled.
hints:
  - The wait looks at the array, not at the history of who finished when.
```

## Step: Forgetting to reset

Main handled request 0 — but this time it did *not* call `ResetEvent`
before waiting again.

```step
stop: log shows "third wait"
check:
  - expect: event g_done[0] is set
    message: The wait did not reset request 0's event; nothing else did either.
question:
  ask: What does the third wait return?
  choices:
    - text: 0 again — request 0's event is still set.
      when: call WaitForMultipleObjects returns WAIT_OBJECT_0+0
    - text: 1 — the previous wait used up request 0's signal.
      when: call WaitForMultipleObjects returns WAIT_OBJECT_0+1
  answer: a
  reveal: call WaitForMultipleObjects returns
  explain: These are manual-reset events. A satisfied wait resets an auto-reset event but leaves a manual-reset one set, and setting or finding it twice does not count twice. Request 0 wins every wait until someone resets it.
hints:
  - Were the events created manual-reset or auto-reset? Look at the second argument of CreateEvent.
```

## Step: Handled properly

The program resets request 0's event and handles the remaining two, resetting
each after use.

```step
stop: log shows "next: GetOverlappedResultEx"
check:
  - expect: output contains "wait -> request 1"
    message: With 0 reset, the lowest set index is 1.
  - expect: output contains "wait -> request 2"
    message: Then 2.
```

## Step: Why not auto-reset events?

An auto-reset event would reset itself in the wait, with no `ResetEvent`.
The last part of the program shows the catch. It made one more read with an
*auto-reset* event, and a second thread, `watcher`, already waits on that
event. Main now calls `GetOverlappedResultEx(…, 20 ms, FALSE)` — "wait up to
20 ms for this request". The read takes about 3 ms.

```step
check:
  - expect: thread watcher is waiting in WaitForSingleObject
    message: The watcher waits on the auto-reset event.
question:
  ask: What does GetOverlappedResultEx return?
  choices:
    - text: TRUE with 4096 bytes, about 3 ms from now.
      when: output contains "GetOverlappedResultEx, 20 ms -> TRUE"
    - text: FALSE with WAIT_TIMEOUT after 20 ms — although the read completed long before.
      when: output contains "GetOverlappedResultEx, 20 ms -> FALSE, error 258; the read: completed"
  answer: b
  reveal: program ends
  explain: GetOverlappedResult(Ex) looks at Internal first; the read was still pending, so it waited on the OVERLAPPED's event. When the read completed the kernel set the event once, and an auto-reset event satisfies one waiter and resets itself — the watcher, which was waiting first, took the signal. Main never saw it. With a manual-reset event both would have woken; that is why the OVERLAPPED's event should be manual-reset.
hints:
  - How many waiting threads does setting an auto-reset event release?
  - Who was waiting on the event first?
```

## Step: Done

```step
stop: program exits with 0
check:
  - expect: thread watcher is terminated
    message: The watcher got the event's one signal and left.
```

```c program events.c
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)

#define READS 4

static BYTE       g_data[READS][4096];
static OVERLAPPED g_ov[READS];
static HANDLE     g_done[READS];
static HANDLE     g_auto;            /* part 5: an auto-reset event */

/* Part 5: another thread that waits on the same auto-reset event. */
static DWORD WINAPI Watcher(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), L"watcher");
    WaitForSingleObject(g_auto, INFINITE);
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);

    /* One manual-reset event per request; the index is the request. */
    for (DWORD i = 0; i < READS; i++) {
        g_done[i] = CreateEvent(NULL, TRUE, FALSE, NULL);
        g_ov[i].Offset = i * 8192;
        g_ov[i].hEvent = g_done[i];
        ReadFile(file, g_data[i], 4096, NULL, &g_ov[i]);
    }
    SimNote("four reads in flight, one event each");

    /* 1. Wait for whichever finishes first. */
    DWORD first = WaitForMultipleObjects(READS, g_done, FALSE, INFINITE) - WAIT_OBJECT_0;
    printf("first wait -> request %lu\n", first);
    SimNote("first request handled");
    ResetEvent(g_done[first]);           /* handled: stop it winning again */

    /* 2. Busy for 5 ms: the other three finish meanwhile. */
    SimCompute(5000);
    SimNote("second wait");
    DWORD next = WaitForMultipleObjects(READS, g_done, FALSE, INFINITE) - WAIT_OBJECT_0;
    printf("second wait -> request %lu\n", next);

    /* 3. Forgot ResetEvent this time. */
    SimNote("third wait");
    DWORD again = WaitForMultipleObjects(READS, g_done, FALSE, INFINITE) - WAIT_OBJECT_0;
    printf("third wait, without ResetEvent -> request %lu\n", again);

    /* 4. Handle the rest properly. */
    ResetEvent(g_done[next]);
    for (int left = 2; left > 0; left--) {
        DWORD i = WaitForMultipleObjects(READS, g_done, FALSE, INFINITE) - WAIT_OBJECT_0;
        printf("wait -> request %lu\n", i);
        ResetEvent(g_done[i]);
    }

    /* 5. An auto-reset event, and a second thread waiting on it first. */
    g_auto = CreateEvent(NULL, FALSE, FALSE, NULL);
    HANDLE watcher = CreateThread(NULL, 0, Watcher, NULL, 0, NULL);
    Sleep(1);
    OVERLAPPED last = {0};
    last.Offset = 32768;
    last.hEvent = g_auto;
    ReadFile(file, g_data[0], 4096, NULL, &last);
    SimNote("next: GetOverlappedResultEx on the auto-reset event");
    DWORD got = 0;
    BOOL ok = GetOverlappedResultEx(file, &last, &got, 20, FALSE);
    DWORD error = ok ? 0 : GetLastError();
    printf("GetOverlappedResultEx, 20 ms -> %s, error %lu; the read: %s\n",
           ok ? "TRUE" : "FALSE", error,
           HasOverlappedIoCompleted(&last) ? "completed" : "pending");
    WaitForSingleObject(watcher, INFINITE);

    CloseHandle(watcher);
    CloseHandle(g_auto);
    for (DWORD i = 0; i < READS; i++)
        CloseHandle(g_done[i]);
    CloseHandle(file);
    return 0;
}
```

"""#),
        ("06-get-overlapped-result.md", #"""
---
id: get-overlapped-result
title: GetOverlappedResult, Internal and InternalHigh
order: 6
summary: Where a request's result lives, and why GetOverlappedResult only reads it.
view: event
settings:
  cpus: 2
  seed: 1
---

When an overlapped request completes, the kernel writes its result into the
request's `OVERLAPPED`:

- `Internal` gets the status, an NTSTATUS code: `STATUS_SUCCESS` (0),
  `STATUS_END_OF_FILE` (0xC0000011), and so on;
- `InternalHigh` gets the number of bytes transferred.

`GetOverlappedResult(hFile, &ov, &count, bWait)` is a convenience that reads
those two fields, turns the status into a Win32 error for `GetLastError`, and
— if asked to and the request is not finished — waits. This program makes
the same read visible at each stage, and then reads past the end of the file.

## Step: Starting the read

The `OVERLAPPED` names offset 4096 and an event. `ReadFile` is next.

```step
stop: log shows "next: start the read"
check:
  - expect: the event is reset
    message: The event was created non-signaled.
question:
  ask: ReadFile will return FALSE with ERROR_IO_PENDING. What does Internal hold at that moment?
  choices:
    - text: 0x103, STATUS_PENDING — written by ReadFile before the request started.
      when: output contains "ReadFile -> FALSE, error 997, count 0, Internal=0x103"
    - text: 0 — nothing is written until the request completes.
      when: output contains "ReadFile -> FALSE, error 997, count 0, Internal=0x0,"
  answer: a
  reveal: log shows "next: ask without waiting"
  explain: An overlapped ReadFile or WriteFile sets Internal to STATUS_PENDING before it starts the request. That is what lets anyone — HasOverlappedIoCompleted, GetOverlappedResult — tell a finished request from one still in flight just by reading the OVERLAPPED.
hints:
  - HasOverlappedIoCompleted is a macro that compares Internal with one value. Which one?
```

## Step: Asking without waiting

The program sets `count` to 777 so that we can see whether it is written, and
calls `GetOverlappedResult` with `bWait = FALSE` while the read is still at
the disk.

```step
check:
  - expect: completions are 0
    message: The read is still at the disk.
question:
  ask: What does GetOverlappedResult(…, FALSE) do now?
  choices:
    - text: It returns FALSE, GetLastError() is ERROR_IO_INCOMPLETE, and count stays 777.
      when: output contains "bWait=FALSE -> FALSE, error 996, count 777"
    - text: It waits anyway until the read is done, then returns TRUE with 4096.
      when: output contains "bWait=FALSE -> TRUE, error 0, count 4096"
    - text: It returns TRUE with the bytes read so far, 0.
      when: output contains "bWait=FALSE -> TRUE, error 0, count 0"
  answer: a
  reveal: thread main is waiting in GetOverlappedResult
  explain: GetOverlappedResult only reads the OVERLAPPED. Internal still says STATUS_PENDING and the caller did not ask to wait, so it fails with ERROR_IO_INCOMPLETE (996) and leaves the count alone.
hints:
  - Which field tells it the request is still in flight?
```

## Step: Asking and waiting

Now with `bWait = TRUE`. The request is still pending, so the call waits —
on the `OVERLAPPED`'s event (on the file handle when `hEvent` is NULL).

```step
stop: thread main is waiting in GetOverlappedResult
check:
  - expect: the event is reset
    message: The read has not completed; nothing has set its event.
  - expect: completions are 0
    message: Still at the disk.
hints:
  - The wait ends when the kernel sets the event at completion.
```

## Step: A short read, then past the end

The wait ended, and the program printed `count 4096`, `Internal=0x0`,
`InternalHigh=4096`. The next read asks for 4 KiB at offset 8192 of this
10000-byte file: it gets the 1808 bytes there are, which is a success.

Then a read at offset 20000 — after the end of the file.

```step
stop: log shows "next: read past the end"
check:
  - expect: output contains "bWait=TRUE -> TRUE, error 0, count 4096, Internal=0x0, InternalHigh=4096"
    message: At completion the kernel wrote STATUS_SUCCESS into Internal and 4096 into InternalHigh.
  - expect: output contains "read at 8192 -> TRUE, error 0, count 1808"
    message: A read that reaches the end of the file returns what there is.
  - expect: completions are 2
    message: Two reads have completed.
question:
  ask: What does this overlapped ReadFile at offset 20000 return?
  choices:
    - text: FALSE with ERROR_HANDLE_EOF, at once.
      when: call ReadFile returns "0 err=38"
    - text: FALSE with ERROR_IO_PENDING; the end of file is reported when it completes.
      when: call ReadFile returns pending
  answer: b
  reveal: call ReadFile returns
  explain: On an overlapped handle a read at or past the end of the file pends like any other and then completes with STATUS_END_OF_FILE and 0 bytes; GetOverlappedResult turns that into FALSE with ERROR_HANDLE_EOF. (Older Windows versions failed it at once; a program should handle both.) A synchronous read without an OVERLAPPED at the end instead returns TRUE with 0 bytes.
hints:
  - On an overlapped handle, who decides where the end of the file is — the call, or the request once it runs?
```

## Step: The end-of-file result

`GetOverlappedResult(…, TRUE)` waited for the read at 20000 and reported its
result.

```step
stop: log shows "next: a request that fails at once"
check:
  - expect: output contains "GetOverlappedResult at 20000 -> FALSE, error 38, count 0, Internal=0xC0000011"
    message: Internal holds STATUS_END_OF_FILE; GetOverlappedResult reports ERROR_HANDLE_EOF (38) and 0 bytes.
  - expect: completions are 3
    message: The read past the end completed too, with its error.
```

## Step: A request that fails at once

For contrast, a request that fails *inside* the call: a read past the end
through a **synchronous** handle, with an `OVERLAPPED` naming the same event.
The program has just set the event by hand, so that we can see whether
anything touches it.

```step
check:
  - expect: the event is set
    message: SetEvent set it a moment ago.
question:
  ask: ReadFile fails at once with ERROR_HANDLE_EOF. Afterwards, is the event set or reset?
  choices:
    - text: Reset — starting the request reset it, and a request that fails at once never sets it.
      when: the event is reset
    - text: Set — a failed call leaves everything as it was.
      when: the event is set
  answer: a
  reveal: call ReadFile returns
  explain: Every request resets its event (and the file object) when it starts, even one that then fails at once, and such a failure notifies nobody — no event, no APC, no packet. A program that waited on the event after a call that failed at once would wait for ever. Only ERROR_IO_PENDING or TRUE mean that a notification will come.
hints:
  - Which of the three outcomes of a call is followed by a notification?
```

## Step: Done

```step
stop: program exits with 0
check:
  - expect: output contains "synchronous ReadFile at 20000 -> FALSE, error 38, event reset"
    message: The read failed inside the call, and the event it named was left reset.
```

```c program result.c
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 10000)
#pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=off)

static BYTE g_buf[4096];

static void Show(const char *what, BOOL ok, DWORD n, const OVERLAPPED *ov)
{
    printf("%s -> %s, error %lu, count %lu, Internal=0x%lX, InternalHigh=%lu\n",
           what, ok ? "TRUE" : "FALSE", ok ? 0 : GetLastError(), n,
           (DWORD)ov->Internal, (DWORD)ov->InternalHigh);
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    HANDLE done = CreateEvent(NULL, TRUE, FALSE, NULL);
    DWORD n = 0;
    BOOL ok;

    /* A read of 4 KiB at offset 4096 of a 10000-byte file. */
    OVERLAPPED ov = {0};
    ov.Offset = 4096;
    ov.hEvent = done;
    SimNote("next: start the read");
    ok = ReadFile(file, g_buf, 4096, NULL, &ov);
    Show("ReadFile", ok, 0, &ov);

    /* Ask how it went without waiting. */
    n = 777;
    SimNote("next: ask without waiting");
    ok = GetOverlappedResult(file, &ov, &n, FALSE);
    Show("GetOverlappedResult, bWait=FALSE", ok, n, &ov);

    /* Ask again, this time willing to wait. */
    n = 777;
    ok = GetOverlappedResult(file, &ov, &n, TRUE);
    Show("GetOverlappedResult, bWait=TRUE", ok, n, &ov);

    /* The last, short piece of the file: 10000 - 8192 = 1808 bytes. */
    OVERLAPPED tail = {0};
    tail.Offset = 8192;
    tail.hEvent = done;
    ok = ReadFile(file, g_buf, 4096, NULL, &tail);
    n = 777;
    ok = GetOverlappedResult(file, &tail, &n, TRUE);
    Show("read at 8192", ok, n, &tail);

    /* Past the end of the file. */
    OVERLAPPED past = {0};
    past.Offset = 20000;
    past.hEvent = done;
    SimNote("next: read past the end");
    ok = ReadFile(file, g_buf, 4096, NULL, &past);
    Show("ReadFile at 20000", ok, 0, &past);
    n = 777;
    ok = GetOverlappedResult(file, &past, &n, TRUE);
    Show("GetOverlappedResult at 20000", ok, n, &past);

    /* A synchronous handle, with an OVERLAPPED, past the end: this request
       fails inside the call. */
    HANDLE sync = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    OVERLAPPED late = {0};
    late.Offset = 20000;
    late.hEvent = done;
    SetEvent(done);
    SimNote("next: a request that fails at once");
    ok = ReadFile(sync, g_buf, 4096, &n, &late);
    printf("synchronous ReadFile at 20000 -> %s, error %lu, event %s\n",
           ok ? "TRUE" : "FALSE", ok ? 0 : GetLastError(),
           WaitForSingleObject(done, 0) == WAIT_OBJECT_0 ? "set" : "reset");

    CloseHandle(sync);
    CloseHandle(done);
    CloseHandle(file);
    return 0;
}
```

"""#),
        ("07-alertable-io.md", #"""
---
id: alertable-io
title: Alertable I/O and the APC queue
order: 7
summary: ReadFileEx hands the kernel a function to call when the read is done. It runs on the issuing thread — but only when that thread says it is ready.
view: alertable
settings:
  cpus: 2
  seed: 1
---

The third way to learn that a request finished is to give the kernel a
*completion routine*: `ReadFileEx` and `WriteFileEx` take a pointer to a
function, and when the request completes the kernel arranges for that
function to be called with the error code, the byte count and the
`OVERLAPPED`.

It does not call it right away, and not on just any thread. Each thread has
an *APC queue* (asynchronous procedure calls); a completed request's routine
is queued to the thread that issued it. The thread runs its queued routines
only when it makes an *alertable* wait: `SleepEx(…, TRUE)`,
`WaitForSingleObjectEx(…, TRUE)` and the other `…Ex` waits with the
alertable flag.

## Step: Requests out, main asleep

Main issued two reads with `ReadFileEx` (both returned `TRUE`: accepted) and
went to sleep with a plain `Sleep(5)` — a wait that is *not* alertable. The
disk needs 2 ms.

```step
stop: thread main is waiting in Sleep
check:
  - expect: not thread main is waiting alertably
    message: Sleep is not an alertable wait.
  - expect: thread main has 0 APCs queued
    message: Nothing has completed yet, so nothing is queued.
  - expect: completions are 0
    message: Both reads are at the disk.
question:
  ask: Both reads complete while main is still inside Sleep(5). What happens to their completion routines?
  choices:
    - text: They run at once, interrupting the Sleep.
      when: output contains "routine: request 0"
    - text: They wait in main's APC queue.
      when: thread main has 2 APCs queued
    - text: The kernel drops them, because main was not ready.
      when: thread main has 0 APCs queued
  answer: b
  reveal: completions reach 2
  explain: A completion routine is queued as an APC to the thread that issued the request, and it runs only when that thread is in an alertable wait. Sleep is not alertable, so the routines stay queued — nothing is lost, and nothing runs behind the thread's back.
hints:
  - Look at main's APC queue in the threads pane.
  - What is the difference between Sleep and SleepEx?
```

## Step: An alertable wait

The `Sleep` ended after its 5 ms and main printed that no routine has run.
Now it calls `SleepEx(INFINITE, TRUE)`.

```step
stop: log shows "next: an alertable wait"
check:
  - expect: thread main has 2 APCs queued
    message: Both routines are still waiting in main's queue.
  - expect: output contains "after Sleep(5): 0 routines have run"
    message: No routine ran during the non-alertable Sleep.
question:
  ask: main enters SleepEx(INFINITE, TRUE) with two routines queued. What happens first?
  choices:
    - text: It runs the queued routines on main.
      when: thread main is in an APC
    - text: It sleeps until something new happens.
      when: thread main is waiting alertably in SleepEx
  answer: a
  reveal: thread main is in an APC
  explain: An alertable wait that finds APCs queued does not sleep at all. It runs them on the waiting thread, oldest first.
hints:
  - The routines are already queued when SleepEx is called.
```

## Step: One at a time, in order

Main is inside the first routine (request 0). The second waits its turn.

```step
check:
  - expect: thread main has 1 APCs queued
    message: The routine for request 1 is still queued; routines run one after another, oldest first.
```

## Step: And then?

Both routines will have run. `SleepEx` was called with `INFINITE`, and
nothing has signaled anything.

```step
question:
  ask: After the routines, does SleepEx go back to sleep?
  choices:
    - text: No — it returns WAIT_IO_COMPLETION.
      when: output contains "SleepEx(INFINITE, TRUE) -> 0xC0, 2 routines have run"
    - text: Yes — INFINITE means it waits for ever; the program hangs.
      when: thread main is waiting alertably in SleepEx
  answer: a
  reveal: log shows "next: alertable, nothing queued"
  explain: After running the queued APCs an alertable wait returns WAIT_IO_COMPLETION (0xC0), whatever its timeout. That is how the thread learns that routines ran; typically it loops back into the wait if it expects more.
hints:
  - How would the program ever get past an INFINITE wait otherwise?
```

## Step: Alertable with nothing queued

```step
stop: program exits with 0
check:
  - expect: output contains "SleepEx(0, TRUE) -> 0"
    message: With nothing queued, an alertable wait is an ordinary wait; a timeout of 0 returns 0 at once.
  - expect: thread main has 0 APCs queued
    message: Every routine has run.
```

The shipped `method3-alertable.c` runs the course's workload this way: eight
`ReadFileEx` calls, then `SleepEx(INFINITE, TRUE)` in a loop until the
routines have counted eight blocks.

```c program routines.c
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=off)

static OVERLAPPED g_ov[2];
static BYTE       g_data[2][4096];
static DWORD      g_ran;             /* routines that have run */

/* The completion routine: runs on the thread that called ReadFileEx. */
static VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    g_ran++;
    SimCompute(500);                 /* the work this block needs */
    printf("routine: request %ld, error %lu, %lu bytes\n", (long)(ov - g_ov), error, bytes);
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);

    for (int i = 0; i < 2; i++) {
        g_ov[i].Offset = i * 8192;
        if (!ReadFileEx(file, g_data[i], 4096, &g_ov[i], ReadDone))
            printf("ReadFileEx failed: error %lu\n", GetLastError());
    }
    SimNote("two reads in flight; main sleeps, not alertable");

    /* The disk needs 2 ms; this sleep lasts 5 and is NOT alertable. */
    Sleep(5);
    printf("after Sleep(5): %lu routines have run\n", g_ran);

    /* Now an alertable wait, with no timeout. */
    SimNote("next: an alertable wait");
    DWORD w = SleepEx(INFINITE, TRUE);
    printf("SleepEx(INFINITE, TRUE) -> 0x%lX, %lu routines have run\n", w, g_ran);

    /* Alertable again, nothing queued, timeout 0. */
    SimNote("next: alertable, nothing queued");
    w = SleepEx(0, TRUE);
    printf("SleepEx(0, TRUE) -> %lu\n", w);

    CloseHandle(file);
    return 0;
}
```

"""#),
        ("08-alertable-does-not-scale.md", #"""
---
id: alertable-does-not-scale
title: Why alertable I/O does not scale
order: 8
summary: Every completion routine runs on the thread that issued the request — however busy it is, and however idle the others are.
view: alertable
program: programs/alertable-busy-issuer.c
settings:
  seed: 1
---

Completion routines are convenient: no events, no handles to wait on, and
since they run on the issuing thread, no locking. The price is in that same
sentence. This program has one thread, `issuer`, that starts 16 reads with
`ReadFileEx`; each completed read needs 2 ms of CPU work. Three more threads,
`helper 1` to `helper 3`, sit in *alertable* waits the whole time. The machine
has two CPUs.

## Step: Everyone is ready to help

The issuer has started all 16 reads and entered `SleepEx(INFINITE, TRUE)`.
The three helpers wait in `WaitForSingleObjectEx(…, TRUE)`. Four threads,
all alertable.

```step
stop: thread issuer is waiting alertably in SleepEx
check:
  - expect: thread "helper 1" is waiting alertably in WaitForSingleObjectEx
    message: The helpers wait alertably on the quit event.
  - expect: 4 threads are waiting alertably
    message: The issuer and all three helpers are in alertable waits.
  - expect: completions are 0
    message: No read has finished yet.
question:
  ask: The first read completes. Which thread runs its completion routine?
  choices:
    - text: The issuer, the thread that called ReadFileEx.
      when: thread issuer is in an APC
    - text: One of the helpers — they are alertable too, and a CPU is free.
      when: at most 2 threads are waiting alertably
  answer: a
  reveal: completions reach 2
  explain: A completion routine is an APC queued to the thread that issued the request, and only that thread can run it. Being alertable only means a thread runs its own APCs; it never receives another thread's.
hints:
  - Whose APC queue does a completion routine go to?
```

## Step: The backlog

Reads keep completing while the issuer works through 2 ms of processing per
routine. Each new routine joins the issuer's queue. The helpers still wait,
and one CPU has nothing to do.

```step
stop: thread issuer has at least 3 APCs queued
check:
  - expect: thread issuer is in an APC
    message: The issuer is busy running a completion routine.
  - expect: 3 threads are waiting alertably
    message: The three helpers are still waiting; none of the queued work can reach them.
  - expect: thread "helper 2" has 0 APCs queued
    message: Nothing is ever queued to a helper.
question:
  ask: The 16 routines need 32 ms of CPU between them, and the machine has two CPUs. About when does the program finish?
  choices:
    - text: After roughly 34 ms — one CPU does all the work.
      when: time reaches 30 ms
    - text: After roughly 18 ms — the work spreads over both CPUs.
      when: time is at most 20 ms
  answer: a
  reveal: program ends
  explain: Every routine runs on the issuer, one after another, so the 32 ms of work are serial on one CPU while the second stays idle. Alertable I/O ties the handling of a completion to the thread that issued it; it cannot use a second CPU unless the program spreads the issuing over threads itself.
hints:
  - Compare the issuer's APC queue with the helpers'.
  - How many threads are running, on a machine with two CPUs?
```

## Step: The tally

The program has ended and printed, per thread, how many routines ran there.

```step
stop: program exits with 0
check:
  - expect: output contains "issuer      16"
    message: All 16 routines ran on the issuer.
  - expect: output contains "helper 1     0  (alertable waits woken by a routine: 0)"
    message: The helpers never ran a single routine.
  - expect: completions are 16
    message: All 16 reads completed.
```

32 ms of work ran on one CPU while the other idled. A server that issues
its I/O from one thread cannot spread the completions over more threads this
way; and a server whose every thread issues I/O has no say over which of them
is busy when the completions come back. The completion port (lesson 10)
separates the two: any thread of a pool can take any completion.

"""#),
        ("09-queue-user-apc.md", #"""
---
id: queue-user-apc
title: QueueUserAPC — waking a thread for a clean exit
order: 9
summary: Queue your own function to a thread's APC queue to end its alertable wait — and see when a signaled object gets there first.
view: alertable
program: programs/apc-wakeup.c
settings:
  seed: 1
---

The APC queue is not only for completion routines. `QueueUserAPC(fn, hThread,
param)` queues any function of yours to a thread; it runs the next time that
thread is in an alertable wait, *on that thread*. That makes it a tidy way to
tell a waiting thread to stop: the APC sets the thread's own "stop" flag, the
wait returns `WAIT_IO_COMPLETION`, the thread's loop sees the flag and
returns. No extra event, and no `TerminateThread`.

Two threads wait here: `sleeper` idles in `SleepEx(INFINITE, TRUE)`;
`server` takes work items from a semaphore with
`WaitForSingleObjectEx(…, INFINITE, TRUE)`.

## Step: Two alertable waiters

Main started both threads and sleeps 10 ms, long enough for each to reach
its wait.

```step
stop: thread server is waiting alertably in WaitForSingleObjectEx
check:
  - expect: thread sleeper is waiting alertably in SleepEx
    message: The sleeper waits alertably with no timeout.
  - expect: thread main is waiting in Sleep
    message: Main gives both threads time to reach their waits.
  - expect: thread sleeper has 0 APCs queued
    message: Nothing has been queued yet.
question:
  ask: Main will queue the stop APC to sleeper. Its SleepEx has no timeout. What happens to sleeper?
  choices:
    - text: The wait runs the APC, returns WAIT_IO_COMPLETION, and the thread leaves its loop and exits.
      when: thread sleeper is terminated
    - text: The APC runs, but SleepEx(INFINITE) goes on sleeping.
      when: thread sleeper is waiting
  answer: a
  reveal: time reaches 10.1 ms
  explain: An alertable wait that has an APC to deliver runs it and returns WAIT_IO_COMPLETION, whatever its timeout. The APC ran on the sleeper itself and set its stop flag, so the loop ends.
hints:
  - The same rule ended SleepEx in lesson 7.
```

## Step: Work and a stop request, together

Main released 3 work items on the semaphore and then queued the stop APC to
the server too. The server has already woken for the first item.

```step
stop: thread server has 1 APCs queued
check:
  - expect: not thread server is waiting
    message: The server woke for the first item before the APC was queued.
question:
  ask: When the server finishes item 1 and waits again, two items are still on the semaphore and the stop APC is queued. How many items does it handle before it stops?
  choices:
    - text: All 3 — a signaled object wins over queued APCs.
      when: log shows "server code=3"
    - text: Just 1 — the next alertable wait runs the APC first.
      when: log shows "server code=1"
  answer: a
  reveal: thread server is terminated
  explain: A wait whose object is already signaled is satisfied at once; queued APCs are looked at only when the wait would otherwise block. They stay queued meanwhile, so the stop request runs at the first wait that finds no work. (The thread's exit code is the number of items it handled.)
hints:
  - Does the semaphore still have a count when the server comes back to wait?
```

## Step: Too late

Both threads have exited. Main tries to queue one more APC to the server.

```step
stop: program exits with 0
check:
  - expect: output contains "QueueUserAPC to the exited server -> FALSE, error 31"
    message: A thread that has exited has no APC queue; QueueUserAPC fails with ERROR_GEN_FAILURE.
  - expect: output contains "sleeper: SleepEx returned 0xC0 (WAIT_IO_COMPLETION), stop flag set"
    message: The sleeper's last wait returned WAIT_IO_COMPLETION.
  - expect: 0 threads are waiting
    message: Nobody is left waiting.
```

"""#),
        ("10-completion-ports.md", #"""
---
id: completion-ports
title: "Completion ports: create, associate, dequeue"
order: 10
summary: A port collects the completions of every file associated with it; GetQueuedCompletionStatus hands them out with the key and the OVERLAPPED — and its result has three shapes.
view: port
settings:
  cpus: 2
  seed: 1
---

An *I/O completion port* is a kernel queue of completion *packets*. Each
file associated with the port sends one packet per finished request:

- the number of bytes transferred,
- the *completion key* the file was associated with (one per file, chosen by
  the program),
- the address of the request's `OVERLAPPED`,
- and the request's status.

Any thread may take the next packet with `GetQueuedCompletionStatus` (GQCS).
Unlike completion routines, the thread that issued the request plays no part.
One function does two jobs: `CreateIoCompletionPort(INVALID_HANDLE_VALUE,
NULL, 0, limit)` creates a port, and `CreateIoCompletionPort(hFile, hPort,
key, 0)` associates a file with an existing one.

## Step: A port or a routine, not both

The program has created a port and associated `data.bin` (key 1) and
`other.bin` (key 2) with it. Before reading, it tries `ReadFileEx` — a read
with a completion routine — on `data.bin`.

```step
stop: log shows "next: ReadFileEx on a file that has a port"
check:
  - expect: the port queue holds 0 packets
    message: Nothing has been read yet.
question:
  ask: What does ReadFileEx do on a file that is associated with a completion port?
  choices:
    - text: It is refused with ERROR_INVALID_PARAMETER.
      when: call ReadFileEx returns "0 err=87"
    - text: It is accepted; the completion goes to the routine instead of the port.
      when: call ReadFileEx returns 1
  answer: a
  reveal: call ReadFileEx returns
  explain: A file object tells the kernel how its completions are delivered, and one associated with a port delivers them to the port. A request that asks for a completion routine on such a file is refused at once — and, failing at once, notifies nobody.
hints:
  - A completion has to go somewhere. How many places can it go to?
```

## Step: One port, two files, three reads

Now three ordinary overlapped reads:
A (data.bin at 0), B (other.bin at 0), and C (data.bin at 20000 — past the
end of that 10000-byte file).

```step
stop: log shows "three reads in flight"
check:
  - expect: the port limit is 1
    message: The port was created with a concurrency limit of 1.
  - expect: the port queue holds 0 packets
    message: No read has finished yet.
  - expect: completions are 0
    message: All three reads are pending.
hints:
  - The port's panel lists the files associated with it and their keys.
```

## Step: Packets pile up

Main computes for 3 ms without asking the port for anything. The reads
finish meanwhile: C first (the file system knows at once that it is past the
end), then A and B from the disk.

```step
stop: log shows "main asks the port"
check:
  - expect: completions are 3
    message: All three reads have completed.
  - expect: the port queue holds 3 packets
    message: Nobody was waiting on the port, so each completion left a packet in its queue — the failed read C too.
  - expect: thread main has 0 APCs queued
    message: Completion ports do not use the issuing thread's APC queue.
question:
  ask: Main now calls GetQueuedCompletionStatus. Which packet does it get first?
  choices:
    - text: C's — FALSE, key 1, error ERROR_HANDLE_EOF; it completed first.
      when: output contains "1: FALSE, key 1, request C, 0 bytes, error 38"
    - text: A's — TRUE, key 1, 4096 bytes; it was issued first.
      when: output contains "1: TRUE, key 1, request A"
    - text: A's — C failed, and failed requests send no packet.
      when: output contains "1: TRUE, key 1, request A"
  answer: a
  reveal: output contains "1:"
  explain: The port's packet queue is first-in, first-out, in order of completion. A request that pends and then fails still sends its packet; GQCS then returns FALSE with a non-NULL OVERLAPPED pointer and the error in GetLastError. Only a request that fails at once, inside ReadFile, sends nothing.
hints:
  - The log shows the order in which the packets were queued.
```

## Step: The keys

The next two calls returned A (key 1) and B (key 2), both `TRUE` with 4096
bytes. The key says which *file* a packet came from; the `OVERLAPPED`
address says which *request*. Servers usually put the `OVERLAPPED` first in
a larger structure of their own and get back to it with `CONTAINING_RECORD`.

The queue is empty now, and the fourth call waits at most 10 ms.

```step
stop: thread main is waiting in GetQueuedCompletionStatus
check:
  - expect: output contains "2: TRUE, key 1, request A, 4096 bytes"
    message: A came from data.bin, associated under key 1.
  - expect: output contains "3: TRUE, key 2, request B, 4096 bytes"
    message: B came from other.bin, associated under key 2.
  - expect: the port queue holds 0 packets
    message: Every packet has been taken.
  - expect: the port has 1 waiting
    message: Main is blocked on the port.
question:
  ask: Nothing arrives in those 10 ms. What does the call return?
  choices:
    - text: FALSE, with a NULL OVERLAPPED pointer and WAIT_TIMEOUT.
      when: output contains "4: FALSE, key 0, request none, 0 bytes, error 258"
    - text: TRUE with 0 bytes and a NULL OVERLAPPED pointer.
      when: output contains "4: TRUE"
  answer: a
  reveal: output contains "4:"
  explain: 'GQCS has three outcomes: TRUE — a packet of a successful request; FALSE with a non-NULL OVERLAPPED — a packet of a failed request, error in GetLastError; FALSE with a NULL OVERLAPPED — no packet at all (here WAIT_TIMEOUT). A program must look at the OVERLAPPED pointer, not only at the BOOL, to tell the last two apart.'
hints:
  - Look at how the program prints request "none".
```

## Step: Done

```step
stop: program exits with 0
```

The shipped `method4-iocp.c` runs the course workload this way, with a pool
of four threads taking the packets. How the port decides which of them runs
is the next lesson.

```c program port.c
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 10000)
#pragma sim file("other.bin", 4096)
#pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=off)

#define KEY_DATA  1          /* packets from data.bin */
#define KEY_OTHER 2          /* packets from other.bin */

static BYTE g_buf[3][4096];
static OVERLAPPED g_a, g_b, g_c;

/* Never runs: see below. */
static VOID CALLBACK Unused(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    printf("a completion routine ran\n");
}

static const char *Which(const OVERLAPPED *ov)
{
    if (ov == &g_a) return "A";
    if (ov == &g_b) return "B";
    if (ov == &g_c) return "C";
    return "none";
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    /* Create a port: no file yet, concurrency limit 1. */
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);

    /* Associate two files with it, each under its own key. */
    HANDLE data = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    CreateIoCompletionPort(data, port, KEY_DATA, 0);
    HANDLE other = CreateFile(TEXT("other.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                              OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    CreateIoCompletionPort(other, port, KEY_OTHER, 0);

    /* A file with a port: can it use a completion routine too? */
    OVERLAPPED probe = {0};
    SimNote("next: ReadFileEx on a file that has a port");
    BOOL accepted = ReadFileEx(data, g_buf[0], 4096, &probe, Unused);
    printf("ReadFileEx on data.bin -> %s, error %lu\n", accepted ? "TRUE" : "FALSE",
           accepted ? 0 : GetLastError());

    /* A: data.bin at 0.  B: other.bin at 0.  C: data.bin past its end. */
    g_c.Offset = 20000;
    ReadFile(data, g_buf[0], 4096, NULL, &g_a);
    ReadFile(other, g_buf[1], 4096, NULL, &g_b);
    ReadFile(data, g_buf[2], 4096, NULL, &g_c);
    SimNote("three reads in flight");

    SimCompute(3000);        /* other work; the reads finish meanwhile */
    SimNote("main asks the port");

    for (int call = 1; call <= 4; call++) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 10);
        DWORD error = ok ? 0 : GetLastError();
        printf("%d: %s, key %lu, request %s, %lu bytes, error %lu\n",
               call, ok ? "TRUE" : "FALSE", (DWORD)key, Which(ov), bytes, error);
    }

    CloseHandle(data);
    CloseHandle(other);
    CloseHandle(port);
    return 0;
}
```

"""#),
        ("11-port-concurrency.md", #"""
---
id: port-concurrency
title: How the port runs threads
order: 11
summary: The concurrency limit, last-in-first-out waking, released and paused threads, and a running count above the limit.
view: port
program: programs/iocp-concurrency.c
settings:
  seed: 1
---

A completion port does more than queue packets: it decides *which* of its
threads run. It keeps a **running count** — how many of the threads that
have called `GetQueuedCompletionStatus` on it are now running or ready to
run — and it releases a waiting thread only while that count is below the
port's **concurrency limit**, given when the port is created (0 means "as
many as the machine has CPUs", which is usually right). The aim: exactly as
many busy threads as the limit, no more — every extra runnable thread costs
context switches — and no fewer.

The view draws the port as five structures: the files associated with it,
the packet queue (first in, first out), the **waiting** threads (last in,
first out), the **released** threads (counted as running) and the **paused**
threads (associated, but blocked in some other wait).

This program has a port with limit 2, four workers, and a machine with 4
CPUs, so that the limit — not the CPUs — is what holds threads back. Each
worker handles "items" that main posts as packets.

## Step: Four waiters

Main started the workers one after another, 1 ms apart: worker 1 blocked on
the port first, worker 4 last. Now main posts four items in a row.

```step
stop: the port has 4 waiting
check:
  - expect: 4 threads are waiting in GetQueuedCompletionStatus
    message: All four workers are blocked on the port.
  - expect: the port running is 0 of 2
    message: Nobody runs on behalf of the port yet.
question:
  ask: Which worker gets item 1?
  choices:
    - text: Worker 4, the thread that started waiting last.
      when: not thread "worker 4" is waiting
    - text: Worker 1, the thread that has waited longest.
      when: not thread "worker 1" is waiting
  answer: a
  reveal: the port running is 2 of 2
  explain: The port's waiting threads form a stack — last in, first out. A thread that has only just come back for more work still has its stack and data in the caches, and the threads at the bottom of the stack can stay idle (even be paged out).
hints:
  - The waiting list in the port panel is drawn newest first.
```

## Step: The limit holds the rest back

All four items are posted. Items 1 and 2 went straight to worker 4 and worker
3, the two newest waiters. Then the running count reached the limit.

```step
stop: thread main is waiting in WaitForSingleObject
check:
  - expect: the port running is 2 of 2
    message: Two workers run, the limit.
  - expect: the port queue holds 2 packets
    message: Items 3 and 4 stay in the queue although two workers are waiting.
  - expect: the port has 2 waiting
    message: Workers 1 and 2 are still blocked on the port.
  - expect: the port has 2 released
    message: Workers 3 and 4 count as running.
question:
  ask: Half-way through item 1, worker 4 calls Sleep(2). What does the port do?
  choices:
    - text: It releases worker 2, the newest waiter, with item 3.
      when: the port queue holds 1 packets
    - text: Nothing — worker 4 is still one of its running threads.
      when: the port queue holds 2 packets
  answer: a
  reveal: time reaches 5018 us
  explain: Any blocking wait by a port's thread — Sleep, a wait on an object, synchronous I/O — takes it out of the running count. That leaves room under the limit, so the port at once hands the oldest packet to the newest waiter. This is how a port keeps its CPUs busy while some of its threads block.
hints:
  - Does a sleeping thread use a CPU?
```

## Step: Paused

Worker 4 is *paused*: associated with the port, but blocked elsewhere.
Worker 2 has taken its place.

```step
check:
  - expect: thread "worker 4" is waiting in Sleep
    message: Worker 4 sleeps inside item 1.
  - expect: the port has 1 paused
    message: The view shows worker 4 as paused.
  - expect: the port running is 2 of 2
    message: Workers 2 and 3 run; the count is back at the limit.
  - expect: the port has 1 waiting
    message: Only worker 1 is still waiting.
question:
  ask: Worker 4's Sleep ends while workers 2 and 3 are still busy. What is the running count then?
  choices:
    - text: 3 — above the limit of 2.
      when: the port running is 3 of 2
    - text: 2 — worker 4 is held back until another worker finishes.
      when: the port running is 2 of 2
  answer: a
  reveal: time reaches 7014 us
  explain: A thread that wakes from some other wait is counted as running again at once, whatever the limit; the port cannot stop a thread that is already inside its work. So the count can exceed the limit for a while. What the port can do is release nobody until the count drops again.
hints:
  - Could the port stop worker 4 in the middle of its item?
```

## Step: Asking for more above the limit

Three workers run under a limit of 2, and item 4 is still queued. Worker 4
finishes item 1 first and calls `GetQueuedCompletionStatus` again.

```step
check:
  - expect: the port running is 3 of 2
    message: Workers 2, 3 and 4 all count as running.
  - expect: the port queue holds 1 packets
    message: Item 4 is queued.
question:
  ask: Does worker 4 get item 4?
  choices:
    - text: No — it blocks, although a packet is queued.
      when: the port queue holds 1 packets
    - text: Yes — a packet is waiting and so is worker 4.
      when: the port queue holds 0 packets
  answer: a
  reveal: thread "worker 4" is waiting in GetQueuedCompletionStatus
  explain: A thread that calls GetQueuedCompletionStatus is first taken out of the running count (3 becomes 2). It then takes a packet only if the count is below the limit — and 2 is not below 2. So it blocks with work in the queue, which is exactly what the limit is for.
hints:
  - Work out the running count after worker 4 stops counting itself.
```

## Step: Ahead of the queue

Worker 4 now waits on the port together with worker 1. Two workers run.
At 10 ms worker 3 finishes item 2 and asks for more.

```step
check:
  - expect: the port has 2 waiting
    message: Workers 1 and 4 wait on the port.
  - expect: the port running is 2 of 2
    message: Workers 2 and 3 run.
question:
  ask: Who gets item 4?
  choices:
    - text: Worker 3 itself, at once — without blocking.
      when: not thread "worker 3" is waiting
    - text: Worker 4, the newest waiter.
      when: not thread "worker 4" is waiting
    - text: Worker 1, which has waited longest.
      when: not thread "worker 1" is waiting
  answer: a
  reveal: time reaches 10019 us
  explain: The caller's own running count is taken off first (2 becomes 1). Now the count is below the limit and a packet is queued, so the caller takes it immediately, ahead of the threads already waiting. No thread switch at all — the cheapest way to keep a CPU busy.
hints:
  - Which is cheaper — letting worker 3 go on, or putting it to sleep and waking another?
```

## Step: The tally

```step
stop: program exits with 0
check:
  - expect: output contains "most workers running at once: 3 (port limit 2)"
    message: The program's own count saw three workers running under a limit of two.
  - expect: output contains "item 4 -> worker 3"
    message: Worker 3 took item 4 ahead of the waiting workers.
  - expect: output contains "item 3 -> worker 2"
    message: Worker 2 was released when worker 4 slept.
```

"""#),
        ("12-adaptive-pool.md", #"""
---
id: adaptive-pool
title: "How many threads: an adaptive pool"
order: 12
summary: A pool that adds threads while its work is blocked and the CPUs idle, and lets them go when the CPUs are saturated or the work runs out.
view: port
program: programs/adaptive-pool.c
settings:
  seed: 1
---

The port's concurrency limit says how many of its threads may *run*. How
many threads should *exist*? If every thread of the pool can be blocked in
some other wait (a `Sleep`, a synchronous call to another server), the port
needs spares to release in their place (lesson 11) — but every extra thread
costs a stack and, when it competes for a CPU, context switches. There is no
single right number, so real pools measure and adjust.

This pool keeps between 2 and 6 threads (port limit 2, two CPUs) and uses
two counters kept with `Interlocked` calls — threads in the pool, threads busy
with an item — plus the machine's CPU use over the last 100 ms
(`SimCpuUsage`, standing in for a real CPU-usage query):

- **grow**: a thread that takes an item and finds *every* thread busy adds
  one, if CPU use is below 75% (the threads are blocked, the CPUs have room);
- **shrink**: a thread leaves after an item if CPU use is above 90%, or when
  it has waited 100 ms for a packet in vain — but never below 2.

The load comes in four phases: waiting work, nothing, waiting work again, and
CPU-bound work.

## Step: Phase 1 — work that waits

The pool starts with its minimum, two threads, both waiting on the port.
Main posts 40 items; each computes 0.2 ms, sleeps 8 ms, computes 0.2 ms.

```step
stop: log shows "phase 1: waiting work"
check:
  - expect: the port limit is 2
    message: The port lets two of its threads run at once.
  - expect: the port queue holds 0 packets
    message: Nothing has been posted yet.
hints:
  - Thread names count up as the pool adds threads (pool 1, pool 2, …).
```

## Step: Blocked, not busy

A few milliseconds later: most threads are asleep inside their items, the
port has packets queued — and the CPUs are mostly idle.

```step
stop: at least 5 threads are waiting in Sleep
check:
  - expect: the port has at least 5 paused
    message: Threads blocked in Sleep are paused — associated, but not counted as running.
  - expect: the port running is at most 1
    message: At most one thread runs, below the limit of 2.
  - expect: the port queue holds at least 20 packets
    message: Plenty of work is waiting in the queue.
  - expect: the port has 0 waiting
    message: No thread is free to take it.
question:
  ask: When phase 1 ends, how many threads does the pool have?
  choices:
    - text: Six, the maximum — every thread is busy while the CPUs idle, so it keeps growing.
      when: output contains "phase 1, waiting work (40 items): 6 threads"
    - text: Two — the port never lets more than two threads run, so more would be useless.
      when: output contains "phase 1, waiting work (40 items): 2 threads"
  answer: a
  reveal: output contains "phase 1,"
  explain: A thread blocked in Sleep no longer counts as running, so the port releases another waiter with the next item (rule of the running count). When all threads are busy that way and CPU use is low, more threads are exactly what helps, and the pool grows to its maximum.
hints:
  - How many threads does the port count as running right now?
```

## Step: Phase 2 — nothing to do

For 500 ms nobody posts anything. Each thread's `GetQueuedCompletionStatus`
has a 100 ms timeout; a thread whose wait times out leaves, unless the pool
is at its minimum.

```step
stop: output contains "phase 2,"
check:
  - expect: output contains "phase 2, idle for 500 ms: 2 threads"
    message: Idle threads timed out and left, down to the minimum.
  - expect: the port has 2 waiting
    message: The two remaining threads wait on the port.
  - expect: 0 threads are waiting in Sleep
    message: No item is in progress.
```

## Step: Phase 3 — waiting work again

The same waiting load as phase 1, and the pool grows back.

```step
stop: log shows "phase 4: CPU work"
check:
  - expect: output contains "phase 3, waiting work (40 items): 6 threads"
    message: The pool grew back to six threads in phase 3.
```

## Step: Phase 4 — work that computes

Now main posts 80 items of pure CPU work, 4 ms each.

```step
stop: the port queue holds at least 20 packets
check:
  - expect: the port running is 2 of 2
    message: Two threads compute; the limit holds the others back.
  - expect: the port has 4 waiting
    message: Four threads wait on the port with packets queued — the limit, not a lack of work, stops them.
question:
  ask: With 80 items that only compute, where does the pool end up?
  choices:
    - text: At the minimum — the CPUs are saturated, so extra threads only compete.
      when: output contains "phase 4, CPU work (80 items): 2 threads"
    - text: At the maximum — there is plenty of work.
      when: output contains "phase 4, CPU work (80 items): 6 threads"
  answer: a
  reveal: output contains "phase 4,"
  explain: The port lets only two threads run and they keep both CPUs above 90%. Threads leave when CPU use is that high, and the ones the port keeps waiting time out. More threads than CPUs cannot make CPU-bound work faster; the concurrency limit and the shrink rule agree on that.
hints:
  - Would a third thread get a CPU?
```

## Step: The tally

```step
stop: program exits with 0
check:
  - expect: output contains "threads started in all: 10, left early: 8"
    message: The pool started ten threads over the run and let eight go early.
```

"""#),
        ("13-pool-shutdown.md", #"""
---
id: pool-shutdown
title: Posting completions and shutting a pool down
order: 13
summary: PostQueuedCompletionStatus puts packets of your own in the port — the usual way to stop a pool, and a trap if a thread goes back for more.
view: port
program: programs/iocp-shutdown.c
settings:
  seed: 1
---

`PostQueuedCompletionStatus(port, bytes, key, ov)` queues a packet that no
device produced. The three values are yours: they come out of
`GetQueuedCompletionStatus` exactly as given, with success status, whether or
not anyone is waiting. Programs use posted packets as work items, to prime a
copy loop (lesson 15) — and to stop a pool: post one "quit" packet per
thread, with a key that means "leave".

That only works if a thread that gets a quit packet *leaves at once*. This
program shows what happens when it does not, and then the fix. The ports
here have a concurrency limit of 1, which makes the outcome independent of
timing.

## Step: Four workers, four quit packets

Workers A1 to A4 blocked on the port in that order. Each counts the quit
packets it receives — and then goes back to `GetQueuedCompletionStatus`
(a worker that checks a "stopping" flag only at the top of its loop behaves
the same way). Main is about to post four quit packets.

```step
stop: log shows "pitfall: one quit packet per thread"
check:
  - expect: the port has 4 waiting
    message: All four workers are blocked on the port.
  - expect: the port running is 0 of 1
    message: None of them runs.
question:
  ask: How many of the four workers see a quit packet?
  choices:
    - text: Only one — A4 gets all four.
      when: output contains "A4 saw 4 quit packets"
    - text: All four, one packet each.
      when: output contains "A1 saw 1 quit packets"
    - text: Two, because the limit is 1 and packets alternate.
      when: output contains "A3 saw 2 quit packets"
  answer: a
  reveal: output contains "A4 saw"
  explain: The port hands a packet to the thread that started waiting most recently. A4 gets quit 1, counts it and comes straight back — so it is again the newest waiter, and the next packet is its too. Every quit packet meant for A1–A3 goes to A4.
hints:
  - Which waiter does a port wake first?
  - Where is A4 in the waiting list right after it handled quit 1?
```

## Step: Closing the port under its waiters

A1, A2 and A3 never saw a packet and wait for ever; A4 waits too. The only
way out left is to close the port.

```step
stop: log shows "closing the port under its waiters"
check:
  - expect: the port has 4 waiting
    message: All four workers are blocked on the port again.
  - expect: the port queue holds 0 packets
    message: A4 took every packet.
question:
  ask: Main closes the port handle. What happens to the four waiting workers?
  choices:
    - text: Each GetQueuedCompletionStatus returns FALSE with a NULL OVERLAPPED and ERROR_ABANDONED_WAIT_0.
      when: call GetQueuedCompletionStatus returns "0 err=735"
    - text: Nothing — they keep waiting on a port nobody can post to.
      when: 4 threads are waiting in GetQueuedCompletionStatus
  answer: a
  reveal: thread main is waiting in WaitForMultipleObjects
  explain: Closing a port releases every thread blocked on it with FALSE, a NULL OVERLAPPED pointer and ERROR_ABANDONED_WAIT_0 (735); later calls on the closed handle fail with ERROR_INVALID_HANDLE. It works as a last resort, but it is a blunt one — packets still queued are lost with the port.
hints:
  - The workers treat "FALSE and no OVERLAPPED" as the port being gone.
```

## Step: The fix

Part two: workers B1 to B4 on a new port, same limit, same four quit
packets. This time a worker *returns from its thread function* as soon as it
gets one.

```step
stop: log shows "fix: one quit packet per thread"
check:
  - expect: 4 threads are waiting in GetQueuedCompletionStatus
    message: B1 to B4 are blocked on the new port.
  - expect: 4 threads are terminated
    message: A1 to A4 have exited.
question:
  ask: B4, the newest waiter, gets quit packet 1 and exits. Who gets quit packet 2?
  choices:
    - text: B3 — the next newest waiter.
      when: output contains "quit packet 2 -> B3"
    - text: B1 — it has waited longest.
      when: output contains "quit packet 2 -> B1"
    - text: Nobody; B4 still counts as running, so the packet stays queued.
      when: program ends
  answer: a
  reveal: output contains "quit packet 4"
  explain: A thread that exits stops counting as running. That makes room under the limit, so the port releases the newest remaining waiter with the oldest queued packet. Each thread takes exactly one quit packet, newest first, and the pool empties.
hints:
  - What happens to the running count when a port's thread exits?
```

## Step: Empty pool

Main waited for all four B workers to end, then printed who got which packet.

```step
stop: program exits with 0
check:
  - expect: output contains "threads still in the pool: 0"
    message: Every B worker left on its own quit packet.
  - expect: output contains "quit packet 4 -> B1"
    message: B1, the first to wait, was the last to be released.
  - expect: 0 threads are waiting
    message: Nobody is left waiting.
```

"""#),
        ("14-getqueued-ex.md", #"""
---
id: getqueued-ex
title: Many completions at once with GetQueuedCompletionStatusEx
order: 14
summary: One call can take a whole batch of packets — and when it waits alertably, queued packets come before APCs.
view: port
program: programs/iocp-getqueued-ex.c
settings:
  seed: 1
---

`GetQueuedCompletionStatus` returns one packet per call. A busy server pays
one trip into the kernel for every completion. The Ex form,
`GetQueuedCompletionStatusEx(port, entries, ulCount, &removed, timeout,
fAlertable)`, fills an array of `OVERLAPPED_ENTRY` — key, `OVERLAPPED`
pointer and byte count for each — with up to `ulCount` packets in one call,
oldest first.

Here a single thread posts ten packets of its own (posted packets arrive
exactly as completed requests would) and takes them with room for four per
call.

## Step: Ten packets waiting

All ten packets are posted; nobody has asked for one yet.

```step
stop: the port queue holds 10 packets
check:
  - expect: thread main has 0 APCs queued
    message: No APC yet.
question:
  ask: Each call has room for 4 entries. How do the ten packets come out?
  choices:
    - text: In three calls — 4, 4 and 2, oldest first.
      when: output contains "call 3: TRUE, 2 packets: [key 9, 900 bytes, req 9] [key 10, 1000 bytes, req 10]"
    - text: One per call, like GetQueuedCompletionStatus.
      when: output contains "call 1: TRUE, 1 packets"
    - text: Only the first call returns anything; it takes 4 and the rest are dropped.
      when: output contains "call 2: FALSE"
  answer: a
  reveal: output contains "packets in"
  explain: GetQueuedCompletionStatusEx removes up to ulCount packets from the queue in one call, in first-in, first-out order, and says how many it removed. It returns TRUE when it got at least one.
hints:
  - The loop keeps calling until a call fails.
```

## Step: Nothing left

The fourth call, with a timeout of 0, found the queue empty.

```step
check:
  - expect: output contains "call 4: FALSE, error 258 (WAIT_TIMEOUT)"
    message: With nothing queued and no time to wait, the call fails with WAIT_TIMEOUT.
  - expect: the port queue holds 0 packets
    message: All ten packets were taken.
  - expect: output contains "10 packets in 3 successful calls"
    message: Three calls instead of ten.
```

## Step: A packet and an APC

The Ex form can wait *alertably* (`fAlertable = TRUE`): then it also runs
the thread's queued APCs, like `SleepEx`. The program now queues a user APC
to itself, posts two packets, and calls it alertably.

```step
stop: the port queue holds 2 packets
check:
  - expect: thread main has 1 APCs queued
    message: The APC waits in main's queue.
question:
  ask: Packets are queued and an APC is pending. What does the alertable call do?
  choices:
    - text: It returns the two packets, TRUE; the APC stays queued.
      when: thread main has 1 APCs queued
    - text: It runs the APC and returns WAIT_IO_COMPLETION; the packets wait.
      when: thread main has 0 APCs queued
  answer: a
  reveal: the port queue holds 0 packets
  explain: GetQueuedCompletionStatusEx waits — and so becomes alertable — only when no packet is queued. Queued packets are returned first, and the APC stays queued for the next alertable wait.
hints:
  - An alertable wait delivers APCs instead of sleeping. Does this call need to sleep?
```

## Step: The APC's turn

The first alertable call has returned.

```step
check:
  - expect: thread main has 1 APCs queued
    message: The APC is still queued after the first alertable call.
  - expect: the port queue holds 0 packets
    message: Both packets were returned.
question:
  ask: The program makes the same alertable call again, now with an empty queue. What happens?
  choices:
    - text: It runs the APC and returns FALSE with WAIT_IO_COMPLETION.
      when: output contains "alertable call: FALSE, error 192 (WAIT_IO_COMPLETION), APC has run: yes"
    - text: It waits for a packet for ever; the APC has to wait for SleepEx.
      when: thread main is waiting alertably
  answer: a
  reveal: program ends
  explain: With no packet to return the call would block, and being alertable it first delivers the queued APC; it then fails with WAIT_IO_COMPLETION (GetLastError 192), as an alertable SleepEx would return it.
hints:
  - The rule of lesson 7 applies to this wait too.
```

## Step: Done

```step
stop: program exits with 0
check:
  - expect: output contains "alertable call: TRUE, 2 packets, APC has run: no"
    message: The first alertable call returned both packets before the APC ran.
  - expect: output contains "alertable call: FALSE, error 192 (WAIT_IO_COMPLETION), APC has run: yes"
    message: The second found no packet, ran the APC, and failed with WAIT_IO_COMPLETION.
```

"""#),
        ("15-unbuffered-copy.md", #"""
---
id: unbuffered-copy
title: The unbuffered file copy, step by step
order: 15
summary: Sector-aligned transfers, a destination sized up front, a port primed with posted packets, four requests in flight, and the size fixed afterwards.
view: port
program: programs/unbuffered-copy.c
settings:
  seed: 1
---

Everything so far comes together in one real job: copy a file of 1,049,576
bytes through a completion port, *around* the page cache, with four requests
in flight at all times, and then check the copy byte for byte. Each design
choice in the program answers one rule of the kernel:

- `FILE_FLAG_NO_BUFFERING` skips the cache, so the data is not copied once
  more into memory nobody will read again. The price: every offset and
  length must be a multiple of the volume's sector size, and the buffers
  must be aligned. Four 64 KiB buffers from `VirtualAlloc` (page-aligned)
  meet all three.
- Both files are associated with one port under different keys, so each
  packet says what just finished: a read (next: write that chunk) or a write
  (next: read a new chunk into the freed buffer).

## Step: Sizing the destination first

Before the copy, the program created the source (with a pattern that differs
from chunk to chunk) and made the destination 17 whole chunks long through an
ordinary buffered handle.

```step
stop: log shows "copy starts"
check:
  - expect: output contains "source: 1049576 bytes = 16 chunks of 65536 + 1000"
    message: The source is not a whole number of chunks; the last read will be short.
  - expect: output contains "destination while copying: 1114112 bytes"
    message: The destination already has room for 17 whole chunks.
hints:
  - 17 × 65536 = 1114112.
  - Remember lesson 2. Which kind of write completes during the call?
```

Why set the size up front? A write that extends a file is completed
synchronously by the file system, so writing into a growing file would block
the copier at every write.

## Step: Priming the port

Both files are now associated with the port (source under key 1, destination
under key 2). Then the program posts one packet per buffer with the
*destination's* key — four fake "write finished" packets.

```step
stop: the port queue holds 4 packets
check:
  - expect: the port has 0 waiting
    message: Nobody waits on the port yet; the four posted packets sit in its queue.
  - expect: thread copier has 0 APCs queued
    message: A port does not use APCs.
question:
  ask: The copy loop takes these four packets first. What does each one make it do?
  choices:
    - text: Start a read into that buffer — a finished write means the buffer is free.
      when: call ReadFile returns pending
    - text: Write the buffer to the destination.
      when: call WriteFile returns pending
  answer: a
  reveal: the port queue holds 0 packets
  explain: A posted packet is handled exactly like a real completion. By pretending that every buffer has just been written, the program lets its loop start every read itself — I/O is issued in one place only, and the loop needs no special start-up code.
hints:
  - Look at what the loop does for a packet with the destination's key.
```

## Step: Writes into a file that is long enough

Four reads are in flight. When the first one's packet arrives, the loop
writes that chunk to the same offset of the destination.

```step
stop: thread copier is waiting in GetQueuedCompletionStatus
check:
  - expect: the port has 1 waiting
    message: The copier waits on the port for the next completion.
  - expect: the port queue holds 0 packets
    message: Nothing has completed since the priming packets were taken.
question:
  ask: Does the first WriteFile into the destination complete during the call?
  choices:
    - text: No — it pends; the destination is already long enough, and the cache is bypassed.
      when: call WriteFile returns pending
    - text: Yes — it returns TRUE at once.
      when: call WriteFile returns 1
  answer: a
  reveal: call WriteFile returns
  explain: Only writes that extend the file are done synchronously by the file system. The destination was given its full size before the copy, so every write lands inside the file, goes to the disk without the cache, and pends — which is what keeps four requests overlapping.
hints:
  - Would the same write pend on an empty destination?
```

## Step: The short chunk at the end

The copy runs on: each read's packet starts a write, each write's packet
starts the next read. The 17th chunk starts at offset 1048576, where only
1000 bytes of the source remain — but the read still asks for a whole 64 KiB
chunk, because an unbuffered length must be a sector multiple.

```step
question:
  ask: How does that last read complete?
  choices:
    - text: With success and 1000 bytes.
      when: log shows "off=1048576 bytes=1000 -> STATUS_SUCCESS"
    - text: With ERROR_HANDLE_EOF and 0 bytes, because it runs past the end.
      when: log shows "off=1048576 bytes=0 -> STATUS_END_OF_FILE"
    - text: It is refused at once with ERROR_INVALID_PARAMETER, because 1000 is not a sector multiple.
      when: call ReadFile returns "0 err=87"
  answer: a
  reveal: log shows "copy done"
  explain: The sector rule is about the offset and length the program asks for, and 1048576 and 65536 are both multiples of 512. A read that starts inside the file and runs past its end returns what is there; only a read that starts at or after the end reports end of file. The loop then writes the whole buffer, so the destination gets 64536 bytes of padding, cut off afterwards.
hints:
  - Which numbers must be sector multiples: what you ask for, or what you get?
```

## Step: Fixing the size and checking

The program cuts the destination to the source's size through a buffered
handle — where any size is allowed — and compares the two files.

```step
stop: program exits with 0
check:
  - expect: output contains "reads: 17, writes: 17, buffers in flight: 4"
    message: Seventeen chunks were read and written, with four buffers.
  - expect: output contains "destination after SetEndOfFile: 1049576 bytes"
    message: SetEndOfFile cut the padding off the last chunk.
  - expect: output contains "verify: identical (1049576 bytes compared)"
    message: The copy matches the source byte for byte.
```

"""#),
        ("16-side-by-side.md", #"""
---
id: side-by-side
title: All four side by side
order: 16
summary: The same eight reads, learned about four ways, on one virtual clock — the numbers, and the verdict.
view: compare
settings:
  seed: 1
programs:
  - { name: device, title: Device handle, path: programs/method1-device.c }
  - { name: event, title: Event per request, path: programs/method2-event.c }
  - { name: apc, title: Alertable I/O, path: programs/method3-alertable.c }
  - { name: port, title: Completion port, path: programs/method4-iocp.c }
---

Four programs do the same job: read eight 4 KiB blocks of a 64 KiB file and
process each block as it arrives — 1 ms of CPU work per block, summed into a
checksum. They run on the same simulated disk (2 ms per read, with jitter,
four requests served at once), with the same seed, on one virtual clock, on
a machine with two CPUs. All four print the same checksum. Only the way each
learns that a read has finished differs:

- **device**: waits on the file handle, so it keeps one read in flight;
- **event**: one event per read, `WaitForMultipleObjects`;
- **apc**: `ReadFileEx` completion routines, run in `SleepEx(INFINITE, TRUE)`;
- **port**: a completion port with four workers and a concurrency limit of 2.

## Step: Everything in flight

Each program issues its reads and goes to wait — the device program on the
file handle, the event program on eight events, the alertable program in
`SleepEx`, and the port program's main on an event while four workers wait
on the port. The panes share one clock, but each moves one kernel event at
a time, so one pane may show an event that the others reach a moment later.

```step
stop: in device, thread main is waiting in WaitForSingleObject
check:
  - expect: in device, completions are 0
    message: The first read is at the disk.
  - expect: in device, file data.bin is not signaled
    message: Starting the read reset the file object.
hints:
  - Every pane's thread list shows who waits on what.
```

## Step: Eight at the disk

```step
stop: in event, thread main is waiting in WaitForMultipleObjects
check:
  - expect: in event, 8 events are reset
    message: Eight reads in flight, each with its own event, none finished yet.
```

## Step: A pool on the port

```step
stop: in port, the port has 4 waiting
check:
  - expect: in port, the port running is 0 of 2
    message: Four workers wait on the port; none runs yet.
```

## Step: Two CPUs or one

A little later, with several blocks completed.

```step
stop: in port, completions reach 4
check:
  - expect: in port, the port running is 2 of 2
    message: Two workers process blocks at the same time, one per CPU.
  - expect: in apc, at most 1 threads are running
    message: In method 3 every routine runs on the one thread that issued the reads.
question:
  ask: When the completion-port program has finished, where are the alertable and event programs?
  choices:
    - text: Both are still working — they process the blocks one after another on one thread.
      when: in apc, not program ends
    - text: All three finish together; the disk is the limit for everyone.
      when: in apc, program ends
  answer: a
  reveal: in port, program ends
  explain: The disk serves four reads at once in every pane, so the reads are not what differs. The CPU work is — 8 ms of it. Methods 2 and 3 run it all on their one thread, one CPU; the port's pool runs two workers at once on the two CPUs, because any pool thread can take any completion and the limit lets two run.
hints:
  - How many CPUs does each pane's work use?
```

## Step: And the device handle?

```step
check:
  - expect: in port, time is at most 9 ms
    message: The port finished in about 8 ms.
  - expect: in port, output contains "checksum: 0x9063F5F0"
    message: Same checksum as the others will print.
question:
  ask: When the alertable and event programs finish, is the device-handle program done too?
  choices:
    - text: No — it is far behind.
      when: in device, not program ends
    - text: Yes — it finishes with them.
      when: in device, program ends
  answer: a
  reveal: in event, program ends
  explain: With only one read in flight, method 1 pays the disk's whole latency for every block in turn — only the double buffering overlaps one block's processing with the next read. The others have all eight reads at the disk from the start.
hints:
  - How many reads does the device pane have at the disk at a time?
```

## Step: The numbers

```step
stop: in device, program ends
check:
  - expect: in event, time is at most 12 ms
    message: Method 2 finished in under 12 ms, on one CPU.
  - expect: in apc, time is at most 12 ms
    message: Method 3 took about as long as method 2.
  - expect: in device, time reaches 24 ms
    message: Method 1 needed more than twice as long.
  - expect: in device, output contains "checksum: 0x9063F5F0"
    message: All four computed the same checksum.
```

With the seed of this lesson the programs finish at about 8.1 ms (port),
11.5 ms (alertable), 11.6 ms (event) and 25.1 ms (device); `overlapped run
--stats` prints these and more for each program.

**The verdict.** Waiting on the handle cannot keep more than one request in
flight. Events can, but `WaitForMultipleObjects` stops at 64 handles and
favours the lowest index. Completion routines need no handles, but every
one runs on the thread that issued the request, however busy. The completion
port separates issuing from handling: any thread of a pool takes any
completion, the port keeps as many running as the limit says, it wakes the
thread most likely to be warm, and it releases a spare when one blocks. That
is why servers use it.

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

To read a lesson through as plain text — every step run, every hint shown,
every question answered as the lesson states — use

```
overlapped lesson my-lesson --lessons ~/my-lessons --transcript
```

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

For `thread NAME reaches line N`, the runner steps that thread one statement
at a time, so the line is not skipped. The step stops as soon as the thread
is seen at line N, which is always *just before* the statement on that line
runs: a `ReadFile` on line N has not been called yet. To look at the moment
after a call, stop at the line after it (or on a state, such as
`thread main is waiting in ReadFile`).
`lesson check` reports a line that is never reached, so you find out at once.

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
| `thread main reaches line 12` | the thread's current statement is on line 12 (`is at line 12` means the same; see `stop`). |
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
 * the port's limit, not the CPUs, is what the lesson is about. (On 2 CPUs
 * the port still counts 3, but the sleeper wakes with no priority boost -
 * a timeout carries none - so it cannot preempt the two workers computing
 * at the same priority: it waits for a CPU before it can count itself.)
 *
 * Timeline, in virtual ms after the first post:
 *   0  worker 4 takes item 1, worker 3 item 2
 *   1  worker 4 sleeps -> worker 2 takes item 3
 *   3  worker 4 wakes: 3 running under a limit of 2
 *   4  worker 4 asks again -> blocks, though item 4 is queued
 *   6  worker 3 asks -> takes item 4 at once
 *   9  worker 2 finishes item 3
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
 *   checksum: 0x9063F5F0   (with the default seed 1)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 1000)

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
 *   checksum: 0x9063F5F0   (with the default seed 1)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 1000)

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
 *   checksum: 0x9063F5F0   (with the default seed 1)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 1000)

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
 *   checksum: 0x9063F5F0   (with the default seed 1)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 1000)

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
