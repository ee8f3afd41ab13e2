import Testing

@Test func Win32CTestsBuilds() { #expect(Bool(true)) }
