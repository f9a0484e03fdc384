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
        makeRoomForSets()
    }

    /// A set that found no room — actions that go together, or a declared priority's action — takes the room of
    /// placed units of lower merit when no single one frees enough: in the earliest phase it may take where giving
    /// back the least merited units of that phase and the phases before it, one by one, leaves room for it (for a
    /// set up to the mid-mandate review, room for its largest member: its companions may overfill the phase, as in
    /// `placeOnce`). Never a foundation or a declared priority's action, nor what a placed foundation waits for
    /// before the last phase (the diagnostic its coordinator leads before the CLS is signed);
    /// another prerequisite gives its room at its own score (`after` only orders: the action that waited for it
    /// stands, saying it is to do first or assumed done).
    /// In a bourg of 5,200 inhabitants with one agent, where doctors leave and access to care is a priority, the
    /// MSP consolidated with its junior doctors (95 and 100) before the review, instead of the welcome of
    /// professionals (72) and the residents' survey (67).
    mutating func makeRoomForSets() {
        for pick in 0..<order.unitCount where order.isPriorityUnit[pick] || order.slots(pick).count > 1 {
            guard phaseOf[order.first(pick)] < 0, exits[order.first(pick)] == .noCapacity else { continue }
            var units = Need(), main = Need(), earliest = 0, pickMerit = Int.min
            for slot in order.slots(pick) {
                let position = order.members[slot]
                units.add(first: index.firstPhaseHalfUnits[position], later: index.halfUnits[position])
                main.keepLarger(first: index.firstPhaseHalfUnits[position], later: index.halfUnits[position])
                earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
                for prerequisite in index.after[position] { earliest = max(earliest, phaseOf[prerequisite]) }
                pickMerit = max(pickMerit, order.merit[position])
            }
            let isSet = order.slots(pick).count > 1
            for phase in earliest..<calendar.phases.count {
                let needed = isSet && phase <= review ? main : units
                // The placed units of this phase and the earlier ones (what an earlier phase overfills is taken
                // from this one) that may give their room, the least merited first, the later claimed first among
                // equals.
                var givers: [(unit: Int, merit: Int)] = []
                for other in stride(from: order.unitCount - 1, through: 0, by: -1) where other != pick && !order.isPriorityUnit[other] {
                    let otherPhase = phaseOf[order.first(other)]
                    guard otherPhase >= earliest, otherPhase <= phase else { continue }
                    var merit = Int.min, isFree = true
                    for slot in order.slots(other) {
                        let position = order.members[slot]
                        merit = max(merit, totals[position])
                        if index.isFoundation[position] || isFoundationPrerequisite(position) { isFree = false }
                    }
                    if isFree, merit < pickMerit { givers.append((other, merit)) }
                }
                guard !givers.isEmpty else { continue }
                givers.sort { $0.merit < $1.merit }
                var trial = self
                var given: [Int] = []
                for giver in givers where !trial.hasRoom(phase, needed, order.slots(pick).count) {
                    trial.remove(giver.unit)
                    given.append(giver.unit)
                }
                guard trial.hasRoom(phase, needed, order.slots(pick).count) else { continue }
                for unit in given { for slot in order.slots(unit) { trial.exits[order.members[slot]] = .noCapacity } }
                // Placed with its deadline again when it can now meet it.
                trial.deferred[pick] = false
                guard trial.place(pick) else { continue }
                self = trial
                break
            }
        }
    }

    /// Whether a placed foundation waits for `position` (`after`), placed before the last phase: claimed for the
    /// foundation, it overfilled its phase as the foundation would (`placeOnce`).
    func isFoundationPrerequisite(_ position: Int) -> Bool {
        phaseOf[position] >= 0 && phaseOf[position] < calendar.phases.count - 1
            && index.graph.dependents[position].contains { phaseOf[$0] >= 0 && index.isFoundation[$0] }
    }
}
