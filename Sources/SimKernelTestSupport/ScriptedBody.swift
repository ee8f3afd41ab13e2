import SimKernel
import SimMemory

/// A thread body written as a list of steps, for kernel tests.
///
/// Each `.call` issues a service built from the script's environment (earlier
/// results are available by name, so a handle created by one step can be used
/// by the next). Results are kept in `results` (by name) and `log` (in order).
/// APC routines are scripts too: when the kernel delivers `.runAPC(routine, …)`
/// the steps registered for `routine` run as a nested frame, then the body
/// reports `.apcReturned`.
///
/// ```swift
/// let body = ScriptedBody([
///     .call(.createEvent(manualReset: false, initialState: false), as: "ev"),
///     .call(as: "w") { env in .waitForSingleObject(handle: env["ev"], timeout: 10) },
/// ])
/// ```
public struct ScriptedBody: ThreadBody {
    /// What a step can see when it builds a service or checks a result.
    public struct Env: Sendable {
        public var values: [String: UInt64]
        public var results: [String: ServiceResult]
        public var last: ServiceResult?
        public var threadId: Int
        public var now: UInt64
        /// The value saved under `name` (0 if none).
        public subscript(_ name: String) -> UInt64 { values[name] ?? 0 }
    }

    public enum Step: Sendable {
        case service(name: String?, make: @Sendable (Env) -> Service)
        case compute(UInt64)
        /// Touch memory (fill an OVERLAPPED, a buffer) or read from it into a value.
        case memory(name: String?, body: @Sendable (inout Memory, Env) -> UInt64)
        /// Look at the environment and memory (tests put `#expect` here).
        case check(@Sendable (Env, inout Memory) -> Void)
        /// Repeat the steps `times` times.
        case loop(times: Int, steps: [Step])
        case exit(UInt32)
        case fault(String)

        public static func call(_ service: Service, as name: String? = nil) -> Step {
            .service(name: name, make: { _ in service })
        }

        public static func call(as name: String? = nil, _ make: @escaping @Sendable (Env) -> Service) -> Step {
            .service(name: name, make: make)
        }

        public static func set(_ name: String, _ body: @escaping @Sendable (inout Memory, Env) -> UInt64) -> Step {
            .memory(name: name, body: body)
        }

        public static func write(_ body: @escaping @Sendable (inout Memory, Env) -> Void) -> Step {
            .memory(name: nil, body: { m, e in body(&m, e); return 0 })
        }
    }

    /// One service result, in order.
    public struct Entry: Sendable, Equatable {
        public var name: String?
        public var service: String
        public var result: ServiceResult
        public var time: UInt64
    }

    /// One APC delivered to this thread.
    public struct APCCall: Sendable, Equatable {
        public var routine: UInt64
        public var arguments: [UInt64]
        public var time: UInt64
    }

    private struct Frame: Sendable {
        var steps: [Step]
        var pc: Int = 0
        var isAPC: Bool
        /// The service this frame is waiting on (an APC routine may call
        /// services while the interrupted frame's call is still open).
        var pending: (name: String?, service: String)?
    }

    public private(set) var log: [Entry] = []
    public private(set) var apcCalls: [APCCall] = []
    public private(set) var values: [String: UInt64] = [:]
    public private(set) var results: [String: ServiceResult] = [:]
    private var apcRoutines: [UInt64: [Step]]
    private var frames: [Frame]
    private var last: ServiceResult?

    public init(_ steps: [Step], apcRoutines: [UInt64: [Step]] = [:]) {
        frames = [Frame(steps: ScriptedBody.flatten(steps), isAPC: false)]
        self.apcRoutines = apcRoutines.mapValues(ScriptedBody.flatten)
    }

    /// Loops are unrolled up front so a frame is a flat list.
    private static func flatten(_ steps: [Step]) -> [Step] {
        var out: [Step] = []
        for s in steps {
            if case let .loop(times, inner) = s {
                for _ in 0 ..< max(0, times) { out.append(contentsOf: flatten(inner)) }
            } else {
                out.append(s)
            }
        }
        return out
    }

    public var stack: [CodeLocation] {
        frames.reversed().map { f in
            CodeLocation(file: "script", line: f.pc + 1, column: 1, function: f.isAPC ? "apc" : "script")
        }
    }

    /// The result saved under `name`.
    public func result(_ name: String) -> ServiceResult? { results[name] }

    public mutating func step(_ input: ThreadInput, context: inout ThreadContext) -> ThreadStep {
        switch input {
        case .resume(let r):
            if let p = frames[frames.count - 1].pending {
                log.append(Entry(name: p.name, service: p.service, result: r, time: context.now))
                if let n = p.name { results[n] = r; values[n] = r.value }
                frames[frames.count - 1].pending = nil
            }
            last = r
        case let .runAPC(routine, arguments):
            apcCalls.append(APCCall(routine: routine, arguments: arguments, time: context.now))
            frames.append(Frame(steps: apcRoutines[routine] ?? [], isAPC: true))
        case .start, .proceed:
            break
        }
        while true {
            let f = frames.count - 1
            guard frames[f].pc < frames[f].steps.count else {
                if frames[f].isAPC {
                    frames.removeLast()
                    return .apcReturned
                }
                return .exited(0)
            }
            let s = frames[f].steps[frames[f].pc]
            frames[f].pc += 1
            let env = Env(values: values, results: results, last: last, threadId: context.threadId, now: context.now)
            switch s {
            case let .service(name, make):
                let service = make(env)
                frames[f].pending = (name, service.name)
                return .call(service)
            case .compute(let us):
                return .computed(us)
            case let .memory(name, body):
                let v = body(&context.memory, env)
                if let name { values[name] = v }
            case .check(let body):
                body(env, &context.memory)
            case .loop:
                break
            case .exit(let code):
                return .exited(code)
            case .fault(let message):
                return .faulted(message)
            }
        }
    }
}
