/// Text pieces of trace events. Only called when tracing is on.
extension Kernel {
    func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16, uppercase: true) }

    func statusName(_ status: UInt32) -> String {
        switch status {
        // The trace has always shown these four by name and others in hex.
        case Win32.STATUS_SUCCESS, Win32.STATUS_PENDING, Win32.STATUS_END_OF_FILE, Win32.STATUS_CANCELLED:
            return Win32.statusName(status)
        default: return hex(UInt64(status))
        }
    }

    func routineText(_ address: UInt64) -> String {
        routineNames[address].map { "\($0)(\(hex(address)))" } ?? hex(address)
    }

    func timeoutText(_ ms: UInt32) -> String { ms == Win32.INFINITE ? "INFINITE" : "\(ms)ms" }

    /// Handle arguments of a service, for the objects a trace event names.
    func handleArguments(_ s: Service) -> [UInt64] {
        switch s {
        case let .reOpenFile(h, _, _, _), let .duplicateHandle(_, h, _, _, _, _, _), let .closeHandle(h),
             let .readFile(h, _, _, _, _), let .writeFile(h, _, _, _, _), let .readFileEx(h, _, _, _, _),
             let .writeFileEx(h, _, _, _, _), let .getOverlappedResult(h, _, _, _), let .getOverlappedResultEx(h, _, _, _, _),
             let .cancelIo(h), let .cancelIoEx(h, _), let .getFileSizeEx(h, _), let .setFilePointerEx(h, _, _, _),
             let .setEndOfFile(h), let .flushFileBuffers(h), let .setFileCompletionNotificationModes(h, _),
             let .setEvent(h), let .resetEvent(h), let .releaseSemaphore(h, _, _), let .releaseMutex(h),
             let .waitForSingleObject(h, _), let .waitForSingleObjectEx(h, _, _), let .queueUserAPC(_, h, _),
             let .getQueuedCompletionStatus(h, _, _, _, _), let .getQueuedCompletionStatusEx(h, _, _, _, _, _),
             let .postQueuedCompletionStatus(h, _, _, _), let .getExitCodeThread(h, _), let .setThreadDescription(h, _), let .terminateThread(h, _), let .cancelSynchronousIo(h),
             let .labelObject(h, _):
            return [h]
        case let .signalObjectAndWait(a, b, _, _): return [a, b]
        case let .createIoCompletionPort(f, p, _, _): return [f, p]
        default: return []
        }
    }

    /// Arguments of a service call.
    func describe(_ s: Service, thread tid: ThreadID) -> String {
        let h = hex
        switch s {
        case let .createFile(path, access, share, disposition, flags, _):
            return "\"\(path)\" access=\(h(UInt64(access))) share=\(share) disp=\(disposition) flags=\(h(UInt64(flags)))"
        case let .reOpenFile(handle, access, share, flags):
            return "h=\(h(handle)) access=\(h(UInt64(access))) share=\(share) flags=\(h(UInt64(flags)))"
        case let .duplicateHandle(_, source, _, _, _, _, options): return "h=\(h(source)) options=\(options)"
        case .closeHandle(let x): return "h=\(h(x))"
        case let .readFile(x, _, length, _, ov), let .writeFile(x, _, length, _, ov):
            return "h=\(h(x)) \(offsetText(ov, tid)) len=\(length)"
        case let .readFileEx(x, _, length, ov, routine), let .writeFileEx(x, _, length, ov, routine):
            return "h=\(h(x)) \(offsetText(ov, tid)) len=\(length) routine=\(routineText(routine))"
        case let .getOverlappedResult(x, ov, _, wait): return "h=\(h(x)) ov=\(h(ov)) wait=\(wait)"
        case let .getOverlappedResultEx(x, ov, _, timeout, alertable):
            return "h=\(h(x)) ov=\(h(ov)) timeout=\(timeoutText(timeout)) alertable=\(alertable)"
        case .cancelIo(let x): return "h=\(h(x))"
        case let .cancelIoEx(x, ov): return "h=\(h(x)) ov=\(h(ov))"
        case let .getFileSizeEx(x, _), let .setEndOfFile(x), let .flushFileBuffers(x): return "h=\(h(x))"
        case let .setFilePointerEx(x, d, _, m): return "h=\(h(x)) distance=\(d) method=\(m)"
        case .deleteFile(let path): return "\"\(path)\""
        case let .setFileCompletionNotificationModes(x, flags): return "h=\(h(x)) flags=\(flags)"
        case let .createEvent(manual, initial): return "manual=\(manual) initial=\(initial)"
        case .setEvent(let x), .resetEvent(let x), .releaseMutex(let x): return "h=\(h(x))"
        case let .createSemaphore(i, m): return "initial=\(i) max=\(m)"
        case let .releaseSemaphore(x, c, _): return "h=\(h(x)) count=\(c)"
        case .createMutex(let owned): return "owned=\(owned)"
        case let .waitForSingleObject(x, t): return "h=\(h(x)) timeout=\(timeoutText(t))"
        case let .waitForSingleObjectEx(x, t, a): return "h=\(h(x)) timeout=\(timeoutText(t)) alertable=\(a)"
        case let .waitForMultipleObjects(c, _, all, t): return "n=\(c) all=\(all) timeout=\(timeoutText(t))"
        case let .waitForMultipleObjectsEx(c, _, all, t, a): return "n=\(c) all=\(all) timeout=\(timeoutText(t)) alertable=\(a)"
        case let .signalObjectAndWait(sg, w, t, a): return "signal=\(h(sg)) wait=\(h(w)) timeout=\(timeoutText(t)) alertable=\(a)"
        case .sleep(let ms): return timeoutText(ms)
        case let .sleepEx(ms, a): return "\(timeoutText(ms)) alertable=\(a)"
        case let .queueUserAPC(r, x, d): return "routine=\(routineText(r)) thread=\(h(x)) data=\(d)"
        case let .createIoCompletionPort(f, e, k, c): return "file=\(h(f)) port=\(h(e)) key=\(k) concurrency=\(c)"
        case let .getQueuedCompletionStatus(p, _, _, _, t): return "port=\(h(p)) timeout=\(timeoutText(t))"
        case let .getQueuedCompletionStatusEx(p, _, c, _, t, a): return "port=\(h(p)) max=\(c) timeout=\(timeoutText(t)) alertable=\(a)"
        case let .postQueuedCompletionStatus(p, b, k, ov): return "port=\(h(p)) bytes=\(b) key=\(k) ov=\(h(ov))"
        case let .createThread(_, name, _): return name ?? ""
        case .exitThread(let c), .exitProcess(let c): return "code=\(c)"
        case let .getExitCodeThread(x, _): return "h=\(h(x))"
        case let .terminateThread(x, c): return "h=\(h(x)) code=\(c)"
        case let .cancelSynchronousIo(x): return "h=\(h(x))"
        case let .setThreadDescription(x, d): return "h=\(h(x)) \"\(d)\""
        case .setLastError(let e): return "\(e)"
        case .queryPerformanceCounter, .queryPerformanceFrequency, .getTickCount, .getTickCount64,
             .getLastError, .getCurrentThreadId, .cpuUsage:
            return ""
        case .compute(let us): return "\(us)us"
        case .note(let text): return text
        case let .labelObject(x, l): return "h=\(h(x)) \(l)"
        }
    }

    private func offsetText(_ ov: UInt64, _ tid: ThreadID) -> String {
        guard ov != 0 else { return "ov=NULL" }
        let m = processes[threads[tid].process].memory
        var copy = m
        let low = (try? copy.loadUInt32(ov &+ 16)) ?? 0
        let high = (try? copy.loadUInt32(ov &+ 20)) ?? 0
        return "off=\(UInt64(low) | UInt64(high) << 32) ov=\(hex(ov))"
    }

    /// A service's immediate result.
    func render(_ r: ServiceResult, of s: Service) -> String {
        switch s {
        case .readFile, .writeFile:
            if r.value == 0 && r.lastError == Win32.ERROR_IO_PENDING { return "pending" }
        case .waitForSingleObject, .waitForSingleObjectEx, .waitForMultipleObjects, .waitForMultipleObjectsEx,
             .signalObjectAndWait, .sleepEx:
            return waitText(UInt32(truncatingIfNeeded: r.value))
        case .createFile, .reOpenFile, .createEvent, .createSemaphore, .createMutex, .createThread, .createIoCompletionPort:
            if r.value == Win32.INVALID_HANDLE_VALUE || r.value == 0 { return "failed err=\(r.lastError)" }
            return "h=\(hex(r.value))"
        case .sleep, .note, .compute: return ""
        default: break
        }
        if r.value == 0 { return "0 err=\(r.lastError)" }
        return "\(r.value)"
    }

    func waitText(_ v: UInt32) -> String {
        switch v {
        case Win32.WAIT_TIMEOUT: return "WAIT_TIMEOUT"
        case Win32.WAIT_IO_COMPLETION: return "WAIT_IO_COMPLETION"
        case Win32.WAIT_FAILED: return "WAIT_FAILED"
        // Index 0 as Windows' headers spell it; later indexes as an offset from it.
        case Win32.WAIT_ABANDONED_0: return "WAIT_ABANDONED_0"
        case Win32.WAIT_ABANDONED_0 ..< Win32.WAIT_ABANDONED_0 + 64: return "WAIT_ABANDONED_0+\(v - Win32.WAIT_ABANDONED_0)"
        case 0: return "WAIT_OBJECT_0"
        default: return "WAIT_OBJECT_0+\(v)"
        }
    }

    func renderWake(_ r: ServiceResult, _ c: WaitContinuation, _ outcome: WaitOutcome) -> String {
        guard tracing else { return "" }
        switch c {
        case .sleep(let ex):
            if case .userAPC = outcome { return "WAIT_IO_COMPLETION" }
            return ex ? "0" : "woke"
        case .waitStatus: return waitText(UInt32(truncatingIfNeeded: r.value))
        default: return r.value == 0 ? "0 err=\(r.lastError)" : "\(r.value)"
        }
    }
}
