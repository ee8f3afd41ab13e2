extension Kernel {
    /// Access bits an open asks for, reduced to read / write / delete.
    static func dataAccess(_ access: UInt32) -> (read: Bool, write: Bool, delete: Bool) {
        let read = access & (Win32.GENERIC_READ | Win32.GENERIC_ALL | Win32.FILE_READ_DATA) != 0
        let write = access & (Win32.GENERIC_WRITE | Win32.GENERIC_ALL | Win32.FILE_WRITE_DATA | Win32.FILE_APPEND_DATA) != 0
        let delete = access & (Win32.DELETE | Win32.GENERIC_ALL) != 0
        return (read, write, delete)
    }

    /// Execute access (`FILE_EXECUTE`, `GENERIC_EXECUTE`): for share checks
    /// it is reading data, as NT's IoCheckShareAccess counts it with read.
    static func executes(_ access: UInt32) -> Bool { access & (0x20 | 0x2000_0000) != 0 }

    /// Rule 5: the share check against every open of the file.
    func shareCheckPasses(node: Int, read: Bool, write: Bool, delete: Bool, share: UInt32) -> Bool {
        io.volume.node(node)?.shares.allows(read: read, write: write, delete: delete, share: share) ?? true
    }

    /// Opens a new file object on `node` and returns its handle.
    mutating func openFileObject(_ tid: ThreadID, node: Int, path: String, access: UInt32, share: UInt32, flags: UInt32) -> UInt64 {
        let a = Kernel.dataAccess(access)
        let id = objects.create(.file)
        io.files.insert(FileObjectState(node: node, process: threads[tid].process, path: path, canRead: a.read, canWrite: a.write,
                                     canDelete: a.delete, canExecute: Kernel.executes(access), shareMode: share,
                                     overlapped: flags & Win32.FILE_FLAG_OVERLAPPED != 0,
                                     noBuffering: flags & Win32.FILE_FLAG_NO_BUFFERING != 0), at: id)
        let reads = a.read || Kernel.executes(access)
        _ = io.volume.with(node) { $0.shares.count(read: reads, write: a.write, delete: a.delete, share: share, by: 1) }
        return addHandle(process: threads[tid].process, object: id)
    }

    mutating func createFile(_ tid: ThreadID, path: String, access: UInt32, share: UInt32, disposition: UInt32,
                             flags: UInt32, template: UInt64) -> ServiceOutcome {
        let invalid = Win32.INVALID_HANDLE_VALUE
        guard !path.isEmpty else { return fail(tid, Win32.ERROR_FILE_NOT_FOUND, value: invalid) }
        guard (Win32.CREATE_NEW ... Win32.TRUNCATE_EXISTING).contains(disposition) else {
            return fail(tid, Win32.ERROR_INVALID_PARAMETER, value: invalid)
        }
        if template != 0 && fileObject(template, tid) == nil { return fail(tid, Win32.ERROR_INVALID_HANDLE, value: invalid) }
        let a = Kernel.dataAccess(access)
        var existed = false
        let node: Int
        if let id = io.volume.nodeID(path: path), let deletePending = io.volume.node(id)?.deletePending {
            if deletePending { return fail(tid, Win32.ERROR_ACCESS_DENIED, value: invalid) }
            if disposition == Win32.CREATE_NEW { return fail(tid, Win32.ERROR_FILE_EXISTS, value: invalid) }
            guard shareCheckPasses(node: id, read: a.read || Kernel.executes(access), write: a.write, delete: a.delete, share: share) else {
                return fail(tid, Win32.ERROR_SHARING_VIOLATION, value: invalid)
            }
            if disposition == Win32.TRUNCATE_EXISTING && !a.write { return fail(tid, Win32.ERROR_INVALID_PARAMETER, value: invalid) }
            if disposition == Win32.CREATE_ALWAYS || disposition == Win32.TRUNCATE_EXISTING {
                _ = io.volume.with(id) { $0.content.resize(to: 0) }
                io.cache.drop(node: id, from: 0)
            }
            existed = true
            node = id
        } else {
            if disposition == Win32.OPEN_EXISTING || disposition == Win32.TRUNCATE_EXISTING {
                return fail(tid, Win32.ERROR_FILE_NOT_FOUND, value: invalid)
            }
            node = io.volume.create(path: path, content: FileContent())
        }
        let handle = openFileObject(tid, node: node, path: io.volume.node(node)?.path ?? path, access: access, share: share, flags: flags)
        let alreadyExists = existed && (disposition == Win32.CREATE_ALWAYS || disposition == Win32.OPEN_ALWAYS)
        threads[tid].lastError = alreadyExists ? Win32.ERROR_ALREADY_EXISTS : Win32.ERROR_SUCCESS
        return ok(handle)
    }

    /// Rule 7: a new open of the same file, with its own flags, share-checked
    /// against every open (the original included).
    mutating func reOpenFile(_ tid: ThreadID, handle: UInt64, access: UInt32, share: UInt32, flags: UInt32) -> ServiceOutcome {
        let invalid = Win32.INVALID_HANDLE_VALUE
        guard let f = fileObject(handle, tid), let original = io.files.read(f, { (node: $0.node, path: $0.path) }) else {
            return fail(tid, Win32.ERROR_INVALID_HANDLE, value: invalid)
        }
        guard io.volume.node(original.node) != nil else { return fail(tid, Win32.ERROR_FILE_NOT_FOUND, value: invalid) }
        // Only FILE_FLAG_* bits: any FILE_ATTRIBUTE_* bit (the low 19) is refused.
        guard flags & 0x7_FFFF == 0 else { return fail(tid, Win32.ERROR_INVALID_PARAMETER, value: invalid) }
        let a = Kernel.dataAccess(access)
        guard shareCheckPasses(node: original.node, read: a.read || Kernel.executes(access), write: a.write, delete: a.delete, share: share) else {
            return fail(tid, Win32.ERROR_SHARING_VIOLATION, value: invalid)
        }
        return ok(openFileObject(tid, node: original.node, path: original.path, access: access, share: share, flags: flags))
    }

    mutating func deleteFile(_ tid: ThreadID, path: String) -> ServiceOutcome {
        guard let id = io.volume.nodeID(path: path), io.volume.node(id)?.deletePending == false else {
            return fail(tid, Win32.ERROR_FILE_NOT_FOUND)
        }
        guard shareCheckPasses(node: id, read: false, write: false, delete: true, share: Win32.FILE_SHARE_READ | Win32.FILE_SHARE_WRITE | Win32.FILE_SHARE_DELETE) else {
            return fail(tid, Win32.ERROR_SHARING_VIOLATION)
        }
        io.volume.unlink(id)
        io.cache.drop(node: id, from: 0)
        return ok(1)
    }

    mutating func getFileSize(_ tid: ThreadID, handle: UInt64, out: UInt64) -> ServiceOutcome {
        guard let f = fileObject(handle, tid), let node = io.files.read(f, { $0.node }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        guard isWritable(tid, out, 8) else { return fail(tid, Win32.ERROR_NOACCESS) }
        store64(tid, io.volume.node(node)?.content.size ?? 0, at: out)
        return ok(1)
    }

    mutating func setFilePointer(_ tid: ThreadID, handle: UInt64, distance: Int64, out: UInt64, method: UInt32) -> ServiceOutcome {
        guard let f = fileObject(handle, tid), let file = io.files.read(f, { $0.summary }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        if out != 0 && !isWritable(tid, out, 8) { return fail(tid, Win32.ERROR_NOACCESS) }
        let base: Int64
        switch method {
        case Win32.FILE_BEGIN: base = 0
        case Win32.FILE_CURRENT: base = Int64(clamping: file.position)
        case Win32.FILE_END: base = Int64(clamping: io.volume.node(file.node)?.content.size ?? 0)
        default: return fail(tid, Win32.ERROR_INVALID_PARAMETER)
        }
        let (target, overflow) = base.addingReportingOverflow(distance)
        guard !overflow, target >= 0 else { return fail(tid, Win32.ERROR_NEGATIVE_SEEK) }
        io.files.update(f) { $0.position = UInt64(target) }
        store64(tid, UInt64(target), at: out)
        return ok(1)
    }

    mutating func setEndOfFile(_ tid: ThreadID, handle: UInt64) -> ServiceOutcome {
        guard let f = fileObject(handle, tid), let file = io.files.read(f, { $0.summary }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        guard file.canWrite else { return fail(tid, Win32.ERROR_ACCESS_DENIED) }
        let node = file.node
        let size = file.position
        guard size <= Kernel.maximumFileSize else { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
        guard io.volumeHasRoom(node: node, end: size) else { return fail(tid, Win32.ERROR_DISK_FULL) }
        _ = io.volume.with(node) { $0.content.resize(to: size) }
        io.cache.drop(node: node, from: size)
        return ok(1)
    }
}
