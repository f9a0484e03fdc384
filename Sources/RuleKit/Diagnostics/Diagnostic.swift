/// A problem found in an input, as a value: where, how serious, a stable code and a French message.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error = "erreur"
        case warning = "avertissement"

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// A stable identifier such as `expression.fait-inconnu`, for tests and for filtering.
    public var code: String
    public var message: String
    /// The file the problem is in, as the user named it.
    public var file: String
    public var location: SourceLocation?
    /// Extra lines printed under the caret, e.g. a cycle's path.
    public var notes: [String]

    public init(
        _ severity: Severity, code: String, message: String, file: String,
        location: SourceLocation? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = QuotedText.clipMessage(message)
        self.file = file
        self.location = location
        self.notes = notes
    }

    public static func error(
        _ code: String, _ message: String, file: String, at location: SourceLocation? = nil, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, file: file, location: location, notes: notes)
    }

    public static func warning(
        _ code: String, _ message: String, file: String, at location: SourceLocation? = nil, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, file: file, location: location, notes: notes)
    }

    /// `file:line:col` (or just `file` when the position is unknown).
    public var position: String {
        guard let location else { return file }
        return "\(file):\(location)"
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file, then position, then severity: the order a reader fixes them in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.location ?? SourceLocation(line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(line: 0, column: 0)
        if left != right { return left < right }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return (lhs.code, lhs.message) < (rhs.code, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
}
