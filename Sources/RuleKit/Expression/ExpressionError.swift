/// A problem in a condition expression, located by scalar offsets inside the expression's text: a stable code
/// and the arguments its wording needs.
public struct ExpressionError: Error, Hashable, Sendable {
    public var code: String
    public var arguments: [String: String]
    public var range: Range<Int>
    public var severity: Diagnostic.Severity

    public init(_ code: String, _ arguments: [String: String] = [:], at range: Range<Int>, severity: Diagnostic.Severity = .error) {
        self.code = code
        self.arguments = arguments
        self.range = range
        self.severity = severity
    }

    /// The diagnostic for this error in a condition written as `text` (its positions map into the file).
    public func diagnostic(in text: LocatedText) -> Diagnostic {
        Diagnostic(severity, code: code, arguments: arguments, at: text.location(atOffset: range.lowerBound))
    }
}

/// All the problems of one condition (a condition can have several type errors at once).
public struct ExpressionFailure: Error, Hashable, Sendable {
    public var errors: [ExpressionError]

    public init(_ errors: [ExpressionError]) {
        self.errors = errors
    }
}
