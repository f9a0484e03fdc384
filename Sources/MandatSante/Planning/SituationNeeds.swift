import RuleKit

/// Which situations of the territory each action's condition needs: a fact the profile states, not at its default,
/// not an asset the roadmap builds on (an MSP, a CPTS), and not its size, its kind or the team's own choices
/// (`PlanningIndex.situationSlots`), without which the condition no longer holds. The CPTS emergence in an
/// 18,000-inhabitant commune applies by its size whatever the specialists: it does not need `specialistShortage`,
/// one of eight clauses of the access-to-care need it also reads. The team's declared priorities are set aside first:
/// a condition that holds only by them answers them, not a situation, and needs none of the facts it reads (La
/// Réunion's isolated seniors' visits, held by the « cohésion sociale » priority where 5.5 % of the residents are 75
/// or over, do not answer that share; the priority has its own rules).
///
/// The merit stage asks it for every holder about to give its place and for every placed action that might answer
/// the same situation (`PhasePlacement.isOnlyAnswer`). As the profile does not change during a plan, each action's
/// answer is found once, the first time it is asked, and every trial copy of the placement shares the memo (a class).
final class SituationNeeds {
    private let index: PlanningIndex
    private let facts: FactValues
    /// The profile's facts with the team's priorities at their default, and a copy of them with one fact at its
    /// default while a condition is evaluated: made at the first question (most plans never ask one).
    private var situation: (facts: FactValues, probe: FactValues)?
    private var found: [Int: [Int]] = [:]

    init(index: PlanningIndex, facts: FactValues) {
        self.index = index
        self.facts = facts
    }

    /// The slots of the situations `position`'s condition needs, in name order.
    func slots(of position: Int) -> [Int] {
        if let known = found[position] { return known }
        let vocabulary = index.vocabulary
        let stated = index.situationSlots[position].filter { slot in
            guard let value = facts[slot] else { return false }
            return value != vocabulary.facts[slot].defaultValue && !vocabulary.facts[slot].isAsset(value)
        }
        var needed: [Int] = []
        if !stated.isEmpty {
            // Taken out of the memo while the probe changes, so that its values are not copied (copy on write).
            var state = self.situation ?? Self.situation(of: facts, in: vocabulary)
            self.situation = nil
            let condition = index.recommendations[position].condition
            if condition.evaluate(state.facts) == .true {
                for slot in stated {
                    state.probe[slot] = vocabulary.facts[slot].defaultValue
                    if condition.evaluate(state.probe) != .true { needed.append(slot) }
                    state.probe[slot] = state.facts[slot]
                }
            }
            self.situation = state
        }
        found[position] = needed
        return needed
    }

    private static func situation(of facts: FactValues, in vocabulary: Vocabulary) -> (facts: FactValues, probe: FactValues) {
        var situation = facts
        if let priorities = vocabulary.slot(of: vocabulary.factName(.priorities)) {
            situation[priorities] = vocabulary.facts[priorities].defaultValue
        }
        return (situation, situation)
    }
}
