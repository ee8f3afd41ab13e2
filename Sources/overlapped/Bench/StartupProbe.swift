import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures how long the binary takes to start, by spawning it: to print
/// `--version` and exit, and to draw its first frame on a pseudo-terminal.
enum StartupProbe {
    /// This executable's path.
    static var executablePath: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first ?? "overlapped"
    }

    /// Wall seconds from spawn to exit of `overlapped ARGUMENTS` (output discarded); nil if it failed.
    static func timeToExit(_ arguments: [String]) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        let elapsed = start.duration(to: clock.now)
        return process.terminationStatus == 0 ? elapsed.seconds : nil
    }

    /// Wall seconds from spawn of `overlapped ARGUMENTS` on a `columns`×`rows`
    /// pseudo-terminal until `marker` has appeared in what it drew; nil if it
    /// did not within `timeout` seconds. The child is then ended.
    static func timeToFirstFrame(_ arguments: [String], marker: String, columns: UInt16 = 200, rows: UInt16 = 60,
                                 timeout: Double = 5) -> Double? {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { return nil }
        defer { close(master) }
        let slaveHandle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = arguments
        process.standardInput = slaveHandle
        process.standardOutput = slaveHandle
        process.standardError = slaveHandle
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["COLUMNS"] = nil
        environment["LINES"] = nil
        process.environment = environment
        let clock = ContinuousClock()
        let start = clock.now
        do { try process.run() } catch { return nil }
        try? slaveHandle.close()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            drain(master, until: clock.now + .milliseconds(500), process: process)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let wanted = Array(marker.utf8)
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = start + .milliseconds(Int64(timeout * 1000))
        while clock.now < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) >= 0 else { return nil }
            if poller.revents & Int16(POLLIN) == 0 {
                if !process.isRunning { return nil }
                continue
            }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return nil }
            seen.append(contentsOf: buffer[0..<count])
            if contains(seen, wanted) { return start.duration(to: clock.now).seconds }
        }
        return nil
    }

    /// Reads and discards the terminal's output so the child never blocks writing while it ends.
    static func drain(_ fd: Int32, until deadline: ContinuousClock.Instant, process: Process) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let clock = ContinuousClock()
        while process.isRunning, clock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 20) > 0, read(fd, &buffer, buffer.count) <= 0 { break }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return true }
        }
        return false
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
