import Foundation
import SimMemory
import Testing
import Win32C

/// A benchmark, not a timed test: prints simple statements per second for a
/// compute-only loop. Runs only when asked:
/// `WIN32C_SPEED=1 swift test -c release --filter SpeedBenchmark`
@Suite struct SpeedBenchmark {
    static let source = """
    int main(void) {
        unsigned int sum = 0;
        int values[16];
        for (int i = 0; i < 16; i++) values[i] = i;
        for (int round = 0; round < 2000000; round++) {
            sum += round;
            sum ^= values[round & 15];
        }
        return (int)(sum & 0x7F);
    }
    """

    @Test(.enabled(if: ProcessInfo.processInfo.environment["WIN32C_SPEED"] != nil))
    func computeLoop() throws {
        let program = try #require(CCompiler.compile(source: Self.source).program)
        var memory = Memory()
        var thread = try VMThread.main(program: program, memory: &memory)
        let clock = ContinuousClock()
        var stop = VMStop.budgetExhausted(statements: 0)
        let elapsed = clock.measure {
            repeat {
                stop = VM.run(&thread, program: program, memory: &memory, budget: 10_000)
            } while stop == .budgetExhausted(statements: 10_000)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(thread.statementsExecuted) / seconds
        print("SpeedBenchmark: \(thread.statementsExecuted) statements in \(seconds) s = \(Int(rate)) statements/s; stop \(stop)")
        #expect(thread.statementsExecuted > 6_000_000)
    }
}
