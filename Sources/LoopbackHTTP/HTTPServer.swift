import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the server could not start listening.
public enum HTTPServerError: Error, Sendable, Hashable {
    /// Another program listens on the port.
    case addressInUse(port: UInt16)
    /// The system refuses the port (below 1024 without privileges).
    case permissionDenied(port: UInt16)
    /// Another system call failed, with its `errno`.
    case system(call: String, code: Int32)
}

/// An HTTP/1.1 server on 127.0.0.1, for one person's browser on the same machine.
///
/// `limits.connections` worker threads each accept and serve one connection at a time, so at most that many
/// connections are open; further clients wait in the kernel's listen queue, and a kept-alive connection is closed
/// after its response when others wait, so that they are served in turn. Each request must arrive whole within
/// `requestTimeout` and each response be taken within `writeTimeout`; an idle connection is closed after
/// `idleTimeout`. A client that goes away mid-response costs nothing but that connection (`SIGPIPE` is ignored and
/// `EPIPE` ends the connection quietly). Requests and responses are whole values: `handler` never sees a partial
/// request, and the client never gets a partial response unless it disconnects.
public final class HTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
    /// The response to bytes that are not an acceptable request (400, 408, 411, 413, 431, 501, 505…).
    public typealias Rejection = @Sendable (HTTPRequestError) -> HTTPResponse

    /// The port listened on (the one the system chose when 0 was asked).
    public let port: UInt16
    public let limits: HTTPLimits

    private let listener: Int32
    private var handler: Handler = { _ in HTTPResponse(status: .serviceUnavailable) }
    private var rejection: Rejection = { HTTPResponse(status: $0.status) }
    private let condition = NSCondition()
    private var stopping = false
    private var runningWorkers = 0

    /// Binds 127.0.0.1:`port` (0: any free port) and listens; `start` begins serving.
    public init(port: UInt16, limits: HTTPLimits = HTTPLimits()) throws(HTTPServerError) {
        // A write to a connection the client has closed must fail with EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        self.limits = limits
        #if canImport(Darwin)
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #endif
        guard descriptor >= 0 else { throw .system(call: "socket", code: errno) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            switch code {
            case EADDRINUSE: throw .addressInUse(port: port)
            case EACCES: throw .permissionDenied(port: port)
            default: throw .system(call: "bind", code: code)
            }
        }
        guard listen(descriptor, SOMAXCONN) == 0 else {
            let code = errno
            close(descriptor)
            throw .system(call: "listen", code: code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        // Workers poll, then accept: non-blocking, so that a worker that loses the race goes back to polling.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        listener = descriptor
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Starts the worker threads and returns: each request gets `handler`'s response, bytes that are not an
    /// acceptable request `rejection`'s. Called once.
    public func start(handler: @escaping Handler, rejection: @escaping Rejection) {
        condition.lock()
        self.handler = handler
        self.rejection = rejection
        runningWorkers = limits.connections
        condition.unlock()
        for index in 0..<limits.connections {
            let thread = Thread { [self] in
                work()
                condition.lock()
                runningWorkers -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.name = "http-\(index)"
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// Blocks until `stop()` has been called and every worker has finished.
    public func wait() {
        condition.lock()
        while runningWorkers > 0 || !stopping { condition.wait() }
        condition.unlock()
    }

    /// Stops accepting, lets the connections being served end (within their timeouts, at most a fraction of a
    /// second for an idle one), and closes the socket.
    public func stop() {
        condition.lock()
        let alreadyStopping = stopping
        stopping = true
        condition.broadcast()
        condition.unlock()
        guard !alreadyStopping else { return }
        wait()
        close(listener)
    }

    /// Whether connections wait in the listen queue.
    private var clientsWaiting: Bool {
        var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    /// How often a waiting thread looks whether the server is stopping.
    private static let pollSlice: Int32 = 200

    private func work() {
        while !isStopping {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Self.pollSlice) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                // EAGAIN: another worker took it. EMFILE and the like: wait a little rather than spin.
                if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED { usleep(50_000) }
                continue
            }
            // Not inherited by a program the server might start, and blocking like any connection.
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) & ~O_NONBLOCK)
            serve(client)
            close(client)
        }
    }

    /// Serves the requests of one connection until it closes, fails, idles or breaks a limit.
    private func serve(_ client: Int32) {
        Self.setTimeout(client, SO_SNDTIMEO, limits.writeTimeout)
        var yes: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        var reader = HTTPRequestReader(limits: limits)
        let clock = ContinuousClock()
        var lastActivity = clock.now
        var requestStart: ContinuousClock.Instant?
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            do {
                while let request = try reader.next() {
                    requestStart = nil
                    let response = handler(request)
                    // A connection kept open holds its worker: when other clients wait to be accepted, this one
                    // is closed after its response and will queue like them, so that no client starves.
                    let keepAlive = request.keepsAlive && !isStopping && !clientsWaiting
                    guard Self.transmit(client, response.serialized(keepAlive: keepAlive, includeBody: request.method != "HEAD")) else { return }
                    guard keepAlive else {
                        Self.closeGracefully(client)
                        return
                    }
                    lastActivity = clock.now
                }
                if reader.expectsContinue {
                    guard Self.transmit(client, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
                    reader.continueSent()
                }
            } catch {
                reject(client, error)
                return
            }
            if requestStart == nil && reader.hasPartialRequest { requestStart = clock.now }
            let deadline = requestStart.map { $0 + limits.requestTimeout } ?? lastActivity + limits.idleTimeout
            let remaining = deadline - clock.now
            guard remaining > .zero, !isStopping || requestStart != nil else {
                if requestStart != nil { reject(client, HTTPRequestError(.timeout)) }
                return
            }
            var descriptor = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, min(Self.pollSlice, Self.milliseconds(remaining)))
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            guard ready > 0 else { return }
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            // 0: the client closed; an unfinished request is dropped, nothing was handled.
            guard count > 0 else { return }
            reader.append(chunk[0..<count])
            if requestStart == nil && reader.hasPartialRequest { requestStart = clock.now }
        }
    }

    private func reject(_ client: Int32, _ error: HTTPRequestError) {
        if Self.transmit(client, rejection(error).serialized(keepAlive: false)) {
            Self.closeGracefully(client)
        }
    }

    /// Sends every byte, or reports that the client is gone or stopped reading (`SO_SNDTIMEO`).
    private static func transmit(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Darwin)
            let flags: Int32 = 0
            #else
            let flags = Int32(MSG_NOSIGNAL)
            #endif
            let sent = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, bytes.count - offset, flags) }
            if sent < 0 {
                if errno == EINTR { continue }
                // EPIPE, ECONNRESET: the browser closed the tab; EAGAIN: it stopped reading.
                return false
            }
            offset += sent
        }
        return true
    }

    /// Ends the sending side, then reads what the client still sends for a moment, so that the response is not
    /// destroyed by a reset when unread request bytes remain (a refused upload, a pipelined request).
    private static func closeGracefully(_ client: Int32) {
        shutdown(client, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var drained = 0
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(500)
        while drained < 1 << 20, clock.now < deadline {
            var descriptor = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, milliseconds(deadline - clock.now)) > 0 else { return }
            let count = scratch.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            drained += count
        }
    }

    private static func setTimeout(_ socket: Int32, _ option: Int32, _ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(socket, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }
}
