/// Emits bytecode for a program the `TypeChecker` found free of errors,
/// reading the types it computed.
///
/// Scalars whose address is never taken live in VM registers; everything else
/// (arrays, structs, `&x` targets) lives in the thread's stack memory, so
/// pointers behave exactly as in C. Every instruction records the location of
/// the construct it came from.
final class CodeGenerator {
    enum GlobalSymbol {
        case function(Int, FunctionType)
        case external(Int, FunctionType)
        case variable(UInt64, CType)
    }

    enum LocalSymbol {
        case register(Int32, CType)
        case frame(Int, CType)
        case global(UInt64, CType)
    }

    enum LValue {
        case register(Int32, CType)
        /// The address is on the operand stack.
        case memory(CType)

        var type: CType {
            switch self {
            case .register(_, let t), .memory(let t): return t
            }
        }
    }

    var code: [Instruction] = []
    var lines: [Int32] = []
    var columns: [Int32] = []
    /// Only an internal compiler error: the checker reports the program's.
    var diagnostics: [Diagnostic] = []
    var location = SourceLocation.unknown
    /// What the checker found: the type of every expression.
    let types: ExpressionTypes

    var globals: [String: GlobalSymbol] = [:]
    var functions: [Program.Function] = []
    var externals: [String] = []
    var externalIndex: [String: Int] = [:]
    var globalsSize = 0
    var initialData: [(offset: Int, bytes: [UInt8])] = []
    var stringLiterals: [[UInt32]: UInt64] = [:]
    var wideStringLiterals: [[UInt32]: UInt64] = [:]
    var globalVariables: [Program.GlobalVariable] = []
    /// Static locals with initializers: run once by the entry function.
    var staticInitializers: [(UInt64, CType, Initializer)] = []

    /// The function being compiled.
    var function = FunctionCompilation(name: "")

    /// `externals` are the library functions in the order the checker met
    /// them, which numbers them.
    init(types: ExpressionTypes, externals: [String]) {
        self.types = types
        for name in externals { _ = externalFunction(name) }
    }

    /// The type the checker found for `e`. The checker types every
    /// expression code generation asks about; a miss is a compiler bug.
    func typeOf(_ e: Expr) -> CType {
        assert(types[e] != nil, "no type checked for the expression at \(e.location)")
        return types[e] ?? .error
    }

    // MARK: Emission

    @discardableResult
    func emit(_ op: Opcode, a: Int32 = 0, b: UInt64 = 0) -> Int {
        if lastJumpTarget < here, let last = code.last, folds(op, a: a, b: b, after: last) {
            return code.count - 1
        }
        code.append(Instruction(op, a: a, b: b))
        lines.append(Int32(clamping: location.line))
        columns.append(Int32(clamping: location.column))
        return code.count - 1
    }

    var here: Int { code.count }

    /// Peepholes on the instruction about to be emitted and the one before
    /// it, for fewer instructions to dispatch with the same effect. Returns
    /// true when `op` is merged into the code already there (nothing to
    /// append). Only called when no jump lands where `op` would go; a jump
    /// landing on the previous instruction still sees the same effect (also
    /// when that instruction is removed: the jump then lands on the next).
    private func folds(_ op: Opcode, a: Int32, b: UInt64, after last: Instruction) -> Bool {
        let i = code.count - 1
        switch (last.op, op) {
        case (.const_, .zext8), (.const_, .zext16), (.const_, .zext32),
             (.const_, .sext8), (.const_, .sext16), (.const_, .sext32):
            // A conversion of a constant: the converted constant.
            let v = last.b
            switch op {
            case .zext8: code[i].b = v & 0xFF
            case .zext16: code[i].b = v & 0xFFFF
            case .zext32: code[i].b = v & 0xFFFF_FFFF
            case .sext8: code[i].b = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: v)))
            case .sext16: code[i].b = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: v)))
            default: code[i].b = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v)))
            }
            return true
        case (.zext8, .pop), (.zext16, .pop), (.zext32, .pop), (.sext8, .pop), (.sext16, .pop), (.sext32, .pop):
            // A value converted only to be dropped: drop it as it is.
            code[i].op = .pop
            return true
        case (.store, .pop):
            code[i].op = .storePop
            return true
        case (.const_, .add), (.const_, .sub), (.const_, .mul):
            // An operation with a constant: one instruction, or none when
            // the constant changes nothing (`CONTAINING_RECORD` of offset 0).
            let folded = Instruction(op == .mul ? .mulConst : .addConst, a: 0, b: op == .sub ? 0 &- last.b : last.b)
            if folded.b == (op == .mul ? 1 : 0) {
                code.removeLast()
                lines.removeLast()
                columns.removeLast()
            } else {
                code[i] = folded
            }
            return true
        case (.addConst, .addConst):
            code[i].b = last.b &+ b
            return true
        case (.const_, .eq) where last.b == 0:
            // `x == 0` is `!x`.
            code[i] = Instruction(.lnot)
            return true
        case (.frameAddr, .load), (.const_, .load), (.addConst, .load):
            // An address and the load through it: one fused load. It takes
            // the load's location, the only part that can fault.
            code[i].op = last.op == .frameAddr ? .frameLoad : (last.op == .const_ ? .constLoad : .offsetLoad)
            code[i].a = a
            lines[i] = Int32(clamping: location.line)
            columns[i] = Int32(clamping: location.column)
            return true
        case (.lnot, .jumpIfZero), (.lnot, .jumpIfNotZero):
            // A jump on `!x` is the opposite jump on `x` (same target).
            code[i] = Instruction(op == .jumpIfZero ? .jumpIfNotZero : .jumpIfZero, a: a)
            return true
        default:
            return false
        }
    }

    func patch(_ at: Int, to target: Int) {
        code[at].a = Int32(target)
        lastJumpTarget = max(lastJumpTarget, target)
    }

    /// The highest instruction index a forward jump lands on: code before it
    /// may be rewritten by peepholes, code at it may not.
    var lastJumpTarget = 0

    func emitConst(_ v: UInt64) { emit(.const_, b: v) }

    // MARK: Storage

    /// `alignment` is a `__declspec(align(N))` on the declaration (0: none).
    func allocateGlobal(_ type: CType, name: String, alignment: Int = 0) -> UInt64 {
        let a = max(1, type.alignment, alignment)
        globalsSize = (globalsSize + a - 1) / a * a
        let address = Program.globalsBase + UInt64(globalsSize)
        globalsSize += max(type.size, 1)
        var elements: Int?
        if case .array(_, let count) = type { elements = count }
        globalVariables.append(Program.GlobalVariable(name: name, address: address, size: max(type.size, 1), type: type.description,
                                                      elementCount: elements))
        return address
    }

    func stringAddress(_ units: [UInt32], wide: Bool) -> UInt64 {
        if let a = (wide ? wideStringLiterals : stringLiterals)[units] { return a }
        let unit = wide ? 2 : 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity((units.count + 1) * unit)
        for u in units + [0] {
            bytes.append(UInt8(truncatingIfNeeded: u))
            if wide { bytes.append(UInt8(truncatingIfNeeded: u >> 8)) }
        }
        globalsSize = (globalsSize + 7) / 8 * 8
        let offset = globalsSize
        globalsSize += bytes.count
        initialData.append((offset, bytes))
        let address = Program.globalsBase + UInt64(offset)
        if wide { wideStringLiterals[units] = address } else { stringLiterals[units] = address }
        return address
    }

    func externalFunction(_ name: String) -> Int {
        if let i = externalIndex[name] { return i }
        externals.append(name)
        externalIndex[name] = externals.count - 1
        return externals.count - 1
    }

    // MARK: Whole program

    /// Lays out the file-scope declarations the checker accepted, compiles
    /// every function, then the start routine (initializers, then `main`).
    func compile(_ fileScope: [FileScopeDeclaration], pragmas: [SimPragma]) -> Program? {
        var bodies: [(FunctionDecl, Int)] = []
        var globalInits: [VarDecl] = []
        for declaration in fileScope {
            switch declaration {
            case .external(let name, let type):
                globals[name] = .external(0, type)
            case .function(let f):
                let index = functions.count
                functions.append(Program.Function(name: f.name, entry: 0, registerCount: 0, frameSize: 0,
                                                  parameters: [], location: f.location))
                globals[f.name] = .function(index, f.type)
                bodies.append((f, index))
            case .declaredVariable(let v):
                globals[v.name] = .variable(allocateGlobal(v.type, name: v.name), v.type)
            case .definedVariable(let v):
                if case .variable = globals[v.name] {} else {
                    globals[v.name] = .variable(allocateGlobal(v.type, name: v.name, alignment: v.alignment), v.type)
                }
                if v.initializer != nil { globalInits.append(v) }
            }
        }
        // Pass 2: bodies.
        for (f, index) in bodies { compileFunction(f, index: index) }
        // The entry: global initializers, then main.
        var mainIndex = -1
        for name in ["main", "wmain"] { if case .function(let i, _) = globals[name] { mainIndex = i; break } }
        function = FunctionCompilation(name: "<start>")
        let entry = here
        location = SourceLocation(line: 1, column: 1)
        for v in globalInits {
            guard case .variable(let address, _) = globals[v.name], let initializer = v.initializer else { continue }
            location = v.location
            initializeObject(.global(address, v.type), type: v.type, initializer: initializer, zeroFirst: false)
        }
        for (address, type, initializer) in staticInitializers {
            location = initializer.location
            initializeObject(.global(address, type), type: type, initializer: initializer, zeroFirst: false)
        }
        if mainIndex >= 0 {
            let mainType = globals[functions[mainIndex].name].flatMap { s -> FunctionType? in
                if case .function(_, let t) = s { return t }
                return nil
            }
            let paramCount = mainType?.parameters.count ?? 0
            if paramCount > 0 { emitConst(1) }
            if paramCount > 1 { emitConst(argvAddress(wide: functions[mainIndex].name == "wmain")) }
            if paramCount > 2 { for _ in 2..<paramCount { emitConst(0) } }
            location = functions[mainIndex].location
            emit(.call, a: Int32(mainIndex), b: UInt64(paramCount))
            if let m = mainType, m.returnType.isVoid { emit(.pop); emitConst(0) }
            emit(.ret)
        } else {
            emit(.retVoid)
        }
        functions.append(Program.Function(name: "<start>", entry: entry, registerCount: function.registerCount,
                                          frameSize: (function.frameSize + 15) & ~15, parameters: [], location: .unknown))
        return finish(pragmas: pragmas)
    }

    /// Sizes operand stacks, verifies the code, and packages the program.
    private func finish(pragmas: [SimPragma]) -> Program? {
        let start = functions.count - 1
        var mainIndex = -1
        for name in ["main", "wmain"] { if case .function(let i, _) = globals[name] { mainIndex = i; break } }
        let entries = functions.map(\.entry).sorted()
        for i in functions.indices {
            let next = entries.first { $0 > functions[i].entry } ?? code.count
            functions[i].maxStack = next - functions[i].entry + 8
        }
        if let problem = StackVerifier.verify(code, functions: functions) {
            // Only a compiler bug gets here; refuse to run rather than misbehave.
            diagnostics.append(Diagnostic("internal compiler error: \(problem)", at: SourceLocation(line: 1, column: 1)))
            return nil
        }
        return Program(code: code, lines: lines, columns: columns, functions: functions, externals: externals,
                       globalsSize: globalsSize, initialData: initialData, pragmas: pragmas,
                       startFunction: start, mainFunction: mainIndex,
                       globalVariables: globalVariables)
    }

    /// `argv` for `main(argc, argv)`: the program name, then NULL (wide for `wmain`).
    private func argvAddress(wide: Bool) -> UInt64 {
        let name = stringAddress(Array("program.exe".unicodeScalars.map { UInt32($0.value) }), wide: wide)
        globalsSize = (globalsSize + 7) / 8 * 8
        let offset = globalsSize
        globalsSize += 16
        var bytes: [UInt8] = []
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: name >> (8 * UInt64(k)))) }
        bytes += [UInt8](repeating: 0, count: 8)
        initialData.append((offset, bytes))
        return Program.globalsBase + UInt64(offset)
    }

    func completeArrayType(_ type: CType, _ initializer: Initializer?) -> CType {
        TypeRules.completeArrayType(type, initializer, typeOf: typeOf)
    }

    private func compileFunction(_ f: FunctionDecl, index: Int) {
        function = FunctionCompilation(name: f.name, returnType: f.type.returnType, addressTaken: AddressTakenScanner.scan(f.body))
        location = f.location
        let entry = here
        var parameters: [Program.Parameter] = []
        function.hiddenResult = nil
        if function.returnType.isRecord {
            // A struct result is written through a hidden first argument that
            // points at the caller's temporary; the address is returned.
            let r = function.allocateRegister()
            function.hiddenResult = r
            parameters.append(Program.Parameter(inRegister: true, register: Int(r), frameOffset: 0, size: 8, copiesFromAddress: false))
        }
        for (i, type) in f.type.parameters.enumerated() {
            let name = i < f.parameterNames.count ? f.parameterNames[i] : nil
            if type.isError {
                if let name { function.declare(name, .register(function.allocateRegister(), .error)) }
                continue
            }
            guard let name else {
                // An unnamed parameter (C23, C++, `int main(int, char **)`)
                // still takes its argument: a slot nothing can name.
                if type.isRecord {
                    parameters.append(Program.Parameter(inRegister: false, register: 0, frameOffset: function.allocateFrame(type), size: type.size,
                                                        copiesFromAddress: !TypeRules.passesInRegister(type)))
                } else {
                    parameters.append(Program.Parameter(inRegister: true, register: Int(function.allocateRegister()), frameOffset: 0, size: 8,
                                                        copiesFromAddress: false))
                }
                continue
            }
            if type.isRecord || function.addressTaken.contains(name) {
                let offset = function.allocateFrame(type)
                parameters.append(Program.Parameter(inRegister: false, register: 0, frameOffset: offset, size: type.size,
                                                    copiesFromAddress: type.isRecord && !TypeRules.passesInRegister(type)))
                function.declare(name, .frame(offset, type))
            } else {
                let r = function.allocateRegister()
                parameters.append(Program.Parameter(inRegister: true, register: Int(r), frameOffset: 0, size: 8, copiesFromAddress: false))
                function.declare(name, .register(r, type))
            }
        }
        function.scopes.append([:])
        for s in f.body { statement(s) }
        location = f.endLocation
        emit(.retVoid)
        for (name, at) in function.gotos {
            if let target = function.labels[name] { patch(at, to: target) }
        }
        functions[index] = Program.Function(name: f.name, entry: entry, registerCount: function.registerCount,
                                            frameSize: (function.frameSize + 15) & ~15, parameters: parameters, location: f.location)
    }

}
