import RuleKit

/// What the planner knows of every recommendation for one profile, by position, as the stages fill it in.
struct PlanningState {
    /// The recommendations' conditions, then their boosts', then their deadlines' (see `PlanningIndex.conditions`).
    let truths: [Truth]
    let scores: [Score]
    /// Each score's total, for the stages that only compare scores.
    let totals: [Int]
    /// Why each position is not (or no longer) a candidate; `.none` while it is.
    var exits: [Exit]
    /// What replaced or excluded what, in the order it was decided: a handful per profile, so one short list
    /// rather than a list per position.
    var supersessions: [(winner: Int, loser: Int)] = []

    /// Whether `position` has a deadline for this profile: one it states, whose condition (if any) holds — a
    /// deadline that holds only in some situations is no deadline elsewhere.
    func isDated(_ position: Int, _ index: PlanningIndex) -> Bool {
        index.isDated[position] && (index.deadlineCondition[position] < 0 || truths[index.deadlineCondition[position]] == .true)
    }

    /// The same selection with these boosts no longer counted, each a recommendation's position and the boost's
    /// index among its boosts (a boost whose supported action the roadmap does not keep: `Planner.plan`).
    func without(_ boosts: [(owner: Int, boost: Int)], index: PlanningIndex) -> PlanningState {
        var (scores, totals) = (self.scores, self.totals)
        for (owner, boost) in boosts {
            scores[owner] = scores[owner].without(boosts: [boost], of: index.recommendations[owner])
            totals[owner] = scores[owner].total
        }
        return PlanningState(truths: truths, scores: scores, totals: totals, exits: exits, supersessions: supersessions)
    }

    /// What `position` replaced or excluded, in the order it was decided.
    func superseded(by position: Int) -> [Int] {
        var losers: [Int] = []
        for supersession in supersessions where supersession.winner == position { losers.append(supersession.loser) }
        return losers
    }

    /// Why a position left the roadmap, other positions named by position.
    enum Exit: Equatable {
        case none
        case conditionNotMet
        case wrongLevel(LevelConflict)
        case replaced(by: Int)
        case excluded(by: Int)
        case noCapacity
        case methodLimit
        case deadlineMissed(YearMonth)
        case beyondTop
    }
}
