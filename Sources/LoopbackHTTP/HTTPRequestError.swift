/// Why bytes from a client are not an acceptable request; each kind has its status. The server answers with the
/// response its owner makes of it (in the owner's language) and closes the connection.
public struct HTTPRequestError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The request line is not `METHOD /target HTTP/1.x`.
        case malformedRequestLine
        /// A version other than HTTP/1.0 and HTTP/1.1.
        case unsupportedVersion
        /// The request line is longer than the limit.
        case requestLineTooLong
        /// The header section is larger than the limit.
        case headersTooLarge
        case tooManyHeaders
        /// A header line that is not `name: value`, a space before the colon, a folded line, a control character.
        case malformedHeader
        /// HTTP/1.1 requires exactly one `Host` (RFC 9112 §3.2).
        case missingHost
        case repeatedHost
        /// A `Content-Length` that is not a number, or several that differ.
        case invalidContentLength
        /// A body announced without `Content-Length` (this server reads no chunked body).
        case lengthRequired
        /// `Transfer-Encoding` (chunked or other) is not implemented.
        case unsupportedTransferEncoding
        case bodyTooLarge
        /// The request did not arrive whole within the time allowed.
        case timeout
    }

    public var kind: Kind
    /// The limit that was passed, for the message (bytes, count).
    public var limit: Int?

    public init(_ kind: Kind, limit: Int? = nil) {
        self.kind = kind
        self.limit = limit
    }

    public var status: HTTPStatus {
        switch kind {
        case .malformedRequestLine, .malformedHeader, .missingHost, .repeatedHost, .invalidContentLength: return .badRequest
        case .unsupportedVersion: return .versionNotSupported
        case .requestLineTooLong: return .uriTooLong
        case .headersTooLarge, .tooManyHeaders: return .headerFieldsTooLarge
        case .lengthRequired: return .lengthRequired
        case .unsupportedTransferEncoding: return .notImplemented
        case .bodyTooLarge: return .contentTooLarge
        case .timeout: return .requestTimeout
        }
    }
}
