import Testing
@testable import AppCore

@Suite struct ScenarioTests {
    @Test func parsesAllSettings() throws {
        let text = """
            # four programs
            title = Sixteen reads
            seed = 7
            cpus = 4
            param REQUESTS = 16
            pane = Device | a.c
            pane = Port | sub/b.c   # trailing comment
            """
        let scenario = try Scenario.parse(text)
        #expect(scenario.title == "Sixteen reads")
        #expect(scenario.seed == 7)
        #expect(scenario.cpus == 4)
        #expect(scenario.parameters.map(\.name) == ["REQUESTS"])
        #expect(scenario.parameters.map(\.value) == ["16"])
        #expect(scenario.panes == [.init(label: "Device", program: "a.c"), .init(label: "Port", program: "sub/b.c")])
    }

    @Test(arguments: [
        ("seed = x\npane = A | a.c", 1, "seed must be a whole number ≥ 0"),
        ("pane = A a.c", 1, "expected pane = LABEL | PROGRAM.c"),
        ("title = t", 1, "no pane = LABEL | PROGRAM.c lines"),
        ("pane = A | a.c\ncolour = red", 2, "unknown setting 'colour' (title, seed, cpus, param NAME, pane)"),
        ("pane = A | a.c\njust words", 2, "expected KEY = VALUE"),
        ("cpus = 0\npane = A | a.c", 1, "cpus must be between 1 and 64"),
        ("pane=a|a\npane=b|b\npane=c|c\npane=d|d\npane=e|e", 5, "at most four panes"),
    ])
    func reportsErrorsWithTheirLine(text: String, line: Int, message: String) {
        #expect(throws: Scenario.ParseError(line: line, message: message)) { try Scenario.parse(text) }
    }

    @Test func standardScenarioNamesTheFourShippedPrograms() {
        #expect(Scenario.standard.panes.map(\.program) ==
                ["method1-device.c", "method2-event.c", "method3-alertable.c", "method4-iocp.c"])
    }
}
