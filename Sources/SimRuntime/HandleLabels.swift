/// Names kernel objects for the view after the variable the program stores
/// their handle in: `hDone = CreateEvent(...)` labels the event "hDone".
///
/// A display heuristic on the source line of the call, never a semantic:
/// when it cannot tell, the kernel's own label ("Event#3") stays. In a loop,
/// `h[i] = CreateEvent(...)` is labelled `h[0]`, `h[1]`, … by the number of
/// objects the same call site has made so far.
enum HandleLabels {
    /// The assignment target before `function` on `line`, if the call's
    /// result is assigned (`x = F(`, `T x = F(`, `x = (HANDLE)F(`).
    static func assignedName(line: String, function: String) -> String? {
        let chars = Array(line.unicodeScalars)
        let name = Array(function.unicodeScalars)
        guard let start = firstIndex(of: name, in: chars) else { return nil }
        var i = start - 1
        func skipSpaces() { while i >= 0 && (chars[i] == " " || chars[i] == "\t") { i -= 1 } }
        skipSpaces()
        if i >= 0 && chars[i] == ")" {
            // A cast: skip back over its parentheses.
            var depth = 0
            while i >= 0 {
                if chars[i] == ")" { depth += 1 } else if chars[i] == "(" { depth -= 1; if depth == 0 { break } }
                i -= 1
            }
            i -= 1
            skipSpaces()
        }
        guard i >= 1, chars[i] == "=", !"=!<>+-*/%&|^".unicodeScalars.contains(chars[i - 1]) else { return nil }
        i -= 1
        skipSpaces()
        let end = i
        var depth = 0
        while i >= 0 {
            let c = chars[i]
            if c == "]" { depth += 1 } else if c == "[" { depth -= 1 }
            let partOfName = depth > 0 || c == "[" || c == "]" || c == "_" || c == "." || c == ">" || c == "-"
                || (c.properties.isAlphabetic && c.isASCII) || ("0"..."9").contains(c)
            if !partOfName { break }
            i -= 1
        }
        guard depth == 0, end > i else { return nil }
        let text = String(String.UnicodeScalarView(chars[(i + 1)...end]))
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return nil }
        return text
    }

    /// The lock a call on `line` names by address: `EnterCriticalSection(&cs)`
    /// gives "cs", `AcquireSRWLockExclusive(&table->lock)` "table->lock".
    static func lockName(line: String, function: String) -> String? {
        let chars = Array(line.unicodeScalars)
        guard let start = firstIndex(of: Array(function.unicodeScalars), in: chars) else { return nil }
        var i = start + function.unicodeScalars.count
        while i < chars.count && chars[i] == " " { i += 1 }
        guard i < chars.count, chars[i] == "(" else { return nil }
        i += 1
        var text = ""
        while i < chars.count, chars[i] != ")", chars[i] != "," { text.unicodeScalars.append(chars[i]); i += 1 }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("&") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
              text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                  || "_.->[]".unicodeScalars.contains($0)) }) else { return nil }
        return text
    }

    /// The label for the `sequence`-th object (0-based) made at one call site.
    static func label(_ name: String, sequence: Int) -> String {
        // h[i] in a loop: the i-th object of this site.
        if name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
            let index = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if let first = index.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
               index.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }) {
                return String(name[..<open]) + "[\(sequence)]"
            }
        }
        return sequence == 0 ? name : "\(name) (\(sequence + 1))"
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle {
                // A whole identifier, not the middle of a longer one.
                let before = start == 0 ? nil : haystack[start - 1]
                if let b = before, b == "_" || (b.isASCII && (b.properties.isAlphabetic || ("0"..."9").contains(b))) { continue }
                return start
            }
        }
        return nil
    }
}
