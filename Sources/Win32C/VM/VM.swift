import SimMemory

/// Executes bytecode on a `VMThread` over a process `Memory`.
///
/// The dispatch loop keeps the hot state (instruction pointer, operand stack
/// and registers as raw buffers) in locals of one function, allocates nothing
/// per instruction, and stops only at statement boundaries (budget), external
/// calls, returns and faults. Buffers are sized before the loop: a function
/// never needs more operand slots than `Program.Function.maxStack`, and calls
/// that would outgrow the buffers leave the loop to grow them first.
public enum VM {
    /// Why the dispatch loop stopped, other than at an external call: a
    /// `VMStop` without the large `.external` payload, so that the loop's
    /// result is a few words to return and destroy.
    enum Outcome {
        case budgetExhausted(statements: Int)
        case returned(UInt64)
        case nestedCallReturned
        indirect case fault(RuntimeFault)

        var stop: VMStop {
            switch self {
            case .budgetExhausted(let statements): return .budgetExhausted(statements: statements)
            case .returned(let value): return .returned(value)
            case .nestedCallReturned: return .nestedCallReturned
            case .fault(let fault): return .fault(fault)
            }
        }
    }

    /// Scalar machine state passed in and out of the dispatch loop.
    struct Machine {
        var ip: Int
        var sp: Int
        var msp: UInt64
        var fp: UInt64
        var regBase: Int
        var executed = 0
        /// Statements of earlier segments of this run: an external call
        /// answered in place starts a new segment with a budget of its own.
        var earlierStatements = 0
        /// Set when the loop stops at an external call it did not answer in
        /// place: the call's index in `Program.externals` (-1: none) and its
        /// argument count (the arguments are the operand stack's slots from
        /// `sp` on); `run` builds the `ExternalCall` outside the loop.
        var external = -1
        var externalArgc = 0
        var budget: Int
        var needStack = 0
        var needRegisters = 0
    }

    /// Runs `thread` until it has executed `budget` statements or stops for
    /// another reason. See `VMStop`.
    public static func run(_ thread: inout VMThread, program: Program, memory: inout Memory, budget: Int) -> VMStop {
        run(&thread, program: program, memory: &memory, budget: budget, offering: []) { _, _, _, _ in .stop }
    }

    /// Answers an external call in place: the call's index in
    /// `Program.externals`, its arguments, the process memory, and the
    /// statements executed since the run or the previous answered call began.
    /// The arguments are borrowed from the operand stack for the call
    /// only (`CallArguments(_:)` copies them).
    public typealias ExternalAnswering = (_ external: Int, _ arguments: UnsafeBufferPointer<UInt64>, _ memory: inout Memory,
                                          _ statements: Int) -> ExternalAnswer

    /// Like `run(_:program:memory:budget:)`, but offers every external call
    /// to `answer` first. A call it answers returns its value at once and
    /// the run goes on with the budget it gives, as if the VM had stopped
    /// with `.external`, the value had been supplied and `run` been called
    /// again with that budget; `lastRunStatements` then counts the
    /// statements since the last answered call only. A call it declines (it
    /// must not have done anything then) stops the VM with `.external`.
    ///
    /// `offering[x]` says whether external `x` is offered at all: a call
    /// `answer` would always decline (one that needs the kernel) stops the
    /// VM without being offered, which saves copying its arguments twice.
    /// An index past the end is never offered.
    public static func run(_ thread: inout VMThread, program: Program, memory: inout Memory, budget: Int,
                           offering: [Bool], answering answer: ExternalAnswering) -> VMStop {
        guard thread.state == .ready else {
            let why = thread.state == .awaitingExternal ? "thread is waiting for an external call result" : "thread has ended"
            return .fault(RuntimeFault(kind: .libraryError, message: why, location: thread.currentLocation(program: program)))
        }
        guard let top = thread.frames.last else { return .returned(0) }
        // Swapped out, not copied: the buffers stay uniquely referenced (no
        // copy on write) and nothing is retained or released per run.
        var stack: [UInt64] = []
        swap(&stack, &thread.stack)
        var regs: [UInt64] = []
        swap(&regs, &thread.registers)
        var m = Machine(ip: thread.ip, sp: thread.sp, msp: thread.stackPointer, fp: top.framePointer, regBase: Int(top.registerBase),
                        budget: budget)
        program.functions.withUnsafeBufferPointer { functions in
            let current = Int(top.function)
            m.needStack = m.sp + functions[current].maxStack + 16
            m.needRegisters = m.regBase + functions[current].registerCount
        }
        while true {
            // Never empty: the raw buffers below need a base address.
            m.needStack = max(m.needStack, 64)
            m.needRegisters = max(m.needRegisters, 16)
            if stack.count < m.needStack {
                stack.append(contentsOf: repeatElement(0, count: max(m.needStack - stack.count, stack.count, 256)))
            }
            if regs.count < m.needRegisters {
                regs.append(contentsOf: repeatElement(0, count: max(m.needRegisters - regs.count, regs.count, 64)))
            }
            let result: Outcome? = program.code.withUnsafeBufferPointer { code in
                stack.withUnsafeMutableBufferPointer { s in
                    regs.withUnsafeMutableBufferPointer { g in
                        program.functions.withUnsafeBufferPointer { fs in
                            offering.withUnsafeBufferPointer { o in
                                guard let c = code.baseAddress, let sb = s.baseAddress, let gb = g.baseAddress,
                                      let fb = fs.baseAddress else {
                                    return .fault(RuntimeFault(kind: .libraryError, message: "empty program", location: .unknown))
                                }
                                return execute(code: c, stack: sb, stackCapacity: s.count, regs: gb, registerCapacity: g.count,
                                               functions: fb, functionCount: fs.count, offering: o,
                                               machine: &m, thread: &thread, memory: &memory, program: program, answer: answer)
                            }
                        }
                    }
                }
            }
            let stop: VMStop
            if m.external >= 0 {
                // The arguments stay on the operand stack, from `sp` on.
                thread.state = .awaitingExternal
                stop = .external(ExternalCall(index: m.external, argumentCount: m.externalArgc, site: m.ip - 1))
                m.external = -1
            } else if let result {
                stop = result.stop
            } else {
                continue   // the buffers must grow first
            }
            swap(&stack, &thread.stack)
            swap(&regs, &thread.registers)
            thread.sp = m.sp
            thread.ip = m.ip
            thread.stackPointer = m.msp
            thread.statementsExecuted += m.earlierStatements + m.executed
            thread.lastRunStatements = m.executed
            return stop
        }
    }

    static func fault(_ kind: RuntimeFault.Kind, _ message: String, ip: Int, program: Program, thread: inout VMThread) -> Outcome {
        let at = program.location(at: ip - 1)
        let name = thread.frames.last.map { program.functions[Int($0.function)].name } ?? ""
        thread.state = .faulted
        return .fault(RuntimeFault(kind: kind, message: message, location: at, function: name))
    }

    static func memoryFault(_ f: MemoryFault, _ verb: String, ip: Int, program: Program, thread: inout VMThread) -> Outcome {
        let hex = "0x" + String(f.address, radix: 16, uppercase: true)
        switch f.kind {
        case .null:
            return fault(.nullPointer, "NULL pointer dereference: \(verb) of \(f.length) bytes at \(hex)", ip: ip, program: program, thread: &thread)
        default:
            return fault(.wildPointer, "wild pointer: \(verb) of \(f.length) bytes: access to unmapped memory at \(hex)",
                         ip: ip, program: program, thread: &thread)
        }
    }

    /// Reads `flags & 15` bytes at `address`, sign-extended when `flags & 16`
    /// is set: the memory side of every load instruction.
    @inline(__always)
    static func load(_ address: UInt64, flags: Int32, memory: inout Memory) throws(MemoryFault) -> UInt64 {
        let size = Int(flags & 15)
        let v = try memory.load(address, size: size)
        guard flags & 16 != 0 else { return v }
        switch size {
        case 1: return UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: v)))
        case 2: return UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: v)))
        case 4: return UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v)))
        default: return v
        }
    }

    /// A load or store inside a watched interval: noted if it really touches
    /// pending I/O's memory. Kept out of the dispatch loop.
    @inline(never)
    static func noteWatched(_ access: WatchSet.Access, at address: UInt64, ip: Int, program: Program, memory: inout Memory) {
        let role: WatchSet.Role = access == .store ? .overlapped : .readBuffer
        // A store's caller has already found it in an OVERLAPPED.
        guard access == .store || memory.watchedRange(containing: address, role: role) != nil else { return }
        let at = program.location(at: ip &- 1)
        memory.noteAccess(access, at: address, role: role, line: at.line, column: at.column)
    }

    /// A function returning: its frame `low ..< high` is no longer the program's.
    @inline(never)
    static func noteFrameReturn(_ low: UInt64, _ high: UInt64, ip: Int, program: Program, memory: inout Memory) {
        guard high > low, memory.firstWatchedOverlap(low, high) != nil else { return }
        let at = program.location(at: ip &- 1)
        memory.noteFrameReturn(low, high, line: at.line, column: at.column)
    }

    /// Offers the external call `x` (arguments at `arguments`) to `answer`.
    /// Kept out of the dispatch loop, which it would make larger and slower.
    @inline(never)
    static func offer(_ x: Int, arguments: UnsafePointer<UInt64>, count: Int, mayAnswer: Bool, statements: Int,
                      memory: inout Memory, answer: ExternalAnswering) -> ExternalAnswer {
        guard mayAnswer else { return .stop }
        return answer(x, UnsafeBufferPointer(start: arguments, count: max(0, count)), &memory, statements)
    }

    /// The dispatch loop. Returns nil when the buffers must grow first (the
    /// instruction that needed room will run again) or at an external call
    /// not answered in place (`machine.external` set).
    static func execute(code: UnsafePointer<Instruction>, stack: UnsafeMutablePointer<UInt64>, stackCapacity: Int,
                        regs: UnsafeMutablePointer<UInt64>, registerCapacity: Int,
                        functions: UnsafePointer<Program.Function>, functionCount: Int,
                        offering: UnsafeBufferPointer<Bool>, machine m: inout Machine,
                        thread: inout VMThread, memory: inout Memory, program: Program,
                        answer: ExternalAnswering) -> Outcome? {
        var ip = m.ip
        var sp = m.sp
        var msp = m.msp
        var fp = m.fp
        var regBase = m.regBase
        var executed = m.executed
        var budget = m.budget
        var outcome: Outcome?
        dispatch: while true {
            let ins = code[ip]
            ip &+= 1
            switch ins.op {
            case .stmt:
                if executed >= budget {
                    ip -= 1
                    outcome = .budgetExhausted(statements: executed); break dispatch
                }
                executed &+= 1
            case .const_:
                stack[sp] = ins.b
                sp &+= 1
            case .pop:
                sp &-= 1
            case .dup:
                stack[sp] = stack[sp &- 1]
                sp &+= 1
            case .loadReg:
                stack[sp] = regs[regBase &+ Int(ins.a)]
                sp &+= 1
            case .storeReg:
                sp &-= 1
                regs[regBase &+ Int(ins.a)] = stack[sp]
            case .teeReg:
                regs[regBase &+ Int(ins.a)] = stack[sp &- 1]
            case .addRegConst:
                regs[regBase &+ Int(ins.a)] &+= ins.b
            case .frameAddr:
                stack[sp] = fp &+ ins.b
                sp &+= 1
            case .frameLoad, .constLoad:
                // Push the base address (the frame or zero), add the offset,
                // then load as `.load` does: one place reads and faults.
                stack[sp] = ins.op == .frameLoad ? fp : 0
                sp &+= 1
                fallthrough
            case .offsetLoad:
                stack[sp &- 1] &+= ins.b
                fallthrough
            case .load:
                // A pending read's buffer: one subtraction and compare when nothing is near.
                if memory.mayWatchLoad(stack[sp &- 1]) {
                    noteWatched(.load, at: stack[sp &- 1], ip: ip, program: program, memory: &memory)
                }
                do throws(MemoryFault) {
                    stack[sp &- 1] = try load(stack[sp &- 1], flags: ins.a, memory: &memory)
                } catch {
                    outcome = memoryFault(error, "read", ip: ip, program: program, thread: &thread); break dispatch
                }
            case .store, .storePop:
                let value = stack[sp &- 1]
                let address = stack[sp &- 2]
                // An OVERLAPPED in flight: one subtraction and compare when nothing is near.
                if memory.mayWatchStore(address) && memory.storeHitsPendingOverlapped(address) {
                    noteWatched(.store, at: address, ip: ip, program: program, memory: &memory)
                }
                do throws(MemoryFault) {
                    try memory.store(value, at: address, size: Int(ins.a))
                } catch {
                    outcome = memoryFault(error, "write", ip: ip, program: program, thread: &thread); break dispatch
                }
                if ins.op == .store {
                    sp &-= 1
                    stack[sp &- 1] = value
                } else {
                    sp &-= 2
                }
            case .copyBlock:
                let source = stack[sp &- 1]
                let destination = stack[sp &- 2]
                sp &-= 1
                do throws(MemoryFault) {
                    try memory.copy(from: source, to: destination, count: Int(ins.b))
                } catch {
                    outcome = memoryFault(error, "copy", ip: ip, program: program, thread: &thread); break dispatch
                }
            case .zeroBlock:
                sp &-= 1
                do throws(MemoryFault) {
                    try memory.fill(0, at: stack[sp], count: Int(ins.b))
                } catch {
                    outcome = memoryFault(error, "write", ip: ip, program: program, thread: &thread); break dispatch
                }
            case .add:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] &+ stack[sp]
            case .sub:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] &- stack[sp]
            case .mul:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] &* stack[sp]
            case .divS, .modS:
                sp &-= 1
                let b = Int64(bitPattern: stack[sp])
                if b == 0 {
                    outcome = fault(.divisionByZero, ins.op == .divS ? "division by zero" : "remainder by zero (division by zero)",
                                    ip: ip, program: program, thread: &thread)
                    break dispatch
                }
                let a = Int64(bitPattern: stack[sp &- 1])
                let r = ins.op == .divS ? a.dividedReportingOverflow(by: b).partialValue : a.remainderReportingOverflow(dividingBy: b).partialValue
                stack[sp &- 1] = UInt64(bitPattern: r)
            case .divU, .modU:
                sp &-= 1
                let b = stack[sp]
                if b == 0 {
                    outcome = fault(.divisionByZero, ins.op == .divU ? "division by zero" : "remainder by zero (division by zero)",
                                    ip: ip, program: program, thread: &thread)
                    break dispatch
                }
                let a = stack[sp &- 1]
                stack[sp &- 1] = ins.op == .divU ? a / b : a % b
            case .shl:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] << (stack[sp] & UInt64(ins.a))
            case .shrS:
                sp &-= 1
                stack[sp &- 1] = UInt64(bitPattern: Int64(bitPattern: stack[sp &- 1]) >> Int64(stack[sp] & UInt64(ins.a)))
            case .shrU:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] >> (stack[sp] & UInt64(ins.a))
            case .and:
                sp &-= 1
                stack[sp &- 1] &= stack[sp]
            case .or:
                sp &-= 1
                stack[sp &- 1] |= stack[sp]
            case .xor:
                sp &-= 1
                stack[sp &- 1] ^= stack[sp]
            case .neg:
                stack[sp &- 1] = 0 &- stack[sp &- 1]
            case .not:
                stack[sp &- 1] = ~stack[sp &- 1]
            case .lnot:
                stack[sp &- 1] = stack[sp &- 1] == 0 ? 1 : 0
            case .eq:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] == stack[sp] ? 1 : 0
            case .ne:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] != stack[sp] ? 1 : 0
            case .ltS:
                sp &-= 1
                stack[sp &- 1] = Int64(bitPattern: stack[sp &- 1]) < Int64(bitPattern: stack[sp]) ? 1 : 0
            case .ltU:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] < stack[sp] ? 1 : 0
            case .leS:
                sp &-= 1
                stack[sp &- 1] = Int64(bitPattern: stack[sp &- 1]) <= Int64(bitPattern: stack[sp]) ? 1 : 0
            case .leU:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] <= stack[sp] ? 1 : 0
            case .gtS:
                sp &-= 1
                stack[sp &- 1] = Int64(bitPattern: stack[sp &- 1]) > Int64(bitPattern: stack[sp]) ? 1 : 0
            case .gtU:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] > stack[sp] ? 1 : 0
            case .geS:
                sp &-= 1
                stack[sp &- 1] = Int64(bitPattern: stack[sp &- 1]) >= Int64(bitPattern: stack[sp]) ? 1 : 0
            case .geU:
                sp &-= 1
                stack[sp &- 1] = stack[sp &- 1] >= stack[sp] ? 1 : 0
            case .sext8:
                stack[sp &- 1] = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: stack[sp &- 1])))
            case .sext16:
                stack[sp &- 1] = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: stack[sp &- 1])))
            case .sext32:
                stack[sp &- 1] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: stack[sp &- 1])))
            case .zext8:
                stack[sp &- 1] &= 0xFF
            case .zext16:
                stack[sp &- 1] &= 0xFFFF
            case .zext32:
                stack[sp &- 1] &= 0xFFFF_FFFF
            case .addConst:
                stack[sp &- 1] = stack[sp &- 1] &+ ins.b
            case .mulConst:
                stack[sp &- 1] = stack[sp &- 1] &* ins.b
            case .fadd, .fsub, .fmul, .fdiv:
                sp &-= 1
                let a = Double(bitPattern: stack[sp &- 1]), b = Double(bitPattern: stack[sp])
                let r: Double
                switch ins.op {
                case .fadd: r = a + b
                case .fsub: r = a - b
                case .fmul: r = a * b
                default: r = a / b
                }
                stack[sp &- 1] = r.bitPattern
            case .fneg:
                stack[sp &- 1] = (-Double(bitPattern: stack[sp &- 1])).bitPattern
            case .feq, .fne, .flt, .fle, .fgt, .fge:
                sp &-= 1
                let a = Double(bitPattern: stack[sp &- 1]), b = Double(bitPattern: stack[sp])
                let r: Bool
                switch ins.op {
                case .feq: r = a == b
                case .fne: r = a != b
                case .flt: r = a < b
                case .fle: r = a <= b
                case .fgt: r = a > b
                default: r = a >= b
                }
                stack[sp &- 1] = r ? 1 : 0
            case .i2f:
                stack[sp &- 1] = Double(Int64(bitPattern: stack[sp &- 1])).bitPattern
            case .u2f:
                stack[sp &- 1] = Double(stack[sp &- 1]).bitPattern
            case .f2i:
                let d = Double(bitPattern: stack[sp &- 1])
                let v: Int64 = d.isNaN ? 0 : (d >= 9.2233720368547748e18 ? Int64.max : (d <= -9.2233720368547758e18 ? Int64.min : Int64(d)))
                stack[sp &- 1] = UInt64(bitPattern: v)
            case .f2u:
                let d = Double(bitPattern: stack[sp &- 1])
                let v: UInt64 = d.isNaN || d <= 0 ? (d < 0 && d > -9.2e18 ? UInt64(bitPattern: Int64(d)) : 0) : (d >= 1.8446744073709552e19 ? UInt64.max : UInt64(d))
                stack[sp &- 1] = v
            case .jump:
                ip = Int(ins.a)
            case .jumpIfZero:
                sp &-= 1
                if stack[sp] == 0 { ip = Int(ins.a) }
            case .jumpIfNotZero:
                sp &-= 1
                if stack[sp] != 0 { ip = Int(ins.a) }
            case .call, .callIndirect:
                var callee = Int(ins.a)
                var argc = Int(ins.b)
                if ins.op == .callIndirect {
                    sp &-= 1
                    let address = stack[sp]
                    argc = Int(ins.a)
                    if let f = program.functionIndex(atAddress: address) {
                        callee = f
                    } else if let x = program.externalIndex(atAddress: address) {
                        // Handed on to `.callExternal` below, the next case.
                        m.external = x
                        m.externalArgc = argc
                        fallthrough
                    } else {
                        let hex = "0x" + String(address, radix: 16, uppercase: true)
                        outcome = fault(address == 0 ? .nullPointer : .badFunctionPointer,
                                        address == 0 ? "call through a NULL function pointer" : "call through an invalid function pointer (\(hex))",
                                        ip: ip, program: program, thread: &thread)
                        break dispatch
                    }
                }
                guard callee >= 0 && callee < functionCount else {
                    outcome = fault(.badFunctionPointer, "call of a function that does not exist", ip: ip, program: program,
                                    thread: &thread)
                    break dispatch
                }
                // Fields are read through the pointer: binding the element
                // would copy the whole `Function` (name, parameter table).
                let f = functions + callee
                let current = thread.frames[thread.frames.count - 1]
                let newBase = regBase &+ functions[Int(current.function)].registerCount
                let newSP = (msp &- UInt64(f.pointee.frameSize) &- VMThread.frameOverhead) & ~15
                if newSP < thread.stackLow || newSP > msp {
                    outcome = fault(.stackOverflow, "stack overflow (calling '\(f.pointee.name)' at depth \(thread.frames.count))",
                                    ip: ip, program: program, thread: &thread)
                    break dispatch
                }
                let calleeRegisters = f.pointee.registerCount
                let calleeStack = f.pointee.maxStack
                if newBase &+ calleeRegisters > registerCapacity || sp &+ calleeStack > stackCapacity {
                    // Grow the buffers, then run this call instruction again.
                    if ins.op == .callIndirect { sp &+= 1 }
                    ip &-= 1
                    m.needStack = sp &+ calleeStack &+ 64
                    m.needRegisters = newBase &+ calleeRegisters &+ 64
                    break dispatch
                }
                // Arguments beyond the parameters (unprototyped calls) are dropped.
                let params = f.pointee.parameters
                var k = argc &- 1
                while k >= 0 {
                    sp &-= 1
                    if k < params.count {
                        let p = params[k]
                        let v = stack[sp]
                        if p.inRegister {
                            regs[newBase &+ p.register] = v
                        } else {
                            do throws(MemoryFault) {
                                if p.copiesFromAddress {
                                    try memory.copy(from: v, to: newSP &+ UInt64(p.frameOffset), count: p.size)
                                } else {
                                    try memory.store(v, at: newSP &+ UInt64(p.frameOffset), size: min(p.size, 8))
                                }
                            } catch {
                                outcome = memoryFault(error, "argument copy", ip: ip, program: program, thread: &thread); break dispatch
                            }
                        }
                    }
                    k &-= 1
                }
                if argc < params.count {
                    for p in params[argc...] where p.inRegister { regs[newBase &+ p.register] = 0 }
                }
                thread.frames.append(VMFrame(function: Int32(callee), returnIP: Int32(ip), registerBase: Int32(newBase),
                                             kind: .normal, resumeState: .ready, framePointer: newSP, savedStackPointer: msp))
                msp = newSP
                fp = newSP
                regBase = newBase
                ip = f.pointee.entry
            case .callExternal:
                // Also reached from `.callIndirect` through an external's
                // address, with the external and argument count in `m`.
                if ins.op == .callExternal {
                    m.external = Int(ins.a)
                    m.externalArgc = Int(ins.b)
                }
                let x = m.external
                let argc = m.externalArgc
                // The arguments are the top argc slots, in order.
                sp &-= argc
                // Room for the result is checked first: an answered call cannot be undone.
                if case .value(let value, let next) = offer(x, arguments: stack + sp, count: argc,
                                                            mayAnswer: sp < stackCapacity && x < offering.count && offering[x],
                                                            statements: executed,
                                                            memory: &memory, answer: answer) {
                    stack[sp] = value
                    sp &+= 1
                    m.earlierStatements &+= executed
                    executed = 0
                    budget = next
                    m.external = -1
                    continue dispatch
                }
                break dispatch
            case .ret, .retVoid:
                var value: UInt64 = 0
                if ins.op == .ret {
                    sp &-= 1
                    value = stack[sp]
                }
                let frame = thread.frames.removeLast()
                // A frame going away with pending I/O's memory in it.
                if memory.mayWatchRange(frame.framePointer, frame.savedStackPointer) {
                    noteFrameReturn(frame.framePointer, frame.savedStackPointer, ip: ip, program: program, memory: &memory)
                }
                msp = frame.savedStackPointer
                switch frame.kind {
                case .normal:
                    ip = Int(frame.returnIP)
                    let caller = thread.frames[thread.frames.count - 1]
                    regBase = Int(caller.registerBase)
                    fp = caller.framePointer
                    stack[sp] = value
                    sp &+= 1
                    let callerNeeds = sp &+ functions[Int(caller.function)].maxStack
                    if callerNeeds > stackCapacity {
                        // A thread restored with small buffers: grow before continuing.
                        m.needStack = callerNeeds &+ 64
                        break dispatch
                    }
                case .entry:
                    thread.state = .finished
                    outcome = .returned(value); break dispatch
                case .nested:
                    ip = Int(frame.returnIP)
                    thread.state = frame.resumeState
                    outcome = .nestedCallReturned; break dispatch
                }
            }
        }
        m.ip = ip
        m.sp = sp
        m.msp = msp
        m.fp = fp
        m.regBase = regBase
        m.executed = executed
        m.budget = budget
        return outcome
    }
}
