import Testing
@testable import LessonKit

@Suite struct LessonParserTests {
    @Test func theAlertableSampleReadsEveryField() throws {
        let text = SampleLessons.alertable
        let lesson = try SampleLessons.parse(text)
        #expect(lesson.id == "sample-alertable")
        #expect(lesson.title == "Completion routines run in alertable waits")
        #expect(lesson.order == 7)
        #expect(lesson.summary.hasPrefix("A read with"))
        #expect(lesson.view == .alertable)
        #expect(lesson.settings == SimulationSettings(
            cpus: 1, seed: 42,
            disk: .init(latencyMicroseconds: 2000, jitterMicroseconds: 0, parallel: 2, sectorSize: 512, cache: false),
            params: [.init(name: "REQUESTS", value: 1)]))
        #expect(lesson.programs.count == 1)
        #expect(lesson.programs[0].fileName == "alertable.c")
        #expect(lesson.programs[0].path == nil)
        #expect(lesson.programs[0].text.contains("SleepEx(INFINITE, TRUE)"))
        #expect(lesson.introduction.map(\.plainText) == ["The main thread reads with ReadFileEx and then waits alertably."])

        #expect(lesson.steps.map(\.title) == ["Issue the read", "The wait", "Done", "The end"])
        let first = lesson.steps[0]
        #expect(first.line == SampleLessons.line(of: "## Step: Issue the read", in: text))
        #expect(first.stop == .thread(.name("main"), .atLine(12, file: nil)))
        #expect(first.stopLine == SampleLessons.line(of: "stop: thread main reaches line 12", in: text))
        #expect(first.checkpoints.map(\.message) == ["expected thread main is running", "Nothing has completed yet."])
        #expect(first.checkpoints[1].line == SampleLessons.line(of: "expect: completions are 0", in: text))
        #expect(first.hints == ["Look at the source view.", "The marker shows line 12."])
        #expect(first.narrative.map(\.kind) == [.paragraph, .blank, .item(marker: "•"), .item(marker: "•")])

        let question = try #require(lesson.steps[1].question)
        #expect(question.prompt == "What will SleepEx return?")
        #expect(question.choices.map(\.text) == ["WAIT_IO_COMPLETION, after running the routine", "0, the timeout", "The program hangs"])
        #expect(question.choices[2].when == nil)
        #expect(question.answer == 0)
        #expect(question.answerLine == SampleLessons.line(of: "answer: a", in: text))
        #expect(question.reveal == .call(name: "SleepEx", result: nil, thread: nil))
        #expect(question.explanation.contains("WAIT_IO_COMPLETION"))

        #expect(lesson.steps[2].checkpoints.count == 1)
        #expect(lesson.steps[2].hints == ["The program prints when it is done."])
        #expect(lesson.steps[3].narrative.map(\.plainText) == ["Nothing more happens."])
        #expect(lesson.steps.allSatisfy { !$0.narrative.contains { $0.plainText.contains("#include") } })
    }

    @Test func thePortSampleReadsItsProgramFromAPath() throws {
        let lesson = try SampleLessons.parse(SampleLessons.port)
        #expect(lesson.view == .port)
        #expect(lesson.programs == [ProgramSpec(pane: "main", title: lesson.title, fileName: "pool.c",
                                                path: "programs/pool.c", text: SampleLessons.programText,
                                                line: SampleLessons.line(of: "program: programs/pool.c", in: SampleLessons.port))])
        #expect(lesson.steps[1].stop == nil)
        #expect(lesson.steps[2].budget == 50)
        #expect(lesson.steps[0].budget == LessonStep.defaultBudget)
        #expect(lesson.introduction.isEmpty)
    }

    @Test func theCompareSampleHasNamedPanes() throws {
        let lesson = try SampleLessons.parse(SampleLessons.compare)
        #expect(lesson.view == .compare)
        #expect(lesson.programs.map(\.pane) == ["apc", "port"])
        #expect(lesson.programs.map(\.title) == ["Alertable I/O", "Completion port"])
        #expect(lesson.programs.map(\.fileName) == ["apc.c", "port.c"])
    }

    // MARK: - Every documented error names its line

    static let header = """
        ---
        id: tiny
        title: Tiny
        order: 1
        program: programs/p.c
        ---
        """

    /// Builds a lesson from the standard header plus a body; the body's first line is line 7.
    static func tiny(_ body: String) -> String { header + "\n" + body }

    static let errorCases: [(name: String, text: String, line: Int, message: String)] = [
        ("no front matter", "# Hello\n", 1, "a lesson starts with YAML front matter"),
        ("front matter not closed", "---\nid: x\n", 1, "the front matter is not closed"),
        ("unclosed bracket", "---\nid: x\ntitle: [unclosed\norder: 1\n---\n## Step: A\n", 3,
         "YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts on this line and is not closed)"),
        ("unclosed quote", "---\nid: x\ntitle: \"Unclosed\norder: 1\nsummary: s\n---\n## Step: A\n", 3,
         "(while scanning a quoted scalar that starts on this line and is not closed)"),
        ("YAML syntax on its own line", "---\nid: x\ntitle: X\norder: 1\n- stray\n---\n## Step: A\n", 5, "YAML:"),
        ("unknown front matter key", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/p.c\ncolour: red\n---\n## Step: A\n",
         6, "unknown key 'colour' in the front matter; expected one of: id, title, order"),
        ("missing id", "---\ntitle: X\norder: 1\nprogram: programs/p.c\n---\n## Step: A\n", 2, "missing 'id'"),
        ("bad id", "---\nid: My Lesson\ntitle: X\norder: 1\nprogram: programs/p.c\n---\n## Step: A\n", 2,
         "id 'My Lesson' may use only lowercase letters, digits and '-'"),
        ("missing order", "---\nid: x\ntitle: X\nprogram: programs/p.c\n---\n## Step: A\n", 2, "no 'order'"),
        ("bad order", "---\nid: x\ntitle: X\norder: first\nprogram: programs/p.c\n---\n## Step: A\n", 4, "order must be a whole number"),
        ("bad view", "---\nid: x\ntitle: X\norder: 1\nview: fancy\nprogram: programs/p.c\n---\n## Step: A\n", 5,
         "view must be one of: single, device, event, alertable, port, compare"),
        ("missing program file", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/none.c\n---\n## Step: A\n", 5,
         "missing program 'programs/none.c'"),
        ("program path escapes", "---\nid: x\ntitle: X\norder: 1\nprogram: ../secret.c\n---\n## Step: A\n", 5,
         "must be relative to the lesson's folder, without '..'"),
        ("program not C", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/p.txt\n---\n## Step: A\n", 5, "must name a .c file"),
        ("no program", "---\nid: x\ntitle: X\norder: 1\n---\n## Step: A\n", 2, "the lesson has no program"),
        ("bad settings", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/p.c\nsettings:\n  cpus: 0\n  speed: 3\n---\n## Step: A\n",
         7, "cpus must be a whole number from 1 to 64"),
        ("unknown settings key", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/p.c\nsettings:\n  speed: 3\n---\n## Step: A\n",
         7, "unknown key 'speed' in settings"),
        ("bad disk", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/p.c\nsettings:\n  disk:\n    cache: maybe\n---\n## Step: A\n",
         8, "disk cache must be on or off"),
        ("bad param", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/p.c\nsettings:\n  params:\n    N: lots\n---\n## Step: A\n",
         8, "param N must be a whole number"),
        ("compare with one program",
         "---\nid: x\ntitle: X\norder: 1\nview: compare\nprograms:\n  - { name: a, path: programs/p.c }\n---\n## Step: A\n",
         6, "a compare lesson lists two or more entries under 'programs'"),
        ("program and programs", "---\nid: x\ntitle: X\norder: 1\nprogram: programs/p.c\nprograms:\n  - { name: a, path: programs/p.c }\n---\n## Step: A\n",
         6, "give either 'program' or 'programs', not both"),
        ("missing inline program", "---\nid: x\ntitle: X\norder: 1\nview: compare\nprograms:\n  - { name: a, inline: a.c }\n  - { name: b, path: programs/p.c }\n---\n## Step: A\n",
         7, "no inline program named 'a.c'"),
        ("two inline programs unlisted", "---\nid: x\ntitle: X\norder: 1\n---\n## Step: A\n```c program a.c\nint x;\n```\n```c program b.c\nint y;\n```\n",
         10, "several inline programs"),
        ("no steps", tiny("Just text.\n"), 6, "the lesson has no steps"),
        ("step block before any step", tiny("```step\nstop: program ends\n```\n## Step: A\n"), 7,
         "a step block must follow a step heading"),
        ("two step blocks", tiny("## Step: A\n```step\nstop: program ends\n```\n```step\nhints: [x]\n```\n"), 11,
         "already has a step block"),
        ("unclosed fence", tiny("## Step: A\n```step\nstop: program ends\n"), 8, "this fenced block is not closed"),
        ("empty step title", tiny("## Step:\n"), 7, "a step heading needs a title"),
        ("unknown step key", tiny("## Step: A\n```step\nstopp: program ends\n```\n"), 9,
         "unknown key 'stopp' in a step block; expected one of: stop, check, question, decide, hints, budget"),
        ("YAML error in a step block", tiny("## Step: A\n```step\nstop: program ends\n  check: x\n```\n"), 10, "YAML:"),
        ("bad stop condition", tiny("## Step: A\n\n```step\nstop: thread main is sleeping\n```\n"), 10,
         "bad condition: unknown thread state 'sleeping'"),
        ("check read as a mapping", tiny("## Step: A\n```step\ncheck:\n  - message: 3\n```\n"), 10,
         "this check has no 'expect:' condition"),
        ("check that is not a condition", tiny("## Step: A\n```step\ncheck:\n  - Note: 3\n```\n"), 10,
         "unknown condition 'Note:'"),
        ("unknown pane", tiny("## Step: A\n```step\nstop: in port, program ends\n```\n"), 9, "bad condition: no pane named 'port'"),
        ("bad budget", tiny("## Step: A\n```step\nbudget: -3\n```\n"), 9, "budget must be a whole number"),
        ("check without expect", tiny("## Step: A\n```step\ncheck:\n  - message: hi\n```\n"), 10, "this check has no 'expect:' condition"),
        ("unknown check key", tiny("## Step: A\n```step\ncheck:\n  - expect: program ends\n    mesage: hi\n```\n"), 11,
         "unknown key 'mesage' in a check"),
        ("question without answer", tiny("## Step: A\n```step\nquestion:\n  ask: Q?\n  choices: [x, y]\n  explain: E\n```\n"), 9,
         "question has no 'answer'"),
        ("answer not a choice", tiny("## Step: A\n```step\nquestion:\n  ask: Q?\n  choices: [x, y]\n  answer: c\n  explain: E\n```\n"), 12,
         "answer must be the letter of one of the choices (a, b)"),
        ("answer without a condition", tiny("## Step: A\n```step\nquestion:\n  ask: Q?\n  choices:\n    - x\n    - y\n  answer: b\n  explain: E\n```\n"), 13,
         "the answer's choice needs a 'when:' condition"),
        ("too few choices", tiny("## Step: A\n```step\nquestion:\n  ask: Q?\n  choices: [x]\n  answer: a\n  explain: E\n```\n"), 11,
         "choices must be a list of two or more"),
        ("question without ask", tiny("## Step: A\n```step\nquestion:\n  choices:\n    - { text: x, when: program ends }\n    - y\n  answer: a\n  explain: E\n```\n"), 9,
         "missing 'ask'"),
        ("unknown question key", tiny("## Step: A\n```step\nquestion:\n  ask: Q?\n  hint: no\n  choices:\n    - { text: x, when: program ends }\n    - y\n  answer: a\n  explain: E\n```\n"), 11,
         "unknown key 'hint' in a question"),
        ("bad hints", tiny("## Step: A\n```step\nhints:\n  a: b\n```\n"), 10, "hints must be a list of texts"),
        ("hint read as a mapping", tiny("## Step: A\n```step\nhints:\n  - text: the queue\n```\n"), 10,
         "each hint is a line of text; if it contains ': ' or ' #', put it in quotes"),
        ("quoted text followed by a colon", tiny("## Step: A\n```step\nquestion:\n  ask: \"Which\": this\n  choices:\n    - { text: x, when: program ends }\n    - y\n  answer: a\n  explain: E\n```\n"), 10,
         "YAML: mapping values are not allowed in this context; a value containing ': ' must be put in quotes"),
        ("explain as a list", tiny("## Step: A\n```step\nquestion:\n  ask: Q\n  choices:\n    - { text: x, when: program ends }\n    - y\n  answer: a\n  explain:\n    - E\n```\n"), 16,
         "'explain' must be text; if it contains ': ' or ' #', put it in quotes"),
        ("colon after a quoted value", tiny("## Step: A\n```step\nstop: \"output contains x\": more\n```\n"), 9,
         "a value containing ': ' must be put in quotes"),
    ]

    @Test(arguments: errorCases.indices)
    func errorsNameTheFileAndLine(index: Int) {
        let testCase = Self.errorCases[index]
        do {
            let lesson = try LessonParser.parse(testCase.text, file: "bad.md", readProgram: SampleLessons.reader)
            Issue.record("\(testCase.name): parsed as \(lesson.id)")
        } catch {
            let match = error.diagnostics.first { $0.message.contains(testCase.message) }
            #expect(match != nil, "\(testCase.name): \(error)")
            #expect(match?.line == testCase.line, "\(testCase.name): \(error)")
            #expect(match?.file == "bad.md")
            #expect(match.map { $0.description.hasPrefix("bad.md:\(testCase.line): ") } == true)
        }
    }

    @Test func textWithColonsNeedsNoQuotes() throws {
        let text = """
            ---
            id: colons
            title: Alertable I/O: the APC queue
            order: 1
            summary: Reads: eight
            program: programs/p.c
            ---
            ## Step: A
            ```step
            stop: output contains "total: 4"
            check:
              - output contains "a: b"
              - expect: output contains "it's: here"
                message: Note: the total.
            question:
              ask: What now: a or b?
              choices:
                - text: a: this
                  when: output contains "x: 1"
                - Choice b: that
              answer: a
              explain: Rule: it's so.
            hints:
              - 'Already quoted: fine'
              - Look here: the queue
            ```
            """
        let lesson = try SampleLessons.parse(text)
        #expect(lesson.title == "Alertable I/O: the APC queue")
        #expect(lesson.summary == "Reads: eight")
        let step = lesson.steps[0]
        #expect(step.stop == .outputContains("total: 4"))
        #expect(step.checkpoints.map(\.condition) == [.outputContains("a: b"), .outputContains("it's: here")])
        #expect(step.checkpoints[1].message == "Note: the total.")
        #expect(step.question?.prompt == "What now: a or b?")
        #expect(step.question?.choices.map(\.text) == ["a: this", "Choice b: that"])
        #expect(step.question?.explanation == "Rule: it's so.")
        #expect(step.hints == ["Already quoted: fine", "Look here: the queue"])
    }

    @Test func severalProblemsAreAllReportedInLineOrder() {
        let text = Self.tiny("## Step: A\n```step\nstop: thread main is sleeping\ncheck:\n  - time reaches 5 minutes\n```\n")
        do {
            _ = try LessonParser.parse(text, file: "bad.md", readProgram: SampleLessons.reader)
            Issue.record("parsed")
        } catch {
            #expect(error.diagnostics.map(\.line) == [9, 11])
        }
    }
}
