import SimKernel
import TUI

/// The short texts that name requests, packets, APCs and `OVERLAPPED`s on
/// screen, by the program's own names where the runtime knows them.
enum StructureText {
    /// A request in flight: its `OVERLAPPED`'s name, offset and length
    /// ("oRead @8K 4K"); without a name, the operation ("read @8K 4K").
    static func request(_ request: IORequestView) -> String {
        let name = request.overlappedLabel ?? (request.operation == .read ? "read" : "write")
        return "\(name) @\(Format.bytes(request.offset)) \(Format.bytes(UInt64(request.length)))"
    }

    /// The same in little room: "2 @8K" for `ior[2]`, "r@8K" without a name.
    static func compactRequest(_ request: IORequestView) -> String {
        guard let label = request.overlappedLabel else {
            return (request.operation == .read ? "r" : "w") + "@" + Format.bytes(request.offset)
        }
        return Format.shortLabel(label) + " @" + Format.bytes(request.offset)
    }

    /// A completion packet: key, `OVERLAPPED`, bytes and (when not success)
    /// status; a posted packet says so and shows what was posted.
    static func packet(_ packet: PacketView) -> String {
        var parts: [String] = []
        if packet.posted { parts.append("posted") }
        parts.append("key \(packet.key)")
        if let label = packet.overlappedLabel {
            parts.append(label)
        } else if packet.overlapped != 0 {
            parts.append("ov 0x" + String(packet.overlapped, radix: 16, uppercase: true))
        }
        parts.append(Format.bytes(UInt64(packet.bytes)) + (packet.bytes >= 1024 && packet.bytes % 1024 == 0 ? "" : "B"))
        if packet.status != Win32.STATUS_SUCCESS { parts.append(shortStatus(packet.status)) }
        return parts.joined(separator: " ")
    }

    /// The same in little room: "k1 2" for key 1 and `ior[2]`; "post k2".
    static func compactPacket(_ packet: PacketView) -> String {
        if packet.posted { return "post k\(packet.key)" }
        let what = packet.overlappedLabel.map(Format.shortLabel) ?? Format.bytes(UInt64(packet.bytes))
        return "k\(packet.key) \(what)" + (packet.status != Win32.STATUS_SUCCESS ? "!" : "")
    }

    /// A queued APC: the routine and, for a completion routine, the request
    /// it reports ("ReadDone ior[2] 4K"); for `QueueUserAPC`, its argument.
    static func apc(_ apc: APCView) -> String {
        let routine = apc.routineName.isEmpty ? "0x" + String(apc.routine, radix: 16, uppercase: true) : apc.routineName
        switch apc.kind {
        case .completionRoutine:
            var text = routine
            if let label = apc.overlappedLabel { text += " " + label }
            text += " " + Format.bytes(UInt64(apc.bytes))
            if apc.errorCode != 0 { text += " err \(apc.errorCode)" }
            return text
        case .userAPC:
            return "\(routine)(\(apc.argument))"
        }
    }

    /// The same in little room: the request ("2" for `ior[2]`) or "apc".
    static func compactAPC(_ apc: APCView) -> String {
        switch apc.kind {
        case .completionRoutine: return apc.overlappedLabel.map(Format.shortLabel) ?? Format.bytes(UInt64(apc.bytes))
        case .userAPC: return "apc"
        }
    }

    /// A queue as a chain: every item in full when they all fit in `width`,
    /// else each in its compact form (the chain then ends in "+N" if needed).
    static func chain<Item>(_ items: [Item], full: (Item) -> String, compact: (Item) -> String, width: Int,
                            role: Role = .packet, context: DrawContext) -> Line {
        // Each item takes at least "[x]": more than width / 3 of them cannot all fit.
        if items.count <= width / 3 {
            let line = QueueChain(items: items.map(full), itemRole: role).line(width: Int.max, context: context)
            if line.displayWidth <= width { return line }
        }
        return QueueChain(items: items.map(compact), itemRole: role).line(width: width, context: context)
    }

    /// "STATUS_PENDING" → "PENDING", for narrow places.
    static func shortStatus(_ status: UInt32) -> String {
        let name = Win32.statusName(status)
        return name.hasPrefix("STATUS_") ? String(name.dropFirst("STATUS_".count)) : name
    }

    /// The event an `hEvent` names, by the program's label for it; "-" for none.
    static func event(_ handle: UInt64, in machine: MachineView) -> String {
        guard handle != 0 else { return "-" }
        // The low bit of hEvent asks that no packet be queued; the handle is the rest.
        let value = handle & ~1
        if let event = machine.events.first(where: { $0.handles.contains(value) }) { return event.object.label }
        return "0x" + String(value, radix: 16, uppercase: true)
    }
}
