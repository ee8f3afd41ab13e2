import Foundation
import Testing
@testable import SimRuntime

/// Every program in `Lessons/programs/` run headless against its golden
/// stdout (`Golden/<name>.stdout`). `UPDATE_GOLDEN=1 swift test` rewrites
/// the goldens; review the diff against each program's header comment and
/// the kernel rules before committing one.
@Suite struct ProgramGoldenTests {
    static let programs = Paths.cFiles(under: Paths.programs).map(\.name)
    static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    @Test func programsAreFound() {
        #expect(Self.programs.count >= 14)
        for method in ["method1-device.c", "method2-event.c", "method3-alertable.c", "method4-iocp.c"] {
            #expect(Self.programs.contains(method))
        }
    }

    @Test(arguments: programs)
    func program(_ name: String) throws {
        let source = try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
        let finished = try runToEnd(source: source, name: name)
        #expect(finished.outcome == .exited(code: 0), "\(finished.failureMessage ?? "")")
        let goldenURL = Paths.golden.appendingPathComponent(name.replacingOccurrences(of: ".c", with: ".stdout"))
        if Self.updating {
            try FileManager.default.createDirectory(at: Paths.golden, withIntermediateDirectories: true)
            try Data(finished.output.utf8).write(to: goldenURL)
            return
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(finished.output == golden)
    }

    /// The header of each program states its expected output; the golden
    /// must agree with it (lines starting with `*   ` after "Expected output").
    @Test(arguments: programs)
    func goldenMatchesTheProgramsOwnStatement(_ name: String) throws {
        let text = try String(contentsOf: Paths.programs.appendingPathComponent(name), encoding: .utf8)
        guard let start = text.range(of: "Expected output"), let end = text.range(of: "*/", range: start.upperBound..<text.endIndex)
        else { return }
        let stated = text[start.upperBound..<end.lowerBound].split(separator: "\n").dropFirst()
            .compactMap { line -> String? in
                guard let r = line.range(of: " *   ") else { return nil }
                return String(line[r.upperBound...])
            }
        let goldenURL = Paths.golden.appendingPathComponent(name.replacingOccurrences(of: ".c", with: ".stdout"))
        let golden = try String(contentsOf: goldenURL, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(golden.count == stated.count, "line counts differ")
        for (g, s) in zip(golden, stated) {
            // "0x........" in a header stands for a value the header cannot know.
            if s.contains("0x........") {
                #expect(g.hasPrefix(String(s.prefix(upTo: s.range(of: "0x........")!.lowerBound))))
            } else {
                // A header line may carry a remark after two spaces: "...   (with the default seed 1)".
                #expect(g == s || (s.hasPrefix(g + "  ") && s.hasSuffix(")")), "golden \(g) vs header \(s)")
            }
        }
    }

    /// The four method programs read the same blocks: their checksum must be
    /// the one computed here, in Swift, from the file's bytes on the volume.
    @Test(arguments: ["method1-device.c", "method2-event.c", "method3-alertable.c", "method4-iocp.c"])
    func checksumMatchesTheFileOnTheVolume(_ name: String) throws {
        let source = try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
        let finished = try runToEnd(source: source, name: name)
        let bytes = try #require(finished.run.kernel.volume.contents(of: "data.bin"))
        var sum: UInt32 = 0
        for block in 0..<8 {
            let offset = block * 8192
            for i in 0..<4096 {
                sum &+= UInt32(bytes[offset + i]) &* UInt32(offset + i + 1)
            }
        }
        let expected = "checksum: 0x" + String(sum, radix: 16, uppercase: true).leftPadded(to: 8)
        #expect(finished.output.contains(expected + "\n"), "printed: \(finished.output)")
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
