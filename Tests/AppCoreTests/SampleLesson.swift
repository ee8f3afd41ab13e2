import LessonKit
import SimRuntime
@testable import AppCore

/// A small lesson over the built-in device-signaled program (a real run),
/// for Lesson screen tests: a first step with hints, a question, a failing
/// checkpoint, an end.
enum SampleLesson {
    static let text = """
        ---
        id: sample
        title: Waiting on the device
        order: 1
        summary: One read at a time, waiting on the file handle.
        view: device
        program: programs/method1-device.c
        ---

        The program reads a file one block at a time and waits on the *file handle*.

        ## Step: Before anything runs

        Nothing has run yet. The marker shows where `main` starts.

        ```step
        hints:
          - The source view marks the line main runs next.
          - Press Enter to go on.
        ```

        ## Step: The wait

        Main issued a read and now waits on the **file handle** in `WaitForSingleObject`.

        ```step
        stop: thread main is waiting
        check:
          - expect: completions are 0
            message: Nothing has completed yet.
        question:
          ask: What wakes main up?
          choices:
            - text: The read completes and the file object is set.
              when: completions reach 1
            - text: Nothing; main waits for ever.
              when: completions are 0
            - A timer.
          answer: a
          reveal: thread main reaches line 81
          explain: Finishing a request sets the file object, which satisfies a wait on the handle.
        hints: Who sets the file object?
        ```

        ## Step: Two reads

        ```step
        stop: completions reach 2
        check:
          - expect: completions reach 2
            message: Two reads have completed.
          - expect: completions reach 99
            message: A checkpoint that does not hold, to show how a failure looks.
        ```

        ## Step: The end

        ```step
        stop: program exits with 0
        ```
        """

    /// Two programs side by side.
    static let compareText = """
        ---
        id: sample-compare
        title: Device and port
        order: 2
        view: compare
        programs:
          - { name: device, title: Device handle, path: programs/method1-device.c }
          - { name: port, title: Completion port, path: programs/method4-iocp.c }
        ---

        ## Step: Both start

        ```step
        stop: in port, completions reach 1
        ```

        ## Step: More

        ```step
        stop: in device, completions reach 2
        ```
        """

    static func compareScreen() throws -> LessonScreen {
        let lesson = try LessonParser.parse(compareText, file: "compare.md", readProgram: BuiltinRuns.readProgram)
        return LessonScreen(lesson: try LessonSession(lesson: lesson, factory: factory))
    }

    static func lesson() throws -> Lesson {
        try LessonParser.parse(text, file: "sample.md", readProgram: BuiltinRuns.readProgram)
    }

    static let factory = BuiltinRuns.factory

    static func screen() throws -> LessonScreen {
        LessonScreen(lesson: try LessonSession(lesson: lesson(), factory: factory))
    }

    static func state(options: UIOptions = UIOptions()) throws -> AppState {
        .lesson(try screen(), options: options)
    }
}
