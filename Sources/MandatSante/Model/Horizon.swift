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

    /// Its position in `allCases` (a switch: `allCases` builds an array at every call, and the planner asks for
    /// every action it places).
    var ordinal: Int {
        switch self {
        case .hundredDays: return 0
        case .firstYear: return 1
        case .midMandate: return 2
        case .endOfMandate: return 3
        }
    }

    public static func < (lhs: Horizon, rhs: Horizon) -> Bool { lhs.ordinal < rhs.ordinal }
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
