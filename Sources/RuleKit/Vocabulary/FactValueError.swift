/// Why a value does not fit its fact: what went wrong (`kind`), the arguments a wording needs (the value as
/// written, what was expected), and where in the typed text or the list the problem is. The engine words
/// nothing; the layer that talks to people does.
public struct FactValueError: Error, Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case notABoolean
        case notANumber
        case notAnInteger
        case outOfRange
        case unknownChoice
        /// A list with an empty item (`a,,b`).
        case emptyItem
        case duplicate
        /// Nothing typed (or only spaces) for a fact that must have a value.
        case missing
        /// A control character (escape, tabulation…), or a line break in a one-line text.
        case controlCharacter
        case tooLong
        /// Any other problem, described by its arguments.
        case other

        /// A stable name for the wording.
        public var name: String {
            switch self {
            case .notABoolean: return "not-a-boolean"
            case .notANumber: return "not-a-number"
            case .notAnInteger: return "not-an-integer"
            case .outOfRange: return "out-of-range"
            case .unknownChoice: return "unknown-choice"
            case .emptyItem: return "empty-item"
            case .duplicate: return "duplicate"
            case .missing: return "missing"
            case .controlCharacter: return "control-character"
            case .tooLong: return "too-long"
            case .other: return "other"
            }
        }
    }

    public var kind: Kind
    /// What the wording needs: `subject` (the value at fault), the fact's expectation (`FactsReader`), and
    /// whatever the kind of problem adds.
    public var arguments: [String: String]
    /// The offset, in Unicode scalars of the text as typed, of the character at fault.
    public var offset: Int?
    /// The 0-based position of the list element at fault.
    public var element: Int?
    /// The part of the typed value at fault: the value itself, or one item of a list.
    public var subject: String?

    public init(_ kind: Kind, _ arguments: [String: String] = [:], offset: Int? = nil, element: Int? = nil, subject: String? = nil) {
        self.kind = kind
        self.arguments = arguments
        self.offset = offset
        self.element = element
        self.subject = subject
    }
}
