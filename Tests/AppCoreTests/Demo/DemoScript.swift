@testable import AppCore
import SimKernel
import SimRuntime

/// The frames of one scripted run (shared by all copies of a simulation).
final class DemoScript: Sendable {
    struct Frame: Sendable {
        var machine: MachineView
        var logCount: Int
    }

    let title: String
    let source: SourceFile
    let frames: [Frame]
    let log: [LogEntry]

    init(title: String, source: SourceFile, frames: [Frame], log: [LogEntry]) {
        self.title = title; self.source = source; self.frames = frames; self.log = log
    }

    static func make(method: DemoSimulation.Method, requests: Int) -> DemoScript {
        var builder = DemoBuilder(method: method, requests: requests)
        builder.build()
        return DemoScript(title: method.title, source: builder.source, frames: builder.frames, log: builder.log)
    }
}
