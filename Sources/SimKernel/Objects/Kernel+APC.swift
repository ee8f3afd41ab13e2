extension Kernel {
    /// Queues a user APC to `tid`; an alertable wait in progress ends and
    /// starts delivering (rule 20: only alertable waits deliver).
    mutating func queueAPC(_ tid: ThreadID, _ apc: QueuedAPC) {
        guard threads[tid].state != .terminated else { return }
        threads[tid].apcQueue.append(apc)
        if tracing {
            record(nil, .apcQueued, apc.kind == .completionRoutine ? "completion routine" : "user APC",
                   "for \(TraceEvent.mentionMark) routine=\(routineText(apc.routine))", mentioning: tid)
        }
        if threads[tid].state == .waiting, let w = threads[tid].wait, w.alertable {
            endWait(tid)
            threads[tid].wakeups += 1
            counters.wakeups += 1
            if tracing {
                record(tid, .wake, w.call, objects: w.objects, result: "APC")
            }
            threads[tid].apcFrames.append(APCFrame(call: w.call, continuation: w.continuation))
            deliverNextAPC(tid)
            // A completion routine comes with the I/O's boost; QueueUserAPC
            // queues with IO_NO_INCREMENT.
            makeReady(tid, increment: apc.kind == .completionRoutine ? 1 : 0)
        }
    }

    /// An alertable wait found APCs queued: run them all before returning
    /// WAIT_IO_COMPLETION (rule 21).
    mutating func startAPCDelivery(_ tid: ThreadID, call: String, returning continuation: WaitContinuation) -> ServiceOutcome {
        // The port's running count is not touched: the thread never blocks.
        threads[tid].apcFrames.append(APCFrame(call: call, continuation: continuation))
        deliverNextAPC(tid)
        return .continueNow
    }

    /// Hands the oldest queued APC to the body as a nested call.
    mutating func deliverNextAPC(_ tid: ThreadID) {
        guard let apc = threads[tid].apcQueue.popFirst() else { return }
        if apc.kind == .userAPC { queuedUserAPCs -= 1 }
        if tracing {
            record(tid, .apcRun, apc.kind == .completionRoutine ? "completion routine" : "user APC",
                   "routine=\(routineText(apc.routine)) args=\(apc.arguments.map { String($0) }.joined(separator: ","))")
        }
        if apc.kind == .completionRoutine {
            counters.handledCompletions += 1
            counters.handlingLatencyTotal += now - apc.queuedAt
            counters.handlingLatencyMax = max(counters.handlingLatencyMax, now - apc.queuedAt)
        }
        threads[tid].pendingInput = .runAPC(routine: apc.routine, arguments: apc.arguments)
    }

    /// The body finished an APC routine: deliver the next, or end the wait.
    mutating func apcReturned(_ tid: ThreadID) {
        guard !threads[tid].apcFrames.isEmpty else {
            threads[tid].pendingInput = .proceed
            return
        }
        if tracing {
            record(tid, .apcReturn, "APC")
        }
        if !threads[tid].apcQueue.isEmpty {
            deliverNextAPC(tid)
            return
        }
        let frame = threads[tid].apcFrames.removeLast()
        let result = finish(tid, frame.continuation, .userAPC)
        threads[tid].pendingInput = .resume(result)
        if tracing {
            // The wait's own call returns now: log it under that call's name
            // so "SleepEx -> WAIT_IO_COMPLETION" reads as the program sees it.
            trace.append(TraceEvent(time: now, thread: tid.rawValue, action: .wake, name: frame.call,
                                    result: renderWake(result, frame.continuation, .userAPC),
                                    returnValue: result.value, lastError: result.lastError))
            trimTrace()
        }
    }

    mutating func queueUserAPC(_ tid: ThreadID, routine: UInt64, thread handle: UInt64, data: UInt64) -> ServiceOutcome {
        guard let obj = typedObject(handle, tid, .thread), let target = objects.threadOfObject.read(obj, { $0 }) else {
            return fail(tid, Win32.ERROR_INVALID_HANDLE)
        }
        // Rule 24: a thread that has exited cannot take an APC.
        guard threads[target].state != .terminated else { return fail(tid, Win32.ERROR_GEN_FAILURE) }
        guard queuedUserAPCs < configuration.limits.queuedUserAPCs else { return fail(tid, Win32.ERROR_NOT_ENOUGH_MEMORY) }
        queuedUserAPCs += 1
        noteHandoff(.userAPC(thread: target, routine: routine, argument: data), by: tid)
        queueAPC(target, QueuedAPC(kind: .userAPC, routine: routine, arguments: [data], queuedAt: now))
        return ok(1)
    }
}
