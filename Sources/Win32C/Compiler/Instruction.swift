/// One bytecode instruction: an opcode and two immediate operands.
///
/// Kept as a 16-byte POD struct in one contiguous array so the VM's dispatch
/// loop reads it without indirection or reference counting.
public struct Instruction: Sendable, Equatable {
    public var op: Opcode
    /// Small operand: register, size, argument count, jump target, index.
    public var a: Int32
    /// Large operand: constant value, address, frame offset.
    public var b: UInt64

    init(_ op: Opcode, a: Int32 = 0, b: UInt64 = 0) {
        self.op = op
        self.a = a
        self.b = b
    }
}

/// The VM's opcodes. Operand stack effects are given as (pops → pushes).
public enum Opcode: UInt8, Sendable, CaseIterable {
    /// Statement boundary: counts a statement and may stop for the budget.
    case stmt
    case const_          // () → b
    case pop             // x →
    case dup             // x → x x
    case loadReg         // () → reg[a]
    case storeReg        // x → (reg[a] = x)
    case teeReg          // x → x (reg[a] = x)
    case addRegConst     // reg[a] += b (64-bit wrap), no stack effect
    case frameAddr       // () → fp + b
    case load            // addr → value; a = size | signed flag (a & 16)
    // Fused loads: an address instruction and the `load` after it, for one
    // dispatch instead of two (a = size | signed flag, as for `load`).
    case frameLoad       // () → [fp + b]   (frameAddr b; load)
    case constLoad       // () → [b]        (const b; load)
    case offsetLoad      // addr → [addr + b] (addConst b; load)
    case store           // addr value → value; a = size
    case storePop        // addr value → ; a = size
    case copyBlock       // dst src → dst; b = byte count
    case zeroBlock       // dst → ; b = byte count
    case add, sub, mul
    case divS, divU, modS, modU
    case shl, shrS, shrU  // a = shift count mask (31 or 63)
    case and, or, xor
    case neg, not, lnot
    case eq, ne, ltS, ltU, leS, leU, gtS, gtU, geS, geU
    case sext8, sext16, sext32, zext8, zext16, zext32
    case addConst        // x → x + b
    case mulConst        // x → x * b
    case fadd, fsub, fmul, fdiv, fneg
    case feq, fne, flt, fle, fgt, fge
    case i2f, u2f, f2i, f2u
    case jump            // ip = a
    case jumpIfZero      // x → ; if x == 0 ip = a
    case jumpIfNotZero   // x → ; if x != 0 ip = a
    case call            // args → result; a = function index, b = argument count
    case callIndirect    // args fnaddr → result; a = argument count
    case callExternal    // args → result; a = external index, b = argument count (stops the VM)
    case ret             // value → (returns to caller)
    case retVoid         // () → (returns 0)
}
