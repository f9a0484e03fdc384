/// Why a text is not valid JSON, and where: `reason` is a stable key (`zero-initial`, `champ-en-double`…) that
/// the wording of diagnostics turns into a sentence, with `arguments`.
public struct JSONSyntaxError: Error, Hashable, Sendable {
    public var reason: String
    public var arguments: [String: String]
    public var location: SourceLocation

    public init(_ reason: String, _ arguments: [String: String] = [:], at location: SourceLocation) {
        self.reason = reason
        self.arguments = arguments
        self.location = location
    }

    /// The diagnostic `json.syntaxe`, with the reason among its arguments.
    public var diagnostic: Diagnostic {
        .error("json.syntaxe", arguments.merging(["reason": reason]) { first, _ in first }, at: location)
    }

    /// The diagnostic, placed in `file` when the parser was not told the file's name.
    public func diagnostic(file: String) -> Diagnostic {
        var result = diagnostic
        if result.location.file.isEmpty { result.location.file = file }
        return result
    }
}
