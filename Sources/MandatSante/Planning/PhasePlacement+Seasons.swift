import RuleKit

/// The second placement: once merit has settled what is in, when it goes is settled again so that seasonal
/// work is ready for the first season the same actions allow.
extension PhasePlacement {
    /// Merit settled which actions are in; when they go is settled again with the foundations first, then
    /// what has a seasonal deadline, then the others in their order, so that a seasonal action gets the earliest
    /// season the same actions allow. If that order cannot hold them all, the first placement stands.
    mutating func placeSeasonsFirst() {
        // Each placed unit's turn: 0 with a foundation or in the first phase, 1 with a seasonal deadline, 2
        // otherwise; -1 when not placed. What merit put among the first decisions stays there: a season does not
        // push a better quick action to the end of the mandate. A stated deadline only bounds the phase: it needs
        // no earlier turn.
        var turn = [Int](repeating: -1, count: order.unitCount)
        var anyDated = false
        for unit in 0..<order.unitCount where phaseOf[order.first(unit)] >= 0 {
            var goesFirst = phaseOf[order.first(unit)] == 0, hasDeadline = false
            for slot in order.slots(unit) {
                goesFirst = goesFirst || index.isFoundation[order.members[slot]]
                switch statedDeadline(order.members[slot]) {
                case .beforeHotSeason?, .beforePeakSeason?: hasDeadline = true
                case .before?, .byHorizon?, .duringPeakSeason?, nil: break
                }
            }
            turn[unit] = goesFirst ? 0 : hasDeadline ? 1 : 2
            anyDated = anyDated || turn[unit] == 1
        }
        guard anyDated else { return }
        let first = self
        var kept: [Int] = []
        kept.reserveCapacity(order.unitCount)
        for wanted in 0...2 {
            for unit in sequence where turn[unit] == wanted { kept.append(unit) }
        }
        for unit in kept { remove(unit) }
        for unit in claimed.indices { claimed[unit] = false }
        // As in the first placement, a unit's kept prerequisites take their room before it.
        for unit in kept where !replace(unit, placedFirst: first.phaseOf) {
            self = first
            return
        }
        if !keepsPrioritiesEarly(as: first) { self = first }
    }

    /// Places `unit` again in the second placement, its prerequisites placed in the first one before it.
    mutating func replace(_ unit: Int, placedFirst: [Int]) -> Bool {
        guard !claimed[unit] else { return true }
        claimed[unit] = true
        for slot in order.slots(unit) {
            for prerequisite in index.after[order.members[slot]] where order.unitOf[prerequisite] >= 0 && placedFirst[prerequisite] >= 0 {
                guard replace(order.unitOf[prerequisite], placedFirst: placedFirst) else { return false }
            }
        }
        return place(unit)
    }
}
