import Testing

@Test func TUITestsBuilds() { #expect(Bool(true)) }
