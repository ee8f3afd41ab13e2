import SimKernel
import SimMemory

/// What the runtime adds to the kernel's picture: the program's names for
/// its `OVERLAPPED`s (on requests, packets and completion routines), the
/// `OVERLAPPED`s themselves as they are in memory. (Thread names come from
/// the kernel, one per thread everywhere: `Kernel.threadNames`.)
extension ProgramRun {
    /// How many `OVERLAPPED`s the picture shows at most (the most recently first used).
    static let overlappedsShown = 64

    func named(_ kernelView: MachineView) -> MachineView {
        var view = kernelView
        guard let registry = runtimeState?.overlappeds, !registry.order.isEmpty else { return view }
        for index in view.requests.indices {
            view.requests[index].overlappedLabel = registry.label(view.requests[index].overlapped)
        }
        for port in view.ports.indices {
            for packet in view.ports[port].queue.indices where view.ports[port].queue[packet].overlapped != 0 {
                view.ports[port].queue[packet].overlappedLabel = registry.label(view.ports[port].queue[packet].overlapped)
            }
        }
        for thread in view.threads.indices {
            for apc in view.threads[thread].apcQueue.indices where view.threads[thread].apcQueue[apc].kind == .completionRoutine {
                view.threads[thread].apcQueue[apc].overlappedLabel = registry.label(view.threads[thread].apcQueue[apc].argument)
            }
        }
        if var memory = kernel.memory(of: processId) {
            view.overlappeds = registry.order.suffix(Self.overlappedsShown).compactMap { address in
                guard let label = registry.label(address) else { return nil }
                return Self.overlapped(at: address, label: label, in: &memory)
            }
        }
        return view
    }

    /// An `OVERLAPPED` read from memory (x64 layout: Internal, InternalHigh,
    /// Offset, OffsetHigh, hEvent); nil when the memory is not readable.
    static func overlapped(at address: UInt64, label: String, in memory: inout Memory) -> OverlappedView? {
        guard let status = try? memory.loadUInt64(address), let bytes = try? memory.loadUInt64(address + 8),
              let offset = try? memory.loadUInt64(address + 16), let event = try? memory.loadUInt64(address + 24)
        else { return nil }
        return OverlappedView(address: address, label: label, status: UInt32(truncatingIfNeeded: status), bytes: bytes,
                              offset: offset, hEvent: event)
    }
}
