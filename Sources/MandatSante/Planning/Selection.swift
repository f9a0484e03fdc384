import RuleKit

/// Stage 1 of planning: which recommendations apply to the profile, at its level of government, and their
/// scores.
enum Selection {
    static func select(_ facts: FactValues, index: PlanningIndex) -> PlanningState {
        let count = index.recommendations.count
        // The first `count` truths are the recommendations' conditions, the others their boosts'.
        let truths = index.conditions.evaluate(facts)
        let (points, boostRange) = (index.points, index.boostRange)
        var scores: [Score] = []
        var totals: [Int] = []
        scores.reserveCapacity(count)
        totals.reserveCapacity(count)
        for position in 0..<count {
            let score = Score(priority: points[position], boosts: boostRange[position], points: points, truths: truths)
            scores.append(score)
            totals.append(score.total)
        }
        let isCommune = index.slots.isCommune(facts)
        let intercommunalityCarriesHealth = index.slots.intercommunalityCarriesHealth(facts)
        var exits: [PlanningState.Exit] = []
        exits.reserveCapacity(count)
        for position in 0..<count {
            guard truths[position] == .true else {
                exits.append(.conditionNotMet)
                continue
            }
            exits.append(levelConflict(index.carriers[position], isCommune: isCommune,
                                       intercommunalityCarriesHealth: intercommunalityCarriesHealth).map { .wrongLevel($0) } ?? .none)
        }
        return PlanningState(truths: truths, scores: scores, totals: totals, exits: exits)
    }

    /// An intercommunality is not given a communal instrument; a commune whose intercommunality already carries
    /// health is not given what the intercommunality carries (it contributes to it instead).
    static func levelConflict(_ carrier: Carrier, isCommune: Bool?, intercommunalityCarriesHealth: Bool) -> LevelConflict? {
        switch (carrier, isCommune) {
        case (.commune, false?): return .communalInstrument
        case (.intercommunality, true?) where intercommunalityCarriesHealth: return .carriedByIntercommunality
        default: return nil
        }
    }
}
