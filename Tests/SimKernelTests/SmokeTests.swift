import Testing
import SimKernel
import SimKernelTestSupport

@Suite struct SmokeTests {
    @Test func synchronousReadReturnsPatternBytes() {
        let (k, ids, status) = run([ScriptedBody([open(), read("r")])])
        #expect(status == .finished(exitCode: 0))
        let s = k.script(ids[0])
        #expect(s.v("r") == 1)
        #expect(word(k, TestMachine.out(0)) == 4096)
        #expect(bytes(k, at: buf, count: 4096) == pattern("data.bin", offset: 0, count: 4096))
        print(k.trace.text)
    }
}
