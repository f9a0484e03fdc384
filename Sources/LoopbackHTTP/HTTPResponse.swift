/// A complete response: the body is built before anything is sent, so a client never gets half a page.
public struct HTTPResponse: Sendable, Hashable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus, contentType: String, body: String) {
        self.init(status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: Array(body.utf8))
    }

    /// The bytes to send: status line, the headers (with `Content-Length` and `Connection` set here), the body
    /// unless the request was `HEAD`.
    public func serialized(keepAlive: Bool, includeBody: Bool = true) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for field in headers where !["content-length", "connection"].contains(field.name.lowercased()) {
            // A value never carries a line break into the head, whatever a page put in it (scalars, not characters:
            // "\r\n" is one Character).
            var value = String.UnicodeScalarView()
            value.append(contentsOf: field.value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
            head += "\(field.name): \(String(value))\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes += body }
        return bytes
    }
}
