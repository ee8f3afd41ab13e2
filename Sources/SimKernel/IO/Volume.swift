/// The simulated volume: a flat namespace of files (paths compared
/// case-insensitively, as NTFS does) holding real bytes.
public struct Volume: Sendable {
    public struct Node: Sendable {
        public let id: Int
        public var path: String
        public var content: FileContent
        /// What the open file objects on this file hold and refuse (share checks).
        var shares = ShareCounts()
        /// `DeleteFile` while open: the name goes when the last open closes.
        var deletePending = false
    }

    /// Index = node id (ids are dense and never reused; slot 0 unused): the
    /// I/O path looks a node up several times per request.
    private var nodes: [Node?] = [nil]
    private var byPath: [String: Int] = [:]
    private var nextNode = 1
    /// Sum of every file's size, kept as files change (for the free-space quota).
    public private(set) var usedBytes: UInt64 = 0

    init() {}

    static func key(_ path: String) -> String { path.uppercased() }

    /// FNV-1a over the upper-cased path: a stable per-path seed component
    /// (Swift's Hasher is seeded per process, so it cannot be used).
    static func pathHash(_ path: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key(path).utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return h
    }

    /// The pattern seed of an initial file: a function of kernel seed and path.
    public static func patternSeed(kernelSeed: UInt64, path: String) -> UInt64 {
        SplitMix64.mix(kernelSeed ^ pathHash(path))
    }

    public func nodeID(path: String) -> Int? { byPath[Volume.key(path)] }
    public func node(_ id: Int) -> Node? { id >= 0 && id < nodes.count ? nodes[id] : nil }

    private func holds(_ id: Int) -> Bool { id >= 0 && id < nodes.count && nodes[id] != nil }

    /// The size of node `id`'s file, nil if there is no such node.
    func size(ofNode id: Int) -> UInt64? { id >= 0 && id < nodes.count ? nodes[id]?.content.size : nil }

    /// Node `id`'s content (a cheap copy-on-write snapshot), nil if there is no such node.
    func content(ofNode id: Int) -> FileContent? { id >= 0 && id < nodes.count ? nodes[id]?.content : nil }

    /// Every file's path, sorted.
    public var paths: [String] { nodes.compactMap { $0?.path }.sorted() }

    /// The whole content of a file (tests and tools; not for huge files).
    public func contents(of path: String) -> [UInt8]? {
        guard let id = nodeID(path: path), let n = node(id) else { return nil }
        return n.content.read(offset: 0, count: Int(n.content.size))
    }

    public func size(of path: String) -> UInt64? {
        nodeID(path: path).flatMap { size(ofNode: $0) }
    }

    mutating func create(path: String, content: FileContent) -> Int {
        let id = nextNode
        nextNode += 1
        nodes.append(Node(id: id, path: path, content: content))
        usedBytes += content.size
        byPath[Volume.key(path)] = id
        return id
    }

    mutating func with<R>(_ id: Int, _ body: (inout Node) -> R) -> R? {
        guard holds(id) else { return nil }
        let before = nodes[id]!.content.size
        let result = body(&nodes[id]!)
        usedBytes = usedBytes - before + nodes[id]!.content.size
        return result
    }

    /// Deletes the file; while it is open the name stays, delete-pending
    /// (new opens fail), and goes with the last close.
    mutating func unlink(_ id: Int) {
        guard let n = node(id) else { return }
        if n.shares.opens == 0 { remove(id) } else { nodes[id]!.deletePending = true }
    }

    private mutating func remove(_ id: Int) {
        guard let n = node(id) else { return }
        if byPath[Volume.key(n.path)] == id { byPath[Volume.key(n.path)] = nil }
        usedBytes -= n.content.size
        nodes[id] = nil
    }

    /// Called when a file object closes: drops it from the share list and
    /// finishes a pending delete.
    mutating func closeObject(read: Bool, write: Bool, delete: Bool, share: UInt32, node id: Int) {
        guard holds(id) else { return }
        nodes[id]!.shares.count(read: read, write: write, delete: delete, share: share, by: -1)
        if nodes[id]!.shares.opens == 0 && nodes[id]!.deletePending { remove(id) }
    }
}
