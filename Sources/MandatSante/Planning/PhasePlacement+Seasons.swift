import RuleKit

/// The second placement: once merit has settled what is in, when it goes is settled again so that seasonal
/// work is ready for the first season the same actions allow.
extension PhasePlacement {
    /// Merit settled which actions are in; when they go is settled again with the foundations first, then
    /// what has a seasonal deadline, then the others in their order, so that a seasonal action gets the earliest
    /// season the same actions allow; what that frees is claimed by what waits (`claimRoomLeft`). If that order
    /// cannot hold them all, pushes a priority's action later or empties the last phase the first placement gave a
    /// new action (the set the seasonal action went ahead of borrowing its room), the first placement stands.
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
                case .beforeHotSeason?, .beforeRainySeason?, .beforePeakSeason?: hasDeadline = true
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
        // What the seasons moved leaves room for what waits; the last years keep the new action they had.
        claimRoomLeft()
        let last = calendar.phases.count - 1
        if !keepsPrioritiesEarly(as: first) || (first.phaseOf.contains(last) && !phaseOf.contains(last)) { self = first }
    }

    /// Places `unit` again in the second placement, its prerequisites placed in the first one before it.
    mutating func replace(_ unit: Int, placedFirst: [Int]) -> Bool {
        guard !claimed[unit] else { return true }
        claimed[unit] = true
        let pullsForFoundation = order.slots(unit).contains { index.isFoundation[order.members[$0]] }
        if pullsForFoundation { foundationPulls += 1 }
        for slot in order.slots(unit) {
            for prerequisite in index.after[order.members[slot]] where order.unitOf[prerequisite] >= 0 && placedFirst[prerequisite] >= 0 {
                guard replace(order.unitOf[prerequisite], placedFirst: placedFirst) else {
                    if pullsForFoundation { foundationPulls -= 1 }
                    return false
                }
            }
        }
        if pullsForFoundation { foundationPulls -= 1 }
        return place(unit)
    }

    /// What the later stages left free is claimed again by what waits for room, in claim order. The second
    /// placement moves seasonal work earlier and what it displaces follows it, a unit given back by a claim ahead or
    /// evicted for a priority leaves its room: without this, a phase (the last years of the mandate, most often)
    /// could keep room for a new action while an action « à envisager ensuite » could start there. Only units that
    /// found no room claim again, and never a pressing situation's (its deadline decided its turn).
    mutating func claimRoomLeft() {
        // Most plans leave no phase with room for a light action: nothing to try.
        guard free.indices.contains(where: { room($0) >= ($0 == 0 ? 1 : 2) && ($0 > 0 || firstPhaseCount < Capacity.firstPhaseActions) })
        else { return }
        for unit in sequence where phaseOf[order.first(unit)] < 0 && exits[order.first(unit)] == .noCapacity
            && (!isPressing(unit) || deferred[unit]) {
            // A unit that still finds no room keeps the reason it had.
            if !placeOnce(unit) { for slot in order.slots(unit) { exits[order.members[slot]] = .noCapacity } }
        }
    }
}
