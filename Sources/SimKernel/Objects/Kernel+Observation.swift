/// Completion-to-handling latency for the methods without a queue: waiting
/// on the file handle (method 1) and on the event in the OVERLAPPED
/// (method 2). A completion that queues neither an APC nor a port packet is
/// remembered with the object it signaled. A wait satisfied by that object,
/// or GetOverlappedResult reading its OVERLAPPED, hands it to the waiting
/// thread; it counts as handled when that thread runs again, returning from
/// the call — the moment the program learns of it, as an APC's delivery is
/// for method 3.
struct SignaledCompletion: Sendable, Equatable {
    /// The event or file object the completion signaled.
    var object: ObjectID
    var process: Int
    var overlapped: UInt64
    /// When the request completed.
    var time: UInt64
}

extension Kernel {
    /// How many completions are remembered at most; past it the oldest half
    /// is forgotten (a program that never waits must not grow the kernel).
    static let signaledCompletionLimit = 1024

    /// Remembers a completion that only signaled `object`.
    mutating func rememberSignaledCompletion(object: ObjectID, process: Int, overlapped: UInt64) {
        if signaledCompletions.count >= Kernel.signaledCompletionLimit {
            signaledCompletions.removeFirst(Kernel.signaledCompletionLimit / 2)
        }
        signaledCompletions.append(SignaledCompletion(object: object, process: process, overlapped: overlapped, time: now))
    }

    /// A wait of `tid` was satisfied by `object`: the completions that signaled it are the thread's.
    mutating func observeSignal(of object: ObjectID, by tid: ThreadID) {
        handOver(to: tid) { $0.object == object }
    }

    /// GetOverlappedResult of `tid` read a finished OVERLAPPED: its completion is the thread's.
    mutating func observeOverlapped(_ overlapped: UInt64, by tid: ThreadID) {
        guard overlapped != 0 else { return }
        let process = threads[tid].process
        handOver(to: tid) { $0.overlapped == overlapped && $0.process == process }
    }

    private mutating func handOver(to tid: ThreadID, where matches: (SignaledCompletion) -> Bool) {
        // Compacted in place: this runs at every satisfied wait while completions are remembered.
        var kept = 0
        for index in signaledCompletions.indices {
            let completion = signaledCompletions[index]
            if matches(completion) {
                threads[tid].observedCompletions += 1
                threads[tid].observedTimeSum &+= completion.time
                threads[tid].observedEarliest = min(threads[tid].observedEarliest, completion.time)
            } else {
                signaledCompletions[kept] = completion
                kept += 1
            }
        }
        signaledCompletions.removeLast(signaledCompletions.count - kept)
    }

    /// `tid` runs again, back from the call that observed its completions: they are handled now.
    mutating func countObservedCompletions(_ tid: ThreadID) {
        let count = threads[tid].observedCompletions
        counters.handledCompletions += count
        // Σ (now − time) = count × now − Σ time.
        counters.handlingLatencyTotal += UInt64(count) &* now &- threads[tid].observedTimeSum
        counters.handlingLatencyMax = max(counters.handlingLatencyMax, now - threads[tid].observedEarliest)
        threads[tid].observedCompletions = 0
        threads[tid].observedTimeSum = 0
        threads[tid].observedEarliest = .max
    }
}
