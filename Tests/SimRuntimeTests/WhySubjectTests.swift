import Foundation
import SimKernel
import Testing
@testable import SimRuntime

/// `why(_:)` for each kind of subject on one small program: requests in
/// flight and done, packets (from a completion and posted), APCs (a
/// completion routine and a user APC), an event, a semaphore, a mutex.
@Suite struct WhySubjectTests {
    static let source = """
        #include <windows.h>
        #pragma sim file("data.bin", 65536)
        #pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=off)

        static OVERLAPPED ior[4];
        static OVERLAPPED oEvent;
        static BYTE buf[4][4096];
        static int ran;

        static VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov) { ran++; }
        static VOID CALLBACK Poke(ULONG_PTR value) { ran++; }

        int main(void)
        {
            HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
            HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            HANDLE other = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            HANDLE hDone = CreateEvent(NULL, TRUE, FALSE, NULL);
            HANDLE hItems = CreateSemaphore(NULL, 0, 5, NULL);
            HANDLE hLock = CreateMutex(NULL, TRUE, NULL);
            HANDLE hIdle = CreateEvent(NULL, TRUE, FALSE, NULL);
            CreateIoCompletionPort(file, port, 1, 0);
            for (int i = 0; i < 2; i++) {
                ior[i].Offset = i * 8192;
                ReadFile(file, buf[i], 4096, NULL, &ior[i]);
            }
            oEvent.hEvent = hDone;
            ReadFile(other, buf[2], 4096, NULL, &oEvent);
            ReadFileEx(other, buf[3], 4096, &ior[3], ReadDone);
            PostQueuedCompletionStatus(port, 0, 7, NULL);
            QueueUserAPC(Poke, GetCurrentThread(), 42);
            ReleaseSemaphore(hItems, 2, NULL);
            ReleaseMutex(hLock);
            Sleep(10);
            SleepEx(0, TRUE);
            return ran == 2 ? 0 : 1;
        }
        """

    static func line(of text: String) -> Int {
        (source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
    }

    static func run(tracing: Bool = true, until stop: (ProgramRun) -> Bool) throws -> ProgramRun {
        var run = try ProgramRun.make(source: source, fileName: "why.c", settings: RunSettings(tracing: tracing))
        while !stop(run), run.stepEvent() {}
        #expect(stop(run), "the program never got there")
        return run
    }

    /// Main asleep in Sleep(10): every read done, packets and APCs queued.
    static func asleep(tracing: Bool = true) throws -> ProgramRun {
        try run(tracing: tracing) { run in
            guard let main = run.machine.threads.first, case .waiting(let wait) = main.state else { return false }
            return wait.call == "Sleep" && run.machine.requests.isEmpty
        }
    }

    static func texts(_ chain: [CauseLink]) -> [String] { chain.map(\.text) }

    @Test func aRequestInFlightSaysWhereItIsAndWhoStartedItWhere() throws {
        let run = try Self.run { $0.machine.requests.count == 4 }
        let request = try #require(run.machine.requests.first)
        let chain = run.why(.request(request.id))
        let texts = Self.texts(chain)
        #expect(texts.first?.hasPrefix("ior[0] is in flight: the disk is working on it, done at ") == true, "\(texts)")
        #expect(texts.last == "main started ReadFile with ior[0] at line \(Self.line(of: "ReadFile(file, buf[i]"))", "\(texts)")
        #expect(chain.last?.location?.line == Self.line(of: "ReadFile(file, buf[i]"))
    }

    @Test func aDoneRequestSaysWhatItNotifiedAndWithWhatStatus() throws {
        let run = try Self.asleep()
        // The read with an event: it set the event; its status and bytes.
        let id = try #require((1..<10).first { id in Self.texts(run.why(.request(id))).last?.contains("with oEvent") == true })
        let texts = Self.texts(run.why(.request(id)))
        #expect(texts == [
            "it signaled event 'hDone'",
            "oEvent finished: STATUS_SUCCESS, 4096 bytes",
            "main started ReadFile with oEvent at line \(Self.line(of: "ReadFile(other, buf[2]"))",
        ], "\(texts)")
        // A read on the port-associated file: its packet went to the port.
        let first = Self.texts(run.why(.request(id - 2)))
        #expect(first.first == "its packet was queued to port 'port' (key 1)", "\(first)")
    }

    @Test func aQueuedPacketTracesToTheReadWhoseCompletionQueuedIt() throws {
        let run = try Self.asleep()
        let port = try #require(run.machine.ports.first)
        // The posted packet came first (the reads finish 2 ms later).
        #expect(port.queue.map(\.posted) == [true, false, false], "\(port.queue)")
        let chain = run.why(.packet(port: port.object.id, index: 1))
        let texts = Self.texts(chain)
        #expect(texts.first == "it waits at place 2 of 3 in the queue of port 'port': no thread is blocked in GetQueuedCompletionStatus on it",
                "\(texts)")
        #expect(texts.contains("the completion of ior[0] queued it to port 'port' (key 1)"), "\(texts)")
        #expect(texts.last == "main started ReadFile with ior[0] at line \(Self.line(of: "ReadFile(file, buf[i]"))", "\(texts)")
        #expect(zip(chain, chain.dropFirst()).allSatisfy { $0.time >= $1.time })
        // The second packet is the second read's, not the first's.
        #expect(Self.texts(run.why(.packet(port: port.object.id, index: 2))).contains { $0.contains("ior[1]") })
    }

    @Test func aPostedPacketSaysWhoPostedItAndWhere() throws {
        let run = try Self.asleep()
        let port = try #require(run.machine.ports.first)
        let index = try #require(port.queue.firstIndex { $0.posted })
        let chain = run.why(.packet(port: port.object.id, index: index))
        let line = Self.line(of: "PostQueuedCompletionStatus(")
        #expect(Self.texts(chain).last == "main posted it to port 'port' with PostQueuedCompletionStatus (key 7) at line \(line)",
                "\(Self.texts(chain))")
        #expect(chain.last?.location?.line == line)
    }

    @Test func aCompletionRoutineTracesToItsReadAndAUserAPCToItsQueuer() throws {
        let run = try Self.asleep()
        let main = try #require(run.machine.threads.first)
        #expect(main.apcQueue.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.completionRoutine, .userAPC])
        for (index, apc) in main.apcQueue.enumerated() {
            let texts = Self.texts(run.why(.apc(thread: main.id, index: index)))
            #expect(texts.first?.hasSuffix("main waits in Sleep, which is not alertable") == true, "\(texts)")
            switch apc.kind {
            case .completionRoutine:
                #expect(texts.contains("the completion of ior[3] queued completion routine ReadDone to main"), "\(texts)")
                #expect(texts.last == "main started ReadFileEx with ior[3] at line \(Self.line(of: "ReadFileEx("))", "\(texts)")
            case .userAPC:
                #expect(texts.last == "main queued Poke(42) to main with QueueUserAPC at line \(Self.line(of: "QueueUserAPC("))",
                        "\(texts)")
            }
        }
    }

    @Test func objectsSayWhoLastSignaledThemOrThatNothingDid() throws {
        let run = try Self.asleep()
        func chain(_ label: String) throws -> [String] {
            let id = try #require(run.machine.events.first { $0.object.label == label }?.object.id
                                  ?? run.machine.semaphores.first { $0.object.label == label }?.object.id
                                  ?? run.machine.mutexes.first { $0.object.label == label }?.object.id, "\(label)")
            return Self.texts(run.why(.object(id)))
        }
        let done = try chain("hDone")
        #expect(done.first == "event 'hDone' (manual-reset) is signaled", "\(done)")
        #expect(done.contains("the completion of oEvent signaled it"), "\(done)")
        #expect(done.last?.hasPrefix("main started ReadFile with oEvent") == true, "\(done)")
        #expect(try chain("hItems") == ["semaphore 'hItems' has count 2 of 5",
                                        "main signaled semaphore 'hItems' with ReleaseSemaphore at line \(Self.line(of: "ReleaseSemaphore("))"])
        #expect(try chain("hLock") == ["mutex 'hLock' is free",
                                       "main signaled mutex 'hLock' with ReleaseMutex at line \(Self.line(of: "ReleaseMutex("))"])
        #expect(try chain("hIdle") == ["event 'hIdle' (manual-reset) is not signaled", "nothing has signaled event 'hIdle' yet"])
    }

    @Test func subjectsThatAreGoneOrUntracedRunsExplainNothing() throws {
        let run = try Self.asleep()
        #expect(run.why(.packet(port: try #require(run.machine.ports.first).object.id, index: 9)).isEmpty)
        #expect(run.why(.apc(thread: 1, index: 9)).isEmpty)
        #expect(run.why(.request(999)).isEmpty)
        let untraced = try Self.asleep(tracing: false)
        let port = try #require(untraced.machine.ports.first)
        #expect(untraced.why(.packet(port: port.object.id, index: 0)).isEmpty)
        #expect(untraced.why(.apc(thread: 1, index: 0)).isEmpty)
        #expect(untraced.why(.object(port.object.id)).isEmpty)
    }

    @Test func aWakeNamesTheSignalThatEndedItNotALaterOne() throws {
        let source = """
            #include <windows.h>
            static HANDLE hGo;
            static HANDLE hLock;
            static DWORD WINAPI Worker(LPVOID p) {
                hLock = CreateMutex(NULL, TRUE, NULL);
                WaitForSingleObject(hGo, INFINITE);
                SimCompute(20000);
                return 0;
            }
            int main(void) {
                hGo = CreateEvent(NULL, FALSE, FALSE, NULL);
                HANDLE t = CreateThread(NULL, 0, Worker, NULL, 0, NULL);
                Sleep(5);
                SetEvent(hGo);
                Sleep(5);
                SetEvent(hGo);
                WaitForSingleObject(t, INFINITE);
                return 0;
            }
            """
        var run = try ProgramRun.make(source: source, fileName: "wake.c")
        // Until the worker has exited (the objects go with the process).
        func exited(_ run: ProgramRun) -> Bool {
            run.machine.threads.contains { if case .terminated = $0.state { return $0.name != "main" } else { return false } }
        }
        while !exited(run), run.stepEvent() {}
        #expect(exited(run))
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(lines.firstIndex { $0.contains("SetEvent(hGo)") }) + 1
        let worker = try #require(run.machine.threads.first { $0.name != "main" })
        let chain = run.why(.thread(worker.id)).map(\.text)
        #expect(chain.first == "\(worker.name) woke from WaitForSingleObject", "\(chain)")
        #expect(chain.last == "main signaled event 'hGo' with SetEvent at line \(first)", "\(chain)")
        // The event itself: its latest signal, the second SetEvent.
        let event = try #require(run.machine.events.first { $0.object.label == "hGo" })
        #expect(run.why(.object(event.object.id)).last?.text == "main signaled event 'hGo' with SetEvent at line \(first + 2)")
        // A mutex its owner left behind by exiting.
        let mutex = try #require(run.machine.mutexes.first { $0.object.label == "hLock" })
        #expect(run.why(.object(mutex.object.id)).map(\.text) == [
            "mutex 'hLock' is free (abandoned)", "\(worker.name) exited owning mutex 'hLock': it is abandoned",
        ])
    }

    @Test func twoPacketsOfOneReusedOverlappedEachTraceToTheirOwnRead() throws {
        let source = """
            #include <windows.h>
            #pragma sim file("data.bin", 65536)
            #pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=off)
            static OVERLAPPED o;
            static BYTE buf[4096];
            int main(void) {
                HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
                HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
                CreateIoCompletionPort(file, port, 1, 0);
                ReadFile(file, buf, 4096, NULL, &o);
                Sleep(5);
                o.Offset = 8192;
                ReadFile(file, buf, 4096, NULL, &o);
                Sleep(5);
                return 0;
            }
            """
        var run = try ProgramRun.make(source: source, fileName: "reuse.c")
        while run.machine.ports.first?.queue.count ?? 0 < 2, run.stepEvent() {}
        let port = try #require(run.machine.ports.first)
        #expect(port.queue.count == 2)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let reads = lines.indices.filter { lines[$0].contains("ReadFile(file") }.map { $0 + 1 }
        #expect(reads.count == 2)
        for (index, line) in reads.enumerated() {
            let chain = run.why(.packet(port: port.object.id, index: index)).map(\.text)
            #expect(chain.last == "main started ReadFile with o at line \(line)", "\(chain)")
        }
    }
}
