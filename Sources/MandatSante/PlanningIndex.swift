import RuleKit

/// The rule base as the planner walks it: recommendations by position and their relations as positions, built
/// once per planner so that planning a profile neither hashes nor compares a single id.
final class PlanningIndex: Sendable {
    let recommendations: [Recommendation]
    /// Every recommendation's condition, then every boost's, compiled together: each profile evaluates them in
    /// one pass, and each test they share once.
    let conditions: ConditionProgram
    /// What each of `conditions` is worth: a recommendation's base priority, then each boost's points.
    let points: [Int]
    /// Where each recommendation's boosts are among `conditions`.
    let boostRange: [Range<Int>]
    /// What placing each recommendation reads, in arrays rather than in twenty-field objects.
    let horizons: [Horizon]
    let units: [Int]
    private let positionByID: [String: Int]
    /// Each position's rank in the order of ids: ties are broken by id without comparing strings.
    let idRank: [Int]
    /// Positions in the order of ids.
    let positionsInIDOrder: [Int]
    /// `after` as positions, as written (ids that name no recommendation dropped).
    let after: [[Int]]
    /// The prerequisites, for the dependency order.
    let graph: PositionalGraph
    let replaces: [[Int]]
    /// What each recommendation excludes or is excluded by (exclusion is mutual), itself left out.
    let rivals: [[Int]]

    /// Slots of the facts the planner reads itself, for the capacity.
    let populationSlot: Int?
    let engineeringStaffSlot: Int?

    init(_ ruleBase: RuleBase) {
        let recommendations = ruleBase.recommendations
        let positionByID = ruleBase.positionByID
        self.recommendations = recommendations
        self.positionByID = positionByID
        let boosts = recommendations.flatMap(\.boosts)
        conditions = ConditionProgram(recommendations.map(\.condition) + boosts.map(\.condition))
        points = recommendations.map(\.priority) + boosts.map(\.points)
        var boostRange: [Range<Int>] = []
        var next = recommendations.count
        for recommendation in recommendations {
            boostRange.append(next..<(next + recommendation.boosts.count))
            next += recommendation.boosts.count
        }
        self.boostRange = boostRange
        horizons = recommendations.map(\.horizon)
        units = recommendations.map(\.effort.units)
        populationSlot = ruleBase.vocabulary.slot(of: "population")
        engineeringStaffSlot = ruleBase.vocabulary.slot(of: "engineeringStaff")
        positionsInIDOrder = recommendations.indices.sorted {
            (recommendations[$0].id, $0) < (recommendations[$1].id, $1)
        }
        var idRank = [Int](repeating: 0, count: recommendations.count)
        for (rank, position) in positionsInIDOrder.enumerated() { idRank[position] = rank }
        self.idRank = idRank

        func positions(_ ids: [String]) -> [Int] { ids.compactMap { positionByID[$0] } }
        after = recommendations.map { positions($0.after) }
        graph = PositionalGraph(prerequisites: after)
        replaces = recommendations.map { positions($0.replaces) }
        var rivals = [Set<Int>](repeating: [], count: recommendations.count)
        for (position, recommendation) in recommendations.enumerated() {
            for other in positions(recommendation.excludes) where other != position {
                rivals[position].insert(other)
                rivals[other].insert(position)
            }
        }
        self.rivals = rivals.map { $0.sorted() }
    }

    func position(of id: String) -> Int? { positionByID[id] }

    /// Every position by score: higher total first, then by id. Sorts plain integers instead of calling a
    /// closure for each comparison: the key is `-total` shifted left with the id rank in the low bits, so it sorts
    /// in that order and its low bits give the id rank, hence the position, back.
    func positionsByScore(_ scores: [Score]) -> [Int] {
        let shift = idRankBits
        var keys = scores.indices.map { -scores[$0].total << shift | idRank[$0] }
        keys.sort()
        let mask = 1 << shift - 1
        return keys.map { positionsInIDOrder[$0 & mask] }
    }

    /// Bits enough for any id rank.
    private var idRankBits: Int { Int.bitWidth - idRank.count.leadingZeroBitCount }

    /// The number at `slot` in `facts`: the slot is found once, not by name at every plan.
    func number(at slot: Int?, in facts: FactValues) -> Double? {
        guard let slot, case .number(let value)? = facts[slot] else { return nil }
        return value
    }
}
