/// The conditions on semaphores, mutexes, packets and `OVERLAPPED` fields.
extension ConditionParser {
    /// `overlapped NAME Internal is STATUS_PENDING`, `overlapped ov InternalHigh is at least 512`.
    mutating func parseOverlapped() throws(Failure) -> Condition {
        let label = try name("the program's name for an OVERLAPPED after 'overlapped' (e.g. 'ov' or 'ovs[1]')")
        let fields = OverlappedField.allCases.map(\.rawValue)
        guard let word = peek, !word.quoted,
              let field = OverlappedField.allCases.first(where: { $0.rawValue.lowercased() == word.text.lowercased() }) else {
            throw fail("expected a field after 'overlapped \(label)': \(fields.joined(separator: ", "))")
        }
        advance()
        try expectWords(["is"], "'is' after '\(field.rawValue)'")
        if field == .internal, let token = peek, !token.quoted, let status = StatusNames.value(token.text) {
            advance()
            return .overlapped(label, field, .equal(Int(status)))
        }
        let what = field == .internal ? "a status (a number or one of \(StatusNames.values.map(\.name).joined(separator: ", ")))"
            : "a number after '\(field.rawValue) is'"
        return .overlapped(label, field, try comparison(what))
    }

    /// `is owned`, `is owned by worker`, `is free`, `is abandoned`.
    mutating func parseMutexPredicate() throws(Failure) -> MutexPredicate {
        try expectWords(["is"], "'is owned', 'is free' or 'is abandoned' after the mutex")
        guard let word = peek, !word.quoted else { throw fail("expected owned, free or abandoned after 'mutex … is'") }
        switch word.text.lowercased() {
        case "owned":
            advance()
            guard peek?.isWord("by") == true else { return .owned(by: nil) }
            advance()
            if peek?.isWord("thread") == true { advance() }
            return .owned(by: try threadRef("a thread name after 'owned by'"))
        case "free": advance(); return .free
        case "abandoned": advance(); return .abandoned
        default: throw fail("expected owned, free or abandoned after 'mutex … is'")
        }
    }

    /// After `has`: `a packet [with key N] [bytes N] [status S] [overlapped NAME]`.
    mutating func packetTail() throws(Failure) -> PacketMatch {
        advance()   // a / an
        try expectWords(["packet"], "'has a packet with …'")
        var match = PacketMatch()
        guard peek?.isWord("with") == true else { return match }
        advance()
        let fields = ["key", "bytes", "status", "overlapped"]
        while let word = peek, !word.quoted, fields.contains(word.text.lowercased()) {
            advance()
            switch word.text.lowercased() {
            case "key": match.key = UInt64(try integer("a key after 'key'"))
            case "bytes": match.bytes = try integer("a byte count after 'bytes'")
            case "status":
                if let token = peek, !token.quoted, let status = StatusNames.value(token.text) {
                    advance()
                    match.status = status
                } else {
                    match.status = UInt32(truncatingIfNeeded: try integer("a status after 'status'"))
                }
            default: match.overlapped = try name("the program's name for an OVERLAPPED after 'overlapped'")
            }
        }
        if match.isEmpty { throw fail("expected one or more of \(fields.joined(separator: ", ")) after 'a packet with'") }
        return match
    }
}
