import SimKernel
import SimKernelTestSupport
import SimMemory

typealias Step = ScriptedBody.Step
let R = Win32.GENERIC_READ
let W = Win32.GENERIC_WRITE
let RW = Win32.GENERIC_READ | Win32.GENERIC_WRITE
let SHARE_ALL = Win32.FILE_SHARE_READ | Win32.FILE_SHARE_WRITE | Win32.FILE_SHARE_DELETE
let OVL = Win32.FILE_FLAG_OVERLAPPED
let INF = Win32.INFINITE
let ov0 = TestMachine.overlapped(0)
let ov1 = TestMachine.overlapped(1)
let ov2 = TestMachine.overlapped(2)
let buf = TestMachine.buffers
let fileSize: UInt64 = 1 << 20

/// A quiet, predictable machine: fixed disk latency 1000 µs, no jitter, one 1 MiB file.
func config(cpus: Int = 2, parallel: Int = 4, latency: UInt64 = 1000, jitter: UInt64 = 0, cache: UInt64 = 64 << 20,
            files: [InitialFile] = [InitialFile(path: "data.bin", size: fileSize)]) -> KernelConfiguration {
    KernelConfiguration(cpus: cpus, seed: 42,
                        disk: DiskConfiguration(latencyUs: latency, jitterUs: jitter, parallel: parallel, sectorSize: 512,
                                                bytesPerUs: 0, cacheBytes: cache),
                        initialFiles: files)
}

/// Runs scripted threads to the end and returns the kernel, thread ids and status.
@discardableResult
func run(_ bodies: [ScriptedBody], config c: KernelConfiguration = config(), until: UInt64? = nil) -> (Kernel, [Int], RunStatus) {
    var (k, ids) = TestMachine.kernel(c, bodies: bodies)
    let status = k.run(until: until)
    return (k, ids, status)
}

/// A last step that keeps the process, and so its handles and objects,
/// alive for the test to look at: a process that ends closes every handle
/// it held. The run then ends in a deadlock report instead of `.finished`.
let holdOpen: Step = .call(.sleep(milliseconds: INF), as: "hold")

func open(_ name: String = "h", path: String = "data.bin", access: UInt32 = R, share: UInt32 = SHARE_ALL,
          disposition: UInt32 = Win32.OPEN_EXISTING, flags: UInt32 = 0) -> Step {
    .call(.createFile(path: path, access: access, shareMode: share, disposition: disposition, flags: flags, template: 0), as: name)
}

func read(_ name: String, h: String = "h", length: UInt32 = 4096, buffer: UInt64 = buf, bytesOut: UInt64 = TestMachine.out(0),
          ov: UInt64 = 0) -> Step {
    .call(as: name) { e in .readFile(handle: e[h], buffer: buffer, length: length, bytesOut: bytesOut, overlapped: ov) }
}

func write(_ name: String, h: String = "h", length: UInt32 = 4096, buffer: UInt64 = buf, bytesOut: UInt64 = TestMachine.out(0),
           ov: UInt64 = 0) -> Step {
    .call(as: name) { e in .writeFile(handle: e[h], buffer: buffer, length: length, bytesOut: bytesOut, overlapped: ov) }
}

func wait(_ name: String, _ h: String, timeout: UInt32 = INF, alertable: Bool = false) -> Step {
    .call(as: name) { e in .waitForSingleObjectEx(handle: e[h], timeout: timeout, alertable: alertable) }
}

func event(_ name: String, manual: Bool = false, set: Bool = false) -> Step {
    .call(.createEvent(manualReset: manual, initialState: set), as: name)
}

func pattern(_ path: String, offset: UInt64, count: Int, seed: UInt64 = 42) -> [UInt8] {
    let s = Volume.patternSeed(kernelSeed: seed, path: path)
    return (0 ..< UInt64(count)).map { FileContent.patternByte(seed: s, offset: offset + $0) }
}

func bytes(_ k: Kernel, at address: UInt64, count: Int) -> [UInt8] {
    var m = k.memory(of: 0)!
    return (try? m.readBytes(at: address, count: count)) ?? []
}

func word(_ k: Kernel, _ address: UInt64, size: Int = 4) -> UInt64 {
    var m = k.memory(of: 0)!
    return (try? m.load(address, size: size)) ?? 0xDEAD
}

extension Kernel {
    func script(_ tid: Int) -> ScriptedBody { TestMachine.script(self, tid) }
}

extension ScriptedBody {
    func v(_ name: String) -> UInt64 { values[name] ?? 0xBAD }
    func err(_ name: String) -> UInt32 { results[name]?.lastError ?? 0xBAD }
}
