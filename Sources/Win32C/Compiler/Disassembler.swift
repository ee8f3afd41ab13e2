/// Renders a program's bytecode as text for `overlapped run --disassemble`:
/// one block per function, one line per instruction with its index, source
/// line:column, opcode and operands.
public enum Disassembler {
    public static func text(_ program: Program) -> String {
        var out = ""
        let order = program.functions.indices.sorted { program.functions[$0].entry < program.functions[$1].entry }
        for (n, index) in order.enumerated() {
            let f = program.functions[index]
            let end = n + 1 < order.count ? program.functions[order[n + 1]].entry : program.code.count
            out += "\(f.name): registers=\(f.registerCount) frame=\(f.frameSize) parameters=\(f.parameters.count)\n"
            for ip in f.entry..<max(f.entry, end) {
                out += line(program, ip) + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// One instruction, e.g. `  0007  12:5    call square`.
    public static func line(_ program: Program, _ ip: Int) -> String {
        let ins = program.code[ip]
        let loc = program.location(at: ip)
        let index = String(ip)
        var text = "  " + String(repeating: "0", count: max(0, 4 - index.count)) + index
        let where_ = "\(loc.line):\(loc.column)"
        text += "  " + where_ + String(repeating: " ", count: max(1, 8 - where_.count))
        text += operands(program, ins)
        return text
    }

    /// A load's width and signedness, e.g. `i32`.
    static func width(_ ins: Instruction) -> String { "\(ins.a & 16 != 0 ? "i" : "u")\((ins.a & 15) * 8)" }

    /// A constant address, with its place in the globals when it is one.
    static func address(_ program: Program, _ value: UInt64) -> String {
        let hex = "0x" + String(value, radix: 16, uppercase: true)
        if value >= Program.globalsBase && value < Program.globalsBase + UInt64(program.globalsSize) {
            return hex + " (globals+\(value - Program.globalsBase))"
        }
        return hex
    }

    static func operands(_ program: Program, _ ins: Instruction) -> String {
        let name = ins.op == .const_ ? "const" : "\(ins.op)"
        switch ins.op {
        case .const_:
            let signed = Int64(bitPattern: ins.b)
            if ins.b >= Program.globalsBase && ins.b < Program.globalsBase + UInt64(program.globalsSize) {
                return "const 0x" + String(ins.b, radix: 16, uppercase: true) + " (globals+\(ins.b - Program.globalsBase))"
            }
            if let f = program.functionIndex(atAddress: ins.b) { return "const &\(program.functions[f].name)" }
            return "const \(signed)"
        case .loadReg, .storeReg, .teeReg: return "\(name) r\(ins.a)"
        case .addRegConst: return "\(name) r\(ins.a), \(Int64(bitPattern: ins.b))"
        case .frameAddr: return "\(name) fp+\(ins.b)"
        case .load: return "\(name) \(width(ins))"
        case .frameLoad: return "\(name) \(width(ins)) [fp+\(ins.b)]"
        case .constLoad: return "\(name) \(width(ins)) [" + address(program, ins.b) + "]"
        case .offsetLoad: return "\(name) \(width(ins)) [+\(Int64(bitPattern: ins.b))]"
        case .store, .storePop: return "\(name) \(ins.a * 8)"
        case .copyBlock, .zeroBlock: return "\(name) \(ins.b) bytes"
        case .shl, .shrS, .shrU: return "\(name) mask \(ins.a)"
        case .addConst, .mulConst: return "\(name) \(Int64(bitPattern: ins.b))"
        case .jump, .jumpIfZero, .jumpIfNotZero: return "\(name) @\(ins.a)"
        case .call:
            let i = Int(ins.a)
            return "call " + (i < program.functions.count ? program.functions[i].name : "?\(i)")
        case .callIndirect: return "callIndirect \(ins.a) args"
        case .callExternal:
            let i = Int(ins.a)
            return "callExternal " + (i < program.externals.count ? program.externals[i] : "?\(i)") + " \(ins.b) args"
        default: return name
        }
    }
}
