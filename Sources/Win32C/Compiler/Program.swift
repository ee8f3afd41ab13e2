import SimMemory

/// A compiled program: bytecode with a source location per instruction, the
/// function and external-call tables, the global data layout, and the
/// `#pragma sim` records. Immutable and shareable between threads and runs.
public struct Program: Sendable {
    /// Where the globals (and string literals) live in every process.
    public static let globalsBase: UInt64 = 0x0000_0001_4000_0000
    /// Function "addresses": one 16-byte slot per function, never mapped, so a
    /// function pointer is a plain number and dereferencing one faults.
    public static let codeBase: UInt64 = 0x0000_7FF7_0000_0000
    /// Addresses of library (external) functions taken as values.
    public static let externalBase: UInt64 = 0x0000_7FF8_0000_0000

    public struct Function: Sendable {
        public var name: String
        public var entry: Int
        /// Scalar locals kept in VM registers (their address is never taken).
        public var registerCount: Int
        /// Bytes of stack memory for locals whose address is taken, structs, arrays.
        public var frameSize: Int
        public var parameters: [Parameter]
        public var location: SourceLocation
        /// Upper bound of operand-stack slots the function uses: a statement
        /// never jumps backwards, so it cannot push more than its code holds.
        public var maxStack = 0
    }

    /// Where an incoming argument goes when a function is entered.
    public struct Parameter: Sendable {
        public var inRegister: Bool
        public var register: Int
        public var frameOffset: Int
        public var size: Int
        /// A struct larger than 8 bytes: the argument is the address of the
        /// caller's object, copied into the frame on entry.
        public var copiesFromAddress: Bool
    }

    public var code: [Instruction]
    public var lines: [Int32]
    public var columns: [Int32]
    public var functions: [Function]
    /// Names of library functions the program calls (index = `callExternal` operand).
    public var externals: [String]
    public var globalsSize: Int
    /// Initial bytes of the globals region (string literals), as (offset, bytes).
    public var initialData: [(offset: Int, bytes: [UInt8])]
    public var pragmas: [SimPragma]
    /// The synthetic entry: initializes globals, calls `main`, returns its value.
    public var startFunction: Int
    public var mainFunction: Int
    /// File-scope and static variables in address order (`function.name` for static locals).
    public var globalVariables: [GlobalVariable]

    /// A variable in the globals region, for views that label addresses.
    public struct GlobalVariable: Sendable, Equatable {
        public var name: String
        public var address: UInt64
        public var size: Int
        /// The C type as text, e.g. `struct _OVERLAPPED`.
        public var type: String
        /// For an array, its number of elements (so an address inside it
        /// names an element: `ior[2]`).
        public var elementCount: Int? = nil
    }

    /// The global variable whose storage holds `address`, if any.
    public func globalVariable(containing address: UInt64) -> GlobalVariable? {
        // In address order: the last one starting at or before the address.
        var low = 0, high = globalVariables.count
        while low < high {
            let middle = (low + high) / 2
            if globalVariables[middle].address <= address { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = globalVariables[low - 1]
        return address < candidate.address + UInt64(candidate.size) ? candidate : nil
    }

    /// The name of the program function at a code address (an APC routine,
    /// a thread start routine), or nil.
    public func functionName(atAddress address: UInt64) -> String? {
        if let f = functionIndex(atAddress: address) { return functions[f].name }
        if let x = externalIndex(atAddress: address) { return externals[x] }
        return nil
    }

    /// `name` or `name+offset` for an address inside a global variable
    /// (e.g. an `OVERLAPPED` in a global array), or nil.
    public func describe(address: UInt64) -> String? {
        var lo = 0, hi = globalVariables.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let v = globalVariables[mid]
            if address < v.address { hi = mid - 1 }
            else if address >= v.address + UInt64(v.size) { lo = mid + 1 }
            else { return address == v.address ? v.name : "\(v.name)+\(address - v.address)" }
        }
        return nil
    }

    public func location(at ip: Int) -> SourceLocation {
        guard ip >= 0 && ip < lines.count else { return .unknown }
        return SourceLocation(line: Int(lines[ip]), column: Int(columns[ip]))
    }

    public func functionAddress(_ index: Int) -> UInt64 { Program.codeBase + UInt64(index) * 16 }
    public func externalAddress(_ index: Int) -> UInt64 { Program.externalBase + UInt64(index) * 16 }

    /// The function at a code address, if it is one.
    public func functionIndex(atAddress address: UInt64) -> Int? {
        guard address >= Program.codeBase, address & 15 == 0 else { return nil }
        let i = (address - Program.codeBase) / 16
        return i < UInt64(functions.count) ? Int(i) : nil
    }

    public func externalIndex(atAddress address: UInt64) -> Int? {
        guard address >= Program.externalBase, address & 15 == 0 else { return nil }
        let i = (address - Program.externalBase) / 16
        return i < UInt64(externals.count) ? Int(i) : nil
    }

    public func function(named name: String) -> Int? { functions.firstIndex { $0.name == name } }

    /// The function whose code contains `ip` (functions are laid out in order).
    public func functionIndex(containing ip: Int) -> Int? {
        var best: (index: Int, entry: Int)?
        for (i, f) in functions.enumerated() where f.entry <= ip {
            if let b = best, b.entry >= f.entry { continue }
            best = (i, f.entry)
        }
        return best?.index
    }

    /// Maps the globals region and writes its initial data into `memory`.
    public func load(into memory: inout Memory) throws(MemoryFault) {
        let size = UInt64(max(globalsSize, 16) + 15) & ~15
        try memory.map(base: Program.globalsBase, size: size, name: "globals")
        for d in initialData { try memory.writeBytes(d.bytes, at: Program.globalsBase + UInt64(d.offset)) }
    }
}
