/// Why a thread had to stop: a C-level error at a source location.
public struct RuntimeFault: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case nullPointer, wildPointer, divisionByZero, stackOverflow, statementBudget
        case unknownFunction, badFunctionPointer, libraryError, exited
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation
    /// Name of the function executing when the fault happened.
    public var function: String

    public init(kind: Kind, message: String, location: SourceLocation, function: String = "") {
        self.kind = kind
        self.message = message
        self.location = location
        self.function = function
    }

    /// `FILE:LINE:COL: runtime error: MESSAGE`.
    public func rendered(fileName: String) -> String {
        "\(fileName):\(location.line):\(location.column): runtime error: \(message)"
    }

    public var description: String { "\(location): runtime error: \(message)" }
}
