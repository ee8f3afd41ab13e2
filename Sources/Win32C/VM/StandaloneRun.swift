import SimMemory

/// Runs a program with only the pure C library (`CLibrary`) and no kernel:
/// any other library call is an unknown-function fault. Used to test the
/// language alone, and a reference for how a runtime drives `VM.run`.
public struct StandaloneRun: Sendable {
    public var output: [UInt8]
    /// `main`'s return value mod 256 (or `exit`'s argument).
    public var exitCode: Int32
    public var fault: RuntimeFault?
    public var statements: Int

    public var outputText: String { String(decoding: output, as: UTF8.self) }

    public static func run(_ program: Program, statementLimit: Int = 100_000_000, slice: Int = 100_000) -> StandaloneRun {
        var memory = Memory()
        var process = CProcess()
        var total = 0
        // One thread, so the thread's last-error value is simply kept here.
        var lastError: UInt32 = 0
        func finish(_ code: Int32, _ fault: RuntimeFault?) -> StandaloneRun {
            StandaloneRun(output: process.output, exitCode: code, fault: fault, statements: total)
        }
        var thread: VMThread
        do {
            thread = try VMThread.main(program: program, memory: &memory)
        } catch {
            return finish(1, RuntimeFault(kind: .libraryError, message: error.description, location: .unknown))
        }
        while true {
            let stop = VM.run(&thread, program: program, memory: &memory, budget: min(slice, max(0, statementLimit - total) + 1))
            total += thread.lastRunStatements
            switch stop {
            case .budgetExhausted:
                if total > statementLimit {
                    return finish(1, RuntimeFault(kind: .statementBudget,
                                                  message: "statement budget exceeded (\(statementLimit) statements)",
                                                  location: thread.currentLocation(program: program)))
                }
            case .external(let call):
                let name = call.name(in: program)
                let arguments = thread.arguments(of: call)
                if name == "GetLastError" { thread.resume(returning: UInt64(lastError)); continue }
                if name == "SetLastError" {
                    lastError = UInt32(truncatingIfNeeded: arguments[0])
                    thread.resume(returning: 0)
                    continue
                }
                switch CLibrary.call(name, arguments.array, memory: &memory, process: &process) {
                case .value(let v, let error)?:
                    if let error { lastError = error }
                    thread.resume(returning: v)
                case .exit(let code)?: return finish(code & 0xFF, nil)
                case .fault(let kind, let message)?:
                    return finish(1, RuntimeFault(kind: kind, message: message, location: call.location(in: program)))
                case nil:
                    return finish(1, RuntimeFault(kind: .unknownFunction, message: "call to unknown function '\(name)'",
                                                  location: call.location(in: program)))
                }
            case .returned(let v):
                return finish(Int32(v & 0xFF), nil)
            case .nestedCallReturned:
                continue
            case .fault(let f):
                return finish(1, f)
            }
        }
    }
}
