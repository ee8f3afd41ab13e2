import Testing

@Test func AppCoreTestsBuilds() { #expect(Bool(true)) }
