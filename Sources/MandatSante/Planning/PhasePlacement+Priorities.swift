import RuleKit

/// The team's declared priorities: room made for a priority's action that found none, and kept by the
/// mid-mandate review.
extension PhasePlacement {
    /// Whether every declared priority's action that `earlier` placed by the mid-mandate review still is, and one
    /// it placed in the first two phases still is there.
    func keepsPrioritiesEarly(as earlier: PhasePlacement) -> Bool {
        (0..<order.unitCount).allSatisfy { unit in
            guard order.isPriorityUnit[unit] else { return true }
            let was = earlier.phaseOf[order.first(unit)], now = phaseOf[order.first(unit)]
            return was < 0 || was > review || (0...max(was, min(1, review))).contains(now)
        }
    }

    /// A declared priority's action that found no room takes the place of the least merited placed unit of
    /// lower merit — neither a foundation, nor another priority's action, nor the prerequisite of a placed
    /// action — whose phase it may use and whose room is enough.
    mutating func makeRoomForDeclaredPriorities() {
        for pick in 0..<order.unitCount where order.isPriorityUnit[pick] {
            guard phaseOf[order.first(pick)] < 0, exits[order.first(pick)] == .noCapacity else { continue }
            var needed = Need(), earliest = 0, pickMerit = Int.min
            for slot in order.slots(pick) {
                let position = order.members[slot]
                needed.add(first: index.firstPhaseHalfUnits[position], later: index.halfUnits[position])
                earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
                pickMerit = max(pickMerit, order.merit[position])
            }
            var evicted: Int?
            for other in stride(from: order.unitCount - 1, through: 0, by: -1) where other != pick && !order.isPriorityUnit[other] {
                let phase = phaseOf[order.first(other)]
                guard phase >= earliest else { continue }
                var roomLeft = room(phase), merit = Int.min, isFree = true
                for slot in order.slots(other) {
                    let position = order.members[slot]
                    roomLeft += cost(position, phase)
                    merit = max(merit, order.merit[position])
                    if index.isFoundation[position] || index.graph.dependents[position].contains(where: { phaseOf[$0] >= 0 }) {
                        isFree = false
                    }
                }
                if isFree, merit < pickMerit, roomLeft >= needed.at(phase) {
                    evicted = other
                    break
                }
            }
            guard let evicted else { continue }
            remove(evicted)
            for slot in order.slots(evicted) { exits[order.members[slot]] = .noCapacity }
            if !place(pick) {
                // Could not use the room after all (a deadline or a relation): give it back.
                place(evicted)
            }
        }
    }
}
