import Win32C

/// A readable listing of a compiled program's bytecode, for debugging the
/// compiler (`overlapped run FILE.c --disassemble`).
public enum Disassembly {
    public static func listing(of program: Program) -> String {
        var out = ""
        let starts = program.functions.enumerated().sorted { $0.element.entry < $1.element.entry }
        for (n, (_, function)) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].element.entry : program.code.count
            out += "\(function.name): registers=\(function.registerCount) frame=\(function.frameSize) "
                + "params=\(function.parameters.count)\n"
            guard function.entry >= 0, function.entry <= end, end <= program.code.count else { continue }
            for ip in function.entry ..< end {
                let ins = program.code[ip]
                let at = program.location(at: ip)
                var text = "\(String(describing: ins.op))"
                switch ins.op {
                case .callExternal:
                    let i = Int(ins.a)
                    text += " \(i < program.externals.count ? program.externals[i] : "?") argc=\(ins.b)"
                case .call:
                    let i = Int(ins.a)
                    text += " \(i < program.functions.count ? program.functions[i].name : "?")"
                case .const_, .frameAddr, .addConst, .mulConst, .copyBlock, .zeroBlock, .addRegConst:
                    text += " a=\(ins.a) b=\(ins.b)"
                default:
                    if ins.a != 0 { text += " \(ins.a)" }
                }
                let padded = String(repeating: " ", count: max(0, 6 - String(ip).count)) + String(ip)
                out += "\(padded)  \(at.line):\(at.column)\t\(text)\n"
            }
        }
        return out
    }
}
