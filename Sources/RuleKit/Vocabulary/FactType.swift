/// The type of a declared fact.
public enum FactType: String, Hashable, Sendable, CaseIterable {
    case bool
    case int
    case number
    case text
    /// One value among the fact's declared values.
    case `enum`
    /// Any number of the fact's declared values.
    case set

    public var isNumeric: Bool { self == .int || self == .number }
}
