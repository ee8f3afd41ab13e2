/// One name per thread, the same wherever the thread is named: the thread
/// list, the port's queues, the timeline, the event log, narration, the
/// causes of a wake, warnings and deadlock reports.
///
/// The name is the program's: its description (`SetThreadDescription`), else
/// the function it started at. Several undescribed threads started at one
/// function are numbered in the order they were created ("Worker 1",
/// "Worker 2"), the way a program numbers its workers, so a thread keeps its
/// number when it later describes itself ("worker 2"). Names that would
/// still be alike get the thread id ("pool #7").
extension Kernel {
    /// The display name of every thread, indexed by thread id (0, the idle
    /// thread, has none).
    public func threadNames() -> [String] {
        var started: [String: Int] = [:]
        for t in threads.all { started[t.startName, default: 0] += 1 }
        // Numbered among every thread started at the function, described or not, so numbers never shift.
        var ordinal: [String: Int] = [:]
        var names = [""]
        names.reserveCapacity(threads.all.count + 1)
        for t in threads.all {
            ordinal[t.startName, default: 0] += 1
            if t.described || started[t.startName, default: 0] <= 1 {
                names.append(t.name)
            } else {
                names.append("\(t.startName) \(ordinal[t.startName, default: 0])")
            }
        }
        var seen: [String: Int] = [:]
        for name in names.dropFirst() { seen[name, default: 0] += 1 }
        if seen.values.contains(where: { $0 > 1 }) {
            for id in names.indices.dropFirst() where seen[names[id], default: 0] > 1 { names[id] += " #\(id)" }
        }
        return names
    }

    /// The display name of one thread (see `threadNames`).
    public func threadName(_ id: Int) -> String {
        let names = threadNames()
        return names.indices.contains(id) ? names[id] : "T\(id)"
    }

    func threadName(_ id: ThreadID) -> String { threadName(id.rawValue) }
}
