import Foundation
import Testing
import SimKernel
@testable import SimRuntime

/// Programs written to exhaust the simulator: each stops with a located,
/// documented outcome instead of trapping, hanging or filling memory.
@Suite struct HostileInputTests {
    func run(_ source: String, settings: RunSettings = RunSettings()) throws -> FinishedRun {
        try runToEnd(source: Array(source.utf8), name: "h.c", settings: settings)
    }

    @Test func mostNegativeParameterIsAValueNotATrap() throws {
        let source = """
            #pragma sim param(N, -9223372036854775808)
            int main(void) { return N < 0 ? 7 : 1; }
            """
        #expect(try run(source).exitCode == 7)
        #expect(try run("#pragma sim param(N, 1)\nint main(void) { return N < 0 ? 7 : 1; }",
                        settings: RunSettings(parameters: ["N": .min])).exitCode == 7)
    }

    @Test func byteOrderMarkBeforeTheProgramIsIgnored() throws {
        let finished = try runToEnd(source: [0xEF, 0xBB, 0xBF] + Array("int main(void) { return 3; }\n".utf8),
                                    name: "bom.c", settings: RunSettings())
        #expect(finished.exitCode == 3)
    }

    @Test func selfRequeueingAPCHitsTheStatementBudget() throws {
        let finished = try run("""
            #include <windows.h>
            VOID CALLBACK again(ULONG_PTR p) { QueueUserAPC(again, GetCurrentThread(), p); }
            int main(void) { QueueUserAPC(again, GetCurrentThread(), 0); SleepEx(INFINITE, TRUE); return 0; }
            """, settings: RunSettings(maxStatements: 2_000))
        let message = try #require(finished.failureMessage)
        #expect(message.hasPrefix("h.c:2:"))
        #expect(message.contains("statement budget exceeded (2000 statements)"))
    }

    @Test func computeLoopHitsTheEventBudget() throws {
        let finished = try run("""
            #include <windows.h>
            int main(void) { for (;;) SimCompute(0xFFFFFFFF); return 0; }
            """, settings: RunSettings(maxEvents: 50_000))
        let message = try #require(finished.failureMessage)
        #expect(message.hasPrefix("h.c:2:"))
        #expect(message.contains("kernel event budget exceeded (50000 events)"))
    }

    @Test(arguments: ["Sleep(0xFFFFFFFE)", "WaitForSingleObject(e, 0xFFFFFFFE)"])
    func longWaitsInALoopHitTheVirtualTimeBudget(_ wait: String) throws {
        let finished = try run("""
            #include <windows.h>
            int main(void) { HANDLE e = CreateEvent(NULL, FALSE, FALSE, NULL); for (;;) \(wait); return 0; }
            """)
        let message = try #require(finished.failureMessage)
        #expect(message.contains("virtual time budget exceeded (\(RunSettings.defaultMaxVirtualSeconds) s of virtual time)"))
        #expect(finished.run.now <= RunSettings().maxVirtualMicroseconds + 0xFFFF_FFFF * 1000)
    }
}
