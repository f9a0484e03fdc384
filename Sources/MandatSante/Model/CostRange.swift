/// The order of magnitude of what an action costs the territory, beyond the time of its elected officials and
/// staff.
public enum CostRange: String, Sendable, CaseIterable, Comparable {
    /// Time of elected officials and staff only.
    case none = "temps"
    case low = "faible"
    case medium = "moyen"
    case high = "eleve"
    case veryHigh = "tres-eleve"

    /// How a roadmap states it (no-break spaces inside amounts and ranges: a line never ends inside « 10 000 € » nor
    /// between the two ends of « de 10 000 à 100 000 € »).
    public var label: String {
        switch self {
        case .none: return "temps d'élus et d'agents"
        case .low: return "moins de 10\u{00A0}000\u{00A0}€"
        case .medium: return "de 10\u{00A0}000\u{00A0}à 100\u{00A0}000\u{00A0}€"
        case .high: return "de 100\u{00A0}000\u{00A0}€\u{00A0}à 1\u{00A0}M€"
        case .veryHigh: return "plus de 1\u{00A0}M€"
        }
    }

    /// `label` for a team of `staff` agents: a commune without any agent spends only its elected officials' time.
    public func label(staff: Int) -> String {
        self == .none && staff == 0 ? "temps d'élus" : label
    }

    /// The short form for tables and the synthesis.
    public var shortLabel: String {
        switch self {
        case .none: return "temps"
        case .low: return "<\u{00A0}10\u{00A0}k€"
        case .medium: return "10\u{00A0}à 100\u{00A0}k€"
        case .high: return "100\u{00A0}k€\u{00A0}à 1\u{00A0}M€"
        case .veryHigh: return ">\u{00A0}1\u{00A0}M€"
        }
    }

    private var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: CostRange, rhs: CostRange) -> Bool { lhs.ordinal < rhs.ordinal }
}
