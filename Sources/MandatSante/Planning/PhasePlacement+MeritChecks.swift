import RuleKit

/// The merit checks: whether a waiting action outranks what holds a phase, or is held out by a weaker one (the
/// merit rule, `PlanningInvariantTests`). Used by the claims ahead for deadlines and by the trades of the merit
/// stage (`PhasePlacement+Merit`).
extension PhasePlacement {
    /// Whether an action « faute de place », of higher merit than `unit` and of its effort or less, could have
    /// started in the phase `unit` holds.
    func outranks(_ unit: Int, merit: Int) -> Bool {
        let phase = phaseOf[order.first(unit)]
        let halves = measure(unit).halves
        return (0..<order.unitCount).contains { other in
            guard other != unit, phaseOf[order.first(other)] < 0, exits[order.first(other)] == .noCapacity else { return false }
            let candidate = measure(other)
            return candidate.merit > merit && candidate.halves <= halves && candidate.earliest <= phase
        }
    }

    /// A unit's effort in half-units, its best merit and the earliest phase all its members may start in.
    private func measure(_ unit: Int) -> (halves: Int, merit: Int, earliest: Int) {
        var halves = 0, merit = Int.min, earliest = 0
        for slot in order.slots(unit) {
            let position = order.members[slot]
            halves += index.halfUnits[position]
            merit = max(merit, order.merit[position])
            earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
        }
        return (halves, merit, earliest)
    }

    /// Whether `unit` (not placed) could have taken the phase of a placed unit of lower merit and of its effort or
    /// more, neither a foundation nor a priority's action (the merit rule's check, `PlanningInvariantTests`).
    func isHeldByWeaker(_ unit: Int) -> Bool {
        isHeldByWeaker(unit, among: 0..<order.unitCount)
    }

    /// `isHeldByWeaker` looking only at the units `others`: when a placement differs from one where `unit` was not
    /// held only by the units that moved, those alone can hold it now (`giveLightRoomToBetter`'s trials).
    func isHeldByWeaker(_ unit: Int, among others: some Sequence<Int>) -> Bool {
        let (halves, merit, earliest) = measure(unit)
        return others.contains { other in
            let phase = phaseOf[order.first(other)]
            guard other != unit, phase >= earliest, !order.isPriorityUnit[other], servedFor[order.first(other)] < 0 else { return false }
            var otherHalves = 0, otherMerit = Int.min
            for slot in order.slots(other) {
                let position = order.members[slot]
                if index.isFoundation[position] { return false }
                otherHalves += index.halfUnits[position]
                otherMerit = max(otherMerit, order.merit[position])
            }
            return otherMerit < merit && otherHalves >= halves
        }
    }
}
