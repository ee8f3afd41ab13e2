import Foundation

/// The bench results as text: the table and the JSON document.
public enum BenchReport {
    static var build: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    public static func json(_ results: [BenchResult], quick: Bool, watchesPendingIO: Bool = true) -> String {
        let machine = "{\"cpus\":\(ProcessInfo.processInfo.activeProcessorCount),"
            + "\"os\":\(BenchJSON.string(ProcessInfo.processInfo.operatingSystemVersionString))}"
        return "{\"build\":\"\(build)\",\"quick\":\(quick),\"io_watch\":\(watchesPendingIO),\"machine\":\(machine),"
            + "\"workloads\":[\(results.map(\.json).joined(separator: ","))]}"
    }

    public static func table(_ results: [BenchResult], quick: Bool, watchesPendingIO: Bool = true) -> String {
        let header = ["workload", "requests", "kernel events", "statements", "virtual time", "wall", "CPU", "events/s",
                      "statements/s", "requests/s", "peak RSS", "notes"]
        var rows: [[String]] = [header]
        for r in results {
            rows.append([
                r.name, count(r.simulatedRequests), count(r.kernelEvents), count(r.vmStatements),
                String(format: "%.3f s", Double(r.virtualTimeUs) / 1e6), String(format: "%.3f s", r.wallTimeSeconds),
                r.cpuTimeSeconds > 0 ? String(format: "%.3f s", r.cpuTimeSeconds) : "-",
                rate(r.eventsPerSecond), rate(r.statementsPerSecond), rate(r.requestsPerSecond),
                String(format: "%.1f MiB", Double(r.peakRSSBytes) / 1_048_576),
                r.ok ? r.summary : "FAILED: " + (r.problem ?? ""),
            ])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.indices.map { c in
                let cell = row[c]
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 || c == row.count - 1 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        lines.append("")
        lines.append("\(build) build, \(ProcessInfo.processInfo.activeProcessorCount) CPUs\(quick ? ", --quick (scaled down)" : "")"
                     + (watchesPendingIO ? "" : ", --without-io-watch (no misuse warnings that watch pending I/O)"))
        return lines.joined(separator: "\n")
    }

    static func count(_ n: Int) -> String { n == 0 ? "-" : grouped(n) }

    static func rate(_ r: Double) -> String {
        if r <= 0 { return "-" }
        if r >= 1e6 { return String(format: "%.2f M", r / 1e6) }
        if r >= 1e3 { return String(format: "%.1f k", r / 1e3) }
        return String(format: "%.1f", r)
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
