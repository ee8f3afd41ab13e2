import Foundation
import SimKernel
import Testing
@testable import SimRuntime

/// `Kernel.why`: the causes recorded as the kernel runs, traced runs only.
@Suite struct WhyTests {
    static func run(_ name: String, tracing: Bool = true, until stop: (ProgramRun) -> Bool = { _ in false }) throws -> ProgramRun {
        var run = try ProgramRun.make(sourcePath: Paths.programs.appendingPathComponent(name).path,
                                      settings: RunSettings(tracing: tracing))
        while !stop(run), run.stepEvent() {}
        return run
    }

    @Test func aWorkerWokenByThePortTracesBackToTheReadThatStartedIt() throws {
        let run = try Self.run("method4-iocp.c") { run in
            run.machine.threads.contains { $0.name != "main" && $0.wakeups > 0 }
        }
        let worker = try #require(run.machine.threads.first { $0.name != "main" && $0.wakeups > 0 })
        let chain = run.why(thread: worker.id)
        let texts = chain.map(\.text)
        #expect(texts.first == "\(worker.name) woke from GetQueuedCompletionStatus", "\(texts)")
        #expect(texts.contains { $0.contains("released it (") && $0.contains("< limit") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("the packet for g_requests[") && $0.hasSuffix("].ov was queued") }, "\(texts)")
        let start = try #require(chain.last)
        #expect(start.text.hasPrefix("main started ReadFile with g_requests["), "\(texts)")
        #expect(start.text.hasSuffix("at line \(try #require(start.location).line)"))
        #expect(start.location?.line != nil)
        // Newest first: every cause happened no later than what it caused.
        #expect(zip(chain, chain.dropFirst()).allSatisfy { $0.time >= $1.time })
    }

    @Test func anEventWaitTracesToTheCompletionThatSetIt() throws {
        let run = try Self.run("method2-event.c") { run in run.machine.threads.first?.wakeups ?? 0 > 0 }
        let chain = run.why(thread: try #require(run.machine.threads.first).id).map(\.text)
        // The program's names: the OVERLAPPED as it passed it, the event by its variable.
        #expect(chain.contains { $0.contains("was signaled by the completion of g_ov[") }, "\(chain)")
        #expect(chain.contains { $0.hasPrefix("g_ov[") && $0.contains("finished: STATUS_SUCCESS, 4096 bytes") }, "\(chain)")
    }

    @Test func untracedRunsRecordNothing() throws {
        let run = try Self.run("method4-iocp.c", tracing: false)
        let worker = try #require(run.machine.threads.first { $0.name != "main" })
        #expect(run.why(thread: worker.id).isEmpty)
    }
}
