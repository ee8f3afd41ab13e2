/// The virtual CPU time the runtime charges for running C code. Fixed, so
/// timings in lessons are the same on every machine and every run.
///
/// | what | cost |
/// |---|---|
/// | one C statement | 10 ns (100 statements = 1 µs) |
/// | a C library call that needs no kernel (`printf`, `memcpy`, `malloc`, `Interlocked*`, `GetCurrentThread`, `GetSystemInfo`) | 100 ns |
/// | a Win32 call that returns at once | 1 µs (the kernel's service cost) |
/// | a Win32 call that blocks | nothing while blocked; the kernel charges its context switches (5 µs) |
/// | `SimCompute(n)` | n µs |
///
/// Statements run in chunks of `chunkStatements`; a chunk is charged as one
/// stretch of CPU time, and threads on different CPUs interleave at chunk
/// boundaries and at library calls. Time below 1 µs is carried over to the
/// thread's next charge, never lost.
public enum RuntimeCosts {
    public static let statementNanoseconds: UInt64 = 10
    public static let libraryCallNanoseconds: UInt64 = 100
    /// Statements a thread runs before its CPU time is charged (100 µs).
    public static let chunkStatements = 10_000

    /// The table above as text, for `overlapped run --help` (lines under 80 columns).
    public static let table = """
          C statement ............ 10 ns (100 statements = 1 us)
          C library call ......... 100 ns (printf, memcpy, malloc, Interlocked*, ...)
          Win32 call, at once .... 1 us
          Win32 call, blocking ... no CPU while blocked; 5 us per context switch
          SimCompute(n) .......... n us
        """
}
