import SimRuntime
import TUI

/// Renders the Compare screen repeatedly, for `overlapped bench --render`.
public enum RenderBenchmark {
    public struct Result: Sendable {
        public var frames: Int
        public var total: Duration
        public var lastGrid: Grid
        public var perFrameMicroseconds: Double {
            let c = total.components
            let us = Double(c.seconds) * 1e6 + Double(c.attoseconds) / 1e12
            return frames > 0 ? us / Double(frames) : 0
        }
    }

    /// Steps the session `warmupSteps` events (so the panes have content), then
    /// times `frames` renders of the Compare view at `size` (200×60 by default).
    public static func renderCompare(simulations: [any Simulation], labels: [String] = [], frames: Int,
                                     warmupSteps: Int = 200, size: Size = Size(width: 200, height: 60),
                                     options: UIOptions = UIOptions()) -> Result {
        var session = Session(kind: .compare, caption: "bench", simulations: simulations, labels: labels)
        for _ in 0..<warmupSteps where session.stepLockstep() {}
        let state = AppState.compare(session, options: options)
        var grid = state.view(size: size)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<max(0, frames) { grid = state.view(size: size) }
        return Result(frames: max(0, frames), total: start.duration(to: clock.now), lastGrid: grid)
    }
}
