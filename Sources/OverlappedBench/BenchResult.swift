import SimRuntime
import Foundation

/// What one benchmark workload measured. Rates are per wall-clock second;
/// `extra` holds the figures only some workloads have (ms per frame, ms per
/// kernel step, …), kept in insertion order so the JSON is stable.
public struct BenchResult: Sendable {
    public var name: String
    /// Requests the simulated program completed (0 where the workload has none).
    var simulatedRequests: Int = 0
    var kernelEvents: Int = 0
    var vmStatements: Int = 0
    var virtualTimeUs: UInt64 = 0
    var wallTimeSeconds: Double = 0
    /// CPU time this process used over the same stretch (0 when not measured):
    /// on a busy machine wall time also counts time the CPU served others.
    var cpuTimeSeconds: Double = 0
    var peakRSSBytes: UInt64 = 0
    /// A one-line summary for the table ("3.2 ms/step, max 9.1 ms").
    var summary: String = ""
    var extra: [(key: String, value: Double)] = []
    /// False when the workload did not finish the way it should (wrong output, fault).
    public var ok = true
    public var problem: String?

    var eventsPerSecond: Double { rate(kernelEvents) }
    var statementsPerSecond: Double { rate(vmStatements) }
    var requestsPerSecond: Double { rate(simulatedRequests) }

    func rate(_ count: Int) -> Double { wallTimeSeconds > 0 ? Double(count) / wallTimeSeconds : 0 }

    /// One JSON object (one line).
    var json: String {
        var fields: [String] = [
            "\"name\":\(BenchJSON.string(name))",
            "\"simulated_requests\":\(simulatedRequests)",
            "\"kernel_events\":\(kernelEvents)",
            "\"vm_statements\":\(vmStatements)",
            "\"virtual_time_us\":\(virtualTimeUs)",
            "\"wall_time_s\":\(BenchJSON.number(wallTimeSeconds))",
            "\"cpu_time_s\":\(BenchJSON.number(cpuTimeSeconds))",
            "\"events_per_s\":\(BenchJSON.number(eventsPerSecond))",
            "\"statements_per_s\":\(BenchJSON.number(statementsPerSecond))",
            "\"requests_per_second\":\(BenchJSON.number(requestsPerSecond))",
            "\"peak_rss_bytes\":\(peakRSSBytes)",
        ]
        for (key, value) in extra { fields.append("\(BenchJSON.string(key)):\(BenchJSON.number(value))") }
        fields.append("\"ok\":\(ok)")
        if let problem { fields.append("\"problem\":\(BenchJSON.string(problem))") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// Minimal JSON text for numbers and strings (no Foundation encoder, so the
/// key order is the one written).
enum BenchJSON {
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }

    static func string(_ text: String) -> String { JSONText.string(text) }
}
