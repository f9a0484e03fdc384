/// A problem in a condition expression, located by scalar offsets inside the expression's text.
public struct ExpressionError: Error, Hashable, Sendable {
    public var code: String
    public var message: String
    public var range: Range<Int>
    public var severity: Diagnostic.Severity

    public init(_ code: String, _ message: String, at range: Range<Int>, severity: Diagnostic.Severity = .error) {
        self.code = code
        self.message = message
        self.range = range
        self.severity = severity
    }
}

/// All the problems of one condition (a condition can have several type errors at once).
public struct ExpressionFailure: Error, Hashable, Sendable {
    public var errors: [ExpressionError]

    public init(_ errors: [ExpressionError]) {
        self.errors = errors
    }
}
