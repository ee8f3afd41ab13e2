/// Reads the condition language of lesson files ("thread main is waiting
/// alertably", "the port queue holds 2 packets") into `Condition` values.
///
/// Keywords are case-insensitive; names (threads, labels, calls, results) are
/// matched as written. A name with spaces or a comma is written in quotes,
/// single or double.
public struct ConditionParser {
    /// What went wrong, phrased for a lesson author.
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
    }

    struct Token: Equatable {
        var text: String
        var quoted: Bool
        func isWord(_ word: String) -> Bool { !quoted && text.lowercased() == word }
    }

    private var tokens: [Token]
    private var position = 0
    private let source: String

    public static func parse(_ text: String) throws(Failure) -> Condition {
        var parser = try ConditionParser(text)
        let condition = try parser.parseCondition()
        if let extra = parser.peek {
            let closing = extra.isWord(")") ? "a ')' that closes no '('" : "'\(extra.text)'"
            throw Failure(message: "unexpected \(closing) after '\(condition)' in '\(text)'; "
                          + "a condition goes on only with 'and' or 'or'")
        }
        return condition
    }

    private init(_ text: String) throws(Failure) {
        source = text
        tokens = try Self.tokenize(text)
        if tokens.isEmpty { throw Failure(message: "the condition is empty") }
    }

    static func tokenize(_ text: String) throws(Failure) -> [Token] {
        var result: [Token] = []
        var current = ""
        var quote: Character?
        var wasQuoted = false
        func flush() {
            if !current.isEmpty || wasQuoted { result.append(Token(text: current, quoted: wasQuoted)) }
            current = ""; wasQuoted = false
        }
        for ch in text {
            if let q = quote {
                if ch == q { quote = nil; flush() } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                flush(); quote = ch; wasQuoted = true
            } else if ch == "," || ch == "(" || ch == ")" {
                flush(); result.append(Token(text: String(ch), quoted: false))
            } else if ch.isWhitespace {
                flush()
            } else {
                current.append(ch)
            }
        }
        if quote != nil { throw Failure(message: "a quote is not closed in '\(text)'") }
        flush()
        return result
    }

    // MARK: - Grammar

    /// `A or B`: alternatives of conjunctions (`and` binds tighter than `or`).
    mutating func parseCondition() throws(Failure) -> Condition {
        var alternatives = [try parseConjunction()]
        while peek?.isWord("or") == true {
            advance()
            alternatives.append(try parseConjunction())
        }
        return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    }

    /// `A and B and C`.
    private mutating func parseConjunction() throws(Failure) -> Condition {
        var parts = [try parseUnary()]
        while peek?.isWord("and") == true {
            advance()
            parts.append(try parseUnary())
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    /// Prefixes (`not`, `in PANE,`) apply to the condition right after them
    /// (a parenthesized one for more). They are read in a loop, not by
    /// recursion: two `not`s in a row cancel, and at most `maxPanePrefixes`
    /// `in` prefixes and `maxParentheses` nested parentheses are allowed,
    /// which bounds the depth of the value built (and of every walk of it).
    private mutating func parseUnary() throws(Failure) -> Condition {
        enum Prefix { case not, pane(String) }
        var prefixes: [Prefix] = []
        var paneCount = 0
        while let first = peek {
            if first.isWord("not") {
                advance()
                if case .not? = prefixes.last { prefixes.removeLast() } else { prefixes.append(.not) }
            } else if first.isWord("in") {
                advance()
                let pane = try name("a pane name after 'in'")
                try expect(",", "a comma after the pane name 'in \(pane)'")
                paneCount += 1
                if paneCount > Self.maxPanePrefixes {
                    throw fail("a condition names a pane with 'in' at most \(Self.maxPanePrefixes) times")
                }
                prefixes.append(.pane(pane))
            } else {
                break
            }
        }
        var condition: Condition
        if peek?.isWord("(") == true {
            advance()
            depth += 1
            if depth > Self.maxParentheses { throw fail("parentheses nest at most \(Self.maxParentheses) deep") }
            condition = try parseCondition()
            guard peek?.isWord(")") == true else { throw fail("expected 'and', 'or' or ')' to close the '('") }
            advance()
            depth -= 1
        } else {
            condition = try parsePlainCondition()
        }
        for prefix in prefixes.reversed() {
            switch prefix {
            case .not: condition = .not(condition)
            case .pane(let name): condition = .pane(name, condition)
            }
        }
        return condition
    }

    static let maxParentheses = 8
    private var depth = 0

    static let maxPanePrefixes = 8
    /// What may follow 'the'.
    static let objectKinds = ["event", "file", "port", "semaphore", "mutex"]

    private mutating func parsePlainCondition() throws(Failure) -> Condition {
        guard let first = peek else { throw fail("expected a condition") }
        if first.isWord("the") {
            advance()
            guard let kind = peek, !kind.quoted, Self.objectKinds.contains(kind.text.lowercased()) else {
                throw fail("expected one of \(Self.objectKinds.joined(separator: ", ")) after 'the'")
            }
            advance()
            return try parseObject(kind.text.lowercased(), .only)
        }
        guard !first.quoted else { throw fail("a condition starts with a keyword, not '\(first.text)'") }
        if Int(first.text) != nil || first.isWord("at") {
            return try parseCount()
        }
        switch first.text.lowercased() {
        case "thread":
            advance()
            let thread = try threadRef("a thread name after 'thread'")
            return .thread(thread, try parseThreadPredicate(thread))
        case "event", "file", "port", "semaphore", "mutex":
            advance()
            let label = try name("a \(first.text.lowercased()) label after '\(first.text)'")
            return try parseObject(first.text.lowercased(), .label(label))
        case "overlapped":
            advance()
            return try parseOverlapped()
        case "packet":
            advance()
            try expectWords(["queued", "on"], "'packet queued on port NAME'")
            let sayingThe = peek?.isWord("the") == true
            if sayingThe { advance() }
            try expectWords(["port"], "'packet queued on port NAME'")
            let selector: ObjectSelector
            if sayingThe {
                selector = .only
            } else {
                selector = .label(try name("a port label after 'packet queued on port'"))
            }
            return .port(selector, .packetQueued)
        case "completions":
            advance()
            if peek?.isWord("reach") == true {
                advance()
                return .completions(.atLeast(try integer("a number after 'completions reach'")))
            }
            try expectOneOf(["are", "is"], "'completions reach N' or 'completions are N'")
            return .completions(try comparison("a number after 'completions are'"))
        case "time":
            advance()
            if peek?.isWord("reaches") == true {
                advance()
                return .time(.atLeast(try duration()))
            }
            try expectWords(["is"], "'time reaches 1.5 ms' or 'time is at most 2 ms'")
            return .time(try durationComparison())
        case "call":
            advance()
            let call = try name("a call name after 'call'")
            try expectWords(["returns"], "'returns' after 'call \(call)'")
            let result = resultWords()
            var thread: ThreadRef?
            if peek?.isWord("by") == true {
                advance()
                if peek?.isWord("thread") == true { advance() }
                thread = try threadRef("a thread name after 'by'")
            }
            return .call(name: call, result: result, thread: thread)
        case "log":
            advance()
            try expectWords(["shows"], "'log shows \"TEXT\"'")
            return .logShows(try name("the text to look for after 'log shows'"))
        case "output":
            advance()
            try expectWords(["contains"], "'output contains \"TEXT\"'")
            return .outputContains(try name("the text to look for after 'output contains'"))
        case "warning":
            advance()
            return .warning(try name("the text of the warning to look for after 'warning'"))
        case "program":
            advance()
            if peek?.isWord("ends") == true { advance(); return .programEnds(exitCode: nil) }
            try expectWords(["exits", "with"], "'program ends' or 'program exits with N'")
            let code = try integer("an exit code after 'program exits with'")
            guard let code32 = Int32(exactly: code) else { throw fail("exit code \(code) is out of range") }
            return .programEnds(exitCode: code32)
        default:
            throw fail("unknown condition '\(first.text)'; a condition starts with one of: thread, event, file, port, "
                       + "semaphore, mutex, overlapped, the (event, file, port, semaphore or mutex), packet, completions, "
                       + "time, call, log, output, warning, program, not, in, '(', or a number (\"2 threads are waiting\")")
        }
    }

    /// "3 threads are waiting alertably", "at least 1 events are set".
    private mutating func parseCount() throws(Failure) -> Condition {
        let comparison = try comparison("a number")
        guard let noun = peek, !noun.quoted else { throw fail("expected 'threads' or 'events' after the number") }
        advance()
        try expectOneOf(["are", "is"], "'are' after '\(noun.text)'")
        switch noun.text.lowercased() {
        case "thread", "threads":
            guard let word = peek, !word.quoted else { throw fail("expected a thread state") }
            advance()
            switch word.text.lowercased() {
            case "running": return .threadCount(comparison, .running, call: nil)
            case "ready": return .threadCount(comparison, .ready, call: nil)
            case "terminated": return .threadCount(comparison, .terminated, call: nil)
            case "waiting":
                guard case .state(let kind, let call) = try waitTail(alertable: false) else {
                    throw fail("expected a wait")
                }
                return .threadCount(comparison, kind, call: call)
            default:
                throw fail("unknown thread state '\(word.text)'; use running, ready, waiting, waiting alertably or terminated")
            }
        case "event", "events":
            var negated = false
            if peek?.isWord("not") == true { advance(); negated = true }
            guard let word = peek, !word.quoted else { throw fail("expected set or reset") }
            let signaled: Bool
            switch word.text.lowercased() {
            case "set", "signaled", "signalled": signaled = true
            case "reset": signaled = false
            default: throw fail("expected set or reset, found '\(word.text)'")
            }
            advance()
            return .eventCount(comparison, signaled: negated ? !signaled : signaled)
        default:
            throw fail("expected 'threads' or 'events' after the number, found '\(noun.text)'")
        }
    }

    private mutating func parseThreadPredicate(_ thread: ThreadRef) throws(Failure) -> ThreadPredicate {
        let subject = "thread \(thread.conditionText)"
        guard let verb = peek, !verb.quoted else { throw fail("expected what '\(subject)' does, e.g. 'is waiting' or 'reaches line 12'") }
        switch verb.text.lowercased() {
        case "last":
            advance()
            if peek?.isWord("error") == true {
                advance()
                try expectWords(["is"], "'last error is N'")
                return .lastError(try comparison("an error number after '\(subject) last error is'"))
            }
            try expectWords(["call", "returns"], "'last error is N' or 'last call returns RESULT' after '\(subject) last'")
            guard let result = resultWords() else { throw fail("expected what the call returned, e.g. 'pending' or '0 err=997'") }
            return .lastCall(result)
        case "reaches":
            advance()
            try expectWords(["line"], "'reaches line N'")
            return try lineTail()
        case "waits":
            advance()
            return try waitTail(alertable: false)
        case "has":
            advance()
            let comparison = try comparison("a number after '\(subject) has'")
            guard let noun = peek, noun.isWord("apc") || noun.isWord("apcs") else {
                throw fail("expected 'APCs queued' after '\(subject) has N'")
            }
            advance()
            try expectWords(["queued"], "'APCs queued'")
            return .apcQueue(comparison)
        case "is":
            advance()
            guard let word = peek, !word.quoted else { throw fail("expected a state after '\(subject) is'") }
            switch word.text.lowercased() {
            case "at":
                advance()
                try expectWords(["line"], "'is at line N'")
                return try lineTail()
            case "in":
                advance()
                try expectOneOf(["an", "a"], "'is in an APC'")
                try expectOneOf(["apc"], "'is in an APC'")
                return .inAPC
            case "running": advance(); return .state(.running, call: nil)
            case "ready": advance(); return .state(.ready, call: nil)
            case "terminated": advance(); return .state(.terminated, call: nil)
            case "waiting": advance(); return try waitTail(alertable: false)
            default:
                throw fail("unknown thread state '\(word.text)'; use running, ready, waiting, waiting alertably, terminated, at line N, or in an APC")
            }
        default:
            throw fail("expected 'is', 'waits', 'reaches', 'has' or 'last' after '\(subject)'")
        }
    }

    private mutating func lineTail() throws(Failure) -> ThreadPredicate {
        let line = try integer("a line number")
        var file: String?
        if peek?.isWord("in") == true {
            advance()
            file = try name("a file name after 'in'")
        }
        return .atLine(line, file: file)
    }

    private mutating func waitTail(alertable: Bool) throws(Failure) -> ThreadPredicate {
        var kind = ThreadStateKind.waiting
        if peek?.isWord("alertably") == true { advance(); kind = .waitingAlertably }
        var call: String?
        if peek?.isWord("in") == true {
            advance()
            call = try name("a call name after 'waiting in'")
        }
        return .state(kind, call: call)
    }

    private mutating func parseObject(_ kind: String, _ selector: ObjectSelector) throws(Failure) -> Condition {
        switch kind {
        case "semaphore":
            try expectWords(["count", "is"], "'count is N' after the semaphore")
            return .semaphore(selector, try comparison("a number after 'count is'"))
        case "mutex":
            return .mutex(selector, try parseMutexPredicate())
        case "event", "file":
            try expectWords(["is"], "'is set' or 'is not set' after the \(kind)")
            var negated = false
            if peek?.isWord("not") == true { advance(); negated = true }
            guard let word = peek, !word.quoted else { throw fail("expected set, reset or signaled after '\(kind) … is'") }
            let signaled: Bool
            switch word.text.lowercased() {
            case "set", "signaled", "signalled": signaled = true
            case "reset", "unsignaled", "nonsignaled": signaled = false
            default: throw fail("expected set, reset or signaled, found '\(word.text)'")
            }
            advance()
            let value = negated ? !signaled : signaled
            return kind == "event" ? .event(selector, signaled: value) : .file(selector, signaled: value)
        default:
            return .port(selector, try parsePortPredicate())
        }
    }

    private mutating func parsePortPredicate() throws(Failure) -> PortPredicate {
        guard let word = peek, !word.quoted else {
            throw fail("expected 'queue holds', 'has', 'running is' or 'limit is' after the port")
        }
        switch word.text.lowercased() {
        case "queue", "fifo":
            advance()
            try expectWords(["holds"], "'queue holds N packets'")
            let comparison = try comparison("a number after 'queue holds'")
            if let noun = peek, noun.isWord("packet") || noun.isWord("packets") { advance() }
            return .queue(comparison)
        case "has":
            advance()
            if peek?.isWord("a") == true || peek?.isWord("an") == true { return .packet(try packetTail()) }
            let comparison = try comparison("a number after 'has', or 'a packet with …'")
            guard let which = peek, !which.quoted else { throw fail("expected waiting, released or paused after 'has N'") }
            let predicate: PortPredicate
            switch which.text.lowercased() {
            case "waiting": predicate = .waiting(comparison)
            case "released": predicate = .released(comparison)
            case "paused": predicate = .paused(comparison)
            default: throw fail("expected waiting, released or paused after 'has N', found '\(which.text)'")
            }
            advance()
            if let noun = peek, noun.isWord("thread") || noun.isWord("threads") { advance() }
            return predicate
        case "running":
            advance()
            try expectWords(["is"], "'running is N'")
            let comparison = try comparison("a number after 'running is'")
            var limit: Int?
            if peek?.isWord("of") == true {
                advance()
                limit = try integer("the limit after 'of'")
            }
            return .running(comparison, limit: limit)
        case "limit":
            advance()
            try expectWords(["is"], "'limit is N'")
            return .limit(try integer("a number after 'limit is'"))
        default:
            throw fail("unknown port property '\(word.text)'; use 'queue holds N', 'has N waiting|released|paused', "
                       + "'has a packet with …', 'running is N [of M]' or 'limit is N'")
        }
    }

    // MARK: - Pieces

    mutating func comparison(_ what: String) throws(Failure) -> Comparison {
        if peek?.isWord("at") == true {
            advance()
            if peek?.isWord("least") == true { advance(); return .atLeast(try integer(what)) }
            if peek?.isWord("most") == true { advance(); return .atMost(try integer(what)) }
            throw fail("expected 'at least N' or 'at most N'")
        }
        return .equal(try integer(what))
    }

    private mutating func durationComparison() throws(Failure) -> Comparison {
        if peek?.isWord("at") == true {
            advance()
            if peek?.isWord("least") == true { advance(); return .atLeast(try duration()) }
            if peek?.isWord("most") == true { advance(); return .atMost(try duration()) }
            throw fail("expected 'at least' or 'at most' after 'time is'")
        }
        return .equal(try duration())
    }

    /// A virtual duration in microseconds: "1500 us", "1.5 ms", "2 s".
    private mutating func duration() throws(Failure) -> Int {
        guard let number = peek, !number.quoted else { throw fail("expected a time such as '1.5 ms'") }
        advance()
        guard let unit = peek, !unit.quoted else { throw fail("expected a unit (us, ms or s) after '\(number.text)'") }
        let scale: Int
        switch unit.text.lowercased() {
        case "us", "µs", "μs": scale = 1
        case "ms": scale = 1_000
        case "s": scale = 1_000_000
        default: throw fail("unknown time unit '\(unit.text)'; use us, ms or s")
        }
        advance()
        guard let micros = Self.scaledDecimal(number.text, scale: scale) else {
            throw fail("'\(number.text) \(unit.text)' is not a whole number of microseconds")
        }
        return micros
    }

    /// Parses "1.25" times scale exactly, without floating point.
    static func scaledDecimal(_ text: String, scale: Int) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0 else { return nil }
        var (value, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else { return nil }
            var divisor = 1
            for _ in fraction { (divisor, overflow) = divisor.multipliedReportingOverflow(by: 10); if overflow { return nil } }
            guard let digits = Int(fraction) else { return nil }
            let (scaled, o2) = digits.multipliedReportingOverflow(by: scale)
            guard !o2, scaled % divisor == 0 else { return nil }
            (value, overflow) = value.addingReportingOverflow(scaled / divisor)
            guard !overflow else { return nil }
        }
        return value
    }

    mutating func integer(_ what: String) throws(Failure) -> Int {
        guard let token = peek, !token.quoted, let value = Self.number(token.text), value >= 0 else {
            throw fail("expected \(what)")
        }
        advance()
        return value
    }

    /// A whole number written in decimal or as 0x hex.
    static func number(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower.hasPrefix("0x") { return Int(lower.dropFirst(2), radix: 16) }
        return Int(text)
    }

    /// The unquoted words of a call's result up to the next keyword
    /// (`pending`, `0 err=1168`: the trace's own words), or one quoted
    /// text; nil when there are none.
    mutating func resultWords() -> String? {
        if let token = peek, token.quoted { advance(); return token.text }
        var words: [String] = []
        while let token = peek, !token.quoted,
              !["by", "and", "or", ")", ","].contains(where: { token.isWord($0) }) {
            words.append(token.text)
            advance()
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    mutating func threadRef(_ what: String) throws(Failure) -> ThreadRef {
        if peek?.isWord("id") == true, let number = peek(1), !number.quoted, let id = Int(number.text) {
            advance(); advance()
            return .id(id)
        }
        return .name(try name(what))
    }

    mutating func name(_ what: String) throws(Failure) -> String {
        guard let token = peek, token.text != "," || token.quoted else { throw fail("expected \(what)") }
        advance()
        return token.text
    }

    mutating func expect(_ text: String, _ what: String) throws(Failure) {
        guard let token = peek, !token.quoted, token.text == text else { throw fail("expected \(what)") }
        advance()
    }

    mutating func expectWords(_ words: [String], _ what: String) throws(Failure) {
        for word in words {
            guard peek?.isWord(word) == true else { throw fail("expected \(what)") }
            advance()
        }
    }

    mutating func expectOneOf(_ words: [String], _ what: String) throws(Failure) {
        guard let token = peek, words.contains(where: { token.isWord($0) }) else { throw fail("expected \(what)") }
        advance()
    }

    var peek: Token? { tokens[safe: position] }
    func peek(_ ahead: Int) -> Token? { tokens[safe: position + ahead] }
    mutating func advance() { position += 1 }

    func fail(_ message: String) -> Failure {
        let found = peek.map { " (found '\($0.text)')" } ?? " (found the end)"
        return Failure(message: "\(message)\(found) in '\(source)'")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
