/// What a team can carry over the mandate, in units of effort (a light action takes 1, a medium one 2, a heavy
/// one 3; a quick act — light, to start in the first months — half a unit): the size of the roadmap follows from it.
///
/// A year of work is worth 0.8 unit for the elected team itself, plus what its services and partners bring
/// with the territory's size (0.2 under 3,500 inhabitants, 0.6 under 20,000, 1.0 under 100,000, 1.2 beyond),
/// plus 0.6 for each of the first two people able to carry projects and 0.3 for each further one, up to ten.
/// Teams start most of their actions early and carry them on afterwards, so a month counts twice in the first
/// fifteen months from the start, once in the next fifteen, and half after. A phase holds what its
/// months are worth, rounded, and never less than one unit; the first phase holds at least three, for the
/// founding decisions that need elected officials more than staff, and at most four actions.
///
/// A quick act (light effort, to start in the first months) is a decision, a letter or a meeting: naming a
/// pilot, asking the ARS a question, writing to the intercommunality. It costs half a unit, so that it is not
/// pushed to the end of the mandate behind projects of the same nominal effort; the first phase's limit of four
/// actions keeps these acts from filling the first months with more than a team decides at once. Placement
/// counts in half-units (`halfUnits(of:)`). So a village with one agent carries about eight actions over the
/// mandate, a town ten to fifteen, and the largest intercommunalities about twenty.
public struct Capacity: Sendable, Hashable {
    public var staff: Int
    /// Units per year, in tenths (integers keep the arithmetic exact and the output stable).
    public var yearlyTenths: Int
    /// Units available in each phase of the calendar.
    public var unitsPerPhase: [Int]

    public static let firstPhaseMinimum = 3
    /// The first months are those of a few founding decisions: at most this many actions, whatever their cost.
    public static let firstPhaseActions = 4
    public static let phaseMinimum = 1
    public static let countedStaff = 10
    /// How much a month counts, in tenths, by how far it is from the start: (months from the start, weight).
    static let monthWeights = [(15, 20), (30, 10), (Int.max, 5)]

    public init(population: Double, engineeringStaff: Int, phases: [MandatePhase]) {
        staff = max(0, engineeringStaff)
        let size = switch population {
        case ..<3_500: 2
        case ..<20_000: 6
        case ..<100_000: 10
        default: 12
        }
        let counted = min(staff, Self.countedStaff)
        yearlyTenths = 8 + size + 6 * min(counted, 2) + 3 * max(counted - 2, 0)
        let yearly = yearlyTenths
        let start = phases.first?.start
        unitsPerPhase = phases.enumerated().map { index, phase in
            let offset = start.map { $0.months(until: phase.start) } ?? 0
            let weighted = Self.weightedMonths(offset..<(offset + phase.months))
            // Tenths of a unit a year × weighted tenths of months / (10 × 10 × 12), rounded half up.
            let units = (yearly * weighted + 600) / 1_200
            return max(index == 0 ? Self.firstPhaseMinimum : Self.phaseMinimum, units)
        }
    }
    /// The months of `months` (counted from the start), each by its weight in tenths.
    static func weightedMonths(_ months: Range<Int>) -> Int {
        var weighted = 0
        var from = 0
        for (until, weight) in monthWeights {
            let overlap = min(months.upperBound, until) - max(months.lowerBound, from)
            if overlap > 0 { weighted += overlap * weight }
            from = until
        }
        return weighted
    }

    /// Units a year, for people: « 1,6 ».
    public var yearlyUnitsText: String {
        yearlyTenths % 10 == 0 ? "\(yearlyTenths / 10)" : "\(yearlyTenths / 10),\(yearlyTenths % 10)"
    }

    /// What `recommendation` takes of a phase, in half-units: half a unit for a quick act (light effort, horizon
    /// of the first months), otherwise its effort's units.
    public static func halfUnits(of recommendation: Recommendation) -> Int {
        halfUnits(effort: recommendation.effort, horizon: recommendation.horizon)
    }

    public static func halfUnits(effort: Effort, horizon: Horizon) -> Int {
        effort == .low && horizon == .hundredDays ? 1 : 2 * effort.units
    }

    /// Units over what remains of the mandate.
    public var totalUnits: Int { unitsPerPhase.reduce(0, +) }

    /// How many recommendations of a method lever (steering, training, resources) the roadmap may hold: two, and
    /// one more for every fifteen units, so that method never crowds out action.
    public var methodLimit: Int { 2 + totalUnits / 15 }
}
