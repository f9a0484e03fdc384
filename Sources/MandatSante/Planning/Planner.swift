import RuleKit

/// Turns a profile and a rule base into a roadmap, in stages each testable alone: select and score
/// (`Selection`), resolve conflicts (`ConflictResolution`), order the claims on the team's time (`ClaimOrder`),
/// place them in the phases of the mandate (`PhasePlacement`), then rank. Pure: the same inputs always give the
/// same roadmap.
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

    /// A planner giving the same roadmaps that shares no object with this one, for a thread of its own: when two
    /// threads read the same objects, updating their reference counts makes the cores wait for each other
    /// (measured on 35,000 communes: 1.0 s on two cores sharing one planner, 0.74 s with a replica each). Only
    /// the benchmark needs it; a service would load the rules once per thread instead.
    package func replica() -> Planner {
        Planner(ruleBase: ruleBase.replacing(recommendations: ruleBase.recommendations.map { $0.replica() }))
    }

    /// Whether lowering the totals of `owners` (from `before` to `after`) leaves every comparison the planner makes
    /// as it was: no other candidate's total, before or after, between an owner's new and old totals (bounds
    /// included: a tie would change), and no merit threshold crossed. Every stage reads totals only through such
    /// comparisons (orders, maxima, minima, `Capacity.quickWinMerit` and `firstPhaseMerit`), so the placement
    /// is then the same.
    static func keepsEveryComparison(_ before: PlanningState, _ after: PlanningState, _ owners: [Int]) -> Bool {
        for owner in owners where after.totals[owner] != before.totals[owner] {
            let (low, high) = (after.totals[owner], before.totals[owner])
            for threshold in [Capacity.quickWinMerit, Capacity.firstPhaseMerit] where low < threshold && threshold <= high {
                return false
            }
            for other in before.totals.indices where other != owner && before.exits[other] == .none {
                if (low...high).contains(before.totals[other]) || (low...high).contains(after.totals[other]) { return false }
            }
        }
        return true
    }

    public func plan(_ profile: Profile, calendar: MandateCalendar, top: Int? = nil) -> Roadmap {
        let index = self.index
        let recommendations = index.recommendations
        let facts = profile.facts
        func id(_ position: Int) -> String { recommendations[position].id }

        var state = Selection.select(facts, index: index)
        let peakSeasons = HotSeason.peakSeasons(peak: index.slots.value(index.slots.peakSeason, in: facts),
                                               overseas: index.slots.value(index.slots.overseas, in: facts))
        // What serves the tourist season under way has nothing left to serve when none is: its deadline, the end
        // of the last season, is past (the next season is prepared by what is due before it).
        if !index.forSeasonUnderway.isEmpty, HotSeason.underway(peakSeasons, at: calendar.start) == nil {
            let lastEnd = peakSeasons.map { $0.endOfLastUnderway(before: calendar.start) }.max() ?? calendar.start
            for position in index.forSeasonUnderway where state.exits[position] == .none && state.isDated(position, index) {
                state.exits[position] = .deadlineMissed(lastEnd)
            }
        }
        // Unknown staff: estimated from the size (a town of 40,000 is not given a village's capacity); the profile
        // filled the estimate in (`Profile.estimatedFact`), so the conditions read the same figure.
        let population = index.slots.number(index.slots.population, in: facts) ?? 0
        let staff = index.slots.number(index.slots.engineeringStaff, in: facts).map { Int($0) }
        var capacity = Capacity(population: population,
                                engineeringStaff: staff ?? Capacity.estimatedStaff(population: population),
                                phases: calendar.phases)
        capacity.isStaffEstimated = staff == nil || profile.estimatedFact != nil
        let overseas = index.slots.value(index.slots.overseas, in: facts)
        let hotSeason = HotSeason(overseas: overseas), rainySeason = HotSeason.rainy(overseas: overseas)
        let declared = index.slots.declaredPriorities(facts, bits: index.priorityBits)
        /// Resolve the conflicts by score, order the claims, place them.
        func place(_ state: inout PlanningState) -> (scoreOrder: [Int], placement: PhasePlacement) {
            let scoreOrder = index.positionsByScore(state.totals)
            ConflictResolution.resolve(&state, index: index, byScore: scoreOrder)
            let order = ClaimOrder(state, index: index, declaredPriorities: declared, calendar: calendar)
            let placement = PhasePlacement(order, state: &state, index: index, facts: facts, calendar: calendar, capacity: capacity,
                                           hotSeason: hotSeason, rainySeason: rainySeason, peakSeasons: peakSeasons)
            return (scoreOrder, placement)
        }
        let selected = state
        var (scoreOrder, placement) = place(&state)
        // A boost that argues from another action (`Boost.supports`: training staff against ragweed supports the
        // ragweed action) is worth nothing where the roadmap does not keep that action. Which actions are kept
        // depends on the scores, so: the first pass counts every boost; when it leaves out an action that a
        // candidate's boost supports, a second pass plans again from the same selection without those boosts.
        // Two passes at most, whatever the second one finds: dropping a boost can only lower a score, which may
        // free room for the supported action, and counting the boost again would take it back — a loop with no
        // fixed point. The second pass is final: a boost it removed stays removed, and one whose action only the
        // second pass leaves out still counts (the card does not say its reason: `PresentationContext`).
        var unsupported: [(owner: Int, boost: Int)] = []
        for boost in index.supportingBoosts
        where selected.exits[boost.owner] == .none && placement.phaseOf[boost.supported] < 0
            && selected.scores[boost.owner].applies(boost: boost.boost) {
            unsupported.append((boost.owner, boost.boost))
        }
        if !unsupported.isEmpty {
            let lowered = selected.without(unsupported, index: index)
            if Self.keepsEveryComparison(selected, lowered, unsupported.map(\.owner)) {
                // The planner only compares scores (with each other and with `Capacity`'s merits): where the
                // lowered scores compare as before, the second pass would place everything as the first did.
                state = state.without(unsupported, index: index)
            } else {
                state = lowered
                (scoreOrder, placement) = place(&state)
            }
        }

        // The arrays the ranking reads, out of the placement: closures below capture them, not the whole placement.
        let (phaseOf, placedOrder) = (placement.phaseOf, placement.placedOrder)
        // Rank: by phase; inside a phase, prerequisites first, then in the order actions claimed their room.
        // One list of a phase's positions, refilled for each phase.
        var ranked: [Int] = []
        ranked.reserveCapacity(recommendations.count)
        var inPhase: [Int] = []
        inPhase.reserveCapacity(recommendations.count)
        for phase in calendar.phases.indices {
            inPhase.removeAll(keepingCapacity: true)
            for position in index.positionsInIDOrder where phaseOf[position] == phase { inPhase.append(position) }
            ranked += index.graph.order(inPhase) { placedOrder[$0] }
        }
        /// What stands for a prerequisite in the roadmap: itself, or what replaced or excluded it (a diagnostic
        /// that includes the survey it replaced); nil when neither is placed.
        func standIn(_ prerequisite: Int) -> Int? {
            if phaseOf[prerequisite] >= 0 { return prerequisite }
            switch state.exits[prerequisite] {
            case .replaced(let by), .excluded(let by): return phaseOf[by] >= 0 ? by : nil
            default: return nil
            }
        }
        var items: [RoadmapItem] = []
        items.reserveCapacity(top.map { min($0, ranked.count) } ?? ranked.count)
        for (offset, position) in ranked.enumerated() {
            if let top, offset >= top {
                state.exits[position] = .beyondTop
                continue
            }
            // Relations by id, each list built only when it has something to hold.
            let after = index.after[position]
            var prerequisites: [String] = [], assumedPrerequisites: [String] = [], together: [String] = []
            for (slot, prerequisite) in after.enumerated() {
                guard let standing = standIn(prerequisite) else {
                    assumedPrerequisites.append(id(prerequisite))
                    continue
                }
                // Each stand-in once, where it first stands.
                if standing != position, !after[..<slot].contains(where: { standIn($0) == standing }) {
                    prerequisites.append(id(standing))
                }
            }
            for other in index.together[position] where phaseOf[other] >= 0 { together.append(id(other)) }
            items.append(RoadmapItem(
                rank: items.count + 1, recommendation: recommendations[position], score: state.scores[position],
                phaseIndex: phaseOf[position], placement: placement.placement(of: position),
                selection: placement.selection(of: position),
                prerequisites: prerequisites, assumedPrerequisites: assumedPrerequisites, together: together,
                supersedes: state.superseded(by: position).map(id), deadline: placement.deadline(of: position),
                missedDeadline: placement.missedDeadline(of: position), halfUnits: placement.cost(position, phaseOf[position])))
        }
        if top != nil {
            // Relations name only the items `--top` kept.
            let kept = Set(items.map(\.recommendation.id))
            for index in items.indices {
                items[index].together = items[index].together.filter(kept.contains)
                items[index].prerequisites = items[index].prerequisites.filter(kept.contains)
            }
        }

        // Not placed: what applies but did not fit (best merit first), then the rest by reason, then score.
        func reason(_ position: Int) -> LeftOutRecommendation.Reason {
            switch state.exits[position] {
            case .none, .conditionNotMet: .conditionNotMet(state.truths[position])
            case .wrongLevel(let conflict): .wrongLevel(conflict)
            case .replaced(let by): .replaced(by: id(by))
            case .excluded(let by): .excluded(by: id(by))
            case .noCapacity: .noCapacity
            case .methodLimit: .methodLimit(capacity.methodLimit)
            case .deadlineMissed(let month): .deadlineMissed(month)
            case .beyondTop: .beyondTop(top ?? 0)
            }
        }
        // Each entry built once, in its place: the reasons' orders first (by slot of the score order, -1 when
        // placed), then the entries of each order in turn.
        var considerLater: [LeftOutRecommendation] = []
        var leftOut: [LeftOutRecommendation] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: scoreOrder.count) { orders in
            var counts = (considerLater: 0, others: 0)
            for (slot, position) in scoreOrder.enumerated() {
                orders[slot] = state.exits[position] == .none ? -1 : reason(position).order
                if orders[slot] == 0 { counts.considerLater += 1 } else if orders[slot] > 0 { counts.others += 1 }
            }
            considerLater.reserveCapacity(counts.considerLater)
            leftOut.reserveCapacity(counts.others)
            for order in LeftOutRecommendation.Reason.orders {
                for (slot, position) in scoreOrder.enumerated() where orders[slot] == order {
                    let entry = LeftOutRecommendation(recommendation: recommendations[position], reason: reason(position),
                                                      score: state.scores[position])
                    if order == 0 { considerLater.append(entry) } else { leftOut.append(entry) }
                }
            }
        }
        // What gave its place to a better action comes first: it was in the roadmap, and its line says why it is not.
        let given = Set(placement.traded.flatMap(\.given).map(id))
        if !given.isEmpty {
            considerLater = considerLater.filter { given.contains($0.recommendation.id) } + considerLater.filter { !given.contains($0.recommendation.id) }
        }
        return Roadmap(profile: profile, calendar: calendar,
                       capacity: capacity.withEndUnits(givenBack: (placement.endReserveGiven + 1) / 2), hotSeason: hotSeason,
                       rainySeason: rainySeason, peakSeasons: peakSeasons, items: items,
                       considerLater: considerLater, leftOut: leftOut,
                       evaluations: Evaluations(index: index, truths: state.truths, scores: state.scores),
                       halfUnitsLeft: calendar.phases.indices.map(placement.room),
                       tradedPlaces: placement.traded.map { TradedPlace(taker: id($0.taker), given: $0.given.map(id), from: $0.from) },
                       overCapacityHalves: max(0, -placement.free.reduce(0, +)))
    }
}
