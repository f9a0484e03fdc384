/// Reads HTTP/1.1 requests from the bytes of a connection, as they arrive (RFC 9112), within `HTTPLimits`.
///
/// Feed it what the socket gave with `append`, then call `next()` until it returns `nil` (more bytes are needed).
/// Pipelined requests come out one by one. A request is refused as soon as it is known to be wrong or too big,
/// without waiting for the rest. Only `Content-Length` bodies are read: a `Transfer-Encoding` is refused with 501,
/// a body without length with 411. Pure: no socket, no clock — the server keeps the time.
public struct HTTPRequestReader: Sendable {
    public let limits: HTTPLimits

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`.
    private var start = 0
    /// Where the search for the end of the header section resumes, so that bytes are scanned once.
    private var scanned = 0
    /// The head of a request whose body is still arriving.
    private var pending: (request: HTTPRequest, length: Int)?
    /// Set when a request asked `Expect: 100-continue` before sending its body; the server answers 100 once.
    public private(set) var expectsContinue = false

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Whether part of a request has arrived (a client that stops there gets 408, one that sent nothing is just
    /// disconnected).
    public var hasPartialRequest: Bool {
        pending != nil || buffer[start...].contains { $0 != .cr && $0 != .lf }
    }

    /// The 100-continue answer has been sent.
    public mutating func continueSent() {
        expectsContinue = false
    }

    /// The next complete request, `nil` if more bytes are needed, or why the bytes are not a request.
    public mutating func next() throws(HTTPRequestError) -> HTTPRequest? {
        if pending == nil {
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            while start < buffer.count, buffer[start] == .cr || buffer[start] == .lf { start += 1 }
            scanned = max(scanned, start)
            guard let headEnd = try findHeadEnd() else { return nil }
            let head = try Self.parseHead(buffer[start..<headEnd.lines], limits: limits)
            start = headEnd.next
            scanned = start
            pending = head
            expectsContinue = head.length > 0 && head.request.headers["Expect"]?.lowercased() == "100-continue"
        }
        guard let (request, length) = pending, buffer.count - start >= length else { return nil }
        var complete = request
        complete.body = Array(buffer[start..<start + length])
        start += length
        scanned = start
        pending = nil
        expectsContinue = false
        return complete
    }

    /// The end of the header section (`lines`: up to the last line's end; `next`: after the empty line), or `nil`
    /// when it has not arrived yet — in which case the limits are checked on what has.
    private mutating func findHeadEnd() throws(HTTPRequestError) -> (lines: Int, next: Int)? {
        var index = max(scanned, start)
        var lineStart = index
        // Resume at the start of the line that was being scanned.
        while lineStart > start, buffer[lineStart - 1] != .lf { lineStart -= 1 }
        index = lineStart
        var firstLineEnd: Int?
        while index < buffer.count {
            guard buffer[index] == .lf else {
                index += 1
                continue
            }
            if firstLineEnd == nil && lineStart == start { firstLineEnd = index }
            let lineLength = index - lineStart - (index > lineStart && buffer[index - 1] == .cr ? 1 : 0)
            if lineLength == 0 && lineStart > start {
                return (lines: lineStart, next: index + 1)
            }
            lineStart = index + 1
            index += 1
        }
        scanned = lineStart
        // Nothing complete: refuse early what can only grow past a limit — with the same verdict as when the
        // head arrives whole (a CR not yet followed by its LF does not count).
        func content(_ end: Int) -> Int { end - start - (end > start && buffer[end - 1] == .cr ? 1 : 0) }
        guard let requestLineEnd = firstLineEnd ?? buffer[start...].firstIndex(of: .lf) else {
            if content(buffer.count) > limits.requestLineBytes { throw HTTPRequestError(.requestLineTooLong, limit: limits.requestLineBytes) }
            return nil
        }
        if content(requestLineEnd) > limits.requestLineBytes { throw HTTPRequestError(.requestLineTooLong, limit: limits.requestLineBytes) }
        // Each complete header line will count its length + 2; what has arrived counts at most 1 byte more (a
        // final CR).
        if buffer.count - requestLineEnd - 1 > limits.headerBytes + 1 { throw HTTPRequestError(.headersTooLarge, limit: limits.headerBytes) }
        return nil
    }

    /// Parses the request line and header fields; the body's length comes from `Content-Length`.
    static func parseHead(_ bytes: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPRequestError) -> (request: HTTPRequest, length: Int) {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == .lf {
            var line = bytes[lineStart..<index]
            if line.last == .cr { line = line.dropLast() }
            lines.append(line)
            lineStart = index + 1
        }
        guard let requestLine = lines.first else { throw HTTPRequestError(.malformedRequestLine) }
        if requestLine.count > limits.requestLineBytes { throw HTTPRequestError(.requestLineTooLong, limit: limits.requestLineBytes) }
        let headerLines = lines.dropFirst()
        if headerLines.reduce(0, { $0 + $1.count + 2 }) > limits.headerBytes { throw HTTPRequestError(.headersTooLarge, limit: limits.headerBytes) }
        if headerLines.count > limits.headerCount { throw HTTPRequestError(.tooManyHeaders, limit: limits.headerCount) }

        var request = try parseRequestLine(requestLine)
        for line in headerLines {
            let field = try parseField(line)
            request.headers.add(field.name, field.value)
        }
        let hosts = request.headers.values("Host")
        if hosts.count > 1 { throw HTTPRequestError(.repeatedHost) }
        if hosts.isEmpty && request.version == .http11 { throw HTTPRequestError(.missingHost) }
        if !request.headers.values("Transfer-Encoding").isEmpty { throw HTTPRequestError(.unsupportedTransferEncoding) }
        let length = try contentLength(request.headers.values("Content-Length"), limits: limits)
        guard let length else {
            if ["POST", "PUT", "PATCH"].contains(request.method) { throw HTTPRequestError(.lengthRequired) }
            return (request, 0)
        }
        return (request, length)
    }

    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> HTTPRequest {
        let parts = line.split(separator: .space, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw HTTPRequestError(.malformedRequestLine) }
        let (method, target, version) = (parts[0], parts[1], parts[2])
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else { throw HTTPRequestError(.malformedRequestLine) }
        // Origin form only (`/path?query`), or `*` for OPTIONS; visible ASCII, no fragment.
        guard let first = target.first, first == .slash || (target.count == 1 && first == .asterisk),
              target.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != .hash }) else {
            throw HTTPRequestError(.malformedRequestLine)
        }
        let versionText = String(decoding: version, as: UTF8.self)
        guard let parsedVersion = HTTPVersion(rawValue: versionText) else {
            let looksLikeHTTP = versionText.hasPrefix("HTTP/") && versionText.count == 8
                && versionText.dropFirst(5).enumerated().allSatisfy { $0.offset == 1 ? $0.element == "." : $0.element.isASCII && $0.element.isNumber }
            throw HTTPRequestError(looksLikeHTTP ? .unsupportedVersion : .malformedRequestLine)
        }
        return HTTPRequest(method: String(decoding: method, as: UTF8.self), target: String(decoding: target, as: UTF8.self), version: parsedVersion)
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: .colon) else { throw HTTPRequestError(.malformedHeader) }
        let name = line[line.startIndex..<colon]
        // No folded lines, no space before the colon (RFC 9112 §5.1, §5.2).
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw HTTPRequestError(.malformedHeader) }
        var value = line[(colon + 1)...]
        while let first = value.first, first == .space || first == .tab { value = value.dropFirst() }
        while let last = value.last, last == .space || last == .tab { value = value.dropLast() }
        guard value.allSatisfy({ $0 == .tab || ($0 >= 0x20 && $0 != 0x7F) }) else { throw HTTPRequestError(.malformedHeader) }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// The body length: every `Content-Length` (and every member of a list) must be the same decimal number.
    private static func contentLength(_ values: [String], limits: HTTPLimits) throws(HTTPRequestError) -> Int? {
        var length: Int?
        for member in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let digits = member.trimmingCharacters(in: " \t")
            guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits) else {
                throw HTTPRequestError(.invalidContentLength)
            }
            if let length, length != number { throw HTTPRequestError(.invalidContentLength) }
            length = number
        }
        if let length, length > limits.bodyBytes { throw HTTPRequestError(.bodyTooLarge, limit: limits.bodyBytes) }
        return length
    }

    /// `tchar` of RFC 9110 §5.6.2: the characters of a method or a field name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let slash = UInt8(ascii: "/")
    static let asterisk = UInt8(ascii: "*")
    static let hash = UInt8(ascii: "#")
}
