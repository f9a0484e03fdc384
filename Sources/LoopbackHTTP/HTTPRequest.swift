/// One request as read from a connection: request line, header fields and body. Nothing in it is trusted.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    /// The request target as sent (origin form: `/path?query`).
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(method: String, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The path, still percent-encoded: `/a%20b` for `/a%20b?x=1`.
    public var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The query after `?`, still encoded; empty when there is none.
    public var query: String {
        target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? ""
    }

    /// Whether the connection may carry another request after this one (RFC 9112 §9.3).
    public var keepsAlive: Bool {
        let tokens = headers.values("Connection").flatMap { $0.lowercased().split(separator: ",") }.map { $0.trimmingCharacters(in: " \t") }
        if tokens.contains("close") { return false }
        return version == .http11 || tokens.contains("keep-alive")
    }
}

/// The protocol versions a request may state; others are refused with 505.
public enum HTTPVersion: String, Sendable, Hashable {
    case http10 = "HTTP/1.0"
    case http11 = "HTTP/1.1"
}

extension StringProtocol {
    /// Without the given characters at both ends.
    func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
