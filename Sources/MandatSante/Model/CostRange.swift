/// The order of magnitude of what an action costs the territory, beyond the time of its elected officials and
/// staff.
public enum CostRange: String, Sendable, CaseIterable, Comparable {
    /// Time of elected officials and staff only.
    case none = "temps"
    case low = "faible"
    case medium = "moyen"
    case high = "eleve"
    case veryHigh = "tres-eleve"

    /// How a roadmap states it.
    public var label: String {
        switch self {
        case .none: return "temps d'élus et d'agents"
        case .low: return "moins de 10 000 €"
        case .medium: return "de 10 000 à 100 000 €"
        case .high: return "de 100 000 € à 1 M€"
        case .veryHigh: return "plus de 1 M€"
        }
    }

    /// The short form for tables and the synthesis.
    public var shortLabel: String {
        switch self {
        case .none: return "temps"
        case .low: return "< 10 k€"
        case .medium: return "10 à 100 k€"
        case .high: return "100 k€ à 1 M€"
        case .veryHigh: return "> 1 M€"
        }
    }

    private var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: CostRange, rhs: CostRange) -> Bool { lhs.ordinal < rhs.ordinal }
}
