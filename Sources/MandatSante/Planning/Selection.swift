import RuleKit

/// Stage 1 of planning: which recommendations apply to the profile, at its level of government, and their
/// scores.
enum Selection {
    static func select(_ facts: FactValues, index: PlanningIndex) -> PlanningState {
        let count = index.recommendations.count
        // The first `count` truths are the recommendations' conditions, the others their boosts'.
        let truths = index.conditions.evaluate(facts)
        let (points, boostRange) = (index.points, index.boostRange)
        // Arrays filled in place, one element per position (no append to check).
        let scores = [Score](unsafeUninitializedCapacity: count) { buffer, initialized in
            for position in 0..<count {
                buffer.initializeElement(at: position, to: Score(priority: points[position], boosts: boostRange[position],
                                                                 points: points, truths: truths))
            }
            initialized = count
        }
        let totals = [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
            for position in 0..<count { buffer.initializeElement(at: position, to: scores[position].total) }
            initialized = count
        }
        let isCommune = index.slots.isCommune(facts)
        let intercommunalityCarriesHealth = index.slots.intercommunalityCarriesHealth(facts)
        let exits = [PlanningState.Exit](unsafeUninitializedCapacity: count) { buffer, initialized in
            for position in 0..<count {
                // A pattern rather than `!=`, as in `Score`: no call into RuleKit for every position.
                guard case .true = truths[position] else {
                    buffer.initializeElement(at: position, to: .conditionNotMet)
                    continue
                }
                let exit: PlanningState.Exit = if let conflict = levelConflict(index.hasCarrierVariants[position]
                                                          ? index.recommendations[position].carrier(for: facts).carrier : index.carriers[position],
                                                       isCommune: isCommune,
                                                       intercommunalityCarriesHealth: intercommunalityCarriesHealth) {
                    .wrongLevel(conflict)
                } else {
                    .none
                }
                buffer.initializeElement(at: position, to: exit)
            }
            initialized = count
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
