@testable import AppCore
import SimKernel
import SimRuntime

/// A scripted stand-in for a real program run: plausible kernel states for
/// each of the four notification methods, for tests, golden screens and the
/// render benchmark. It replays a precomputed list of frames, so copies are
/// cheap and stepping is exact.
public struct DemoSimulation: Simulation {
    public enum Method: Int, Sendable, CaseIterable {
        case device, event, alertable, port

        public var title: String {
            switch self {
            case .device: return "Device-signaled"
            case .event: return "Event-signaled"
            case .alertable: return "Alertable I/O"
            case .port: return "Completion port"
            }
        }
    }

    let script: DemoScript
    var index: Int

    public init(method: Method, requests: Int = 4) {
        self.script = DemoScript.make(method: method, requests: max(1, min(requests, 32)))
        self.index = 0
    }

    /// The four methods in screen order.
    public static func all(requests: Int = 4) -> [DemoSimulation] {
        Method.allCases.map { DemoSimulation(method: $0, requests: requests) }
    }

    public var title: String { script.title }
    public var sourceFiles: [SourceFile] { [script.source] }
    public var machine: MachineView { script.frames[index].machine }
    public var log: [LogEntry] { Array(script.log.prefix(script.frames[index].logCount)) }
    public var output: String { index == script.frames.count - 1 ? "done\n" : "" }
    public var outcome: SimulationOutcome? { index == script.frames.count - 1 ? .exited(code: 0) : nil }

    @discardableResult
    public mutating func stepEvent() -> Bool {
        guard index + 1 < script.frames.count else { return false }
        index += 1
        return true
    }

    public mutating func nextEventTime() -> UInt64? {
        index + 1 < script.frames.count ? script.frames[index + 1].machine.now : nil
    }

    /// A statement is done when the thread's line or state changes between frames.
    public func statementMark(thread: Int) -> StatementMark? {
        guard let view = machine.thread(thread) else { return nil }
        var waiting = false
        if case .waiting = view.state { waiting = true }
        var ended = index + 1 >= script.frames.count
        if case .terminated = view.state { ended = true }
        return StatementMark(statements: 0, location: view.location, waiting: waiting, ended: ended)
    }

    public mutating func setStatementThread(_ thread: Int?) {}
}
