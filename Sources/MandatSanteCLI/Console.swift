/// Where a command writes and what it knows of the outside world; tests pass their own.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// The month a roadmap starts from when `--start` is not given.
    public var currentMonth: @Sendable () -> (year: Int, month: Int)

    public init(
        write: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        currentMonth: @escaping @Sendable () -> (year: Int, month: Int)
    ) {
        self.write = write
        self.writeError = writeError
        self.currentMonth = currentMonth
    }
}
