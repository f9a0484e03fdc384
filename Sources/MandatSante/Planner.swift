import RuleKit

/// Turns a profile and a rule base into a roadmap: select, score, resolve conflicts, order, place in phases.
/// Pure: the same inputs always give the same roadmap.
public struct Planner: Sendable {
    public let ruleBase: RuleBase
    /// Built once here rather than at every plan: relations as positions, ids ranked.
    private let index: PlanningIndex

    public init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
        index = PlanningIndex(ruleBase)
    }

    /// The rule base's conditions, then its boosts', as every plan evaluates them (for reports).
    public var conditions: ConditionProgram { index.conditions }

    /// A planner giving the same roadmaps that shares no object with this one. Threads that plan many profiles
    /// each take their own: every roadmap refers to the recommendations and every plan reads the planning
    /// index, and when two threads do so on the same objects, updating their reference counts makes the cores
    /// wait for each other (measured on 35,000 communes: 1.0 s on two cores sharing one planner, 0.74 s with a
    /// replica each).
    public func replica() -> Planner {
        Planner(ruleBase: RuleBase(vocabulary: ruleBase.vocabulary, levers: ruleBase.levers, sources: ruleBase.sources,
                                   recommendations: ruleBase.recommendations.map { $0.replica() }))
    }

    public func plan(_ profile: Profile, calendar: MandateCalendar, top: Int? = nil) -> Roadmap {
        let index = self.index
        let recommendations = index.recommendations
        let count = recommendations.count
        let facts = profile.facts
        func id(_ position: Int) -> String { recommendations[position].id }

        // 1–2. Select and score.
        // The first `count` truths are the recommendations' conditions, the others their boosts'.
        let truths = index.conditions.evaluate(facts)
        let (points, boostRange) = (index.points, index.boostRange)
        var scores: [Score] = []
        scores.reserveCapacity(count)
        for position in 0..<count {
            scores.append(Score(priority: points[position], boosts: boostRange[position], points: points, truths: truths))
        }
        // Why each position left the roadmap, in a form with no string: built for every recommendation of every
        // profile, turned into `LeftOutRecommendation.Reason` once at the end.
        var exits = truths[..<count].map { $0 == .true ? Exit.none : .conditionNotMet }
        let isSelected = truths[..<count].map { $0 == .true }

        // 3. Conflicts: what is replaced goes; of two exclusive ones, the better scored stays.
        var supersedes = [[Int]](repeating: [], count: count)
        for position in index.positionsInIDOrder where isSelected[position] {
            for replaced in index.replaces[position] where isSelected[replaced] && exits[replaced] == .none {
                exits[replaced] = .replaced(by: position)
                supersedes[position].append(replaced)
            }
        }
        // Exclusion is mutual; deciding best score first means an action that loses never excludes another.
        let scoreOrder = index.positionsByScore(scores)
        let byScore = scoreOrder.filter { isSelected[$0] }
        var scoreRank = [Int](repeating: -1, count: count)
        for (rank, position) in byScore.enumerated() { scoreRank[position] = rank }
        // Each winner looks only at its rivals, taken in score order: the same decisions as scanning every selected
        // action, without the quadratic scan on large rule bases.
        for winner in byScore where exits[winner] == .none && !index.rivals[winner].isEmpty {
            let rivals = index.rivals[winner].filter { scoreRank[$0] >= 0 }.sorted { scoreRank[$0] < scoreRank[$1] }
            for loser in rivals where exits[loser] == .none {
                exits[loser] = .excluded(by: winner)
                supersedes[winner].append(loser)
            }
        }
        let isCandidate = exits.map { $0 == .none }

        // 4. Order: prerequisites first, then urgency, then the id for stability. A prerequisite is as urgent
        // as the most urgent action waiting for it, so a well-scored action is not held back by a modest one.
        let urgency = Self.urgency(selected: isCandidate, after: index.after, inOrder: index.positionsInIDOrder) { scores[$0].total }
        let order = index.graph.order((0..<count).filter { isCandidate[$0] }) { -urgency[$0] * count + index.idRank[$0] }

        // 5. Place in phases within capacity.
        let capacity = Capacity(population: index.number(at: index.populationSlot, in: facts) ?? 0,
                                engineeringStaff: Int(index.number(at: index.engineeringStaffSlot, in: facts) ?? 1), phases: calendar.phases)
        let horizonPhase = Horizon.allCases.map(calendar.phaseIndex)
        var free = capacity.unitsPerPhase
        let lastPhase = free.count - 1
        var phaseOf = [Int](repeating: -1, count: count)
        var waitedFor = [Int](repeating: -1, count: count)
        var wantedPhase = [Int](repeating: -1, count: count)
        for position in order {
            let horizon = index.horizons[position]
            var earliest = horizonPhase[horizon.ordinal]
            var missing: Int?
            for prerequisite in index.after[position] where isCandidate[prerequisite] {
                let phase = phaseOf[prerequisite]
                if phase < 0 {
                    missing = prerequisite
                    break
                }
                if phase > earliest {
                    earliest = phase
                    waitedFor[position] = prerequisite
                }
            }
            if let missing {
                exits[position] = .prerequisiteLeftOut(missing)
                continue
            }
            let units = index.units[position]
            let latest = horizon == .hundredDays ? min(earliest + Self.quickWinDelay, lastPhase) : lastPhase
            guard let phase = (earliest...latest).first(where: { free[$0] >= units }) else {
                exits[position] = .noCapacity
                continue
            }
            if phase > earliest { wantedPhase[position] = earliest }
            free[phase] -= units
            phaseOf[position] = phase
        }

        // Rank: by phase, keeping the dependency-and-score order inside each phase.
        var ranked: [Int] = []
        ranked.reserveCapacity(order.count)
        for phase in free.indices {
            for position in order where phaseOf[position] == phase { ranked.append(position) }
        }
        var items: [RoadmapItem] = []
        items.reserveCapacity(top.map { min($0, ranked.count) } ?? ranked.count)
        for (offset, position) in ranked.enumerated() {
            if let top, offset >= top {
                exits[position] = .beyondTop
                continue
            }
            let placement: Placement = wantedPhase[position] >= 0 ? .capacity(wanted: wantedPhase[position])
                : waitedFor[position] >= 0 ? .prerequisite(id(waitedFor[position])) : .horizon
            items.append(RoadmapItem(
                rank: items.count + 1, recommendation: recommendations[position], score: scores[position],
                phaseIndex: phaseOf[position], placement: placement,
                prerequisites: index.after[position].lazy.filter { phaseOf[$0] >= 0 }.map(id),
                supersedes: supersedes[position].map(id)))
        }

        // Left out: by reason, then like the exclusions (higher total first, then id).
        let entries = scoreOrder.filter { exits[$0] != .none }.map { position in
            let reason: LeftOutRecommendation.Reason = switch exits[position] {
            case .none, .conditionNotMet: .conditionNotMet(truths[position])
            case .replaced(let by): .replaced(by: id(by))
            case .excluded(let by): .excluded(by: id(by))
            case .noCapacity: .noCapacity
            case .prerequisiteLeftOut(let missing): .prerequisiteLeftOut(id(missing))
            case .beyondTop: .beyondTop(top ?? 0)
            }
            return LeftOutRecommendation(recommendation: recommendations[position], reason: reason, score: scores[position])
        }
        let reasonOrders = entries.map(\.reason.order)
        var leftOut: [LeftOutRecommendation] = []
        leftOut.reserveCapacity(entries.count)
        for order in LeftOutRecommendation.Reason.orders {
            for entry in entries.indices where reasonOrders[entry] == order { leftOut.append(entries[entry]) }
        }
        return Roadmap(profile: profile, calendar: calendar, capacity: capacity, items: items, leftOut: leftOut,
                       evaluations: Evaluations(index: index, truths: truths, scores: scores))
    }

    /// Why a position is not in the roadmap, other positions named by position.
    private enum Exit: Equatable {
        case none, conditionNotMet, replaced(by: Int), excluded(by: Int), noCapacity, prerequisiteLeftOut(Int), beyondTop
    }

    /// How many phases a quick win may slip past its horizon for lack of capacity; later than that it loses its
    /// point (a quick win at the end of the mandate is no quick win) and is reported as left out. Other actions
    /// may move to any later phase: late is better than never.
    static let quickWinDelay = 1

    /// Each selected position's ordering urgency: its own score or that of the most urgent action that waits
    /// for it. Positions are visited in the order of their ids, and a path never visits a position twice.
    static func urgency(selected: [Bool], after: [[Int]], inOrder positions: [Int], score: (Int) -> Int) -> [Int] {
        var urgency = [Int](repeating: Int.min, count: selected.count)
        var onPath = [Bool](repeating: false, count: selected.count)
        func visit(_ position: Int, _ value: Int) {
            guard !onPath[position], value > urgency[position] else { return }
            urgency[position] = value
            onPath[position] = true
            for prerequisite in after[position] where selected[prerequisite] {
                visit(prerequisite, max(value, score(prerequisite)))
            }
            onPath[position] = false
        }
        for position in positions where selected[position] { visit(position, score(position)) }
        return urgency
    }
}
