import RuleKit

/// The first placement: each unit claims room in claim order, pulling in its prerequisites, and gives them
/// back when it finds none.
extension PhasePlacement {
    /// A unit claims room after the units of its prerequisites have claimed theirs: an action is not placed
    /// before what it needs, which would leave no room for that. When the action then finds no room, what it
    /// pulled in (placed or not) is given back and claims again at its own turn, which comes later: had it
    /// come, the unit would have been claimed already.
    mutating func claim(_ unit: Int) {
        guard !claimed[unit] else { return }
        claimed[unit] = true
        let mark = claimLog.count
        let pullsForFoundation = order.slots(unit).contains { index.isFoundation[order.members[$0]] }
        if pullsForFoundation { foundationPulls += 1 }
        for slot in order.slots(unit) {
            for prerequisite in index.after[order.members[slot]] where order.unitOf[prerequisite] >= 0 {
                claim(order.unitOf[prerequisite])
            }
        }
        if pullsForFoundation { foundationPulls -= 1 }
        if !place(unit) {
            for entry in mark..<claimLog.count {
                remove(claimLog[entry])
                claimed[claimLog[entry]] = false
            }
            claimLog.removeSubrange(mark...)
        }
        claimLog.append(unit)
    }

    /// Back to the state before any claim (without keeping a copy of it for every plan: few plans need it).
    mutating func unclaimAll() {
        for unit in 0..<order.unitCount {
            for slot in order.slots(unit) {
                let position = order.members[slot]
                phaseOf[position] = -1
                deadlines[position] = .none
                placedOrder[position] = Int.max
                causes[position] = .horizon
                exits[position] = .none
            }
            claimed[unit] = false
        }
        free = capacityHalves
        endReserveGiven = 0
        methodCount = 0
        firstPhaseCount = 0
        actionCount = 0
        placedCount = 0
        claimLog.removeAll(keepingCapacity: true)
    }

    /// Takes a placed unit out of its phase: it is a candidate again.
    mutating func remove(_ unit: Int) {
        let phase = phaseOf[order.first(unit)]
        guard phase >= 0 else { return }
        if phase == 0 { firstPhaseCount -= order.slots(unit).count }
        actionCount -= order.slots(unit).count
        for slot in order.slots(unit) {
            let position = order.members[slot]
            free[phase] += cost(position, phase)
            if index.isMethod[position] { methodCount -= 1 }
            phaseOf[position] = -1
            causes[position] = .horizon
            deadlines[position] = .none
            placedOrder[position] = Int.max
            exits[position] = .none
        }
    }

    /// Places `unit`; false when it found no room (its members' exits then say why). A pressing situation is
    /// better served late than not at all: with no room before its deadline, it takes its merit's place without
    /// it (then postponed by capacity), and may still claim a place before it (`claimBeforeDeadlines`). So is any
    /// action due by a phase of the mandate: at its merit's turn, it takes the earliest phase after its deadline
    /// with room rather than wait « à envisager ensuite » while less merited actions take that phase.
    @discardableResult
    mutating func place(_ unit: Int) -> Bool {
        if placeOnce(unit) { return true }
        guard !late[unit], !deferred[unit] else { return false }
        if isPressing(unit) {
            deferred[unit] = true
            return placeOnce(unit)
        }
        guard grace[unit] == 0, isDueByPhase(unit) else { return false }
        grace[unit] = calendar.phases.count
        if placeOnce(unit) { return true }
        grace[unit] = 0
        return false
    }

    /// The earliest phase `position` may take on its own, and why: its horizon's (the next phase for a weak action
    /// of the first months, `startsAfterFirstPhase`), or the later one a placed prerequisite sets.
    func ownEarliestPhase(_ position: Int) -> (phase: Int, cause: Cause) {
        var phase = horizonEarliest(position)
        if phase == 0, startsAfterFirstPhase(position) { phase = 1 }
        var cause = Cause.horizon
        for prerequisite in index.after[position] where phaseOf[prerequisite] > phase {
            phase = phaseOf[prerequisite]
            cause = .prerequisite(prerequisite)
        }
        return (phase, cause)
    }

    /// Whether `position` is an action kept for its merit alone whose merit is too low for one of the first
    /// quarter's four places (`Capacity.firstPhaseMerit`): no foundation, no deadline or season, not the action
    /// of a declared priority, alone in its unit (no `together` companion) and not as urgent as a better action
    /// waiting for it (its merit, `ClaimOrder.merit`, is then that action's). It starts in the next phase: the
    /// first months are those of the decisions that found the mandate and of its best quick acts, not of a
    /// weak letter (the « zones rouges » check, 45 to 65, ahead of better actions in an agglomeration of 90,000).
    func startsAfterFirstPhase(_ position: Int) -> Bool {
        let unit = order.unitOf[position]
        return unit >= 0 && order.isByMerit(position) && !order.isPriorityUnit[unit] && order.slots(unit).count == 1
            && Capacity.waitsPastFirstPhase(merit: order.merit[position], isFoundation: index.isFoundation[position], isDated: index.isDated[position])
    }

    mutating func placeOnce(_ unit: Int) -> Bool {
        let slots = order.slots(unit)
        var methodMembers = 0, isFoundation = false, units = Need(), main = Need()
        for slot in slots {
            let position = order.members[slot]
            if index.isMethod[position] { methodMembers += 1 }
            if index.isFoundation[position] { isFoundation = true }
            units.add(first: firstPhaseCost(position), later: index.halfUnits[position])
            main.keepLarger(first: firstPhaseCost(position), later: index.halfUnits[position])
        }
        if methodMembers > 0, !isFoundation, methodCount + methodMembers > methodLimit {
            for slot in slots { exits[order.members[slot]] = .methodLimit }
            return false
        }
        // The roadmap is full whatever the room left: what comes later waits (a foundation does not fall off).
        if !isFoundation, actionCount + slots.count > Capacity.mostActions {
            for slot in slots { exits[order.members[slot]] = .noCapacity }
            return false
        }
        // The earliest phase: each member's horizon, after its placed prerequisites; the unit waits for the
        // latest of its members. The latest: before any placed action that waits for a member.
        var earliest = 0
        var latest = calendar.phases.count - 1
        var setter = order.first(unit)
        for slot in slots {
            let position = order.members[slot]
            let (phase, cause) = ownEarliestPhase(position)
            for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 {
                latest = min(latest, phaseOf[dependent])
            }
            if PlanningWindow.isEarlyMethod(isMethod: index.isMethod[position], isFoundation: index.isFoundation[position],
                                            horizon: index.horizons[position]) {
                latest = min(latest, horizonPhase[index.horizons[position].ordinal])
            }
            ownEarliest[position] = phase
            causes[position] = cause
            if phase > earliest {
                earliest = phase
                setter = position
            }
        }
        // Actions that go together may overfill a phase by their companions' effort when no phase can hold
        // them all, or none before the mid-mandate review: they are one project, and a CLS is not dropped because
        // its coordinator does not fit, nor the MSP's consolidation put off to the end of the mandate because the
        // junior doctors it will host do not fit beside it. A team priority's action is a first decision: with
        // its companions, it takes the earliest phase where it fits itself, they overfilling that phase (the
        // municipal centre de santé consolidated in 2027 with the junior doctors it will supervise, rather than
        // both a phase later behind actions of lower rank).
        var found = findPhase(slots, units: units, earliest: earliest, latest: latest, late: late[unit])
        if slots.count > 1, found.map({ $0.0 > review }) ?? true {
            found = findPhase(slots, units: main, earliest: earliest, latest: min(latest, review), late: late[unit])
                ?? found ?? findPhase(slots, units: main, earliest: earliest, latest: latest, late: late[unit])
        } else if slots.count > 1, order.isPriorityUnit[unit], let (phase, _) = found, phase > earliest {
            found = findPhase(slots, units: main, earliest: earliest, latest: phase - 1, late: late[unit]) ?? found
        }
        // A team priority's action is served within the first two phases when its horizon allows: with no room
        // there, it overfills the earliest phase it can take, borrowing from the next ones what they have left
        // up to the mid-mandate review (the élus' first priority, the CLSM, beside the CLS in 2027 rather than
        // in 2029). What the mandate can carry by the review does not grow: the priority comes first within it.
        // A heavy project (more than a medium action's two units) waits for room: pulled ahead, it would push
        // out of the first years several lighter actions (the school-yard work written with the school's EIS).
        let early = min(1, review)
        if order.isPriorityUnit[unit], !isFoundation, earliest <= early, units.later <= 4, found.map({ $0.0 > early }) ?? true,
           let (phase, deadline) = findPhase(slots, units: Need.anyRoom, earliest: earliest, latest: min(latest, early), late: false) {
            free[phase] -= units.at(phase)
            if room(review) >= 0 { found = (phase, deadline) }
            free[phase] += units.at(phase)
        }
        // A foundation of the mandate does not fall off: with no room anywhere, it overfills the earliest phase
        // its relations and deadline allow, which takes the excess from the next ones.
        // So does a foundation's prerequisite claimed for it, and it takes the earliest phase: what the foundation
        // needs first does not wait a phase more than the foundation would (the diagnostic its coordinator leads
        // before the CLS is signed). The foundation itself then takes the first phase with room after them: with
        // the coordinator and the diagnostic filling 2027, the CLS is signed in 2028 rather than pushing out of
        // 2027 a seasonal action due before the next hivernage. Never in the last phase: a team starting late does
        // not carry all that in its last months.
        // It overfills only by the foundations' effort: beside the foundations placed there, the phase holds it
        // within the team's capacity. A small team's seven months do not carry the coordinator, the diagnostic
        // and the CLS together: the diagnostic then waits for the next phase with room, and the CLS comes with
        // it (a phase of one unit held ten half-units, and its excess emptied the end of the mandate).
        let beforeLast = calendar.phases.count - 2
        if foundationPulls > 0, !isFoundation, earliest <= beforeLast {
            let bound = min(latest, beforeLast, (found?.0 ?? Int.max) - 1)
            var phase = earliest
            while phase <= bound {
                if free[phase] + foundationHalves(inPhase: phase) >= units.at(phase),
                   let (taken, deadline) = findPhase(slots, units: Need.anyRoom, earliest: phase, latest: phase, late: late[unit]) {
                    found = (taken, deadline)
                    break
                }
                phase += 1
            }
        }
        if found == nil, isFoundation || borrows[unit] {
            found = findPhase(slots, units: Need.anyRoom, earliest: earliest, latest: latest, late: late[unit])
            // A pressing situation borrows only what the mandate has left, and not the last phase's last unit:
            // the end of the mandate keeps room for a new action. What the first phase's floor took from the
            // end is given back to it first (`Capacity.endReserve`).
            if !isFoundation, let (phase, _) = found {
                let last = calendar.phases.count - 1
                let kept = min(2, max(0, room(last)))
                free[phase] -= units.at(phase)
                let returned = returnEndReserveIfBorrowed(bounded: true)
                if room(last) < kept {
                    found = nil
                    if returned { free[last] -= endReserveGiven; endReserveGiven = 0 }
                }
                free[phase] += units.at(phase)
            }
        }
        guard let (phase, deadline) = found else {
            var missed: YearMonth?
            // Past or too close for every phase before it: the month is missed. A horizon's phase always exists:
            // what did not fit there is « à envisager ensuite » like any action without room.
            for slot in slots where missed == nil {
                if case .before(let month, _)? = statedDeadline(order.members[slot]) { missed = month }
            }
            for slot in slots { exits[order.members[slot]] = missed.map { .deadlineMissed($0) } ?? .noCapacity }
            return false
        }
        free[phase] -= units.at(phase)
        if phase < free.count - 1 { returnEndReserveIfBorrowed() }
        if phase == 0 { firstPhaseCount += slots.count }
        actionCount += slots.count
        methodCount += methodMembers
        for slot in slots {
            placedOrder[order.rankedMembers[slot]] = placedCount
            placedCount += 1
        }
        for slot in slots {
            let position = order.members[slot]
            phaseOf[position] = phase
            deadlines[position] = dated(position) ? deadline : .none
            // Each member of a set meets its own stated deadline, not its companion's (the junior doctors due by
            // December 2027, the MSP they join by March 2029); placed past the unit's earliest deadline (given grace,
            // or a pressing unit deferred), a member whose own deadline is later still meets it.
            let restoring = !dated(position) && situational(position)
            if dated(position) || restoring, let bound = statedBound(position, restoring: restoring), let own = bound.phase, own >= phase {
                switch deadline {
                case .none, .stated: deadlines[position] = .stated(bound.month, by: position)
                case .season, .underway: break
                }
            }
            if phase > earliest {
                causes[position] = .capacity(wanted: earliest)
            } else if earliest > ownEarliest[position] {
                causes[position] = .together(setter)
            }
            exits[position] = .none
        }
        return true
    }
}

extension PhasePlacement {
    /// Half-units the foundations placed in `phase` take of it: what a foundation's prerequisite claimed for it
    /// may overfill that phase by.
    func foundationHalves(inPhase phase: Int) -> Int {
        var halves = 0
        for position in phaseOf.indices where phaseOf[position] == phase && index.isFoundation[position] {
            halves += cost(position, phase)
        }
        return halves
    }
}
