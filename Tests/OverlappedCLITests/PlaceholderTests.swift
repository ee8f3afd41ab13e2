import Testing

@Test func OverlappedCLITestsBuilds() { #expect(Bool(true)) }
