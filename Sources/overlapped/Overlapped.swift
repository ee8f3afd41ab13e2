import ArgumentParser

@main
struct Overlapped: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlapped",
        abstract: "Learn how Windows programs find out that asynchronous I/O has finished.",
        discussion: """
            Overlapped runs Win32-style C programs on a deterministic simulated NT kernel \
            and shows the four completion-notification methods side by side: waiting on \
            the file handle, an event in the OVERLAPPED, alertable I/O with APCs, and the \
            I/O completion port.
            """,
        version: OverlappedVersion.string,
        subcommands: [
            HomeCommand.self, CompareCommand.self, RunCommand.self,
            LessonsCommand.self, LessonCommand.self, ReplayCommand.self, BenchCommand.self, FuzzCommand.self,
        ],
        defaultSubcommand: HomeCommand.self)
}

enum OverlappedVersion {
    static let string = "0.1.0"
}
