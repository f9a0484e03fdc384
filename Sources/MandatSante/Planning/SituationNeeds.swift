import RuleKit

/// Which situations of the territory each action's condition needs (`Condition.needs`): a fact the profile states,
/// not at its default, not an asset the roadmap builds on, and not its size, kind or the team's choices (`PlanningIndex.situationSlots`). The merit stage
/// asks it for every holder about to give its place and for every placed action that might answer the same
/// situation (`PhasePlacement.isOnlyAnswer`); as the profile does not change during a plan, each action's answer is
/// found once, the first time it is asked, and every trial copy of the placement shares the memo (a class).
final class SituationNeeds {
    private let index: PlanningIndex
    private let facts: FactValues
    private var found: [[Int]?]

    init(index: PlanningIndex, facts: FactValues) {
        self.index = index
        self.facts = facts
        found = [[Int]?](repeating: nil, count: index.recommendations.count)
    }

    /// The slots of the situations `position`'s condition needs, in name order.
    func slots(of position: Int) -> [Int] {
        if let known = found[position] { return known }
        let vocabulary = index.vocabulary
        let condition = index.recommendations[position].condition
        let slots = index.situationSlots[position].filter { slot in
            let fact = vocabulary.facts[slot]
            guard let value = facts[slot], value != fact.defaultValue, !fact.isAsset(value) else { return false }
            return condition.needs(fact.name, in: facts, vocabulary: vocabulary)
        }
        found[position] = slots
        return slots
    }
}
