/// What the kernel's ids have in common: a small integer, dense and never
/// reused, wrapped in its own type so a thread id cannot be passed where an
/// object id is meant. They print as the bare number, as the trace always
/// has ("T3", "req=12").
///
/// The ids stay inside the kernel: its public API (`MachineView`,
/// `TraceEvent`, `Kernel`'s public methods) speaks plain `Int`, converted at
/// the edge (`rawValue`, `init(_:)`).
protocol KernelID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible where RawValue == Int {
    init(rawValue: Int)
}

extension KernelID {
    @inline(__always) init(_ raw: Int) { self.init(rawValue: raw) }
    @inline(__always) static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    var description: String { String(rawValue) }
}

/// A simulated thread (index into the thread table; 0 is the unused idle slot).
struct ThreadID: KernelID {
    let rawValue: Int
    @inline(__always) init(rawValue: Int) { self.rawValue = rawValue }
}

/// A kernel object: what a handle refers to (event, semaphore, mutex, file
/// object, port, thread, process). Index into the object list; 0 is unused.
struct ObjectID: KernelID {
    let rawValue: Int
    @inline(__always) init(rawValue: Int) { self.rawValue = rawValue }
}

/// An I/O request, numbered in issue order from 1.
struct RequestID: KernelID {
    let rawValue: Int
    @inline(__always) init(rawValue: Int) { self.rawValue = rawValue }
}
