/// A Compare workload: up to four programs run side by side with shared settings.
///
/// File format (plain text, one setting per line, `#` starts a comment):
///
///     title = Sixteen 64 KiB reads
///     seed = 1
///     cpus = 2
///     param REQUESTS = 16
///     pane = Device-signaled | method1-device.c
///     pane = Event-signaled | method2-event.c
///     pane = Alertable I/O | method3-alertable.c
///     pane = Completion port | method4-iocp.c
///
/// `pane = LABEL | PROGRAM` names a pane and its C program (a path relative to
/// the scenario file, or the name of a built-in program); one to four panes, in
/// screen order. `seed`, `cpus` and `param` apply to every program and win over
/// the programs' own pragmas; command-line options win over the file.
public struct Scenario: Sendable, Equatable {
    public struct Pane: Sendable, Equatable {
        public var label: String
        public var program: String
        public init(label: String, program: String) { self.label = label; self.program = program }
    }

    public var title: String
    public var seed: UInt64?
    public var cpus: Int?
    /// `--param`-style overrides, in file order.
    public var parameters: [(name: String, value: String)]
    public var panes: [Pane]

    public init(title: String, seed: UInt64? = nil, cpus: Int? = nil,
                parameters: [(name: String, value: String)] = [], panes: [Pane]) {
        self.title = title; self.seed = seed; self.cpus = cpus; self.parameters = parameters; self.panes = panes
    }

    public static func == (a: Scenario, b: Scenario) -> Bool {
        a.title == b.title && a.seed == b.seed && a.cpus == b.cpus && a.panes == b.panes
            && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value)
    }

    /// The shipped workload: the four method programs.
    public static let standard = Scenario(
        title: "the four methods", seed: nil, cpus: nil, parameters: [],
        panes: [
            Pane(label: "Device-signaled", program: "method1-device.c"),
            Pane(label: "Event-signaled", program: "method2-event.c"),
            Pane(label: "Alertable I/O", program: "method3-alertable.c"),
            Pane(label: "Completion port", program: "method4-iocp.c"),
        ])

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses a scenario file's text; every problem is reported with its line.
    public static func parse(_ text: String) throws(ParseError) -> Scenario {
        var scenario = Scenario(title: "", panes: [])
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let content = String(line).trimmingWhitespace()
            if content.isEmpty { continue }
            guard let equals = content.firstIndex(of: "=") else {
                throw ParseError(line: lineNumber, message: "expected KEY = VALUE")
            }
            let key = String(content[..<equals]).trimmingWhitespace()
            let value = String(content[content.index(after: equals)...]).trimmingWhitespace()
            let words = key.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            switch words.first?.lowercased() {
            case "title" where words.count == 1:
                scenario.title = value
            case "seed" where words.count == 1:
                guard let seed = UInt64(value) else { throw ParseError(line: lineNumber, message: "seed must be a whole number ≥ 0") }
                scenario.seed = seed
            case "cpus" where words.count == 1:
                guard let cpus = Int(value), (1...64).contains(cpus) else {
                    throw ParseError(line: lineNumber, message: "cpus must be between 1 and 64")
                }
                scenario.cpus = cpus
            case "param" where words.count == 2:
                guard !value.isEmpty else { throw ParseError(line: lineNumber, message: "param \(words[1]) needs a value") }
                scenario.parameters.append((words[1], value))
            case "pane" where words.count == 1:
                let parts = value.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                    .map { String($0).trimmingWhitespace() }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ParseError(line: lineNumber, message: "expected pane = LABEL | PROGRAM.c")
                }
                guard scenario.panes.count < 4 else { throw ParseError(line: lineNumber, message: "at most four panes") }
                scenario.panes.append(Pane(label: parts[0], program: parts[1]))
            default:
                throw ParseError(line: lineNumber, message: "unknown setting '\(key)' (title, seed, cpus, param NAME, pane)")
            }
        }
        guard !scenario.panes.isEmpty else { throw ParseError(line: lineNumber, message: "no pane = LABEL | PROGRAM.c lines") }
        return scenario
    }
}
