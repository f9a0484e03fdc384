/// Why a value does not fit its fact: what went wrong (for callers that word it their own way, like the
/// questions of `init`), a French message, and where in the typed text or the list the problem is.
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
        /// Any other problem, worded in `message`.
        case other
    }

    public var kind: Kind
    public var message: String
    /// The offset, in Unicode scalars of the text as typed, of the character at fault.
    public var offset: Int?
    /// The 0-based position of the list element at fault.
    public var element: Int?
    /// The part of the typed value at fault: the value itself, or one item of a list.
    public var subject: String?

    public init(_ message: String, kind: Kind = .other, offset: Int? = nil, element: Int? = nil, subject: String? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.element = element
        self.subject = subject
    }
}
