/// Checks every function's bytecode before it may run: each instruction is
/// reached with one operand-stack depth, the depth never goes below zero or
/// above the function's `maxStack`, statements start with an empty stack, and
/// jumps stay inside the function. The VM relies on this to use raw buffers.
enum StackVerifier {
    /// Returns a description of the first problem, or nil.
    static func verify(_ code: [Instruction], functions: [Program.Function]) -> String? {
        let entries = functions.map(\.entry).sorted()
        for f in functions {
            let end = entries.first { $0 > f.entry } ?? code.count
            if let problem = verify(code, from: f.entry, to: end, limit: f.maxStack) {
                return "\(f.name): \(problem)"
            }
        }
        return nil
    }

    private static func verify(_ code: [Instruction], from start: Int, to end: Int, limit: Int) -> String? {
        guard start < end else { return "empty function" }
        var depthAt = [Int](repeating: -1, count: end - start)
        var work = [(start, 0)]
        while let (ip, depth) = work.popLast() {
            guard ip >= start && ip < end else { return "jump outside the function (\(ip))" }
            let seen = depthAt[ip - start]
            if seen >= 0 {
                if seen != depth { return "inconsistent stack depth at \(ip) (\(seen) and \(depth))" }
                continue
            }
            depthAt[ip - start] = depth
            let ins = code[ip]
            var pops = 0, pushes = 0
            var next: [Int] = [ip + 1]
            switch ins.op {
            case .stmt:
                if depth != 0 { return "statement at \(ip) starts with \(depth) values on the stack" }
            case .const_, .dup, .loadReg, .frameAddr, .frameLoad, .constLoad: pushes = 1; if ins.op == .dup { pops = 1; pushes = 2 }
            case .pop, .storeReg, .zeroBlock: pops = 1
            case .teeReg, .addRegConst: break
            case .load, .offsetLoad, .neg, .not, .lnot, .sext8, .sext16, .sext32, .zext8, .zext16, .zext32, .addConst, .mulConst,
                 .fneg, .i2f, .u2f, .f2i, .f2u:
                pops = 1; pushes = 1
            case .store, .copyBlock: pops = 2; pushes = 1
            case .storePop: pops = 2
            case .add, .sub, .mul, .divS, .divU, .modS, .modU, .shl, .shrS, .shrU, .and, .or, .xor,
                 .eq, .ne, .ltS, .ltU, .leS, .leU, .gtS, .gtU, .geS, .geU, .fadd, .fsub, .fmul, .fdiv,
                 .feq, .fne, .flt, .fle, .fgt, .fge:
                pops = 2; pushes = 1
            case .jump: next = [Int(ins.a)]
            case .jumpIfZero, .jumpIfNotZero: pops = 1; next = [ip + 1, Int(ins.a)]
            case .call, .callExternal: pops = Int(ins.b); pushes = 1
            case .callIndirect: pops = Int(ins.a) + 1; pushes = 1
            case .ret: pops = 1; next = []
            case .retVoid: next = []
            }
            if pops > depth { return "stack underflow at \(ip)" }
            let after = depth - pops + pushes
            if after + 1 > limit { return "stack deeper than \(limit) at \(ip)" }
            for n in next { work.append((n, after)) }
        }
        return nil
    }
}
