import Foundation

/// One of the process's standard streams (output or error). Writes never crash the program: the first failure is
/// kept, later writes are dropped, and `CLI` decides at the end what it means — a reader that closed the pipe
/// (`| head`, `EPIPE`) ends the output quietly; any other failure (a full disk behind `> fichier`, a closed
/// stream `>&-`) is reported in French with exit code 4.
public final class StandardStream: @unchecked Sendable {
    public enum Name: Sendable {
        case output, error

        /// « la sortie standard », « la sortie d'erreur ».
        var french: String { self == .output ? "la sortie standard" : "la sortie d'erreur" }
    }

    public let name: Name
    private let descriptor: Int32
    private let lock = NSLock()
    private var failureCode: Int32?

    public init(_ name: Name) {
        self.name = name
        descriptor = name == .output ? STDOUT_FILENO : STDERR_FILENO
    }

    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard failureCode == nil else { return }
        failureCode = POSIXWrite.all(text.utf8, to: descriptor)
    }

    /// The `errno` of the first failed write, if any.
    public var failure: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return failureCode
    }
}
