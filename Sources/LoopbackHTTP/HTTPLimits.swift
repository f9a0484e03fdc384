/// What the server accepts from a client, so that no request can take unbounded memory, threads or time.
public struct HTTPLimits: Sendable, Hashable {
    /// The request line (method, target, version).
    public var requestLineBytes = 8 * 1024
    /// All header lines together, request line excluded.
    public var headerBytes = 16 * 1024
    public var headerCount = 64
    public var bodyBytes = 8 * 1024 * 1024
    /// From the first byte of a request to its last (a slow client is answered 408 and disconnected).
    public var requestTimeout: Duration = .seconds(20)
    /// How long an open connection may wait for its next request.
    public var idleTimeout: Duration = .seconds(5)
    /// How long writing a response may block on a client that does not read.
    public var writeTimeout: Duration = .seconds(20)
    /// Connections served at once; others wait in the kernel's queue until one ends.
    public var connections = 32

    public init() {}
}
