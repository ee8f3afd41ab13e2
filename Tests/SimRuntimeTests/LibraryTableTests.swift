import Foundation
import Testing
@testable import SimRuntime
@testable import Win32C

/// `LibraryTable` is the one list of library functions: these tests keep the
/// implementations (`CLibrary.Function`, `LibraryCall` and the runtime's
/// switch) in step with it, so neither side can gain or lose a name alone.
@Suite struct LibraryTableTests {
    /// Names the runtime knows that the prelude spells through a macro
    /// (`CreateFile` is `CreateFileA`), so they have no prototype of their own.
    static let macroAliases: Set<String> = ["CreateFile", "CreateEvent", "CreateSemaphore", "CreateMutex", "DeleteFile"]

    @Test func namesAreUniqueAndReadFromThePrototypes() {
        let names = LibraryTable.entries.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
        #expect(LibraryTable.entries.first { $0.name == "CreateFileA" }?.answer == .performed)
    }

    @Test func everyEntryHasAnImplementation() {
        for entry in LibraryTable.entries {
            switch entry.answer {
            case .cLibrary:
                #expect(CLibrary.Function(rawValue: entry.name) != nil, "\(entry.name) is not in CLibrary")
            case .compiled:
                #expect(LibrarySource.source(of: entry.name)?.contains(entry.name + "(") == true, "\(entry.name) has no C definition")
            case .inPlace, .performed:
                #expect(CLibrary.Function(rawValue: entry.name) == nil, "\(entry.name) is a CLibrary function")
                #expect(LibraryCall(rawValue: entry.name) != nil, "\(entry.name) has no LibraryCall case")
            }
        }
    }

    @Test func everyImplementationHasAnEntry() {
        let byName = Dictionary(LibraryTable.entries.map { ($0.name, $0.answer) }, uniquingKeysWith: { a, _ in a })
        for function in CLibrary.Function.allCases {
            #expect(byName[function.rawValue] == .cLibrary, "\(function.rawValue) is missing from the table")
        }
        for call in LibraryCall.allCases where call != .unknown && !Self.macroAliases.contains(call.rawValue) {
            #expect(byName[call.rawValue] != nil, "\(call.rawValue) is missing from the table")
        }
    }

    @Test func inPlaceCallsAreTheTablesInPlaceEntries() {
        let fromTable = Set(LibraryTable.names(answeredBy: .inPlace).compactMap(LibraryCall.init(rawValue:)))
        #expect(CThreadBody.answeredInPlace == fromTable)
        #expect(!fromTable.isEmpty)
    }

    /// Calls every function the runtime performs, with zero arguments, in a
    /// program of its own: whatever it returns or faults with, it must not be
    /// the runtime's "unknown function" (a table entry nobody implements).
    @Test func everyPerformedFunctionIsPerformed() throws {
        for entry in LibraryTable.entries where entry.answer == .performed || entry.answer == .inPlace {
            let arguments = Self.parameters(of: entry.prototype)
                .map { $0.hasPrefix("LARGE_INTEGER ") && !$0.contains("*") ? "(LARGE_INTEGER){0}" : "0" }.joined(separator: ", ")
            let source = "int main(void) { \(entry.name)(\(arguments)); return 0; }\n"
            let finished = try runToEnd(source: Array(source.utf8), name: "t.c", settings: RunSettings(maxStatements: 10_000))
            if case .fault(let message)? = finished.outcome {
                #expect(!message.contains("unknown function"), "\(entry.name): \(message)")
            }
        }
    }

    /// The dialect reference lists every function the table offers and every
    /// one it refuses, and names nothing else as a library function.
    @Test func referencePageListsTheTable() throws {
        let page = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/DIALECT.md"), encoding: .utf8)
        for name in LibraryTable.entries.map(\.name) + LibraryTable.unsupported.map(\.name) {
            #expect(page.contains("`\(name)`"), "docs/DIALECT.md does not list \(name)")
        }
    }

    /// The parameter declarations of a prototype (none for `(void)`).
    static func parameters(of prototype: String) -> [String] {
        guard let open = prototype.firstIndex(of: "(") else { return [] }
        var result: [String] = [], current = "", depth = 0
        for c in prototype[prototype.index(after: open)...] {
            if c == "(" { depth += 1 }
            if c == ")" { if depth == 0 { break }; depth -= 1 }
            if c == "," && depth == 0 { result.append(current); current = ""; continue }
            current.append(c)
        }
        result.append(current)
        result = result.map { $0.trimmingCharacters(in: .whitespaces) }
        return result == ["void"] || result == [""] ? [] : result
    }
}
