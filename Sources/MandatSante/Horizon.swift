/// When a recommendation should start: the earliest phase of the mandate it is placed in.
public enum Horizon: String, Sendable, CaseIterable, Comparable {
    case hundredDays = "100-jours"
    case firstYear = "annee-1"
    case midMandate = "mi-mandat"
    case endOfMandate = "fin-mandat"

    public var label: String {
        switch self {
        case .hundredDays: return "action rapide (100 premiers jours)"
        case .firstYear: return "première année"
        case .midMandate: return "d'ici mi-mandat"
        case .endOfMandate: return "d'ici la fin du mandat"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Horizon, rhs: Horizon) -> Bool { lhs.order < rhs.order }
}

/// How much of a team's project capacity a recommendation takes.
public enum Effort: String, Sendable, CaseIterable {
    case low = "faible"
    case medium = "moyen"
    case high = "fort"

    /// Capacity units: a phase holds as many units as the territory can carry in that time.
    public var units: Int {
        switch self {
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        }
    }
}
