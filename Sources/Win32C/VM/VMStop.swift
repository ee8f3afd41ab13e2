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

/// A call to a library function, for the runtime (or `CLibrary`) to perform.
public struct ExternalCall: Sendable, Equatable {
    /// The library function's name as written (after macros: `CreateFileA`).
    public var name: String
    /// Index into `Program.externals`.
    public var index: Int
    /// Arguments in order: integers and pointers as 64-bit patterns (signed
    /// values sign-extended), doubles as IEEE bits, structs of 1/2/4/8 bytes
    /// by value (e.g. `LARGE_INTEGER`), larger structs by address.
    public var passed: CallArguments
    /// Where the call is in the source.
    public var location: SourceLocation

    public init(name: String, index: Int, arguments: [UInt64], location: SourceLocation) {
        self.init(name: name, index: index, passed: CallArguments(arguments), location: location)
    }

    init(name: String, index: Int, passed: CallArguments, location: SourceLocation) {
        self.name = name
        self.index = index
        self.passed = passed
        self.location = location
    }

    /// The arguments as an array (allocates; `passed` does not).
    public var arguments: [UInt64] { passed.array }
}
