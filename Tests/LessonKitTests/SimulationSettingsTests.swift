import Testing
@testable import LessonKit

@Suite struct SimulationSettingsTests {
    @Test func diskSettingsBecomeAPragmaAppendedAfterTheProgram() {
        let program = ProgramSpec(pane: "main", title: "t", fileName: "p.c", path: nil, text: "int main(void) { return 0; }")
        #expect(program.source(applying: SimulationSettings()) == program.text)
        let settings = SimulationSettings(disk: .init(latencyMicroseconds: 2000, jitterMicroseconds: 0, parallel: 2, sectorSize: 512, cache: false))
        #expect(settings.diskPragma == "#pragma sim disk(latency_us=2000, jitter_us=0, parallel=2, sector=512, cache=off)")
        #expect(program.source(applying: settings) == program.text + "\n" + settings.diskPragma! + "\n")
        #expect(SimulationSettings(disk: .init(cache: true)).diskPragma == "#pragma sim disk(cache=on)")
    }

    @Test func parametersLaterWin() {
        let settings = SimulationSettings(params: [.init(name: "N", value: 1), .init(name: "M", value: 2), .init(name: "N", value: 3)])
        #expect(settings.parameterTable == ["N": 3, "M": 2])
    }
}
