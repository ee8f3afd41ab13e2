/// The code generator's state for the one function it is compiling: names
/// in scope and where they live, registers and frame bytes used so far, and
/// the jumps still to be patched (loops, switches, `goto`).
struct FunctionCompilation {
    struct SwitchContext {
        /// Case values and the instruction each one jumps to.
        var cases: [(Int64, Int)] = []
        var defaultTarget: Int?
    }

    var name: String
    var returnType: CType
    /// Locals whose address is taken (`&x`): they live in the frame.
    var addressTaken: Set<String>
    /// Register holding the caller's result address in a struct-returning function.
    var hiddenResult: Int32?
    /// Innermost last.
    var scopes: [[String: CodeGenerator.LocalSymbol]] = [[:]]
    var registerCount = 0
    var frameSize = 0
    /// Per enclosing loop or switch: `break` jumps to patch to its end.
    var breakJumps: [[Int]] = []
    /// Per enclosing loop: `continue` jumps to patch to its next iteration.
    var continueJumps: [[Int]] = []
    var labels: [String: Int] = [:]
    /// `goto` jumps and their labels, patched when the function ends.
    var gotos: [(String, Int)] = []
    var switches: [SwitchContext] = []

    init(name: String, returnType: CType = .int, addressTaken: Set<String> = []) {
        self.name = name
        self.returnType = returnType
        self.addressTaken = addressTaken
    }

    func lookup(_ name: String) -> CodeGenerator.LocalSymbol? {
        for scope in scopes.reversed() { if let s = scope[name] { return s } }
        return nil
    }

    mutating func declare(_ name: String, _ symbol: CodeGenerator.LocalSymbol) {
        scopes[scopes.count - 1][name] = symbol
    }

    /// Frames are 16-byte aligned, so no object in one can ask for more.
    /// `alignment` is a `__declspec(align(N))` on the declaration (0: none).
    mutating func allocateFrame(_ type: CType, alignment: Int = 0) -> Int {
        let a = max(1, min(max(type.alignment, alignment), 16))
        frameSize = (frameSize + a - 1) / a * a
        let offset = frameSize
        frameSize += max(type.size, 1)
        return offset
    }

    mutating func allocateRegister() -> Int32 {
        registerCount += 1
        return Int32(registerCount - 1)
    }
}
