/// The arguments of one library call, held inline: the first eight in the
/// value itself, any further ones in an array. A call stopping the VM thus
/// allocates nothing unless it passes more than eight arguments.
public struct CallArguments: Sendable {
    public static let inlineCapacity = 8

    /// How many arguments were passed.
    public let count: Int
    @usableFromInline
    let inline: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    /// Arguments past `inlineCapacity`, in order; nil when there are none
    /// (nothing to release when the value is destroyed).
    @usableFromInline
    let overflow: [UInt64]?

    /// Copies `count` values starting at `start` (the top of the VM's operand stack).
    init(copying start: UnsafePointer<UInt64>, count: Int) {
        let n = max(0, count)
        self.count = n
        inline = (n > 0 ? start[0] : 0, n > 1 ? start[1] : 0, n > 2 ? start[2] : 0, n > 3 ? start[3] : 0,
                  n > 4 ? start[4] : 0, n > 5 ? start[5] : 0, n > 6 ? start[6] : 0, n > 7 ? start[7] : 0)
        overflow = n > CallArguments.inlineCapacity
            ? Array(UnsafeBufferPointer(start: start + CallArguments.inlineCapacity, count: n - CallArguments.inlineCapacity))
            : nil
    }

    /// Copies the values `buffer` holds.
    public init(_ buffer: UnsafeBufferPointer<UInt64>) {
        guard let base = buffer.baseAddress else { self.init(); return }
        self.init(copying: base, count: buffer.count)
    }

    public init(_ values: [UInt64]) {
        self = values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return CallArguments() }
            return CallArguments(copying: base, count: buffer.count)
        }
    }

    /// No arguments.
    public init() {
        count = 0
        inline = (0, 0, 0, 0, 0, 0, 0, 0)
        overflow = nil
    }

    /// Argument `i`; 0 for one that was not passed (as a C callee reading
    /// an argument its caller left out would see garbage, never a crash).
    @inlinable
    public subscript(_ i: Int) -> UInt64 {
        guard i >= 0 && i < count else { return 0 }
        return value(i)
    }

    @inlinable
    func value(_ i: Int) -> UInt64 {
        switch i {
        case 0: return inline.0
        case 1: return inline.1
        case 2: return inline.2
        case 3: return inline.3
        case 4: return inline.4
        case 5: return inline.5
        case 6: return inline.6
        case 7: return inline.7
        default:
            guard let overflow, i - CallArguments.inlineCapacity < overflow.count else { return 0 }
            return overflow[i - CallArguments.inlineCapacity]
        }
    }

    /// All arguments in order.
    public var array: [UInt64] { (0 ..< count).map(value) }
}

extension CallArguments: Equatable {
    public static func == (a: CallArguments, b: CallArguments) -> Bool {
        a.count == b.count && (0 ..< a.count).allSatisfy { a.value($0) == b.value($0) }
    }
}
