import Yams

extension LessonParser {
    /// The front matter's fields, before programs are read.
    struct Header {
        var id: String
        var title: String
        var order: Int
        var summary: String
        var view: LessonView
        var settings: SimulationSettings
        /// `program:` — the path and its line.
        var program: (path: String, line: Int)?
        /// `programs:` entries.
        var panes: [PaneEntry]
        var panesLine: Int?
    }

    struct PaneEntry {
        var name: String
        var title: String
        var path: String?
        var inline: String?
        var line: Int
    }

    static let frontMatterKeys = ["id", "title", "order", "summary", "view", "program", "programs", "settings"]
    static let settingsKeys = ["cpus", "seed", "disk", "params"]
    static let diskKeys = ["latency_us", "jitter_us", "parallel", "sector", "cache"]
    static let paneKeys = ["name", "title", "path", "inline"]

    mutating func parseFrontMatter(_ block: YAMLBlock) -> Header? {
        let root: Node?
        do { root = try block.compose() } catch { report(error); return nil }
        guard let root, let mapping = root.mapping else {
            report(block.firstLine, "the front matter must be fields like 'id: my-lesson', one per line")
            return nil
        }
        checkKeys(mapping, allowed: Self.frontMatterKeys, where: "the front matter", block: block)

        var header = Header(id: "", title: "", order: 0, summary: "", view: .single, settings: SimulationSettings(),
                            program: nil, panes: [], panesLine: nil)
        if let id = requiredText(mapping, "id", block: block) {
            let allowed = id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            if id.isEmpty || !allowed {
                report(block.line(of: mapping["id"] ?? root), "id '\(id)' may use only lowercase letters, digits and '-'")
            }
            header.id = id
        }
        header.title = requiredText(mapping, "title", block: block) ?? ""
        if let node = mapping["order"] {
            if let order = node.text.flatMap({ Int($0) }) { header.order = order } else {
                report(block.line(of: node), "order must be a whole number, like 'order: 7'")
            }
        } else {
            report(block.firstLine, "the front matter has no 'order' (the lesson's place in the course, e.g. 'order: 7')")
        }
        if let node = mapping["summary"] {
            if let text = node.text { header.summary = text } else { report(block.line(of: node), "summary must be text") }
        }
        if let node = mapping["view"] {
            if let text = node.text, let view = LessonView(rawValue: text) { header.view = view } else {
                report(block.line(of: node), "view must be one of: \(LessonView.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let node = mapping["program"] {
            if let path = node.text { header.program = (path, block.line(of: node)) } else {
                report(block.line(of: node), "program must be a path such as 'programs/alertable.c'")
            }
        }
        if let node = mapping["programs"] {
            header.panesLine = keyLine(mapping, "programs", block: block) ?? block.line(of: node)
            if let sequence = node.sequence {
                header.panes = sequence.compactMap { parsePaneEntry($0, block: block) }
            } else {
                report(block.line(of: node), "programs must be a list of entries with 'name' and 'path' (or 'inline')")
            }
        }
        if let node = mapping["settings"] {
            header.settings = parseSettings(node, block: block)
        }
        return header
    }

    mutating func parsePaneEntry(_ node: Node, block: YAMLBlock) -> PaneEntry? {
        guard let mapping = node.mapping else {
            report(block.line(of: node), "each entry of programs needs 'name' and 'path' (or 'inline'), e.g. '- { name: port, path: programs/port.c }'")
            return nil
        }
        checkKeys(mapping, allowed: Self.paneKeys, where: "a programs entry", block: block)
        guard let name = requiredText(mapping, "name", block: block, at: block.line(of: node)) else { return nil }
        if name.isEmpty || name.contains(where: { $0.isWhitespace || $0 == "," }) {
            report(block.line(of: node), "pane name '\(name)' must be one word (it is used in conditions as 'in \(name), …')")
        }
        let entry = PaneEntry(name: name, title: mapping["title"]?.text ?? name, path: mapping["path"]?.text,
                              inline: mapping["inline"]?.text, line: block.line(of: node))
        if (entry.path == nil) == (entry.inline == nil) {
            report(entry.line, "programs entry '\(name)' needs exactly one of 'path' or 'inline'")
            return nil
        }
        return entry
    }

    mutating func parseSettings(_ node: Node, block: YAMLBlock) -> SimulationSettings {
        var settings = SimulationSettings()
        guard let mapping = node.mapping else {
            report(block.line(of: node), "settings must be fields such as 'cpus: 2' and 'seed: 7'")
            return settings
        }
        checkKeys(mapping, allowed: Self.settingsKeys, where: "settings", block: block)
        if let cpus = mapping["cpus"] {
            if let value = cpus.text.flatMap({ Int($0) }), (1...64).contains(value) { settings.cpus = value } else {
                report(block.line(of: cpus), "cpus must be a whole number from 1 to 64")
            }
        }
        if let seed = mapping["seed"] {
            if let value = seed.text.flatMap({ UInt64($0) }) { settings.seed = value } else {
                report(block.line(of: seed), "seed must be a whole number, 0 or more")
            }
        }
        if let disk = mapping["disk"] {
            settings.disk = parseDisk(disk, block: block)
        }
        if let params = mapping["params"] {
            if let pairs = params.mapping {
                for (key, value) in pairs {
                    guard let name = key.text, !name.isEmpty else {
                        report(block.line(of: key), "a param needs a name"); continue
                    }
                    guard let number = value.text.flatMap({ Int64($0) }) else {
                        report(block.line(of: value), "param \(name) must be a whole number"); continue
                    }
                    settings.params.append(.init(name: name, value: number))
                }
            } else {
                report(block.line(of: params), "params must be fields such as 'REQUESTS: 16'")
            }
        }
        return settings
    }

    mutating func parseDisk(_ node: Node, block: YAMLBlock) -> SimulationSettings.DiskSettings {
        var disk = SimulationSettings.DiskSettings()
        guard let mapping = node.mapping else {
            report(block.line(of: node), "disk must be fields such as 'latency_us: 2000'")
            return disk
        }
        checkKeys(mapping, allowed: Self.diskKeys, where: "disk", block: block)
        func number(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            guard let value = mapping[key] else { return nil }
            if let n = value.text.flatMap({ Int($0) }), range.contains(n) { return n }
            report(block.line(of: value), "disk \(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        disk.latencyMicroseconds = number("latency_us", 0...10_000_000)
        disk.jitterMicroseconds = number("jitter_us", 0...10_000_000)
        disk.parallel = number("parallel", 1...64)
        disk.sectorSize = number("sector", 1...65_536)
        if let cache = mapping["cache"] {
            switch cache.text?.lowercased() {
            case "on", "true", "yes": disk.cache = true
            case "off", "false", "no": disk.cache = false
            default: report(block.line(of: cache), "disk cache must be on or off")
            }
        }
        return disk
    }

    /// The line of `key` itself: a block list or mapping value starts on the next line.
    func keyLine(_ mapping: Node.Mapping, _ key: String, block: YAMLBlock) -> Int? {
        mapping.first { $0.key.text == key }.map { block.line(of: $0.key) }
    }

    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], where place: String, block: YAMLBlock) {
        for (key, _) in mapping {
            guard let name = key.text else {
                report(block.line(of: key), "a key in \(place) must be a plain word"); continue
            }
            if !allowed.contains(name) {
                report(block.line(of: key), "unknown key '\(name)' in \(place); expected one of: \(allowed.joined(separator: ", "))")
            }
        }
    }

    mutating func requiredText(_ mapping: Node.Mapping, _ key: String, block: YAMLBlock, at line: Int? = nil) -> String? {
        guard let node = mapping[key] else {
            report(line ?? block.firstLine, "missing '\(key)'")
            return nil
        }
        guard let text = node.text else {
            report(block.line(of: node), "'\(key)' must be text; if it contains ': ' or ' #', put it in quotes")
            return nil
        }
        return text
    }

    /// Turns the header's program fields and the inline blocks into panes.
    mutating func resolvePrograms(_ header: Header, inline: [InlineProgram]) -> [ProgramSpec] {
        var programs: [ProgramSpec] = []
        if header.program != nil && !header.panes.isEmpty {
            report(header.panesLine ?? 2, "give either 'program' or 'programs', not both")
        }
        if let (path, line) = header.program {
            if let text = readProgramFile(path, line: line) {
                programs.append(ProgramSpec(pane: "main", title: header.title, fileName: fileName(path), path: path, text: text, line: line))
            }
        } else if !header.panes.isEmpty {
            for entry in header.panes {
                if programs.contains(where: { $0.pane.lowercased() == entry.name.lowercased() }) {
                    report(entry.line, "two programs entries are named '\(entry.name)'")
                    continue
                }
                if let path = entry.path {
                    if let text = readProgramFile(path, line: entry.line) {
                        programs.append(ProgramSpec(pane: entry.name, title: entry.title, fileName: fileName(path), path: path, text: text, line: entry.line))
                    }
                } else if let name = entry.inline {
                    if let block = inline.first(where: { $0.name == name }) {
                        programs.append(ProgramSpec(pane: entry.name, title: entry.title, fileName: name, path: nil, text: block.text, line: block.line))
                    } else {
                        report(entry.line, "no inline program named '\(name)': write it in a block opened with ```c program \(name)")
                    }
                }
            }
        } else if inline.count == 1, let block = inline.first {
            programs.append(ProgramSpec(pane: "main", title: header.title, fileName: block.name, path: nil, text: block.text, line: block.line))
        } else if inline.count > 1 {
            report(inline[1].line, "the lesson has several inline programs: list them under 'programs' with 'inline: NAME'")
        } else {
            report(2, "the lesson has no program: add 'program: programs/NAME.c' to the front matter, or write the program in a block opened with ```c program")
        }
        if header.view == .compare {
            if header.panes.count < 2 {
                report(header.panesLine ?? 2, "a compare lesson lists two or more entries under 'programs'")
            }
        } else if programs.count > 1 {
            report(header.panesLine ?? 2, "only a compare lesson ('view: compare') runs several programs")
        }
        return programs
    }

    private mutating func readProgramFile(_ path: String, line: Int) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("~") || parts.contains("..") || parts.contains("") {
            report(line, "program path '\(path)' must be relative to the lesson's folder, without '..' (e.g. 'programs/alertable.c')")
            return nil
        }
        guard path.hasSuffix(".c") else {
            report(line, "program path '\(path)' must name a .c file")
            return nil
        }
        guard let text = readProgram(path) else {
            report(line, "missing program '\(path)': no such file inside the lesson's folder "
                   + "(a symbolic link must lead to a file inside the folder too)")
            return nil
        }
        return text
    }

    private func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
