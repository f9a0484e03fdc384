import RuleKit

/// What a realistic French territory looks like, for the facts whose distribution matters to the planner:
/// most communes are small (INSEE size strata), density follows size, staff and QPV grow with population.
/// Facts it does not know, or whose ids it does not find in the vocabulary, fall back to generic draws.
public struct TerritoryModel {
    /// INSEE size strata of the 34,875 communes (INSEE, populations légales 2017; used only to draw generated territories):
    /// lower and upper bound of each stratum and how many communes fall in it.
    static let communeStrata: [(low: Double, high: Double, communes: Double)] = [
        (1, 499, 18_289), (500, 999, 6_658), (1_000, 3_499, 6_781), (3_500, 9_999, 2_135),
        (10_000, 19_999, 529), (20_000, 49_999, 336), (50_000, 99_999, 87), (100_000, 2_200_000, 42),
    ]

    /// Kinds of territory with their number in France (communes, then EPCI à fiscalité propre) and the
    /// population range drawn for them.
    static let kinds: [(id: String, count: Double, low: Double, high: Double)] = [
        ("commune", 34_875, 0, 0),
        ("communaute-de-communes", 990, 3_000, 120_000),
        ("communaute-d-agglomeration", 230, 50_000, 450_000),
        ("communaute-urbaine", 14, 250_000, 1_000_000),
        ("metropole", 22, 400_000, 2_200_000),
    ]

    /// The INSEE density grid from the densest level, with weights by population band.
    static let densityLevels = [
        "grand-centre-urbain", "centre-urbain-intermediaire", "ceinture-urbaine", "petite-ville",
        "bourg-rural", "rural-disperse", "rural-tres-disperse",
    ]
    static let densityWeights: [(below: Double, weights: [Double])] = [
        (500, [0, 0, 0.05, 0, 0.15, 0.45, 0.35]),
        (1_000, [0, 0, 0.12, 0, 0.33, 0.40, 0.15]),
        (3_500, [0, 0.01, 0.25, 0.10, 0.40, 0.20, 0.04]),
        (10_000, [0.01, 0.08, 0.35, 0.40, 0.14, 0.02, 0]),
        (50_000, [0.10, 0.45, 0.30, 0.15, 0, 0, 0]),
        (.infinity, [0.70, 0.30, 0, 0, 0, 0, 0]),
    ]

    var kind: String
    var population: Double

    /// Draws a kind (or always a commune) and a population that fits it.
    static func draw(_ random: inout SplitMix64, communesOnly: Bool) -> TerritoryModel {
        let kindIndex = communesOnly ? 0 : random.index(weights: kinds.map(\.count))
        let kind = kinds[kindIndex]
        let population: Double
        if kindIndex == 0 {
            let stratum = communeStrata[random.index(weights: communeStrata.map(\.communes))]
            population = random.logUniform(stratum.low, stratum.high + 1).rounded(.down)
        } else {
            population = random.logUniform(kind.low, kind.high).rounded(.down)
        }
        return TerritoryModel(kind: kind.id, population: min(max(population, 1), 2_200_000))
    }

    /// A value for `fact` that follows the territory's size, or nil to let the generic draw decide.
    func value(for fact: Fact, _ random: inout SplitMix64) -> FactValue? {
        switch fact.name {
        case "kind" where fact.choice(kind) != nil:
            return .text(kind)
        case "population":
            return .number(population)
        case "density":
            let weights = Self.densityWeights.first { population < $0.below }?.weights ?? []
            let level = Self.densityLevels[random.index(weights: weights)]
            return fact.choice(level) != nil ? .text(level) : nil
        case "qpv":
            let probability = population >= 50_000 ? 0.8 : population >= 10_000 ? 0.35 : population >= 5_000 ? 0.05 : 0
            return .bool(random.chance(probability))
        case "engineeringStaff":
            // Small communes: the secretary of the town hall at most; then about one project lead per 10,000.
            let staff = population < 3_500 ? (random.chance(0.3) ? 1 : 0)
                : Int((population / 10_000 * (0.5 + random.unit())).rounded(.up))
            return .number(Double(min(staff, Int(fact.maximum ?? 200))))
        case "share75Plus":
            return random.chance(0.3) ? nil : .number(((3 + 20 * (random.unit() + random.unit()) / 2) * 10).rounded() / 10)
        case "povertyRate":
            return random.chance(0.3) ? nil : .number(((4 + 30 * (random.unit() + random.unit()) / 2) * 10).rounded() / 10)
        default:
            return nil
        }
    }
}
