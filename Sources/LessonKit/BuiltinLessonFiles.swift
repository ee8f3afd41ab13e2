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
does not move. For `thread NAME reaches line N`, the runner steps that thread
one statement at a time so the line is never skipped. If the program ends, or
the budget runs out, before the condition holds, `lesson check` reports it at
the `stop:` line.

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

## Conditions

Stops, checkpoints, reveals and `when` all use the same small language.
Keywords are not case-sensitive; names are matched as written. Put a name in
quotes (`"…"` or `'…'`) when it contains spaces or a comma.

### Threads

A thread is named by its name: the one given with `SetThreadDescription`,
`main` for the main thread, or `T2`, `T3`, … for others without one. Or by
id: `thread id 1234` (the value `GetCurrentThreadId` returns).

| condition | holds when |
|---|---|
| `thread main reaches line 12` | the thread's current statement is on line 12 (`is at line 12` means the same). |
| `thread worker reaches line 30 in copy.c` | … on line 30 of that file. |
| `thread main is running` | it is on a CPU. |
| `thread main is ready` | it can run and waits for a CPU. |
| `thread main is waiting` | it is blocked, in any wait, alertable or not (`waits` means the same). |
| `thread main is waiting alertably` | it is blocked in an alertable wait (`SleepEx`, `…Ex(…, TRUE)`). |
| `thread main is waiting in SleepEx` | it is blocked in that call (`is waiting alertably in SleepEx` also works). |
| `thread main is terminated` | it has exited. |
| `thread main is in an APC` | it is running a completion routine or a user APC. |
| `thread main has 2 APCs queued` | its APC queue holds 2 entries. |

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

A condition is one line of YAML text. YAML gives two characters a meaning of
their own: `: ` (colon and space) and ` #` (space and hash, a comment). If a
condition contains either, quote the whole line with single quotes:

```yaml
check:
  - 'output contains "total: 4"'
```

The checker tells you when a condition was read as something other than text.

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
  numbers: they survive edits to the program.
- Make distractors' `when` conditions honest: they should describe what the
  kernel would show if that choice were right, so `lesson check` proves the
  kernel did not do it.
- Keep steps short: one idea, one stop.

"""#),
    ]
}
