import SimMemory

/// A C thread as plain data: operand stack, registers, call frames,
/// instruction pointer and stack pointer. Copying it is a snapshot; it can be
/// stopped in the middle of a call such as `WaitForMultipleObjects` and later
/// resumed with the result.
///
/// Invariant: `state == .awaitingExternal` exactly when the last `VM.run`
/// stopped with `.external` (or a nested call returned over such a stop) and
/// no result has been supplied yet.
public struct VMThread: Sendable, Equatable {
    public enum State: UInt8, Sendable, Equatable {
        case ready, awaitingExternal, finished, faulted
    }

    /// Each thread's stack is 1 MiB of the process memory, at an address
    /// derived from its number (0 = the main thread).
    public static let stackSize: UInt64 = 0x10_0000
    public static func stackBase(threadNumber: Int) -> UInt64 {
        0x1000_0000 + UInt64(max(0, threadNumber)) * 0x20_0000
    }
    /// Minimum bytes a call takes from the stack (return address and spill
    /// area on x64), so unbounded recursion always ends in a stack overflow.
    static let frameOverhead: UInt64 = 48

    public let threadNumber: Int
    public internal(set) var state: State = .ready
    public internal(set) var frames: [VMFrame] = []
    @usableFromInline var stack: [UInt64]
    @usableFromInline var sp = 0
    var registers: [UInt64] = []
    var ip = 0
    var stackPointer: UInt64
    /// Statements executed over the thread's life.
    public internal(set) var statementsExecuted = 0
    /// Statements executed by the most recent `VM.run`.
    public internal(set) var lastRunStatements = 0

    public var stackLow: UInt64 { VMThread.stackBase(threadNumber: threadNumber) }
    public var stackHigh: UInt64 { stackLow + VMThread.stackSize }

    /// The program's main thread: runs global initializers, then `main`
    /// (with `argc`/`argv` when it declares them). Maps its stack and the
    /// program's globals into `memory`.
    public static func main(program: Program, memory: inout Memory) throws(MemoryFault) -> VMThread {
        try program.load(into: &memory)
        return try VMThread(program: program, function: program.startFunction, arguments: [], threadNumber: 0, memory: &memory)
    }

    /// A thread that starts in the function at `functionAddress` (a value the
    /// program passed as `LPTHREAD_START_ROUTINE`) with one pointer argument.
    /// Returns nil when the address is not a function of the program.
    public static func start(program: Program, functionAddress: UInt64, argument: UInt64, threadNumber: Int,
                             memory: inout Memory) throws(MemoryFault) -> VMThread? {
        guard let f = program.functionIndex(atAddress: functionAddress) else { return nil }
        return try VMThread(program: program, function: f, arguments: [argument], threadNumber: threadNumber, memory: &memory)
    }

    init(program: Program, function: Int, arguments: [UInt64], threadNumber: Int, memory: inout Memory) throws(MemoryFault) {
        self.threadNumber = threadNumber
        let base = VMThread.stackBase(threadNumber: threadNumber)
        if !memory.isMapped(base, length: 1) {
            try memory.map(base: base, size: VMThread.stackSize, name: "stack T\(threadNumber)")
        }
        stack = [UInt64](repeating: 0, count: 256)
        stackPointer = base + VMThread.stackSize
        for a in arguments { push(a) }
        ip = -1
        let entered = enter(program: program, function: function, argumentCount: arguments.count, kind: .entry, returnIP: 0, memory: &memory)
        if case .fault = entered { state = .faulted }
    }

    /// Supplies the result of the external call the thread is waiting on.
    public mutating func resume(returning value: UInt64) {
        guard state == .awaitingExternal else { return }
        push(value)
        state = .ready
    }

    /// Calls `functionAddress(arguments…)` on top of the thread's current
    /// state (an APC or I/O completion routine delivered during an alertable
    /// wait). Running the thread executes the routine; when it returns, `run`
    /// stops with `.nestedCallReturned` and the thread is as before the push
    /// (still awaiting its external result if it was). Returns a fault when
    /// the address is not a program function or the stack is exhausted.
    @discardableResult
    public mutating func pushNestedCall(program: Program, functionAddress: UInt64, arguments: [UInt64],
                                        memory: inout Memory) -> RuntimeFault? {
        guard let f = program.functionIndex(atAddress: functionAddress) else {
            return RuntimeFault(kind: .badFunctionPointer,
                                message: "callback address 0x\(String(functionAddress, radix: 16, uppercase: true)) is not a function",
                                location: currentLocation(program: program))
        }
        let previous = state
        for a in arguments { push(a) }
        if case .fault(let fault) = enter(program: program, function: f, argumentCount: arguments.count, kind: .nested,
                                          returnIP: Int32(ip), memory: &memory, resumeState: previous) {
            return fault
        }
        state = .ready
        return nil
    }

    /// The arguments of `call`, the external call the thread stopped at,
    /// in order. They are read from the operand stack: valid until the
    /// thread is resumed or a nested call is pushed.
    public func arguments(of call: ExternalCall) -> CallArguments {
        let count = max(0, min(call.argumentCount, stack.count - sp))
        guard sp >= 0, count > 0 else { return CallArguments() }
        return stack.withUnsafeBufferPointer { s in
            s.baseAddress.map { CallArguments(copying: $0 + sp, count: count) } ?? CallArguments()
        }
    }

    /// Argument `i` of `call`, the external call the thread stopped at (0
    /// for one not passed), read as `arguments(of:)` reads it.
    @inlinable
    public func argument(_ i: Int, of call: ExternalCall) -> UInt64 {
        guard i >= 0 && i < call.argumentCount, sp >= 0, sp &+ i < stack.count else { return 0 }
        return stack[sp &+ i]
    }

    mutating func push(_ v: UInt64) {
        if sp >= stack.count { stack.append(contentsOf: repeatElement(0, count: max(64, stack.count))) }
        stack[sp] = v
        sp += 1
    }

    /// Pushes a frame for `function`, moving `argumentCount` values from the operand stack into its parameters.
    mutating func enter(program: Program, function: Int, argumentCount: Int, kind: VMFrame.Kind, returnIP: Int32,
                        memory: inout Memory, resumeState: State = .ready) -> VMStop? {
        var args = [UInt64](repeating: 0, count: argumentCount)
        for k in stride(from: argumentCount - 1, through: 0, by: -1) { sp -= 1; args[k] = stack[sp] }
        let f = program.functions[function]
        let registerBase = frames.last.map { Int($0.registerBase) + program.functions[Int($0.function)].registerCount } ?? 0
        let newSP = (stackPointer &- UInt64(f.frameSize) &- VMThread.frameOverhead) & ~15
        if newSP < stackLow || newSP > stackPointer {
            return .fault(RuntimeFault(kind: .stackOverflow, message: "stack overflow (calling '\(f.name)')",
                                       location: currentLocation(program: program), function: f.name))
        }
        if registers.count < registerBase + f.registerCount {
            registers.append(contentsOf: repeatElement(0, count: registerBase + f.registerCount - registers.count + 16))
        }
        for (k, p) in f.parameters.enumerated() {
            let v = k < args.count ? args[k] : 0
            if p.inRegister {
                registers[registerBase + p.register] = v
            } else {
                do throws(MemoryFault) {
                    if p.copiesFromAddress {
                        try memory.copy(from: v, to: newSP + UInt64(p.frameOffset), count: p.size)
                    } else {
                        try memory.store(v, at: newSP + UInt64(p.frameOffset), size: min(p.size, 8))
                    }
                } catch {
                    return .fault(RuntimeFault(kind: .wildPointer, message: error.description,
                                               location: currentLocation(program: program), function: f.name))
                }
            }
        }
        frames.append(VMFrame(function: Int32(function), returnIP: returnIP, registerBase: Int32(registerBase), kind: kind,
                              resumeState: resumeState, framePointer: newSP, savedStackPointer: stackPointer))
        stackPointer = newSP
        ip = f.entry
        return nil
    }

    // MARK: Inspection

    /// One line of a thread's call stack, innermost first.
    public struct StackEntry: Sendable, Equatable {
        public var function: String
        public var location: SourceLocation
    }

    /// Where the thread is: the statement about to run, or the call it waits in.
    public func currentLocation(program: Program) -> SourceLocation {
        program.location(at: state == .awaitingExternal || state == .finished || state == .faulted ? ip - 1 : ip)
    }

    /// Function name, line and column of every frame, innermost first.
    public func callStack(program: Program) -> [StackEntry] {
        var result: [StackEntry] = []
        var location = currentLocation(program: program)
        for frame in frames.reversed() {
            let name = Int(frame.function) < program.functions.count ? program.functions[Int(frame.function)].name : "?"
            result.append(StackEntry(function: name, location: location))
            location = program.location(at: Int(frame.returnIP) - 1)
        }
        return result
    }
}
