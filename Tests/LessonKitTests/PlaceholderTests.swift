import Testing

@Test func LessonKitTestsBuilds() { #expect(Bool(true)) }
