import SimKernel
import SimRuntime
import Testing
@testable import LessonKit

/// Messages about a program say which program they mean.
@Suite struct ProgramNamingTests {
    func pane(name: String, title: String?) -> ConditionContext.Pane {
        let machine = MachineView(now: 0, cpuCount: 1, cpus: [nil], threads: [])
        return ConditionContext.Pane(name: name, machine: machine, newLog: [], output: "", outcome: nil, baseline: machine, title: title)
    }

    @Test func stillRunningNamesTheProgram() {
        let single = Condition.programEnds(exitCode: nil).evaluate(in: ConditionContext(panes: [pane(name: "main", title: "port.c")]))
        #expect(single.found == "the program port.c is still running")
        let named = Condition.programEnds(exitCode: nil).evaluate(in: ConditionContext(panes: [pane(name: "events", title: "b.c")]))
        #expect(named.found == "program events is still running")
    }
}
