import Testing
@testable import Win32C

/// Runs every fixture program on the VM with the pure C library and checks
/// the expectations written in its comments.
@Suite struct FixtureTests {
    @Test(arguments: Fixture.all())
    func fixture(_ fixture: Fixture) {
        if fixture.skipReason != nil { return }
        let result = CCompiler.compile(source: fixture.source)
        let rendered = Diagnostic.render(result.diagnostics, fileName: fixture.name, source: fixture.source)
        if !fixture.expectedErrors.isEmpty {
            #expect(result.program == nil, "compilation should fail")
            let actual = Set(result.diagnostics.map { "\($0.location.line):\($0.location.column)" })
            let expected = Set(fixture.expectedErrors.map { "\($0.line):\($0.column)" })
            #expect(actual == expected, "error locations differ:\n\(rendered)")
            for e in fixture.expectedErrors {
                let here = result.diagnostics.filter { $0.location.line == e.line && $0.location.column == e.column }
                #expect(here.contains { $0.message.contains(e.message) },
                        "no error at \(e.line):\(e.column) containing '\(e.message)':\n\(rendered)")
            }
            return
        }
        guard let program = result.program else {
            Issue.record("unexpected compile errors:\n\(rendered)")
            return
        }
        let run = StandaloneRun.run(program, statementLimit: 20_000_000)
        let expectedText = fixture.expectedOutput.map { $0 + "\n" }.joined()
        #expect(run.outputText == expectedText)
        if let message = fixture.runtimeError {
            #expect(run.fault != nil, "expected runtime error containing '\(message)'")
            if let fault = run.fault {
                #expect(fault.message.contains(message), "fault was: \(fault.rendered(fileName: fixture.name))")
            }
        } else {
            #expect(run.fault == nil, "unexpected fault: \(run.fault?.rendered(fileName: fixture.name) ?? "")")
            #expect(run.exitCode == fixture.exitCode)
        }
    }
}
