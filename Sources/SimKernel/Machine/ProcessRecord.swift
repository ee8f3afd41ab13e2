import SimMemory

/// A process: address space, console output and handle table.
struct ProcessRecord: Sendable {
    let id: Int
    var name: String
    var memory: Memory
    var stdout: String = ""
    /// Index = handle value / 4; handle values are never reused.
    var handles: [HandleEntry?] = [nil]
    var objectId: Int
    var threads: [Int] = []
    /// Threads of `threads` not yet terminated (so an exit need not scan them all).
    var liveThreads = 0
    var exitCode: UInt32?
    /// The runtime's per-process state (see `ThreadContext.processState`).
    var runtimeState: (any ProcessState)?
}
