import TUI
import Testing
@testable import AppCore

/// The divergence line under Compare takes the fullest form that fits the
/// terminal, measured on the real default scenario.
@Suite struct DivergenceLineTests {
    @Test func theLineTakesTheFullestFormThatFits() throws {
        for steps in [45, 400] {
            let session = try RealRunGoldenTests.realCompare(steps: steps)
            #expect(session.divergence != nil)
            let line = DivergenceLine(session: session)
            let context = DrawContext()
            let forms = line.forms(context: context)
            #expect(forms.count == 4)
            for width in 40...220 {
                let chosen = line.line(context: context, width: width)
                if let fitting = forms.first(where: { $0.displayWidth <= width }) {
                    #expect(chosen == fitting, "width \(width): the fullest form that fits")
                } else {
                    #expect(chosen == forms[forms.count - 1])
                }
            }
            // At 120 columns the counts at divergence are named in words.
            let at120 = line.line(context: context, width: 120).plainText
            #expect(at120.contains("requests done/completions handled, then:"), "\(at120)")
            #expect(at120.contains("now:"))
        }
    }

    @Test func theCompareScreenShowsTheWordedFormAt120Columns() throws {
        let state = AppState.compare(try RealRunGoldenTests.realCompare(steps: 45), options: UIOptions())
        let rows = state.view(size: Size(width: 120, height: 40)).plainText().split(separator: "\n")
        let divergence = try #require(rows.first { $0.contains("diverged") })
        #expect(divergence.contains("requests done/completions handled, then:"))
        #expect(divergence.contains(" 4:"), "no pane's counts are cut")
    }
}
