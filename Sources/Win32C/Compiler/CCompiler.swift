/// The front door: program text in, a `Program` or diagnostics out.
public enum CCompiler {
    /// The outcome of compiling one file.
    public struct Result: Sendable {
        /// Nil when there were errors.
        public var program: Program?
        /// Every problem found, in source order.
        public var diagnostics: [Diagnostic]
        /// `#pragma sim` records (also in `program.pragmas`), kept even when compilation fails.
        public var pragmas: [SimPragma]
    }

    /// Compiles a program. `parameters` are `--param NAME=VALUE` values, which
    /// override `#pragma sim param(NAME, value)`.
    /// `fileName` is what `__FILE__` expands to.
    public static func compile(source: [UInt8], parameters: [String: Int64] = [:], fileName: String = "program.c") -> Result {
        var preprocessor = Preprocessor()
        preprocessor.parameterOverrides = parameters
        preprocessor.fileName = fileName
        var tokens: [Token] = []
        var preludeLexer = Lexer(bytes: Array(Prelude.source.utf8), inPrelude: true)
        preprocessor.process(preludeLexer.tokenize(), into: &tokens)
        var lexer = Lexer(bytes: withoutByteOrderMark(source), inPrelude: false)
        let userTokens = lexer.tokenize()
        preprocessor.process(userTokens, into: &tokens)
        // The C-written library functions the program names, after its own code.
        let named = Set(tokens.lazy.filter { $0.kind == .identifier && !$0.location.inPrelude }.map(\.text))
        for (name, source) in LibrarySource.definitions where named.contains(name) {
            var libraryLexer = Lexer(bytes: Array(source.utf8), inPrelude: true)
            preprocessor.process(libraryLexer.tokenize(), into: &tokens)
        }
        tokens.append(userTokens.last ?? Token(.eof, "", .unknown))
        var parser = Parser(tokens: tokens)
        let items = parser.parseTranslationUnit()
        let lexical = lexer.diagnostics.filter { !preprocessor.skippedLines.contains($0.location.line) }
        var diagnostics = lexical + preprocessor.diagnostics + parser.diagnostics
        // Check what parsed even after a syntax error, to report every error in one run.
        let checker = TypeChecker(expressionCount: parser.expressionCount)
        checker.check(items)
        var program: Program?
        if diagnostics.isEmpty {
            diagnostics += checker.diagnostics
            if diagnostics.isEmpty {
                let generator = CodeGenerator(types: checker.types, externals: checker.externals)
                program = generator.compile(checker.fileScope, pragmas: preprocessor.pragmas)
                diagnostics += generator.diagnostics
            }
        } else {
            let parsedLines = Set(diagnostics.map(\.location.line))
            diagnostics += checker.diagnostics.filter { !parsedLines.contains($0.location.line) && !$0.message.hasPrefix("no 'main'") }
        }
        diagnostics = stableSorted(diagnostics)
        return Result(program: diagnostics.contains { $0.severity == .error } ? nil : program,
                      diagnostics: diagnostics, pragmas: preprocessor.pragmas)
    }

    public static func compile(source: String, parameters: [String: Int64] = [:], fileName: String = "program.c") -> Result {
        compile(source: Array(source.utf8), parameters: parameters, fileName: fileName)
    }

    /// The source without a leading UTF-8 byte order mark, which some
    /// Windows editors write and which is not program text.
    public static func withoutByteOrderMark(_ source: [UInt8]) -> [UInt8] {
        source.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(source.dropFirst(3)) : source
    }

    private static func stableSorted(_ d: [Diagnostic]) -> [Diagnostic] {
        d.enumerated().sorted { x, y in
            x.element.location == y.element.location ? x.offset < y.offset : x.element.location < y.element.location
        }.map(\.element)
    }
}
