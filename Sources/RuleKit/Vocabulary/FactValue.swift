/// The value of a fact in a set of facts. Enumerated facts hold their value id as text.
public enum FactValue: Hashable, Sendable {
    case bool(Bool)
    case number(Double)
    case text(String)
    case set(Set<String>)
}

/// Three-valued truth: a condition over an absent optional fact is unknown rather than false.
public enum Truth: Hashable, Sendable {
    case `true`, `false`, unknown

    public init(_ value: Bool) { self = value ? .true : .false }

    public var holds: Bool { self == .true }

    public static prefix func ! (truth: Truth) -> Truth {
        switch truth {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }
}
