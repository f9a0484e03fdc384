/// Where a command writes and what it knows of the outside world; tests pass their own.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// The month a roadmap starts from when `--start` is not given.
    public var currentMonth: @Sendable () -> (year: Int, month: Int)
    /// One line typed by the user (without its newline), or `nil` at the end of the input (Ctrl-D, end of a pipe).
    /// Only `init` reads; the default is an input that is already over.
    public var readLine: @Sendable () -> String?

    public init(
        write: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        currentMonth: @escaping @Sendable () -> (year: Int, month: Int),
        readLine: @escaping @Sendable () -> String? = { nil }
    ) {
        self.write = write
        self.writeError = writeError
        self.currentMonth = currentMonth
        self.readLine = readLine
    }
}
