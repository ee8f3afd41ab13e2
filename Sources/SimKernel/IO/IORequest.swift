import SimMemory

/// A queued or in-flight file request.
struct IORequest: Sendable {
    enum Phase: Sendable, Equatable { case waitingForFile, queuedOnDisk, inService, fileSystem }
    var id: RequestID
    var thread: ThreadID
    var process: Int
    var fileObject: ObjectID
    var node: Int
    var operation: IOOperation
    var offset: UInt64
    var length: UInt32
    var buffer: UInt64
    var overlapped: UInt64
    var event: ObjectID?
    var suppressPacket: Bool
    var routine: UInt64
    var issuedAt: UInt64
    var completesAt: UInt64?
    var phase: Phase
    var writeData: [UInt8]
    var synchronousHandle: Bool
    /// A synchronous-handle request without OVERLAPPED uses the file position.
    var usesPosition: Bool
    var bytesOut: UInt64
    var cancelled: Bool = false
    /// Where its `OVERLAPPED` and buffer are held in the process's watch set.
    var watched = WatchedMemory()

    /// The watch set's slots of a request's `OVERLAPPED` and buffer.
    struct WatchedMemory: Sendable {
        var overlapped = WatchSet.Slot.none
        var buffer = WatchSet.Slot.none
    }

    /// The fields without the write data: binding it copies no buffer.
    struct Summary {
        var thread: ThreadID, fileObject: ObjectID, node: Int
        var operation: IOOperation
        var offset: UInt64, length: UInt32
        var synchronousHandle: Bool, usesPosition: Bool
        var phase: Phase
    }
    var summary: Summary {
        Summary(thread: thread, fileObject: fileObject, node: node, operation: operation, offset: offset, length: length,
                synchronousHandle: synchronousHandle, usesPosition: usesPosition, phase: phase)
    }

    /// What completing the request reads: the fields without the write data.
    struct Ending {
        var thread: ThreadID, process: Int, fileObject: ObjectID, node: Int
        var operation: IOOperation
        var offset: UInt64, buffer: UInt64, overlapped: UInt64, routine: UInt64
        var length: UInt32
        var event: ObjectID?
        var suppressPacket: Bool, synchronousHandle: Bool
        var phase: Phase
        var watched: WatchedMemory
    }
    var ending: Ending {
        Ending(thread: thread, process: process, fileObject: fileObject, node: node, operation: operation, offset: offset,
               buffer: buffer, overlapped: overlapped, routine: routine, length: length, event: event, suppressPacket: suppressPacket,
               synchronousHandle: synchronousHandle, phase: phase, watched: watched)
    }

    /// What fills a request table's free slots.
    static let vacant = IORequest(id: RequestID(-1), thread: ThreadID(0), process: 0, fileObject: ObjectID(0), node: 0, operation: .read, offset: 0, length: 0,
                                  buffer: 0, overlapped: 0, event: nil, suppressPacket: false, routine: 0, issuedAt: 0,
                                  completesAt: nil, phase: .waitingForFile, writeData: [], synchronousHandle: false,
                                  usesPosition: false, bytesOut: 0)
}

/// Which way a request moves bytes.
public enum IOOperation: String, Sendable, Equatable { case read, write }
