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
                needed.add(first: firstPhaseCost(position), later: index.halfUnits[position])
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
                units.add(first: firstPhaseCost(position), later: index.halfUnits[position])
                main.keepLarger(first: firstPhaseCost(position), later: index.halfUnits[position])
                earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
                for prerequisite in index.after[position] { earliest = max(earliest, phaseOf[prerequisite]) }
                // A set kept for its merit weighs its own score and the urgency of the placed actions waiting for
                // it, not that of an action that found no room: the centre de santé with its junior doctors (80)
                // did not take the room of better actions (88, 86, 82) for the unscheduled care (110) that waits
                // for them and stayed out of the roadmap.
                pickMerit = max(pickMerit, order.isPriorityUnit[pick] ? order.merit[position] : placedUrgency(position))
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

    /// `position`'s score, or the urgency of a placed action that waits for it (`after`, directly or not).
    func placedUrgency(_ position: Int) -> Int {
        var urgency = totals[position]
        for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 {
            urgency = max(urgency, placedUrgency(dependent))
        }
        return urgency
    }

    /// Whether a placed foundation waits for `position` (`after`), placed before the last phase: claimed for the
    /// foundation, it overfilled its phase as the foundation would (`placeOnce`).
    func isFoundationPrerequisite(_ position: Int) -> Bool {
        phaseOf[position] >= 0 && phaseOf[position] < calendar.phases.count - 1
            && index.graph.dependents[position].contains { phaseOf[$0] >= 0 && index.isFoundation[$0] }
    }
}

/// Every declared priority has a concrete action in the first year.
extension PhasePlacement {
    /// Each priority the team declared gets a concrete action — neither a method step nor a governance act of the
    /// first months — placed by the end of the first year (the first two phases; only the first for a late start),
    /// when its horizon and its prerequisites allow. When none is there, the best-merit concrete action answering it
    /// takes the place of the least merited action of that year that can move to a later phase: no foundation, no
    /// deadline or season, not the action chosen for another declared priority nor the only first-year action of
    /// one, nothing placed waiting for it, no method step of the first months. The moved action goes to the first
    /// later phase with room and says why (`Placement.yielded`). If nothing can move, the priority waits and page 1
    /// says from when.
    /// In a ceinture of 9,000 inhabitants whose team declared access to care, the welcome of the professionals
    /// who settle (62) in 2027 rather than in 2029–2032, the residents' survey (72) moved to make room for it.
    mutating func servePrioritiesInFirstYear() {
        let early = min(1, review)
        let declared = order.declaredPriorities
        guard declared != 0 else { return }
        // What may move out of the first year (`givers(in: early, …)`): the same for every candidate, none of which is
        // placed there, and for every priority, until one is brought in. Looked for once, when a priority needs it.
        var knownMovable: [Int]?
        // The priorities already served, found in one pass (most profiles: all of them, and nothing else is done),
        // and again after a candidate is brought in.
        var served = firstYearServed(early: early)
        guard declared & ~served != 0 else { return }
        for bit in index.priorityChoices.indices where declared & (UInt64(1) << UInt64(bit)) != 0 {
            let mask = UInt64(1) << UInt64(bit)
            guard served & mask == 0 else { continue }
            // The units holding a concrete action that answers it, placed later or waiting for room, best merit first.
            var candidates: [(unit: Int, position: Int, merit: Int)] = []
            for position in index.positionsInIDOrder where index.serves[position] & mask != 0 && index.isConcrete[position] {
                let unit = order.unitOf[position]
                guard unit >= 0, !candidates.contains(where: { $0.unit == unit }) else { continue }
                let phase = phaseOf[position]
                guard phase > early || (phase < 0 && exits[position] == .noCapacity) else { continue }
                var merit = Int.min
                for slot in order.slots(unit) { merit = max(merit, order.merit[order.members[slot]]) }
                candidates.append((unit, position, merit))
            }
            guard !candidates.isEmpty else { continue }
            let movable = knownMovable ?? givers(in: early, for: -1, early: early)
            knownMovable = movable
            // Nothing can move (most profiles): no candidate can be brought in.
            guard !movable.isEmpty else { continue }
            candidates.sort { ($0.merit, -order.idRankOfFirst($0.unit, index)) > ($1.merit, -order.idRankOfFirst($1.unit, index)) }
            for candidate in candidates
            where bringIntoFirstYear(candidate.unit, answering: candidate.position, priority: bit, early: early, givers: movable) {
                knownMovable = nil
                served = firstYearServed(early: early)
                break
            }
        }
    }

    /// The priorities (bits of `index.priorityChoices`) a concrete action placed by the end of the first year
    /// answers, outside unit `without` when given.
    func firstYearServed(early: Int, without: Int? = nil) -> UInt64 {
        var served = UInt64(0)
        for position in phaseOf.indices where phaseOf[position] >= 0 && phaseOf[position] <= early && index.isConcrete[position]
            && order.unitOf[position] != without {
            served |= index.serves[position]
        }
        return served
    }

    /// Places `unit` in the first year in the room of a less merited action moved to a later phase, one of `movable`
    /// (`givers(in: early, …)`, the least merited first); false when no action can move (the placement is then
    /// unchanged).
    mutating func bringIntoFirstYear(_ unit: Int, answering position: Int, priority bit: Int, early: Int, givers movable: [Int]) -> Bool {
        let slots = order.slots(unit)
        var earliest = 0, needed = Need(), saved: [DeadlineCause] = []
        for slot in slots {
            let member = order.members[slot]
            if index.isFoundation[member] { return false }
            earliest = max(earliest, horizonPhase[index.horizons[member].ordinal])
            for prerequisite in index.after[member] where phaseOf[prerequisite] >= 0 { earliest = max(earliest, phaseOf[prerequisite]) }
            needed.add(first: firstPhaseCost(member), later: index.halfUnits[member])
            saved.append(deadlines[member])
        }
        let wasPlaced = phaseOf[order.first(unit)] >= 0
        // Waiting for room with a deadline: its deadline decided its turn; not brought in here.
        if !wasPlaced, slots.contains(where: { dated(order.members[$0]) }) { return false }
        if !wasPlaced, actionCount + slots.count > Capacity.mostActions { return false }
        guard earliest <= early else { return false }
        // By the end of the first year: the first months are the first decisions' (four places at most), not
        // taken from them.
        for phase in [early] {
            for giver in movable {
                var trial = self
                trial.remove(giver)
                if wasPlaced { trial.remove(unit) }
                guard trial.hasRoom(phase, needed, slots.count) else { continue }
                let reasons: [Cause] = slots.map { slot in
                    let own = trial.ownEarliestPhase(order.members[slot])
                    return phase > own.phase ? .capacity(wanted: own.phase) : own.cause
                }
                trial.settle(unit, in: phase, causes: reasons)
                if wasPlaced { for (slot, deadline) in zip(slots, saved) { trial.deadlines[order.members[slot]] = deadline } }
                guard trial.moveOn(giver, from: phase, after: early, for: position, priority: bit) else { continue }
                // What the moved action was waiting for stays before it; what the priority's action waits for too.
                let ordered = slots.allSatisfy { slot in
                    index.after[order.members[slot]].allSatisfy { trial.phaseOf[$0] <= phase }
                }
                guard ordered else { continue }
                trial.servedFor[position] = bit
                self = trial
                return true
            }
        }
        return false
    }

    /// Moves `unit` (taken out of `from`) to a later phase than `after`, making room for `position`: the next phase
    /// when it has room; otherwise the next phase still, when a less merited movable action there can move on in
    /// turn to a phase with room (the school-yard work moved from 2027 stays before the mid-mandate review, in time
    /// for the school's programme, and the least merited action of that phase goes on); otherwise the first later
    /// phase with room. False when none has room.
    mutating func moveOn(_ unit: Int, from: Int, after: Int, for position: Int, priority: Int) -> Bool {
        let need = need(of: unit), count = order.slots(unit).count, next = after + 1
        guard next < calendar.phases.count else { return false }
        let reasons = order.slots(unit).map { _ in Cause.yielded(from: from, to: position, priority: priority) }
        if hasRoom(next, need, count) {
            settle(unit, in: next, causes: reasons)
            return true
        }
        let merit = order.slots(unit).map { order.merit[order.members[$0]] }.max() ?? Int.min
        for other in givers(in: next, for: unit, early: after) {
            guard order.slots(other).map({ order.merit[order.members[$0]] }).max() ?? Int.min <= merit else { continue }
            var trial = self
            trial.remove(other)
            guard trial.hasRoom(next, need, count) else { continue }
            trial.settle(unit, in: next, causes: reasons)
            let otherNeed = trial.need(of: other)
            guard let later = ((next + 1)..<calendar.phases.count).first(where: { trial.hasRoom($0, otherNeed, order.slots(other).count) })
            else { continue }
            // It makes room for the action moved on, not for the priority's: no priority to name.
            trial.settle(other, in: later, causes: order.slots(other).map { _ in .yielded(from: next, to: order.first(unit), priority: -1) })
            self = trial
            return true
        }
        guard let later = ((next + 1)..<calendar.phases.count).first(where: { hasRoom($0, need, count) }) else { return false }
        // Never past a less merited action kept for its score alone in the phases it skips: merit comes first.
        let skipsWeaker = (0..<order.unitCount).contains { other in
            let phase = phaseOf[order.first(other)]
            return (next..<later).contains(phase) && order.slots(other).allSatisfy { slot in
                order.isByMerit(order.members[slot]) && order.merit[order.members[slot]] < merit
            }
        }
        guard !skipsWeaker else { return false }
        settle(unit, in: later, causes: reasons)
        return true
    }

    /// What `unit` takes of each phase, its members together.
    func need(of unit: Int) -> Need {
        var need = Need()
        for slot in order.slots(unit) {
            need.add(first: firstPhaseCost(order.members[slot]), later: index.halfUnits[order.members[slot]])
        }
        return need
    }

    /// The placed units of `phase` that may move to a later phase for `unit`, the least merited first.
    func givers(in phase: Int, for unit: Int, early: Int) -> [Int] {
        var givers: [(unit: Int, merit: Int)] = []
        for other in 0..<order.unitCount where other != unit && !order.isPriorityUnit[other] && phaseOf[order.first(other)] == phase {
            var merit = Int.min, movable = true, serves = UInt64(0)
            for slot in order.slots(other) {
                let member = order.members[slot]
                merit = max(merit, order.merit[member])
                serves |= index.serves[member]
                let isEarlyMethod = PlanningWindow.isEarlyMethod(isMethod: index.isMethod[member], isFoundation: index.isFoundation[member],
                                                                 horizon: index.horizons[member])
                if index.isFoundation[member] || dated(member) || isEarlyMethod
                    || index.graph.dependents[member].contains(where: { phaseOf[$0] >= 0 }) {
                    movable = false
                }
                if case .none = deadlines[member] {} else { movable = false }
            }
            // Nor the only first-year action of another declared priority.
            let others = serves & order.declaredPriorities
            if movable, others != 0, others & ~firstYearServed(early: early, without: other) != 0 { movable = false }
            if movable { givers.append((other, merit)) }
        }
        givers.sort { ($0.merit, -$0.unit) < ($1.merit, -$1.unit) }
        return givers.map(\.unit)
    }

    /// Puts `unit` in `phase` (room checked by the caller), each member (in `order.members`) with its cause.
    mutating func settle(_ unit: Int, in phase: Int, causes reasons: [Cause]) {
        let slots = order.slots(unit)
        if phase == 0 { firstPhaseCount += slots.count }
        actionCount += slots.count
        for slot in slots {
            let member = order.rankedMembers[slot]
            free[phase] -= cost(member, phase)
            if index.isMethod[member] { methodCount += 1 }
            placedOrder[member] = placedCount
            placedCount += 1
        }
        for slot in slots {
            let member = order.members[slot]
            phaseOf[member] = phase
            deadlines[member] = .none
            exits[member] = .none
        }
        for (slot, reason) in zip(slots, reasons) { causes[order.members[slot]] = reason }
    }
}

/// Every declared priority has a concrete action started by the mid-mandate review when one can.
extension PhasePlacement {
    /// A declared priority whose concrete actions all start after the mid-mandate review (a prerequisite held its
    /// action out of the first year, and the review's phase was full when it claimed) gets its best-merit one, alone
    /// in its unit and held by nothing placed, started in the review's phase when that phase holds it under its
    /// ceiling: it borrows from the end of the mandate what that phase then carries beyond its capacity, and the
    /// mandate's total does not change. The last phase keeps a new action (the move is not made otherwise). In a ZIP
    /// commune of French Guiana of 14,000 inhabitants whose team declared access to care, the CPTS (97, light), which
    /// draws on the shared diagnostic of 2028, starts beside it in 2028 instead of April 2029.
    /// Not while an action that missed its deadline waits after the review. Cost: one pass over the positions per
    /// declared priority, only when one has nothing by the review.
    mutating func startPrioritiesByReview() {
        let last = calendar.phases.count - 1
        let declared = order.declaredPriorities
        guard declared != 0, review >= 1, review < last else { return }
        var served = UInt64(0)
        for position in phaseOf.indices where phaseOf[position] >= 0 && phaseOf[position] <= review && index.isConcrete[position] {
            served |= index.serves[position]
        }
        guard declared & ~served != 0 else { return }
        // An action due by the review that could not meet its deadline goes first: the review's phase is not
        // overfilled for a priority while it waits past its date.
        for unit in 0..<order.unitCount where (deferred[unit] || grace[unit] > 0) && phaseOf[order.first(unit)] > review { return }
        for bit in index.priorityChoices.indices where declared & (UInt64(1) << UInt64(bit)) != 0 {
            let mask = UInt64(1) << UInt64(bit)
            guard served & mask == 0 else { continue }
            var best: (position: Int, cause: Cause)?
            for position in index.positionsInIDOrder where index.serves[position] & mask != 0 && index.isConcrete[position]
                && phaseOf[position] > review {
                let unit = order.unitOf[position]
                guard unit >= 0, order.slots(unit).count == 1, !index.isFoundation[position], !deferred[unit], grace[unit] == 0,
                      best.map({ order.merit[position] > order.merit[$0.position] }) ?? true,
                      usedHalves(review) + cost(position, review) <= ceiling(review) else { continue }
                let (own, cause) = ownEarliestPhase(position)
                guard own <= review, !index.graph.dependents[position].contains(where: { phaseOf[$0] >= 0 && phaseOf[$0] < review })
                else { continue }
                // Its deadline, if any, is later than the review: it still meets it.
                if case .season = deadlines[position] { continue }
                if case .underway = deadlines[position] { continue }
                best = (position, review > own ? .capacity(wanted: own) : cause)
            }
            guard let (position, cause) = best else { continue }
            let from = phaseOf[position]
            // The last phase keeps a new action.
            guard from != last || phaseOf.indices.contains(where: { $0 != position && phaseOf[$0] == last }) else { continue }
            free[from] += cost(position, from)
            free[review] -= cost(position, review)
            phaseOf[position] = review
            causes[position] = cause
            servedFor[position] = bit
            served |= index.serves[position]
        }
    }
}
