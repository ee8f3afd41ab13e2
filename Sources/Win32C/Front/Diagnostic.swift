/// One compile-time problem found in a program, with where it was found.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var location: SourceLocation
    public var message: String
    public var severity: Severity

    public init(_ message: String, at location: SourceLocation, severity: Severity = .error) {
        self.message = message
        self.location = location
        self.severity = severity
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// Renders `FILE:LINE:COL: error: MESSAGE`, then the source line and a caret.
    public func rendered(fileName: String, source: [UInt8]) -> String {
        var text = "\(fileName):\(location.line):\(location.column): \(severity.rawValue): \(message)\n"
        if let line = Diagnostic.sourceLine(location.line, in: source) {
            let printable = String(decoding: line.map { $0 == 9 ? 32 : ($0 < 32 || $0 == 127 ? 63 : $0) }, as: UTF8.self)
            text += printable + "\n"
            text += String(repeating: " ", count: max(0, location.column - 1)) + "^\n"
        }
        return text
    }

    /// Renders every diagnostic in order.
    public static func render(_ diagnostics: [Diagnostic], fileName: String, source: [UInt8]) -> String {
        diagnostics.map { $0.rendered(fileName: fileName, source: source) }.joined()
    }

    static func sourceLine(_ number: Int, in source: [UInt8]) -> ArraySlice<UInt8>? {
        guard number >= 1 else { return nil }
        var line = 1
        var start = 0
        var i = 0
        while i < source.count && line < number {
            if source[i] == 10 { line += 1; start = i + 1 }
            i += 1
        }
        guard line == number, start <= source.count else { return nil }
        var end = start
        while end < source.count && source[end] != 10 && source[end] != 13 { end += 1 }
        return source[start..<end]
    }
}
