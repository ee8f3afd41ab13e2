import Foundation
import LessonKit
import SimKernel
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// Tab in the "Why" overlay: from the selected thread to its APCs, the
/// requests in flight, the packets queued on each port and the objects,
/// each titled by the pane's own names; Enter still steps back exactly.
@Suite struct WhySubjectOverlayTests {
    static let source = """
        #include <windows.h>
        #pragma sim file("data.bin", 65536)
        #pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=off)

        static OVERLAPPED ior[4];
        static BYTE buf[4][4096];
        static int ran;

        static VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov) { ran++; }

        int main(void)
        {
            HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
            HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            HANDLE other = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            HANDLE hDone = CreateEvent(NULL, TRUE, FALSE, NULL);
            CreateIoCompletionPort(file, port, 1, 0);
            for (int i = 0; i < 2; i++) {
                ior[i].Offset = i * 8192;
                ReadFile(file, buf[i], 4096, NULL, &ior[i]);
            }
            ReadFileEx(other, buf[3], 4096, &ior[3], ReadDone);
            Sleep(10);
            SetEvent(hDone);
            SleepEx(0, TRUE);
            return ran == 1 ? 0 : 1;
        }
        """

    /// The Playground on that program with main asleep: two packets on the
    /// port, a completion routine queued to main; "Why" open on main.
    static func playground(options: UIOptions = UIOptions()) throws -> AppState {
        var session = Session(kind: .playground, caption: "why.c",
                              simulations: [try ProgramRun.make(source: source, fileName: "why.c")], labels: ["why.c"])
        func asleep(_ s: Session) -> Bool {
            guard case .waiting(let wait)? = s.panes[0].machine.threads.first?.state else { return false }
            return wait.call == "Sleep" && s.panes[0].machine.requests.isEmpty
        }
        while !asleep(session), session.stepLockstep() {}
        #expect(asleep(session))
        var state = AppState.playground(session, options: options)
        try press(.character("w"), on: &state)
        return state
    }

    static func press(_ key: Key, on state: inout AppState) throws {
        _ = state.update(try #require(KeyMap.action(for: key, in: state), "\(key) does nothing"))
    }

    static func why(_ state: AppState) throws -> WhyState {
        guard case .why(let why)? = state.overlay else { throw WhyMissing() }
        return why
    }
    struct WhyMissing: Error {}

    /// Tab until the title names what `matches` accepts.
    static func tab(to matches: (WhyTopic) -> Bool, on state: inout AppState) throws {
        for _ in 0..<20 {
            if let topic = try why(state).topic, matches(topic) { return }
            try press(.tab, on: &state)
        }
        Issue.record("never reached by Tab: \(try why(state).topics.map(\.name))")
    }

    @Test func tabVisitsTheThreadItsAPCsThePacketsAndTheObjectsInOrder() throws {
        let state = try Self.playground()
        let names = try Self.why(state).topics.map(\.name)
        #expect(names == [
            "thread main",
            "APC ReadDone ior[3] 4K queued to main",
            "packet key 1 ior[0] 4K on port 'port'",
            "packet key 1 ior[1] 4K on port 'port'",
            "event 'hDone'",
            // Two handles on one file are two file objects, named apart.
            "file 'data.bin#4'",
            "file 'data.bin#5'",
        ], "\(names)")
    }

    /// An APC queued to a thread that is not selected is still one Tab away:
    /// after the selected thread and its own queue, before the objects.
    @Test func tabReachesAnAPCQueuedToAnotherThread() throws {
        let source = """
            #include <windows.h>
            static VOID CALLBACK Note(ULONG_PTR value) { }
            static DWORD WINAPI Idle(LPVOID arg) { Sleep(50); SleepEx(0, TRUE); return 0; }
            int main(void)
            {
                HANDLE idle = CreateThread(NULL, 0, Idle, NULL, 0, NULL);
                Sleep(1);
                QueueUserAPC(Note, idle, 7);
                Sleep(10);
                WaitForSingleObject(idle, INFINITE);
                return 0;
            }
            """
        var session = Session(kind: .playground, caption: "apc.c",
                              simulations: [try ProgramRun.make(source: source, fileName: "apc.c")], labels: ["apc.c"])
        func queued(_ s: Session) -> Bool { s.panes[0].machine.threads.contains { !$0.apcQueue.isEmpty } }
        while !queued(session), session.stepLockstep() {}
        #expect(queued(session))
        var state = AppState.playground(session, options: UIOptions())
        try Self.press(.character("w"), on: &state)
        let names = try Self.why(state).topics.map(\.name)
        let apc = try #require(names.firstIndex { $0.hasPrefix("APC ") && $0.hasSuffix("queued to Idle") }, "\(names)")
        #expect(names.first == "thread main", "\(names)")
        #expect(apc == 1, "\(names)")
        try Self.tab(to: { $0.name == names[apc] }, on: &state)
        #expect(try Self.why(state).topic?.name == names[apc])
    }

    @Test func tabAndShiftTabCycleTheSubjectAndTheTitleSaysWhich() throws {
        var state = try Self.playground()
        let screen = { (state: AppState) in state.view(size: Size(width: 120, height: 40)).plainText() }
        #expect(screen(state).contains("┌ Why — thread main"))
        #expect(screen(state).contains("Tab: next thing (1 of 7)"))
        try Self.press(.tab, on: &state)
        #expect(try Self.why(state).topic?.subject == .apc(thread: 1, index: 0))
        #expect(screen(state).contains("┌ Why — APC ReadDone ior[3] 4K queued to main"))
        #expect(try Self.why(state).links.map(\.text).contains("the completion of ior[3] queued completion routine ReadDone to main"))
        try Self.press(.right, on: &state)
        #expect(screen(state).contains("┌ Why — packet key 1 ior[0] 4K on port 'port'"))
        try Self.press(.left, on: &state)
        try Self.press(.backTab, on: &state)
        try Self.press(.backTab, on: &state)
        // Back past the first: round to the last.
        #expect(try Self.why(state).current == 6)
        #expect(screen(state).contains("Tab: next thing (7 of 7)"))
    }

    @Test func enterOnAPacketsLinkStepsBackExactlyToItsMoment() throws {
        var state = try Self.playground()
        try Self.tab(to: { $0.name.hasPrefix("packet key 1 ior[1]") }, on: &state)
        let why = try Self.why(state)
        #expect(why.links.last?.text.hasPrefix("main started ReadFile with ior[1] at line ") == true, "\(why.links.map(\.text))")
        // The link before the start: the read finished, 2 ms after it started.
        try Self.press(.character("j"), on: &state)
        try Self.press(.character("j"), on: &state)
        let chosen = why.links[2]
        #expect(chosen.text == "ior[1] finished: STATUS_SUCCESS, 4096 bytes")
        try Self.press(.enter, on: &state)
        #expect(state.overlay == nil)
        let session = try #require(state.session)
        #expect(session.clock <= chosen.time)
        var fresh = Session(kind: .playground, caption: "why.c",
                            simulations: [try ProgramRun.make(source: Self.source, fileName: "why.c")], labels: ["why.c"])
        for _ in 0..<session.steps { fresh.stepLockstep() }
        #expect(fresh.clock == session.clock)
        #expect(fresh.panes.map(\.machine) == session.panes.map(\.machine))
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40), (200, 60)])
    func aPacketsWhyMatchesGolden(width: Int, height: Int) throws {
        var state = try Self.playground()
        try Self.tab(to: { $0.name.hasPrefix("packet key 1 ior[0]") }, on: &state)
        try GoldenScreenTests.check(state, name: "why-packet-playground", width: width, height: height)
    }

    @Test func asciiModeSpellsTheOverlayInASCII() throws {
        var state = try Self.playground(options: UIOptions(ascii: true))
        try Self.tab(to: { $0.name.hasPrefix("packet") }, on: &state)
        let text = state.view(size: Size(width: 100, height: 30)).plainText()
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("Why -- packet key 1 ior[0] 4K on port 'port'"))
        #expect(text.contains("<- "))
    }

    @Test func tabWorksInCompareAndInALesson() throws {
        var compare = try WhyOverlayTests.compareWithWokenWorker()
        let first = try Self.why(compare).topic
        try Self.press(.tab, on: &compare)
        #expect(try Self.why(compare).topic != first)
        #expect(try Self.why(compare).topic.map { !$0.name.hasPrefix("thread") } == true)

        var lesson = try RealRunGoldenTests.lesson("port-concurrency", nexts: 1)
        try Self.press(.character("w"), on: &lesson)
        let topics = try Self.why(lesson).topics
        #expect(topics.count > 1, "\(topics.map(\.name))")
        try Self.press(.tab, on: &lesson)
        #expect(try Self.why(lesson).current == 1)
        #expect(lesson.view(size: Size(width: 100, height: 30)).plainText().contains("┌ Why — " + topics[1].name.prefix(20)))
        try Self.press(.escape, on: &lesson)
        #expect(lesson.overlay == nil)
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40), (200, 60)])
    func inALessonTheTitleTheChainAndTheHintFitEverySize(width: Int, height: Int) throws {
        var lesson = try RealRunGoldenTests.lesson("port-concurrency", nexts: 1)
        try Self.press(.character("w"), on: &lesson)
        try Self.press(.tab, on: &lesson)
        let why = try Self.why(lesson)
        let screen = lesson.view(size: Size(width: width, height: height)).plainText()
        let name = try #require(why.topic?.name)
        #expect(screen.contains("┌ Why — " + name.prefix(width - 30)), "\(screen)")
        #expect(screen.contains("Tab: next thing"), "\(screen)")
        // Every link's text starts on screen (a long one wraps).
        for link in why.links { #expect(screen.contains(link.text.prefix(24)), "\(link.text)\n\(screen)") }
    }
}
