import SimKernel

/// One thing on a pane that "Why" can explain, and how the overlay's title
/// names it (by the same labels the pane shows).
public struct WhyTopic: Sendable, Equatable {
    public var subject: WhySubject
    /// What the title says after "Why — " ("packet key 1 ior[2] 4K on port 'port'").
    public var name: String

    public init(subject: WhySubject, name: String) { self.subject = subject; self.name = name }

    /// What a pane shows, in the order Tab visits it: the selected thread,
    /// its queued APCs, the APCs queued to every other thread, the requests
    /// in flight, each port's queued packets, then the events, semaphores,
    /// mutexes and overlapped files.
    static func topics(in machine: MachineView, selectedThread: Int?) -> [WhyTopic] {
        var topics: [WhyTopic] = []
        let selected = selectedThread.flatMap(machine.thread) ?? machine.threads.first
        func apcs(of thread: ThreadView) {
            for (index, apc) in thread.apcQueue.enumerated() {
                topics.append(WhyTopic(subject: .apc(thread: thread.id, index: index),
                                       name: "APC \(StructureText.apc(apc)) queued to \(thread.name)"))
            }
        }
        if let thread = selected {
            topics.append(WhyTopic(subject: .thread(thread.id), name: "thread \(thread.name)"))
            apcs(of: thread)
        }
        for thread in machine.threads where thread.id != selected?.id { apcs(of: thread) }
        for request in machine.requests {
            topics.append(WhyTopic(subject: .request(request.id), name: "request \(StructureText.request(request))"))
        }
        for port in machine.ports {
            for (index, packet) in port.queue.enumerated() {
                topics.append(WhyTopic(subject: .packet(port: port.object.id, index: index),
                                       name: "packet \(StructureText.packet(packet)) on port '\(port.object.label)'"))
            }
        }
        topics += machine.events.map { WhyTopic(subject: .object($0.object.id), name: "event '\($0.object.label)'") }
        topics += machine.semaphores.map { WhyTopic(subject: .object($0.object.id), name: "semaphore '\($0.object.label)'") }
        topics += machine.mutexes.map { WhyTopic(subject: .object($0.object.id), name: "mutex '\($0.object.label)'") }
        // By the label the chain and the narration use: two handles opened
        // on one file are two file objects, told apart by it ("data.bin#3").
        for file in machine.files where file.overlapped {
            topics.append(WhyTopic(subject: .object(file.object.id), name: "file '\(file.object.label)'"))
        }
        return topics
    }
}
