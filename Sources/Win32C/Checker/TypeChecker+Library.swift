/// Calls that nothing could answer are compile errors, so a misspelt or
/// unsupported function is found before the program runs, even in a branch
/// that is never taken.
extension TypeChecker {
    /// A function the program declares but neither defines nor finds in the
    /// simulated library (the prelude's declarations).
    func checkImplemented(_ name: String, at location: SourceLocation) {
        if libraryNames.contains(name) { return }
        if LibraryTable.unsupportedReason(name) != nil { reportUndeclaredCall(name, at: location); return }
        var message = "function '\(name)' is declared but not defined, and is not in the simulated library"
        if let near = suggestion(for: name) { message += "; did you mean '\(near)'?" }
        error(message, location)
    }

    /// A call to a name nothing declares.
    func reportUndeclaredCall(_ name: String, at location: SourceLocation) {
        if let reason = LibraryTable.unsupportedReason(name) {
            error("'\(name)' is not supported by the simulated library: \(reason)", location)
            return
        }
        var message = "call to undeclared function '\(name)'"
        if let near = suggestion(for: name) {
            message += "; did you mean '\(near)'?"
        } else {
            message += " (not in the simulated library)"
        }
        error(message, location)
    }

    /// The callable name closest to `name`: same letters in another case
    /// first, then the smallest edit distance within a third of the length.
    /// Candidates are sorted, so the answer never depends on hashing.
    func suggestion(for name: String) -> String? {
        let candidates = globals.compactMap { key, symbol -> String? in
            switch symbol {
            case .function: return key
            case .external: return libraryNames.contains(key) ? key : nil
            case .variable: return nil
            }
        }.filter { $0 != name }.sorted()
        let lower = name.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower }) { return same }
        let limit = max(1, name.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates where abs(candidate.count - name.count) <= limit {
            let d = TypeChecker.editDistance(Array(lower.utf8), Array(candidate.lowercased().utf8))
            if d <= limit && (best == nil || d < best!.distance) { best = (d, candidate) }
        }
        return best?.name
    }

    /// Levenshtein distance between two byte strings.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var row = previous
        for i in 1...a.count {
            row[0] = i
            for j in 1...max(1, b.count) where j <= b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &row)
        }
        return previous[b.count]
    }
}
