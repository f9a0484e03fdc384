import RuleKit

// The engine's values read in French, through `FrenchDiagnostics`: what the domain and the command line show.

extension Diagnostic {
    /// The sentence a French reader sees.
    public var message: String { FrenchDiagnostics().message(code, arguments) }

    /// `file:line:col`, or `file` when the diagnostic is about the whole file.
    public var position: String { location.description }

    /// A diagnostic of the domain worded where it is found: `message` is shown as it is.
    public static func error(_ code: String, _ message: String, file: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, file: file, location: location, notes: notes)
    }

    public static func warning(_ code: String, _ message: String, file: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, file: file, location: location, notes: notes)
    }

    public init(_ severity: Severity, code: String, message: String, file: String, location: SourceLocation? = nil, notes: [String] = []) {
        self.init(severity, code: code, arguments: ["message": message],
                  at: location.map { $0.file.isEmpty ? $0.inFile(file) : $0 } ?? .wholeFile(file),
                  notes: notes.map { Note("note.texte", ["message": $0]) })
    }
}

extension DiagnosticPrinter {
    /// A printer of French diagnostics.
    public init(sources: [String: String] = [:]) {
        self.init(sources: sources, wording: FrenchDiagnostics())
    }
}

extension JSONObjectReader {
    /// Reports a problem of the domain worded where it is found.
    public mutating func report(_ code: String, _ message: String, at location: SourceLocation, severity: Diagnostic.Severity = .error) {
        report(code, ["message": message], at: location, severity: severity)
    }
}

extension ExpressionError {
    public var message: String { FrenchDiagnostics().message(code, arguments) }
}

extension FactValueError {
    /// Why the value does not fit, in French (without the JSON path or the CSV column, which callers add).
    public var message: String {
        if let message = arguments["message"] { return message }
        return QuotedText.clipMessage(FrenchDiagnostics.factValue(.init(arguments.merging(["valueProblem": kind.name]) { first, _ in first })))
    }

    /// A problem of the domain worded where it is found.
    public init(_ message: String) {
        self.init(.other, ["message": message])
    }
}

extension JSONNode {
    /// The kind of this value in French: « un objet », « une liste »…
    public var kindDescription: String { FrenchDiagnostics.kind(kindName) }
}

extension Suggestion {
    /// ` ; vouliez-vous dire « x » ?` or an empty string.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        FrenchDiagnostics.Arguments(closest(to: word, among: candidates).map { ["suggestion": $0] } ?? [:]).hint
    }
}

extension FactsReader {
    /// What a valid value of `fact` looks like, in French.
    public static func expectationText(for fact: Fact) -> String {
        FrenchDiagnostics.expectation(.init(expectation(for: fact)))
    }
}

extension JSONSyntaxError {
    public var message: String { diagnostic.message }
}
