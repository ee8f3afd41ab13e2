/// One activation on a VM thread's call stack. Plain data.
public struct VMFrame: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        /// An ordinary call: returning continues the caller.
        case normal
        /// The thread's entry function: returning ends the thread.
        case entry
        /// A call pushed onto a suspended thread (APC, completion routine).
        case nested
    }

    public var function: Int32
    /// Where the caller continues (unused for entry and nested frames).
    public var returnIP: Int32
    public var registerBase: Int32
    public var kind: Kind
    /// The thread state to go back to when a nested call returns.
    var resumeState: VMThread.State
    /// Base address of this frame's locals in stack memory.
    public var framePointer: UInt64
    /// The stack pointer to restore on return.
    var savedStackPointer: UInt64
}
