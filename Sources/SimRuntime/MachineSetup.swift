import SimKernel
import Win32C

/// Turns a program's `#pragma sim` lines and the run settings into the
/// kernel's configuration. Settings win over pragmas; pragmas over defaults.
/// (`param` pragmas are constants, applied by the compiler.)
enum MachineSetup {
    static func configuration(pragmas: [SimPragma], settings: RunSettings) -> KernelConfiguration {
        var cpus = 2
        var seed: UInt64 = 1
        var disk = DiskConfiguration()
        var files: [InitialFile] = []
        // Index by name, so 100,000 file lines cost linear time; looked up, never iterated.
        var fileIndex: [String: Int] = [:]
        for pragma in pragmas {
            let args = pragma.arguments
            switch pragma.name {
            case "cpus":
                if case .integer(let n)? = args.first { cpus = Int(clamping: n) }
            case "seed":
                if case .integer(let n)? = args.first { seed = UInt64(bitPattern: n) }
            case "file":
                if args.count == 2, case .string(let name) = args[0], case .integer(let size) = args[1] {
                    let file = InitialFile(path: name, size: UInt64(max(0, size)))
                    // A later line for the same name replaces the earlier one.
                    if let i = fileIndex[name] { files[i] = file } else { fileIndex[name] = files.count; files.append(file) }
                }
            case "disk":
                for case let .keyValue(key, value) in args {
                    let number = UInt64(value) ?? 0
                    switch key {
                    case "latency_us": disk.latencyUs = number
                    case "jitter_us": disk.jitterUs = number
                    case "parallel": disk.parallel = max(1, Int(clamping: number))
                    case "sector": disk.sectorSize = max(1, number)
                    case "cache": disk.cacheBytes = value == "off" ? 0 : DiskConfiguration().cacheBytes
                    default: break
                    }
                }
            default:
                break
            }
        }
        if let override = settings.cpus { cpus = override }
        if let override = settings.seed { seed = override }
        var configuration = KernelConfiguration(cpus: min(64, max(1, cpus)), seed: seed, disk: disk, initialFiles: files,
                                                tracing: settings.tracing)
        configuration.limits = settings.limits
        configuration.traceLimit = settings.traceLimit
        configuration.watchesPendingIO = settings.watchesPendingIO
        return configuration
    }
}
