/// What the live opens of one file hold and refuse (rule 5), kept as counts
/// so that a share check costs the same however many opens the file has
/// (checking every open made opening one file N times quadratic).
struct ShareCounts: Sendable, Equatable {
    /// Live file objects on the file, with or without data access.
    var opens = 0
    private var reading = 0, writing = 0, deleting = 0
    private var refusingRead = 0, refusingWrite = 0, refusingDelete = 0

    /// Adds (`by: 1`) or removes (`by: -1`) one open. Opens without data
    /// access take no part in share checks.
    mutating func count(read: Bool, write: Bool, delete: Bool, share: UInt32, by step: Int) {
        opens += step
        guard read || write || delete else { return }
        if read { reading += step }
        if write { writing += step }
        if delete { deleting += step }
        if share & Win32.FILE_SHARE_READ == 0 { refusingRead += step }
        if share & Win32.FILE_SHARE_WRITE == 0 { refusingWrite += step }
        if share & Win32.FILE_SHARE_DELETE == 0 { refusingDelete += step }
    }

    /// Whether a new open asking for this access with this share mode passes.
    func allows(read: Bool, write: Bool, delete: Bool, share: UInt32) -> Bool {
        guard read || write || delete else { return true }   // no data access: no check
        if read && refusingRead > 0 || write && refusingWrite > 0 || delete && refusingDelete > 0 { return false }
        if reading > 0 && share & Win32.FILE_SHARE_READ == 0 { return false }
        if writing > 0 && share & Win32.FILE_SHARE_WRITE == 0 { return false }
        if deleting > 0 && share & Win32.FILE_SHARE_DELETE == 0 { return false }
        return true
    }
}
