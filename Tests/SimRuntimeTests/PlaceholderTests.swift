import Testing

@Test func SimRuntimeTestsBuilds() { #expect(Bool(true)) }
