/// Why `VM.run` returned.
public enum VMStop: Sendable, Equatable {
    /// The statement budget ran out; the thread stopped before a statement
    /// and continues there on the next `run`.
    case budgetExhausted(statements: Int)
    /// The program called a function the VM does not implement. The thread
    /// waits until `VMThread.resume(returning:)` supplies the result.
    case external(ExternalCall)
    /// The thread's entry function returned this value (already converted to
    /// the function's return type; 0 for `void`).
    case returned(UInt64)
    /// A call pushed with `VMThread.pushNestedCall` returned; the thread is
    /// back in the state it had before the push.
    case nestedCallReturned
    /// Boxed: the fault is rare and large, and keeping it out of line keeps
    /// every other stop cheap to copy and destroy.
    indirect case fault(RuntimeFault)
}

/// What a runtime answers when `VM.run(_:program:memory:budget:offering:answering:)`
/// offers it an external call.
public enum ExternalAnswer: Sendable, Equatable {
    /// The call is done: it returns `value`, and the run goes on with a
    /// fresh budget of `budget` statements.
    case value(UInt64, budget: Int)
    /// Not answered here (nothing was done): the VM stops with `.external`.
    case stop
}

/// A call to a library function, for the runtime (or `CLibrary`) to
/// perform: which function, how many arguments and where, in a few words
/// (the stop is copied on its way to the runtime). The name and location
/// come from the program when needed; the arguments wait on the thread's
/// operand stack (`VMThread.arguments(of:)`) until it runs again.
public struct ExternalCall: Sendable, Equatable {
    /// Index into `Program.externals`.
    public var index: Int
    /// How many arguments the call passes.
    public var argumentCount: Int
    /// The call instruction's index in `Program.code`.
    public var site: Int

    public init(index: Int, argumentCount: Int, site: Int) {
        self.index = index
        self.argumentCount = argumentCount
        self.site = site
    }

    /// The library function's name as written (after macros: `CreateFileA`).
    public func name(in program: Program) -> String {
        index >= 0 && index < program.externals.count ? program.externals[index] : "?"
    }

    /// Where the call is in the source.
    public func location(in program: Program) -> SourceLocation {
        program.location(at: site)
    }
}
