import SimKernel

/// The short texts that name requests, packets, APCs and `OVERLAPPED`s on
/// screen, by the program's own names where the runtime knows them.
enum StructureText {
    /// A request in flight: its `OVERLAPPED`'s name, offset and length
    /// ("oRead @8K 4K"); without a name, the operation ("read @8K 4K").
    static func request(_ request: IORequestView) -> String {
        let name = request.overlappedLabel ?? (request.operation == .read ? "read" : "write")
        return "\(name) @\(Format.bytes(request.offset)) \(Format.bytes(UInt64(request.length)))"
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
