import Foundation
import Testing

/// The references in `docs/` are cited from code, tests and READMEs ("rule 28",
/// `docs/DIALECT.md`, a section by its title). Every citation must lead
/// somewhere that exists, so the two cannot drift apart.
@Suite struct ReferenceCitationTests {
    /// Source, test and README text, with `//`/`///` comment breaks joined
    /// into one line so a citation split over two comment lines is read whole.
    static let citingFiles: [(path: String, text: String)] = {
        let root = Paths.packageRoot
        var found: [(String, String)] = []
        for folder in ["Sources", "Tests"] {
            guard let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder),
                                                              includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["swift", "md"].contains(url.pathExtension) {
                // Golden files and fixtures are program output, not citations.
                if url.path.contains("/Golden/") || url.path.contains("/Fixtures/") || url.path.contains("/Corpus/") { continue }
                if let text = try? String(contentsOf: url, encoding: .utf8) {
                    found.append((String(url.path.dropFirst(root.path.count + 1)), text))
                }
            }
        }
        for readme in ["README.md", "Lessons/README.md", "bench/README.md"] {
            if let text = try? String(contentsOf: root.appendingPathComponent(readme), encoding: .utf8) {
                found.append((readme, text))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map { (path: $0.0, text: joinedComments($0.1)) }
    }()

    static func joinedComments(_ text: String) -> String {
        text.replacing(/[ \t]*\n[ \t]*(\/\/\/?)?[ \t]*/, with: " ")
    }

    static func doc(_ path: String) -> String? {
        try? String(contentsOf: Paths.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The rule numbers `docs/SEMANTICS.md` defines (its `### N. …` headings).
    static let definedRules: Set<Int> = {
        Set((doc("docs/SEMANTICS.md") ?? "").split(separator: "\n").compactMap { line in
            guard let match = line.wholeMatch(of: /### (\d+)\. .*/) else { return nil }
            return Int(match.1)
        })
    }()

    /// The headings of a markdown file, without their `#`s.
    static func headings(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: /#+ +(.*)/).map { String($0.1) }
        })
    }

    @Test func theSemanticsReferenceNumbersEveryRuleOnce() throws {
        let text = try #require(Self.doc("docs/SEMANTICS.md"))
        let numbers = text.split(separator: "\n").compactMap { $0.wholeMatch(of: /### (\d+)\. .*/).flatMap { Int($0.1) } }
        #expect(numbers == Array(1 ... 47), "rules are numbered 1 to 47 in order, each once")
    }

    @Test func everyCitedRuleExists() {
        #expect(Self.definedRules.count >= 47)
        var cited = 0
        for (path, text) in Self.citingFiles {
            // "rule 9", "rules 25–37", "Rule 8:", and test names such as rule28_….
            for match in text.matches(of: /(?i)\brules? (\d+)(?:\s*[–-]\s*(\d+))?|\brule(\d+)_/) {
                let first = Int(match.1 ?? match.3 ?? "") ?? 0
                let last = match.2.flatMap { Int($0) } ?? first
                for rule in first ... max(first, last) {
                    cited += 1
                    #expect(Self.definedRules.contains(rule), "\(path) cites rule \(rule), which docs/SEMANTICS.md does not define")
                }
            }
        }
        #expect(cited > 50, "the scan found the citations (\(cited))")
    }

    @Test func everyCitedDocumentExistsAndIsNamedByItsPath() {
        var cited = 0
        for (path, text) in Self.citingFiles {
            for match in text.matches(of: /docs\/[A-Za-z0-9_.\/-]+\.md/) {
                cited += 1
                #expect(Self.doc(String(match.0)) != nil, "\(path) cites \(match.0), which does not exist")
            }
            // A reference named without its folder does not say where it is.
            for match in text.matches(of: /(docs\/)?\b(SEMANTICS|DIALECT)\.md/) where match.1 == nil {
                Issue.record("\(path) cites \(match.0) without its path (write docs/\(match.0))")
            }
        }
        #expect(cited > 10, "the scan found the citations (\(cited))")
    }

    @Test func everyCitedSectionExists() {
        var cited = 0
        for (path, text) in Self.citingFiles {
            // docs/SEMANTICS.md "Completion port view", docs/DIALECT.md, "Exit statuses of `overlapped run`"
            for match in text.matches(of: /(docs\/[A-Za-z0-9_.\/-]+\.md)`?,? "([^"]+)"/) {
                cited += 1
                let headings = Self.headings(Self.doc(String(match.1)) ?? "")
                #expect(headings.contains(String(match.2)), "\(path) cites section '\(match.2)' of \(match.1), which has no such heading")
            }
        }
        #expect(cited >= 2)
    }

    @Test func theReadmeLinksBothReferences() throws {
        let readme = try #require(Self.doc("README.md"))
        #expect(readme.contains("](docs/DIALECT.md)"))
        #expect(readme.contains("](docs/SEMANTICS.md)"))
    }

    /// Links between the references resolve, anchors included.
    @Test func linksInsideTheReferencesResolve() throws {
        for name in ["docs/DIALECT.md", "docs/SEMANTICS.md"] {
            let text = try #require(Self.doc(name))
            for match in text.matches(of: /\]\(([A-Za-z0-9_.-]+\.md)?(?:#([a-z0-9-]+))?\)/) {
                let target = match.1.map { "docs/" + $0 } ?? name
                let targetText = try #require(Self.doc(target), "\(name) links to \(target), which does not exist")
                if let anchor = match.2 {
                    let anchors = Self.headings(targetText).map {
                        $0.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
                            .replacingOccurrences(of: " ", with: "-")
                    }
                    #expect(anchors.contains(String(anchor)), "\(name) links to #\(anchor) in \(target), which has no such heading")
                }
            }
        }
    }
}
