import SimMemory

/// A process: address space, console output and handle table.
@usableFromInline
struct ProcessRecord: Sendable {
    let id: Int
    var name: String
    /// The address space, console output and runtime state, kept in the
    /// very context a body is stepped with: the kernel hands it over in
    /// place (`Kernel.stepBody`), so nothing is moved or copied per step and
    /// the memory's pages stay uniquely owned.
    var context: ThreadContext
    /// Index = handle value / 4; handle values are never reused.
    var handles: [HandleEntry?] = [nil]
    /// Entries of `handles` in use, against `KernelLimits.handlesPerProcess`.
    var openHandles = 0
    var objectId: ObjectID
    var threads: [ThreadID] = []
    /// Threads of `threads` not yet terminated (so an exit need not scan them all).
    var liveThreads = 0
    @usableFromInline var exitCode: UInt32?

    init(id: Int, name: String, memory: Memory, objectId: ObjectID) {
        self.id = id
        self.name = name
        self.objectId = objectId
        context = ThreadContext(memory: memory, stdout: "", threadId: 0, processId: id, now: 0)
    }

    var memory: Memory {
        get { context.memory }
        _modify { yield &context.memory }
    }

    var stdout: String {
        get { context.stdout }
        _modify { yield &context.stdout }
    }

    /// The runtime's per-process state (see `ThreadContext.processState`).
    var runtimeState: (any ProcessState)? {
        get { context.processState }
        _modify { yield &context.processState }
    }
}
