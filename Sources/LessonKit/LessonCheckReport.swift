/// The text `lesson check` prints: a line per lesson, its problems indented
/// as FILE:LINE: MESSAGE, and the final `N passed, N failed`.
public enum LessonCheckReport {
    public static func render(_ results: [LessonCheckResult]) -> String {
        var out = ""
        for result in results {
            if result.passed {
                out += "ok   \(result.file) (\(counted(result.stepsRun, "step")), \(counted(result.checkpoints, "checkpoint")), \(counted(result.questions, "question")))\n"
                for warning in result.warnings { out += "  warning: \(warning)\n" }
            } else {
                out += "FAIL \(result.file)\n"
                for failure in result.failures { out += "  \(failure)\n" }
                for warning in result.warnings { out += "  warning: \(warning)\n" }
                if result.stepsNotRun > 0 { out += "  (\(result.stepsNotRun) later steps not run)\n" }
            }
        }
        let passed = results.filter(\.passed).count
        out += "\(passed) passed, \(results.count - passed) failed\n"
        return out
    }

    /// "1 question", "2 questions".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
