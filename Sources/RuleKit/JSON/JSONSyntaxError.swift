/// Why a text is not valid JSON, and where.
public struct JSONSyntaxError: Error, Hashable, Sendable {
    public var message: String
    public var location: SourceLocation

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public func diagnostic(file: String) -> Diagnostic {
        .error("json.syntaxe", message, file: file, at: location)
    }
}
