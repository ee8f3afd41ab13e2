/// What a condition says about a mutex.
public enum MutexPredicate: Sendable, Equatable {
    /// Owned by this thread (by any thread when nil).
    case owned(by: ThreadRef?)
    /// Nobody owns it.
    case free
    /// Its owner ended without releasing it (`WAIT_ABANDONED` for the next owner).
    case abandoned
}

/// The `OVERLAPPED` fields a condition can read, by their Win32 names.
public enum OverlappedField: String, Sendable, Equatable, CaseIterable {
    /// The request's NTSTATUS (`STATUS_PENDING` while in flight).
    case `internal` = "Internal"
    /// Bytes transferred, once complete.
    case internalHigh = "InternalHigh"
    /// Where the request starts in the file (low 32 bits with `OffsetHigh`).
    case offset = "Offset"
}

/// The fields a queued completion packet must have; nil fields match anything.
public struct PacketMatch: Sendable, Equatable {
    public var key: UInt64?
    public var bytes: Int?
    /// The NTSTATUS of the completed request (0 for success).
    public var status: UInt32?
    /// The program's name for the packet's `OVERLAPPED`.
    public var overlapped: String?

    public init(key: UInt64? = nil, bytes: Int? = nil, status: UInt32? = nil, overlapped: String? = nil) {
        self.key = key; self.bytes = bytes; self.status = status; self.overlapped = overlapped
    }

    public var isEmpty: Bool { key == nil && bytes == nil && status == nil && overlapped == nil }
}

/// NTSTATUS values a condition may name instead of a number.
enum StatusNames {
    static let values: [(name: String, value: UInt32)] = [
        ("STATUS_SUCCESS", 0), ("STATUS_PENDING", 0x103), ("STATUS_END_OF_FILE", 0xC000_0011),
        ("STATUS_CANCELLED", 0xC000_0120), ("STATUS_INVALID_PARAMETER", 0xC000_000D),
    ]

    static func value(_ name: String) -> UInt32? {
        values.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The name of a status when it has one here, else its hex value.
    static func text(_ value: UInt32) -> String {
        values.first { $0.value == value }?.name ?? "0x" + String(value, radix: 16, uppercase: true)
    }
}
