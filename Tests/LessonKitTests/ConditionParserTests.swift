import Testing
@testable import LessonKit

@Suite struct ConditionParserTests {
    /// Every kind of condition, written canonically, with the value it means.
    static let canonical: [(String, Condition)] = [
        ("thread main reaches line 12", .thread(.name("main"), .atLine(12, file: nil))),
        ("thread worker reaches line 7 in copy.c", .thread(.name("worker"), .atLine(7, file: "copy.c"))),
        ("thread main is running", .thread(.name("main"), .state(.running, call: nil))),
        ("thread main is ready", .thread(.name("main"), .state(.ready, call: nil))),
        ("thread main is waiting", .thread(.name("main"), .state(.waiting, call: nil))),
        ("thread main is waiting alertably", .thread(.name("main"), .state(.waitingAlertably, call: nil))),
        ("thread main is waiting alertably in SleepEx", .thread(.name("main"), .state(.waitingAlertably, call: "SleepEx"))),
        ("thread id 7 is terminated", .thread(.id(7), .state(.terminated, call: nil))),
        ("thread \"io worker\" is in an APC", .thread(.name("io worker"), .inAPC)),
        ("thread main has 2 APCs queued", .thread(.name("main"), .apcQueue(.equal(2)))),
        ("thread main has at least 1 APCs queued", .thread(.name("main"), .apcQueue(.atLeast(1)))),
        ("event hEvent[1] is set", .event(.label("hEvent[1]"), signaled: true)),
        ("the event is reset", .event(.only, signaled: false)),
        ("2 events are set", .eventCount(.equal(2), signaled: true)),
        ("at least 8 events are reset", .eventCount(.atLeast(8), signaled: false)),
        ("3 threads are waiting alertably", .threadCount(.equal(3), .waitingAlertably, call: nil)),
        ("at most 1 threads are waiting in GetQueuedCompletionStatus", .threadCount(.atMost(1), .waiting, call: "GetQueuedCompletionStatus")),
        ("0 threads are running", .threadCount(.equal(0), .running, call: nil)),
        ("file hFile is signaled", .file(.label("hFile"), signaled: true)),
        ("the file is not signaled", .file(.only, signaled: false)),
        ("port hPort queue holds 2 packets", .port(.label("hPort"), .queue(.equal(2)))),
        ("the port queue holds at most 1 packet", .port(.only, .queue(.atMost(1)))),
        ("the port has 3 waiting", .port(.only, .waiting(.equal(3)))),
        ("the port has 1 released", .port(.only, .released(.equal(1)))),
        ("the port has 0 paused", .port(.only, .paused(.equal(0)))),
        ("the port running is 3 of 2", .port(.only, .running(.equal(3), limit: 2))),
        ("port hPort running is at least 1", .port(.label("hPort"), .running(.atLeast(1), limit: nil))),
        ("the port limit is 2", .port(.only, .limit(2))),
        ("packet queued on port hPort", .port(.label("hPort"), .packetQueued)),
        ("packet queued on the port", .port(.only, .packetQueued)),
        ("completions reach 4", .completions(.atLeast(4))),
        ("completions are 0", .completions(.equal(0))),
        ("time reaches 1500 us", .time(.atLeast(1500))),
        ("time is at most 20 us", .time(.atMost(20))),
        ("time is 3 us", .time(.equal(3))),
        ("call ReadFile returns pending", .call(name: "ReadFile", result: "pending", thread: nil)),
        ("call SleepEx returns WAIT_IO_COMPLETION by main", .call(name: "SleepEx", result: "WAIT_IO_COMPLETION", thread: .name("main"))),
        ("call SleepEx returns by id 3", .call(name: "SleepEx", result: nil, thread: .id(3))),
        ("log shows \"apc-run\"", .logShows("apc-run")),
        ("output contains \"done: 3\"", .outputContains("done: 3")),
        ("program ends", .programEnds(exitCode: nil)),
        ("program exits with 2", .programEnds(exitCode: 2)),
        ("not thread main is running", .not(.thread(.name("main"), .state(.running, call: nil)))),
        ("in port, the port queue holds 1 packet", .pane("port", .port(.only, .queue(.equal(1))))),
        ("call CancelIoEx returns 0 err=1168", .call(name: "CancelIoEx", result: "0 err=1168", thread: nil)),
        ("call CancelIoEx returns 0 err=1168 by main", .call(name: "CancelIoEx", result: "0 err=1168", thread: .name("main"))),
        ("the semaphore count is 0", .semaphore(.only, .equal(0))),
        ("semaphore hSlots count is at least 2", .semaphore(.label("hSlots"), .atLeast(2))),
        ("mutex hLock is owned", .mutex(.label("hLock"), .owned(by: nil))),
        ("the mutex is owned by worker", .mutex(.only, .owned(by: .name("worker")))),
        ("the mutex is free", .mutex(.only, .free)),
        ("mutex m is abandoned", .mutex(.label("m"), .abandoned)),
        ("overlapped ov Internal is STATUS_PENDING", .overlapped("ov", .internal, .equal(259))),
        ("overlapped ov Internal is 5", .overlapped("ov", .internal, .equal(5))),
        ("overlapped ovs[1] InternalHigh is at least 512", .overlapped("ovs[1]", .internalHigh, .atLeast(512))),
        ("overlapped ov Offset is 4096", .overlapped("ov", .offset, .equal(4096))),
        ("the port has a packet with key 2", .port(.only, .packet(PacketMatch(key: 2)))),
        ("the port has a packet with key 1 bytes 512 status STATUS_SUCCESS overlapped ov", .port(.only, .packet(PacketMatch(key: 1, bytes: 512, status: 0, overlapped: "ov")))),
        ("the port has a packet", .port(.only, .packet(PacketMatch()))),
        ("thread main last error is 997", .thread(.name("main"), .lastError(.equal(997)))),
        ("thread main last call returns 0 err=6", .thread(.name("main"), .lastCall("0 err=6"))),
        ("thread main is waiting and completions reach 2", .and([.thread(.name("main"), .state(.waiting, call: nil)), .completions(.atLeast(2))])),
        ("the event is set or program ends", .or([.event(.only, signaled: true), .programEnds(exitCode: nil)])),
        ("the event is set or (program ends and completions are 1)", .or([.event(.only, signaled: true), .and([.programEnds(exitCode: nil), .completions(.equal(1))])])),
        ("(the event is set or program ends) and completions are 1", .and([.or([.event(.only, signaled: true), .programEnds(exitCode: nil)]), .completions(.equal(1))])),
        ("not (the event is set or program ends)", .not(.or([.event(.only, signaled: true), .programEnds(exitCode: nil)]))),
        ("not the event is set and program ends", .and([.not(.event(.only, signaled: true)), .programEnds(exitCode: nil)])),
        ("in port, (the port has 1 waiting and completions reach 1)", .pane("port", .and([.port(.only, .waiting(.equal(1))), .completions(.atLeast(1))]))),
    ]

    @Test(arguments: canonical.indices)
    func canonicalTextParsesAndRendersBack(index: Int) throws {
        let (text, expected) = Self.canonical[index]
        let parsed = try ConditionParser.parse(text)
        #expect(parsed == expected)
        #expect(parsed.description == text)
        #expect(try ConditionParser.parse(parsed.description) == parsed)
    }

    /// Other spellings authors may use mean the same thing.
    static let aliases: [(String, String)] = [
        ("thread main is at line 12", "thread main reaches line 12"),
        ("Thread main WAITS alertably in SleepEx", "thread main is waiting alertably in SleepEx"),
        ("thread main has 1 APCs queued", "thread main has 1 APC queued"),
        ("the port queue holds 1 packets", "the port queue holds 1 packet"),
        ("event ev is signaled", "event ev is set"),
        ("event ev is not set", "event ev is reset"),
        ("file f is reset", "file f is not signaled"),
        ("the port fifo holds 2", "the port queue holds 2 packets"),
        ("the port has 2 waiting threads", "the port has 2 waiting"),
        ("time reaches 1.5 ms", "time reaches 1500 us"),
        ("time reaches 2 s", "time reaches 2000000 us"),
        ("call SleepEx returns 'WAIT_IO_COMPLETION' by thread main", "call SleepEx returns WAIT_IO_COMPLETION by main"),
        ("output contains 'say \"hi\"'", "output contains 'say \"hi\"'"),
        ("in \"port\" , thread main is ready", "in port, thread main is ready"),
        ("1 event is set", "1 events are set"),
        ("2 events are not set", "2 events are reset"),
        ("1 thread is waiting", "1 threads are waiting"),
        ("call CancelIoEx returns \"0 err=1168\"", "call CancelIoEx returns 0 err=1168"),
        ("overlapped ov Internal is 259", "overlapped ov Internal is STATUS_PENDING"),
        ("overlapped ov internal is 0x103", "overlapped ov Internal is STATUS_PENDING"),
        ("the port has a packet with status 0xC0000120 key 3", "the port has a packet with key 3 status STATUS_CANCELLED"),
        ("thread main last error is 0x3E5", "thread main last error is 997"),
        ("((completions reach 1))", "completions reach 1"),
        ("the event is set or program ends and completions are 1", "the event is set or (program ends and completions are 1)"),
        ("completions reach 1 AND time reaches 5 us", "completions reach 1 and time reaches 5 us"),
    ]

    @Test(arguments: aliases.indices)
    func aliasesMeanTheCanonicalCondition(index: Int) throws {
        let (alias, canonical) = Self.aliases[index]
        #expect(try ConditionParser.parse(alias) == ConditionParser.parse(canonical))
    }

    static let errors: [(String, String)] = [
        ("", "the condition is empty"),
        ("threads main is running", "unknown condition 'threads'"),
        ("thread main is sleeping", "unknown thread state 'sleeping'"),
        ("thread main reaches line twelve", "expected a line number"),
        ("thread main is running now", "unexpected 'now'"),
        ("thread main is running now", "a condition goes on only with 'and' or 'or'"),
        ("completions reach 1)", "a ')' that closes no '('"),
        ("(completions reach 1", "expected 'and', 'or' or ')' to close the '('"),
        ("completions reach 1 and", "expected a condition"),
        ("the semaphore count is 0 or", "expected a condition"),
        ("the count is 0", "expected one of event, file, port, semaphore, mutex after 'the'"),
        ("the semaphore is 0", "expected 'count is N' after the semaphore"),
        ("the mutex is held", "expected owned, free or abandoned"),
        ("overlapped ov Status is 0", "expected a field after 'overlapped ov': Internal, InternalHigh, Offset"),
        ("the port has a packet with colour 2", "expected one or more of key, bytes, status, overlapped after 'a packet with'"),
        ("thread main last value is 1", "'last error is N' or 'last call returns RESULT'"),
        ("((((((((((completions reach 1))))))))))", "parentheses nest at most 8 deep"),
        ("the port queue holds many", "expected a number after 'queue holds'"),
        ("the port wobbles", "unknown port property 'wobbles'"),
        ("time reaches 5 minutes", "unknown time unit 'minutes'"),
        ("time reaches 1.0005 ms", "is not a whole number of microseconds"),
        ("output contains \"done", "a quote is not closed"),
        ("event e is green", "expected set, reset or signaled"),
        ("in port thread main is ready", "expected a comma after the pane name"),
        ("call ReadFile", "expected 'returns' after 'call ReadFile'"),
        ("2 ports are set", "expected 'threads' or 'events' after the number"),
        ("2 threads are asleep", "unknown thread state 'asleep'"),
    ]

    @Test(arguments: errors.indices)
    func badConditionsSayWhatIsWrong(index: Int) {
        let (text, fragment) = Self.errors[index]
        do {
            let parsed = try ConditionParser.parse(text)
            Issue.record("'\(text)' parsed as \(parsed)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }
}
