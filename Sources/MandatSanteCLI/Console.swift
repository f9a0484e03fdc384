import Foundation

/// Where a command writes and what it knows of the outside world; tests pass their own.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// The month a roadmap starts from when `--start` is not given.
    public var currentMonth: @Sendable () -> (year: Int, month: Int)
    /// One line typed by the user (without its newline), or `nil` at the end of the input (Ctrl-D, end of a pipe).
    /// Only `init` reads; the default is an input that is already over.
    public var readLine: @Sendable () -> String?
    /// The folder relative paths are read from and written to. Given explicitly, so that tests running in parallel
    /// never change the process's working directory.
    public var workingDirectory: String
    /// Which standard stream failed to take a write, and the `errno` of that failure; `nil` while all is well.
    public var streamFailure: @Sendable () -> (stream: StandardStream.Name, code: Int32)?
    /// The progress line of a long run (`\r` and an erase sequence, on a terminal only), written as is.
    public var writeProgress: @Sendable (String) -> Void

    public init(
        write: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        currentMonth: @escaping @Sendable () -> (year: Int, month: Int),
        readLine: @escaping @Sendable () -> String? = { nil },
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        streamFailure: @escaping @Sendable () -> (stream: StandardStream.Name, code: Int32)? = { nil },
        writeProgress: (@Sendable (String) -> Void)? = nil
    ) {
        self.write = write
        self.writeError = writeError
        self.currentMonth = currentMonth
        self.readLine = readLine
        self.workingDirectory = workingDirectory
        self.streamFailure = streamFailure
        self.writeProgress = writeProgress ?? writeError
    }

    /// The process's own console: standard output and error written by `StandardStream`, standard input read line
    /// by line, the clock, the working directory.
    public static func process() -> Console {
        let output = StandardStream(.output)
        let error = StandardStream(.error)
        return Console(
            write: output.write,
            writeError: error.write,
            currentMonth: {
                let components = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
                return (components.year ?? 2026, components.month ?? 1)
            },
            readLine: { Swift.readLine(strippingNewline: true) },
            streamFailure: {
                if let code = output.failure { return (.output, code) }
                if let code = error.failure { return (.error, code) }
                return nil
            }
        )
    }

    /// The same console with every control character of what is written made visible (`TerminalText`): an escape
    /// sequence in a file name, a CSV cell or a quoted line never reaches the terminal. The progress line keeps its
    /// own `\r`.
    func neutralizingControlCharacters() -> Console {
        var safe = self
        let write = self.write
        let writeError = self.writeError
        safe.write = { write(TerminalText.neutralized($0, .keepLineBreaks)) }
        safe.writeError = { writeError(TerminalText.neutralized($0)) }
        return safe
    }
}

import RuleKit
