import RuleKit

/// Whether a condition needs a fact as the profile states it: the merit stage does not take out of a roadmap the
/// only action that needs a situation of the territory (`PhasePlacement.isOnlyAnswer`).
extension Condition {
    /// Whether this condition needs the fact `name` as `facts` state it, the team's own choices (its declared
    /// priorities) set aside: with that fact at its default (unstated when it has none), the territory's situation
    /// no longer makes it hold. The CPTS emergence in an 18,000-inhabitant commune applies by its size whatever the
    /// specialists: it does not need `specialistShortage`, one of eight clauses of the access-to-care need it also
    /// reads. A condition that holds only by the team's priorities answers them, not a situation: it needs none of
    /// the facts it reads (La Réunion's isolated seniors' visits, held by the « cohésion sociale » priority where 5.5 %
    /// of the residents are 75 or over, do not answer that share; the priority has its own rules).
    func needs(_ name: String, in facts: FactValues, vocabulary: Vocabulary) -> Bool {
        guard let slot = vocabulary.slot(of: name) else { return false }
        var situation = facts
        if let priorities = vocabulary.slot(of: vocabulary.factName(.priorities)), priorities != slot {
            situation[priorities] = vocabulary.facts[priorities].defaultValue
        }
        guard evaluate(situation) == .true else { return false }
        var changed = situation
        changed[slot] = vocabulary.facts[slot].defaultValue
        guard changed != situation else { return true }
        return evaluate(changed) != .true
    }
}
