import Win32C

/// Names an `OVERLAPPED` the way the program does, for the view: the
/// expression the program passed to the call (`&oRead` → "oRead"), with a
/// loop index resolved to the element the address is in when the
/// expression indexes a global array (`&ior[i]` → "ior[2]").
///
/// A display aid read off the source line, never a semantic: when the text
/// cannot be found the request is shown by its offset alone.
enum OverlappedLabels {
    /// The text of argument `index` (0-based) of the call to `function` at
    /// `line`:`column`, with a leading `&`, casts and outer parentheses
    /// removed. `lines` are the program's lines (index 0 = line 1); a call
    /// may go on over the next few lines.
    static func argumentText(lines: [String], line: Int, column: Int, function: String, index: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        let first = Array(lines[line - 1].utf8)
        guard let start = callStart(in: first, function: Array(function.utf8), near: column) else { return nil }
        var text = Array(first[start...])
        // A call spread over several lines: join up to eight more.
        var next = line
        while !hasClosingParenthesis(text), next < lines.count, next < line + 8 {
            text += Array(" ".utf8) + Array(lines[next].utf8)
            next += 1
        }
        guard let arguments = splitArguments(text), arguments.indices.contains(index) else { return nil }
        let cleaned = clean(arguments[index])
        // A constant (NULL, a posted packet's made-up pointer) names nothing.
        guard let first = cleaned.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
              cleaned != "NULL" else { return nil }
        return cleaned
    }

    /// The label for the `OVERLAPPED` at `address` passed as `text`: an
    /// index into a global array becomes the element's index.
    static func label(text: String, address: UInt64, program: Program) -> String {
        guard let global = program.globalVariable(containing: address),
              let count = global.elementCount, count > 0, global.size >= count else { return text }
        let stride = UInt64(global.size / count)
        guard stride > 0 else { return text }
        let element = (address - global.address) / stride
        let prefix = global.name + "["
        guard text.hasPrefix(prefix), let close = closingBracket(in: text, from: text.index(text.startIndex, offsetBy: prefix.count))
        else {
            // Passed through a pointer: name the element it points into.
            return (address - global.address) % stride == 0 ? "\(global.name)[\(element)]" : text
        }
        return "\(global.name)[\(element)]" + text[text.index(after: close)...]
    }

    // MARK: Reading the call

    /// Where `function(` starts on the line: the occurrence nearest the
    /// call's column (a line may call the same function twice).
    private static func callStart(in line: [UInt8], function: [UInt8], near column: Int) -> Int? {
        guard !function.isEmpty, line.count >= function.count else { return nil }
        var best: Int?
        for start in 0...(line.count - function.count) where line[start] == function[0] {
            guard Array(line[start..<(start + function.count)]) == function else { continue }
            if start > 0, isIdentifier(line[start - 1]) { continue }
            var after = start + function.count
            while after < line.count, line[after] == UInt8(ascii: " ") { after += 1 }
            guard after < line.count, line[after] == UInt8(ascii: "(") else { continue }
            if best == nil || abs(start + 1 - column) < abs(best! + 1 - column) { best = start }
        }
        return best
    }

    private static func hasClosingParenthesis(_ text: [UInt8]) -> Bool { splitArguments(text) != nil }

    /// The top-level arguments between the first `(` and its `)`; nil when
    /// the parenthesis does not close.
    private static func splitArguments(_ text: [UInt8]) -> [String]? {
        guard let open = text.firstIndex(of: UInt8(ascii: "(")) else { return nil }
        var depth = 0
        var arguments: [String] = []
        var current: [UInt8] = []
        var quote: UInt8?
        for byte in text[(open + 1)...] {
            if let q = quote {
                current.append(byte)
                if byte == q { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = byte
                current.append(byte)
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                current.append(byte)
            case UInt8(ascii: ")") where depth == 0:
                arguments.append(String(decoding: current, as: UTF8.self))
                return arguments
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                current.append(byte)
            case UInt8(ascii: ",") where depth == 0:
                arguments.append(String(decoding: current, as: UTF8.self))
                current = []
            default:
                current.append(byte)
            }
        }
        return nil
    }

    /// `&x`, `(LPOVERLAPPED)&x`, `(&x)` and spaces → `x`.
    static func clean(_ argument: String) -> String {
        var text = argument.trimmingSpaces()
        var changed = true
        while changed {
            changed = false
            if text.hasPrefix("&") {
                text = String(text.dropFirst()).trimmingSpaces()
                changed = true
            }
            if text.hasPrefix("("), let close = closingParenthesis(in: text) {
                let inner = String(text[text.index(after: text.startIndex)..<close]).trimmingSpaces()
                let rest = String(text[text.index(after: close)...]).trimmingSpaces()
                if rest.isEmpty {
                    text = inner                     // (x)
                } else if inner.unicodeScalars.allSatisfy({ isTypeCharacter($0) }) {
                    text = rest                      // (LPOVERLAPPED)x
                } else {
                    break
                }
                changed = true
            }
        }
        return text
    }

    private static func closingParenthesis(in text: String) -> String.Index? {
        var depth = 0
        for index in text.indices {
            if text[index] == "(" { depth += 1 } else if text[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private static func closingBracket(in text: String, from start: String.Index) -> String.Index? {
        var depth = 0
        var index = start
        while index < text.endIndex {
            if text[index] == "[" { depth += 1 } else if text[index] == "]" {
                if depth == 0 { return index }
                depth -= 1
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isTypeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "*" || scalar == " " || (scalar.isASCII && scalar.properties.isAlphabetic)
            || ("0"..."9").contains(scalar)
    }
}

fileprivate extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
