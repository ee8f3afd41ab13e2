extension SimulationSettings {
    /// The disk settings as a `#pragma sim disk(...)` line, nil when the
    /// lesson sets none. Appended to a program, it overrides only the keys it
    /// names (later disk pragmas win key by key) and, being last, leaves every
    /// line number of the program unchanged.
    public var diskPragma: String? {
        var parts: [String] = []
        if let v = disk.latencyMicroseconds { parts.append("latency_us=\(v)") }
        if let v = disk.jitterMicroseconds { parts.append("jitter_us=\(v)") }
        if let v = disk.parallel { parts.append("parallel=\(v)") }
        if let v = disk.sectorSize { parts.append("sector=\(v)") }
        if let v = disk.cache { parts.append("cache=\(v ? "on" : "off")") }
        return parts.isEmpty ? nil : "#pragma sim disk(\(parts.joined(separator: ", ")))"
    }

    /// `params` as the name → value table `--param` fills (a later entry wins).
    public var parameterTable: [String: Int64] {
        var table: [String: Int64] = [:]
        for parameter in params { table[parameter.name] = parameter.value }
        return table
    }
}

extension ProgramSpec {
    /// The program text with the lesson's disk settings appended, ready to compile.
    public func source(applying settings: SimulationSettings) -> String {
        guard let pragma = settings.diskPragma else { return text }
        return text + (text.hasSuffix("\n") || text.isEmpty ? "" : "\n") + pragma + "\n"
    }
}
