import RuleKit

/// The rule base as the planner walks it: recommendations by position and their relations as positions, built
/// once per planner so that planning a profile neither hashes nor compares a single id.
final class PlanningIndex: Sendable {
    /// The lever whose first months' acts are governance steps (`ExecutiveSynthesis.governanceLever`).
    static let governanceLever = "coordination"
    let recommendations: [Recommendation]
    /// Every recommendation's condition, then every boost's, then every deadline's condition, compiled together: each profile evaluates them in
    /// one pass, and each test they share once.
    let conditions: ConditionProgram
    /// What each of `conditions` is worth: a recommendation's base priority, then each boost's points.
    let points: [Int]
    /// Where each recommendation's boosts are among `conditions`.
    let boostRange: [Range<Int>]
    /// What placing each recommendation reads, in arrays rather than in objects.
    let horizons: [Horizon]
    /// What each recommendation takes of the first phase and of the others, in half-units
    /// (`Capacity.halfUnits(of:inPhase:)`).
    let firstPhaseHalfUnits: [Int]
    let halfUnits: [Int]
    let isFoundation: [Bool]
    /// Recommendations of a method lever (see `Lever.isMethod`).
    let isMethod: [Bool]
    let carriers: [Carrier]
    /// Whether each recommendation has other carriers for some territories (`Recommendation.carrier(for:)`).
    let hasCarrierVariants: [Bool]
    let deadlines: [Deadline?]
    /// Whether each recommendation has a deadline (read without copying the deadline), whatever its condition.
    let isDated: [Bool]
    /// The dated recommendations of more than one unit, not method steps, in position order: the only ones
    /// `PhasePlacement.keepDeadlinesOverLighter` may trade for, found once rather than for every roadmap.
    let datedHeavierActions: [Int]
    /// The recommendations due by a month or a phase of the mandate (not a season), not method steps, in position
    /// order: the only ones `PhasePlacement.keepDeadlinesOverPriorities` may move ahead of a priority's action.
    let datedByMonthActions: [Int]
    /// Whether each recommendation's deadline depends on the territory's situation (`[si …]`).
    let hasSituationalDeadline: [Bool]
    /// Where each recommendation's deadline condition is among `conditions`, -1 when its deadline has none.
    let deadlineCondition: [Int]
    /// Whether any recommendation must be ready before a season.
    let hasSeasonalDeadline: Bool
    /// Whether each position's deadline is « avant la saison touristique »: none for a profile whose peak season is
    /// not known (`PhasePlacement.dated`).
    let isBeforePeakSeason: [Bool]
    /// Which climate season each position's deadline is before: 0 for « avant la saison chaude », 1 for « avant la
    /// saison des pluies », -1 otherwise. It starts in the first phase when that season is under way at the start
    /// (`PhasePlacement.climateUnderway`).
    let climateSeason: [Int8]
    /// The recommendations for the tourist season under way at the start (`Deadline.duringPeakSeason`).
    let forSeasonUnderway: [Int]
    /// The team priorities each recommendation serves, as bits of `priorityChoices`.
    let serves: [UInt64]
    /// A concrete action: neither a method step nor a governance act of the first months (a seat on a board, a
    /// letter to the intercommunality) — what a declared priority must get among the first decisions.
    let isConcrete: [Bool]
    /// The values of the priorities fact, in the vocabulary's order (bit `i` is value `i`).
    let priorityChoices: [String]
    /// Each priority choice's bit.
    let priorityBits: [String: Int]
    private let positionByID: [String: Int]
    /// Each position's rank in the order of ids: ties are broken by id without comparing strings.
    let idRank: [Int]
    /// Positions in the order of ids.
    let positionsInIDOrder: [Int]
    /// `after` as positions, as written.
    let after: [[Int]]
    /// The prerequisites, for the dependency order.
    let graph: PositionalGraph
    /// `together`, both ways: what each recommendation is placed with.
    let together: [[Int]]
    /// Whether a recommendation names what it goes with (the coordinator names its CLS): ranked after it.
    let writesTogether: [Bool]
    let replaces: [[Int]]
    /// The positions that replace another, in the order of their ids.
    let replacers: [Int]
    /// What each recommendation excludes or is excluded by (exclusion is mutual), itself left out.
    let rivals: [[Int]]
    /// Whether each position has a rival (read without retaining its list).
    let hasRivals: [Bool]
    /// The boosts that argue from another action (`Boost.supports`): the recommendation's position, the boost's
    /// index among its boosts, the supported action's position. Such a boost counts only where the roadmap keeps
    /// that action (`Planner.plan`, second pass).
    let supportingBoosts: [(owner: Int, boost: Int, supported: Int)]

    /// Slots of the facts the planner reads itself.
    let slots: ProfileSlots
    /// The rule base's vocabulary: what the merit stage reads to keep the only action answering a situation
    /// (`PhasePlacement.isOnlyAnswer`).
    let vocabulary: Vocabulary
    /// For each position, the slots of the facts its condition reads that may be a situation of the territory, in
    /// name order — not its size, its kind, the team's own choices nor the overseas label
    /// (`ExecutiveSynthesis.notFindings`): the facts `SituationNeeds` tries at their default.
    let situationSlots: [[Int]]

    init(_ ruleBase: RuleBase) {
        let recommendations = ruleBase.recommendations
        let positionByID = ruleBase.positionByID
        self.recommendations = recommendations
        self.positionByID = positionByID
        let boosts = recommendations.flatMap(\.boosts)
        let deadlineConditions = recommendations.enumerated().compactMap { position, recommendation in
            recommendation.deadlineCondition.map { (position: position, condition: $0) }
        }
        conditions = ConditionProgram(recommendations.map(\.condition) + boosts.map(\.condition) + deadlineConditions.map(\.condition))
        hasSituationalDeadline = recommendations.map { $0.deadlineCondition != nil }
        var deadlineCondition = [Int](repeating: -1, count: recommendations.count)
        for (offset, entry) in deadlineConditions.enumerated() {
            deadlineCondition[entry.position] = recommendations.count + boosts.count + offset
        }
        self.deadlineCondition = deadlineCondition
        points = recommendations.map(\.priority) + boosts.map(\.points)
        var boostRange: [Range<Int>] = []
        var next = recommendations.count
        for recommendation in recommendations {
            boostRange.append(next..<(next + recommendation.boosts.count))
            next += recommendation.boosts.count
        }
        self.boostRange = boostRange
        horizons = recommendations.map(\.horizon)
        firstPhaseHalfUnits = recommendations.map { Capacity.halfUnits(of: $0, inPhase: 0) }
        halfUnits = recommendations.map { Capacity.halfUnits(of: $0, inPhase: 1) }
        isFoundation = recommendations.map(\.isFoundation)
        let methodLevers = Set(ruleBase.levers.filter(\.isMethod).map(\.id))
        isMethod = recommendations.map { methodLevers.contains($0.lever) }
        datedHeavierActions = recommendations.indices.filter { position in
            let recommendation = recommendations[position]
            return recommendation.deadline != nil && Capacity.halfUnits(of: recommendation, inPhase: 1) > 2
                && !methodLevers.contains(recommendation.lever)
        }
        datedByMonthActions = recommendations.indices.filter { position in
            switch recommendations[position].deadline {
            case .before?, .byHorizon?: !methodLevers.contains(recommendations[position].lever)
            default: false
            }
        }
        carriers = recommendations.map(\.carrier)
        hasCarrierVariants = recommendations.map { !$0.carrierVariants.isEmpty }
        deadlines = recommendations.map(\.deadline)
        isDated = recommendations.map { $0.deadline != nil }
        isBeforePeakSeason = recommendations.map { $0.deadline == .beforePeakSeason }
        climateSeason = recommendations.map { $0.deadline == .beforeHotSeason ? 0 : $0.deadline == .beforeRainySeason ? 1 : -1 }
        hasSeasonalDeadline = recommendations.contains { recommendation in
            switch recommendation.deadline {
            case .beforeHotSeason?, .beforeRainySeason?, .beforePeakSeason?: true
            case .before?, .byHorizon?, .duringPeakSeason?, nil: false
            }
        }
        forSeasonUnderway = recommendations.indices.filter { recommendations[$0].deadline == .duringPeakSeason }
        slots = ProfileSlots(ruleBase.vocabulary)
        vocabulary = ruleBase.vocabulary
        let notSituations = Set((ExecutiveSynthesis.notFindings + [.overseas]).map(ruleBase.vocabulary.factName))
        situationSlots = recommendations.map { recommendation in
            recommendation.condition.expression.factNames.sorted().filter { !notSituations.contains($0) }
                .compactMap(ruleBase.vocabulary.slot(of:))
        }
        let choices = ruleBase.vocabulary.fact(named: ruleBase.vocabulary.factName(.priorities))?.choiceIDs ?? []
        priorityChoices = Array(choices.prefix(64))
        priorityBits = Dictionary(priorityChoices.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        serves = recommendations.map { recommendation in
            recommendation.serves.reduce(UInt64(0)) { mask, value in
                choices.firstIndex(of: value).map { $0 < 64 ? mask | 1 << UInt64($0) : mask } ?? mask
            }
        }
        isConcrete = recommendations.map { recommendation in
            !methodLevers.contains(recommendation.lever)
                && !(recommendation.lever == Self.governanceLever && recommendation.horizon == .hundredDays)
        }
        positionsInIDOrder = recommendations.indices.sorted {
            (recommendations[$0].id, $0) < (recommendations[$1].id, $1)
        }
        var idRank = [Int](repeating: 0, count: recommendations.count)
        for (rank, position) in positionsInIDOrder.enumerated() { idRank[position] = rank }
        self.idRank = idRank

        func positions(_ ids: [String]) -> [Int] { ids.compactMap { positionByID[$0] } }
        after = recommendations.map { positions($0.after) }
        graph = PositionalGraph(prerequisites: after)
        let replaces = recommendations.map { positions($0.replaces) }
        self.replaces = replaces
        func symmetric(_ relation: (Recommendation) -> [String]) -> [[Int]] {
            var links = [Set<Int>](repeating: [], count: recommendations.count)
            for (position, recommendation) in recommendations.enumerated() {
                for other in positions(relation(recommendation)) where other != position {
                    links[position].insert(other)
                    links[other].insert(position)
                }
            }
            return links.map { $0.sorted() }
        }
        rivals = symmetric(\.excludes)
        hasRivals = rivals.map { !$0.isEmpty }
        supportingBoosts = recommendations.indices.flatMap { owner in
            recommendations[owner].boosts.indices.compactMap { boost in
                recommendations[owner].boosts[boost].supports.flatMap { positionByID[$0.text] }.map { (owner, boost, $0) }
            }
        }
        replacers = positionsInIDOrder.filter { !replaces[$0].isEmpty }
        together = symmetric(\.together)
        writesTogether = recommendations.map { !$0.together.isEmpty }
    }

    func position(of id: String) -> Int? { positionByID[id] }

    /// Every position by score: higher total first, then by id. Never calls a closure to compare: a counting
    /// sort when scores span a usual range, else a sort of plain integers whose key is `-total` shifted left with
    /// the id rank in the low bits, so it sorts in that order and its low bits give the id rank, hence the
    /// position, back.
    func positionsByScore(_ scores: [Int]) -> [Int] {
        // Scores span a few hundred points: a counting sort, positions taken in the order of their ids, gives the
        // same order in one pass, with no comparison.
        if let low = scores.min(), let high = scores.max(), high - low < 4 * scores.count + 1_024 {
            let span = high - low + 1
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: span + 1) { starts in
                // Bucket `high - score`: best score first. `starts[b]`: where bucket `b` begins.
                starts.initialize(repeating: 0)
                for score in scores { starts[high - score + 1] += 1 }
                for bucket in 0..<span { starts[bucket + 1] += starts[bucket] }
                return [Int](unsafeUninitializedCapacity: scores.count) { buffer, initialized in
                    for position in positionsInIDOrder {
                        let bucket = high - scores[position]
                        buffer.initializeElement(at: starts[bucket], to: position)
                        starts[bucket] += 1
                    }
                    initialized = scores.count
                }
            }
        }
        let shift = idRankBits
        var keys = scores.indices.map { -scores[$0] << shift | idRank[$0] }
        IntegerSort.sort(&keys)
        let mask = 1 << shift - 1
        return keys.map { positionsInIDOrder[$0 & mask] }
    }

    /// Bits enough for any id rank.
    var idRankBits: Int { Int.bitWidth - idRank.count.leadingZeroBitCount }
}

/// Where the facts the planner reads itself are stored in a profile, found once through their roles in the
/// vocabulary (`FactRole`), not by name at every plan.
struct ProfileSlots: Sendable {
    /// The value of the kind for a commune; every other value is an intercommunality.
    let communeKind: String
    let population: Int?
    let engineeringStaff: Int?
    let kind: Int?
    let intercommunalHealth: Int?
    let priorities: Int?
    let overseas: Int?
    let peakSeason: Int?

    init(_ vocabulary: Vocabulary) {
        communeKind = vocabulary.communeKind
        population = vocabulary.slot(of: vocabulary.factName(.population))
        engineeringStaff = vocabulary.slot(of: vocabulary.factName(.staff))
        kind = vocabulary.slot(of: vocabulary.factName(.kind))
        intercommunalHealth = vocabulary.slot(of: vocabulary.factName(.intercommunalHealth))
        priorities = vocabulary.slot(of: vocabulary.factName(.priorities))
        overseas = vocabulary.slot(of: vocabulary.factName(.overseas))
        peakSeason = vocabulary.slot(of: vocabulary.factName(.peakSeason))
    }

    func value(_ slot: Int?, in facts: FactValues) -> FactValue? {
        slot.flatMap { facts[$0] }
    }

    func number(_ slot: Int?, in facts: FactValues) -> Double? {
        guard let slot, case .number(let value)? = facts[slot] else { return nil }
        return value
    }

    /// Whether the profile describes a commune (true), an intercommunality (false), or does not say (nil).
    func isCommune(_ facts: FactValues) -> Bool? {
        guard let kind, case .text(let value)? = facts[kind] else { return nil }
        return value == communeKind
    }

    func intercommunalityCarriesHealth(_ facts: FactValues) -> Bool {
        guard let intercommunalHealth, case .bool(let value)? = facts[intercommunalHealth] else { return false }
        return value
    }

    /// The declared priorities, as bits of `bits` (each choice's bit).
    func declaredPriorities(_ facts: FactValues, bits: [String: Int]) -> UInt64 {
        guard let priorities, case .set(let members)? = facts[priorities] else { return 0 }
        var mask: UInt64 = 0
        for member in members {
            if let bit = bits[member] { mask |= 1 << UInt64(bit) }
        }
        return mask
    }
}
