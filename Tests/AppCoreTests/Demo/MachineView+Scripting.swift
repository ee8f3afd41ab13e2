@testable import AppCore
import SimKernel

extension MachineView {
    /// Sets a thread's state and location (scripted runs only), keeping `cpus` in step.
    mutating func setThread(_ id: Int, _ state: ThreadStateView, stack: [CodeLocation]) {
        guard let index = threads.firstIndex(where: { $0.id == id }) else { return }
        if case .running = threads[index].state {} else if case .running = state { counters.contextSwitches += 1 }
        threads[index].state = state
        threads[index].stack = stack
        for cpu in cpus.indices where cpus[cpu] == id { cpus[cpu] = nil }
        if case .running(let cpu) = state, cpu < cpus.count { cpus[cpu] = id }
        let runnable = threads.filter {
            switch $0.state { case .ready, .running: return true
            default: return false }
        }.count
        counters.peakRunnable = Swift.max(counters.peakRunnable, runnable)
    }
}
