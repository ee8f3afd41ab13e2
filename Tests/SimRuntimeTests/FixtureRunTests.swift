import Testing
import Win32C
@testable import SimRuntime

/// Every fixture of the C dialect run through `ProgramRun` on the kernel:
/// the kernel-level ones (`// skip: needs kernel`) are checked against their
/// expectations here; the language-only ones must also agree with the
/// standalone VM, which shows the runtime changes nothing about the language.
@Suite struct FixtureRunTests {
    static let fixtures = RuntimeFixture.all()
    static let fileName = "program.c"

    @Test func fixturesAreFound() {
        #expect(Self.fixtures.count > 150)
        #expect(Self.fixtures.filter(\.needsKernel).count >= 30)
    }

    @Test(arguments: fixtures)
    func fixture(_ fixture: RuntimeFixture) throws {
        if let reason = fixture.skipReason, !fixture.needsKernel {
            // Skipped for a reason other than needing the kernel.
            _ = reason
            return
        }
        let settings = RunSettings(maxStatements: 20_000_000)
        // Whether a program compiles is the language's business (its own
        // fixture test checks the expected errors); the runtime must report
        // exactly what the compiler found.
        let compiled = CCompiler.compile(source: fixture.source)
        let made: ProgramRun
        do {
            // The fixtures expect the compiler's default name (`__FILE__` is "program.c").
            made = try ProgramRun.make(source: fixture.source, fileName: Self.fileName, settings: settings)
        } catch {
            guard case .diagnostics(let diagnostics) = error.reason else {
                Issue.record("unexpected input error: \(error.rendered)")
                return
            }
            #expect(compiled.program == nil, "the runtime refused a program the compiler accepts")
            #expect(diagnostics == compiled.diagnostics)
            #expect(error.rendered == Diagnostic.render(compiled.diagnostics, fileName: Self.fileName, source: fixture.source))
            return
        }
        #expect(compiled.program != nil)
        guard fixture.expectedErrors.isEmpty else { return }
        var run = made
        run.runToEnd()
        #expect(run.output == fixture.expectedOutput)
        if let message = fixture.runtimeError {
            switch run.outcome {
            case .fault(let text)?, .deadlock(let text)?:
                #expect(text.contains(message), "report was: \(text)")
                #expect(text.hasPrefix(Self.fileName + ":"), "report starts with FILE:LINE:COL: \(text)")
                #expect(text.contains(": runtime error: "))
                #expect(text.contains("threads:\n  T1 \"main\""), "report lists the threads: \(text)")
            default:
                Issue.record("expected a runtime error containing '\(message)', got \(String(describing: run.outcome))")
            }
        } else {
            #expect(run.outcome == .exited(code: fixture.exitCode))
        }

        // The language alone: the standalone VM must print and exit the same.
        if !fixture.needsKernel, let program = made.program as Program? {
            let standalone = StandaloneRun.run(program, statementLimit: 20_000_000)
            #expect(standalone.outputText == run.output, "standalone VM and runtime disagree")
            if standalone.fault == nil, case .exited(let code)? = run.outcome {
                #expect(standalone.exitCode == code)
            } else {
                #expect((standalone.fault == nil) == (run.outcome.map { if case .exited = $0 { true } else { false } } ?? false))
            }
        }
    }
}
