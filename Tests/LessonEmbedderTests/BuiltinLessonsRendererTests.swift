import Testing
@testable import LessonEmbedder

@Suite struct BuiltinLessonsRendererTests {
    @Test func rawLiteralsAreDeepEnoughForAnyText() {
        #expect(BuiltinLessonsRenderer.delimiterDepth(for: "plain") == 1)
        #expect(BuiltinLessonsRenderer.delimiterDepth(for: "a \"\"\"# b") == 2)
        #expect(BuiltinLessonsRenderer.delimiterDepth(for: "printf(\"\\#n\")") == 2)
    }

    @Test func filesAreRenderedSortedAndVerbatim() {
        let rendered = BuiltinLessonsRenderer.render([("b.md", "x\n"), ("a.md", "no newline")])
        #expect(rendered.contains("(\"a.md\", #\"\"\"\nno newline\n\"\"\"#),\n        (\"b.md\", #\"\"\"\nx\n\n\"\"\"#),"))
    }
}
