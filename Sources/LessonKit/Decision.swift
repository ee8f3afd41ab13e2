/// A "play the kernel" exercise: the simulation pauses just before a kernel
/// decision, the learner makes it by picking an option, then the kernel
/// makes the real one and the learner's is graded against it.
///
/// The decision point is found from the kernel's state and trace, never
/// from text on screen: `KernelDecision.detect` compares the machine before
/// and after each move (and reads the typed return values in the trace).
public struct Decision: Sendable, Equatable {
    /// Which decision the learner makes.
    public enum Kind: Sendable, Equatable {
        /// Which waiting thread the completion port releases.
        case portReleases
        /// What the completion port's running count becomes.
        case portRunning
        /// Which of the thread's queued APCs runs next (1 is the oldest).
        case apcRuns(ThreadRef)
        /// What the thread's call returns (`WaitForMultipleObjects`: the index).
        case waitReturns(ThreadRef, call: String)
        /// Whether the thread's next call of this service blocks.
        case callBlocks(ThreadRef, call: String)
    }

    /// What an option claims the kernel decides.
    public enum Value: Sendable, Equatable {
        case thread(ThreadRef)
        case number(UInt64)
        case flag(Bool)
    }

    public struct Option: Sendable, Equatable {
        public var text: String
        public var value: Value
        public var line: Int
        public init(text: String, value: Value, line: Int) { self.text = text; self.value = value; self.line = line }
    }

    public var prompt: String
    public var kind: Kind
    public var options: [Option]
    /// The rule that decides it, shown after each try.
    public var explanation: String
    public var line: Int

    public init(prompt: String, kind: Kind, options: [Option], explanation: String, line: Int) {
        self.prompt = prompt; self.kind = kind; self.options = options; self.explanation = explanation; self.line = line
    }

    /// The decision in words, for messages.
    public var kindText: String {
        switch kind {
        case .portReleases: return "which waiting thread the port releases"
        case .portRunning: return "what the port's running count becomes"
        case .apcRuns(let thread): return "which queued APC of thread \(thread.conditionText) runs next"
        case .waitReturns(let thread, let call): return "what \(call) returns to thread \(thread.conditionText)"
        case .callBlocks(let thread, let call): return "whether \(call) blocks thread \(thread.conditionText)"
        }
    }

    /// The keyword after `what:` for each kind, as authors write it.
    public static let kindWords = ["port releases", "port running", "apc runs", "wait returns", "call blocks"]
}

/// What the kernel decided, in the kernel's own terms.
public enum KernelDecision: Sendable, Equatable {
    case thread(id: Int, name: String)
    case number(UInt64)
    case flag(Bool)

    /// In words, for messages ("worker 4", "2", "yes").
    public var text: String {
        switch self {
        case .thread(_, let name): return name
        case .number(let n): return "\(n)"
        case .flag(let blocks): return blocks ? "yes" : "no"
        }
    }
}
