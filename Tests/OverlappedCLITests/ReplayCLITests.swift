import Foundation
import Testing

/// `overlapped replay FILE` exports, from a recording written here as a
/// person's `--record` would have written it.
extension CLITests {
    func recordingFile(steps: String, version: Int = 1) throws -> String {
        let source = try String(contentsOf: Self.programs.appendingPathComponent("method4-iocp.c"), encoding: .utf8)
        let sourceJSON = String(decoding: try JSONSerialization.data(withJSONObject: [source], options: [.fragmentsAllowed]), as: UTF8.self)
        let text = """
            {"format": "overlapped-recording", "version": \(version), "command": "run", "caption": "method4-iocp.c",
             "settings": {"parameters": {}}, "programs": [{"label": "method4-iocp.c", "fileName": "method4-iocp.c",
             "source": \(sourceJSON.dropFirst().dropLast())}], "ascii": false, "width": 100, "height": 30,
             "steps": \(steps)}
            """
        return try file("demo.json", text)
    }

    @Test func replayExportsAnAsciicastWithAMarkerPerStep() throws {
        let path = try recordingFile(steps: #"[{"key": "s"}, {"key": "s"}, {"key": "t"}, {"resize": [120, 40]}, {"key": "b"}]"#)
        let cast = (path as NSString).deletingLastPathComponent + "/out.cast"
        let r = try run(["replay", path, "--asciicast", cast])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOf: URL(fileURLWithPath: cast), encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
        var last = -1.0
        var markers: [String] = []
        var kinds: Set<String> = []
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], "event: \(line)")
            #expect(event.count == 3)
            let time = try #require(event[0] as? Double)
            let kind = try #require(event[1] as? String)
            let data = try #require(event[2] as? String)
            #expect(time >= last, "times never go back")
            last = time
            kinds.insert(kind)
            if kind == "m" { markers.append(data) }
            if kind == "r" { #expect(data == "120x40") }
        }
        #expect(kinds == ["o", "m", "r"])
        #expect(markers.count == 6, "the start and one per step: \(markers)")
        #expect(markers.first == "start · T = 0 µs")
        #expect(markers[1].hasPrefix("1. key s · T = "))
        let again = try run(["replay", path, "--asciicast", cast + "2"])
        #expect(again.status == 0)
        #expect(FileManager.default.contents(atPath: cast) == FileManager.default.contents(atPath: cast + "2"), "same bytes")
    }

    @Test func replayWritesAHandoutAndATimeline() throws {
        let keys = Array(repeating: #"{"key": "s"}"#, count: 40).joined(separator: ", ")
        let path = try recordingFile(steps: "[\(keys), {\"key\": \"p\"}, {\"tick\": 1}, {\"key\": \"p\"}]")
        let folder = (path as NSString).deletingLastPathComponent
        let r = try run(["replay", path, "--transcript", folder + "/h.txt", "--svg", folder + "/t.svg", "--size", "100x30"])
        #expect(r.status == 0, "\(r.stderr)")
        let handout = try String(contentsOf: URL(fileURLWithPath: folder + "/h.txt"), encoding: .utf8)
        #expect(handout.hasPrefix("method4-iocp.c\n(43 steps, replayed from a recording)\n"))
        #expect(handout.contains("== 42. run (1 step) · T = "))
        #expect(Self.hasNoTerminalControl(handout))
        let svg = try String(contentsOf: URL(fileURLWithPath: folder + "/t.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">worker 1</text>") && svg.contains("X running"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func replayRefusesDamagedAndNewerRecordings() throws {
        let newer = try run(["replay", try recordingFile(steps: "[]", version: 2)])
        #expect(newer.status == 1)
        #expect(newer.stderr.contains("recorded in format version 2 by a newer Overlapped"))
        let damaged = try run(["replay", try file("cut.json", "{\"format\": \"overlapped-recording\", \"vers")])
        #expect(damaged.status == 1 && damaged.stderr.contains("not a recording (the file is not JSON, or is cut short)"))
        let badStep = try run(["replay", try recordingFile(steps: #"[{"key": "s", "tick": 2}]"#)])
        #expect(badStep.status == 1 && badStep.stderr.contains("damaged recording: at steps[0]: an input has exactly one of"))
        let missing = try run(["replay", "/nonexistent/r.json"])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read the file"))
        let size = try run(["replay", "x.json", "--size", "10x10"])
        #expect(size.status == 64 && size.stderr.contains("--size expects WIDTHxHEIGHT"))
    }
}
