import Foundation
import SimKernel
import SimMemory

/// The `scale` workload, built on the kernel's API directly: the C program
/// form cannot have 10,000 threads (the runtime lays out at most 2,000 thread
/// stacks), so the threads are small native bodies that make the same calls
/// a C worker would.
///
/// The main thread opens a file, creates a completion port for it and starts
/// `threads` workers. Each worker issues `readsPerThread` overlapped 512-byte
/// reads (so `threads × readsPerThread` requests are outstanding at once) and
/// then loops on `GetQueuedCompletionStatus`; when the last completion has
/// been dequeued the worker that got it ends the process.
struct ScaleWorkload {
    var threads: Int
    var readsPerThread: Int

    var totalRequests: Int { threads * readsPerThread }

    static let readLength: UInt32 = 512
    /// Process memory: a counter page, then per worker its OVERLAPPEDs and
    /// out-parameters, then the read buffers.
    static let dataBase: UInt64 = 0x4000_0000
    static let overlappedStride: UInt64 = 32
    static let outArea: UInt64 = 32

    var slotStride: UInt64 { UInt64(readsPerThread) * Self.overlappedStride + Self.outArea }
    var slotsBase: UInt64 { Self.dataBase + 4096 }
    var buffersBase: UInt64 { (slotsBase + UInt64(threads) * slotStride + 4095) & ~4095 }
    var memorySize: UInt64 { buffersBase - Self.dataBase + UInt64(totalRequests) * UInt64(Self.readLength) }

    /// A machine ready to run: the process with its memory mapped and the main thread created.
    func makeKernel(watchesPendingIO: Bool = true) -> (Kernel, process: Int) {
        var configuration = KernelConfiguration(
            cpus: 2, seed: 1,
            disk: DiskConfiguration(latencyUs: 2000, jitterUs: 500, parallel: 4, cacheBytes: 0),
            initialFiles: [InitialFile(path: "scale.dat", size: UInt64(totalRequests) * UInt64(Self.readLength))],
            tracing: false)
        configuration.traceLimit = 0
        configuration.watchesPendingIO = watchesPendingIO
        var kernel = Kernel(configuration: configuration)
        var memory = Memory()
        try? memory.map(base: Self.dataBase, size: (memorySize + 4095) & ~4095, name: "scale data")
        let process = kernel.createProcess(name: "scale", memory: memory)
        kernel.createThread(process: process, body: ScaleMainBody(workload: self), name: "main")
        return (kernel, process)
    }
}

/// The main thread: CreateFile, CreateIoCompletionPort, then the workers.
struct ScaleMainBody: ThreadBody {
    let workload: ScaleWorkload
    var file: UInt64 = 0
    var port: UInt64 = 0
    var phase = 0
    var created = 0

    var stack: [CodeLocation] { [CodeLocation(file: "scale", line: 1, column: 1, function: "main")] }

    mutating func step(_ input: ThreadInput, context: inout ThreadContext) -> ThreadStep {
        let value: UInt64
        if case .resume(let result) = input { value = result.value } else { value = 0 }
        switch phase {
        case 0:
            phase = 1
            return .call(.createFile(path: "scale.dat", access: Win32.GENERIC_READ, shareMode: 1,
                                     disposition: Win32.OPEN_EXISTING, flags: Win32.FILE_FLAG_OVERLAPPED, template: 0))
        case 1:
            file = value
            phase = 2
            return .call(.createIoCompletionPort(file: file, existingPort: 0, key: 0, concurrency: 0))
        case 2:
            port = value
            phase = 3
            return nextThread()
        default:
            return nextThread()
        }
    }

    mutating func nextThread() -> ThreadStep {
        guard created < workload.threads else { return .exited(0) }
        let worker = ScaleWorkerBody(workload: workload, index: created, file: file, port: port)
        created += 1
        return .call(.createThread(body: worker, name: nil, threadIdOut: 0))
    }
}

/// A worker: its reads, then GetQueuedCompletionStatus until the run is done.
struct ScaleWorkerBody: ThreadBody {
    let workload: ScaleWorkload
    let index: Int
    let file: UInt64
    let port: UInt64
    var issued = 0
    var dequeuing = false

    var stack: [CodeLocation] { [CodeLocation(file: "scale", line: 2, column: 1, function: "worker")] }

    mutating func step(_ input: ThreadInput, context: inout ThreadContext) -> ThreadStep {
        let slot = workload.slotsBase + UInt64(index) * workload.slotStride
        if issued < workload.readsPerThread {
            let request = index * workload.readsPerThread + issued
            let overlapped = slot + UInt64(issued) * ScaleWorkload.overlappedStride
            let offset = UInt64(request) * UInt64(ScaleWorkload.readLength)
            try? context.memory.storeUInt32(UInt32(truncatingIfNeeded: offset), at: overlapped + 16)
            try? context.memory.storeUInt32(UInt32(truncatingIfNeeded: offset >> 32), at: overlapped + 20)
            issued += 1
            return .call(.readFile(handle: file, buffer: workload.buffersBase + UInt64(request) * UInt64(ScaleWorkload.readLength),
                                   length: ScaleWorkload.readLength, bytesOut: 0, overlapped: overlapped))
        }
        if dequeuing, case .resume(let result) = input, result.succeeded {
            let counter = ScaleWorkload.dataBase
            let done = ((try? context.memory.loadUInt64(counter)) ?? 0) + 1
            try? context.memory.storeUInt64(done, at: counter)
            if done >= UInt64(workload.totalRequests) { return .call(.exitProcess(code: 0)) }
        }
        dequeuing = true
        let out = slot + UInt64(workload.readsPerThread) * ScaleWorkload.overlappedStride
        return .call(.getQueuedCompletionStatus(port: port, bytesOut: out, keyOut: out + 8, overlappedOut: out + 16,
                                                timeout: Win32.INFINITE))
    }
}
