/// A problem found in an input, as a value: where, how serious, a stable code and its arguments. The engine
/// words nothing: a `DiagnosticWording` of the layer that shows the problem turns code and arguments into a
/// sentence in the user's language.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// A remark that explains a diagnostic, with its own place when it has one: the first definition of a
    /// duplicate, each link of a cycle.
    public struct Note: Hashable, Sendable {
        public var code: String
        public var arguments: [String: String]
        public var location: SourceLocation?

        public init(_ code: String, _ arguments: [String: String] = [:], at location: SourceLocation? = nil) {
            self.code = code
            self.arguments = arguments
            self.location = location
        }
    }

    public var severity: Severity
    /// A stable identifier such as `expression.fait-inconnu`, for tests, for filtering and for the wording.
    public var code: String
    /// What the wording needs: the names, values and suggestions the problem is about, untranslated.
    public var arguments: [String: String]
    public var location: SourceLocation
    public var notes: [Note]

    public init(_ severity: Severity, code: String, arguments: [String: String] = [:], at location: SourceLocation, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.arguments = arguments
        self.location = location
        self.notes = notes
    }

    public static func error(_ code: String, _ arguments: [String: String] = [:], at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code: code, arguments: arguments, at: location, notes: notes)
    }

    public static func warning(_ code: String, _ arguments: [String: String] = [:], at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code: code, arguments: arguments, at: location, notes: notes)
    }

    /// The file the problem is in, as the user named it.
    public var file: String { location.file }
}

extension Diagnostic: Comparable {
    /// Sorted by file, then position, then severity: the order a reader fixes them in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .lexicographicallyPrecedes(rhs.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
}

/// Turns diagnostics into sentences of one language: the catalogue of every code's wording lives outside the
/// engine, in the layer that talks to people.
public protocol DiagnosticWording: Sendable {
    /// The sentence for `code` with its arguments.
    func message(_ code: String, _ arguments: [String: String]) -> String
    /// « erreur », « avertissement ».
    func severity(_ severity: Diagnostic.Severity) -> String
    /// What a note under a diagnostic is called: « note ».
    var noteLabel: String { get }
    /// What is said of the diagnostics left out of a long list: « … et 3 autres erreurs ».
    func remainder(errors: Int, warnings: Int) -> String
}
