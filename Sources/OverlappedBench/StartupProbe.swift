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

    /// Starts `overlapped ARGUMENTS` with `fd` as its stdin, stdout and
    /// stderr (posix_spawn: Foundation's Process adds tens of milliseconds of
    /// its own to a start-up measured in milliseconds). Returns the child's pid.
    static func spawn(_ arguments: [String], fd: Int32, environment: [String: String]) -> pid_t? {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, fd, target) }
        let argv = ([executablePath] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = executablePath.withCString { path in
            posix_spawn(&pid, path, &actions, nil, argv + [nil], envp + [nil])
        }
        return status == 0 ? pid : nil
    }

    /// Waits for `pid`; true when it exited with status 0.
    @discardableResult
    static func wait(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status == 0
    }

    /// Whether `pid` has ended (reaping it if so).
    static func hasEnded(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid
    }

    /// Wall seconds from spawn to exit of `overlapped ARGUMENTS` (output discarded); nil if it failed.
    static func timeToExit(_ arguments: [String]) -> Double? {
        let null = open("/dev/null", O_RDWR)
        guard null >= 0 else { return nil }
        defer { close(null) }
        let clock = ContinuousClock()
        let start = clock.now
        guard let pid = spawn(arguments, fd: null, environment: ProcessInfo.processInfo.environment) else { return nil }
        let ok = wait(pid)
        let elapsed = start.duration(to: clock.now)
        return ok ? elapsed.seconds : nil
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
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["COLUMNS"] = nil
        environment["LINES"] = nil
        let clock = ContinuousClock()
        let start = clock.now
        let child = spawn(arguments, fd: slave, environment: environment)
        close(slave)
        guard let pid = child else { return nil }
        var ended = false
        defer {
            if !ended {
                kill(pid, SIGTERM)
                drain(master, until: clock.now + .milliseconds(500), pid: pid, ended: &ended)
                if !ended { kill(pid, SIGKILL); wait(pid) }
            }
        }
        let wanted = Array(marker.utf8)
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = start + .milliseconds(Int64(timeout * 1000))
        while clock.now < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) >= 0 else { return nil }
            if poller.revents & Int16(POLLIN) == 0 {
                if hasEnded(pid) { ended = true; return nil }
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
    static func drain(_ fd: Int32, until deadline: ContinuousClock.Instant, pid: pid_t, ended: inout Bool) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let clock = ContinuousClock()
        while clock.now < deadline {
            if hasEnded(pid) { ended = true; return }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 20) > 0, read(fd, &buffer, buffer.count) <= 0 {
                // The terminal closed: the child is gone or going.
                wait(pid)
                ended = true
                return
            }
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
