import RuleKit

/// A deadline before lighter actions: what closes at a date cannot wait for means that may come back.
extension PhasePlacement {
    /// After the trades of merit before lightness (`giveLightRoomToBetter`). An action « à envisager ensuite » for want
    /// of room whose deadline is a phase of the mandate — alone in its unit, not a method step, no prerequisite waiting —
    /// cannot be taken up later as the others can: past its deadline (the arrêt of the PLU, the design of an urban
    /// renewal's last operations) it serves nothing. When the mandate already carries what cannot wait (foundations,
    /// the team's priorities, dated sets), the trade of merit before lightness, bounded by the mandate's total, finds
    /// it no place; here it takes the place of lighter actions kept for their score alone (undated, neither a
    /// foundation nor a priority's action, nothing placed waiting for them, not the only answer to a situation) that it
    /// outscores by `Capacity.betterBy` points at least, the least scored first, wherever they stand after the first
    /// months, as long as the trade itself adds at most `Capacity.tradeOverrunHalves` to the mandate's load. It starts
    /// in the last phase before its deadline that, once the actions kept for their score alone that may wait have
    /// waited (each to the first later phase that holds it under its ceiling, the least scored first), holds what is
    /// left under its ceiling without it: what overfills that phase is then what cannot wait. Nothing better scored
    /// leaves the roadmap; a better action only starts later. Undone when it breaks merit elsewhere (as
    /// `giveLightRoomToBetter`'s trades), pushes a priority's action later, or leaves the last phase with no new
    /// action. In the rural community of communes, health in the PLUi (98, due before the project's arrêt) starts in
    /// 2028, the mobile clinic (107, light) in April 2029, and the Banque des Territoires' programme (90, light) is
    /// « à envisager ensuite »; in the Réunion commune, health in the urban renewal (85) in 2028 instead of the junior
    /// doctors (80, light, no departures expected).
    mutating func keepDeadlinesOverLighter() {
        let last = calendar.phases.count - 1
        guard last >= 1 else { return }
        var waiting: [Int] = []
        // A light action (one unit) has no lighter action to take the place of after the first months: only a medium
        // or heavy dated one is tried, from the index's short list rather than every position of every roadmap.
        for position in index.datedHeavierActions where phaseOf[position] < 0 {
            let unit = order.unitOf[position]
            guard unit >= 0, order.slots(unit).count == 1, exits[position] == .noCapacity,
                  isDueByPhase(unit),
                  !index.after[position].contains(where: { phaseOf[$0] < 0 && exits[$0] == .noCapacity }) else { continue }
            waiting.append(unit)
        }
        guard !waiting.isEmpty else { return }
        let tolerance = Capacity.tradeOverrunHalves(mandateHalves: capacityHalves.reduce(0, +) + endReserveGiven)
        waiting.sort { (totals[order.first($0)], -$0) > (totals[order.first($1)], -$1) }
        // The actions that may give their place, found once for the stage (again only after a trade): each waiting
        // action keeps those it outscores and that are lighter than it.
        var candidates = scoreOnlyHolders()
        guard !candidates.isEmpty else { return }
        for unit in waiting where phaseOf[order.first(unit)] < 0 && exits[order.first(unit)] == .noCapacity {
            let position = order.first(unit)
            guard let bound = statedBound(position, restoring: situational(position)), let due = bound.phase else { continue }
            let (earliest, ownCause) = ownEarliestPhase(position)
            var latest = due
            for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 { latest = min(latest, phaseOf[dependent]) }
            guard max(earliest, 1) <= latest else { continue }
            // The lighter actions that may give their place, the least scored first: found once for every phase tried,
            // and the trade bounded before any copy — most dated actions left out have too few of them (plan39: the
            // stage cost 2.9 % of planning when each phase tried found them again and copied the placement).
            let score = totals[position], need = index.halfUnits[position]
            var holders: [Int] = [], most = 0
            for other in candidates {
                let member = order.first(other)
                guard totals[member] + Capacity.betterBy <= score else { break }
                let own = index.halfUnits[member]
                guard own < need else { continue }
                holders.append(other)
                most += own
            }
            guard !holders.isEmpty, need - most <= tolerance else { continue }
            // Those that give their place, the least scored first until the trade is within `tolerance`, save the only
            // answer to a situation: they depend on the placement, not on the phase tried, so they are found once.
            var given: [Int] = [], freed = 0
            for holder in holders where need - freed > tolerance {
                let member = order.first(holder)
                guard !isOnlyAnswer(member) else { continue }
                freed += cost(member, phaseOf[member])
                given.append(holder)
            }
            guard !given.isEmpty, need - freed <= tolerance else { continue }
            for phase in stride(from: latest, through: max(earliest, 1), by: -1) where mayHold(need, in: phase) {
                if let trial = keepingDeadline(unit, in: phase, month: bound.month, earliest: earliest, cause: ownCause, tolerance: tolerance,
                                               given: given) {
                    self = trial
                    candidates = scoreOnlyHolders()
                    break
                }
            }
        }
    }

    /// The placed actions kept for their score alone after the first months, alone in their unit, that may give their
    /// place (`isScoreOnly`), the least scored first.
    private func scoreOnlyHolders() -> [Int] {
        var holders: [Int] = []
        // By position, the placement first: most units are not placed after the first months, and a unit's members
        // share its phase.
        for position in phaseOf.indices where phaseOf[position] >= 1 {
            let other = order.unitOf[position]
            guard other >= 0, order.slots(other).count == 1, !order.isPriorityUnit[other], isScoreOnly(other) else { continue }
            // Kept sorted as it fills (the units' order does not matter), as `lightHolders` does: a sort's closure
            // would copy the placement.
            let score = totals[position]
            var at = holders.count
            while at > 0, (totals[order.first(holders[at - 1])], -holders[at - 1]) > (score, -other) { at -= 1 }
            holders.insert(other, at: at)
        }
        return holders
    }

    /// Whether `phase`, once the actions kept for their score alone that may wait have waited, holds what is left under
    /// its ceiling: counted on the placement as it is (the trial does the moves), so that no copy is made for a phase
    /// that cannot take the dated action.
    private func mayHold(_ need: Int, in phase: Int) -> Bool {
        guard phase < calendar.phases.count - 1 else { return true }
        var movable = 0
        for other in 0..<order.unitCount where order.slots(other).count == 1 && !order.isPriorityUnit[other] {
            let member = order.first(other)
            guard phaseOf[member] == phase, isScoreOnly(other) else { continue }
            movable += index.halfUnits[member]
        }
        return usedHalves(phase) - movable <= ceiling(phase)
    }

    /// The placement with `unit` in `phase` by its deadline `month`, in the place of lighter, lower-scored actions, or
    /// nil when the trade cannot be made (see `keepDeadlinesOverLighter`).
    /// `given`: the lighter, lower-scored actions that give their place, the least scored first.
    private func keepingDeadline(_ unit: Int, in phase: Int, month: YearMonth, earliest: Int, cause: Cause, tolerance: Int,
                                 given: [Int]) -> PhasePlacement? {
        let last = calendar.phases.count - 1
        let position = order.first(unit)
        let score = totals[position], need = index.halfUnits[position]
        var trial = self
        for holder in given { trial.remove(holder) }
        trial.settle(unit, in: phase, causes: [phase > earliest ? .capacity(wanted: earliest) : cause])
        trial.deadlines[position] = .stated(month, by: position)
        trial.deferred[unit] = false
        // What may wait in that phase waits, the least scored first, to the first later phase holding it under its ceiling.
        var moved: [Int] = [unit] + given
        while phase < last, trial.usedHalves(phase) > trial.ceiling(phase) {
            var next: (unit: Int, target: Int)?
            for other in 0..<order.unitCount where other != unit && order.slots(other).count == 1 && !order.isPriorityUnit[other] {
                let member = order.first(other)
                guard trial.phaseOf[member] == phase, trial.isScoreOnly(other),
                      !PlanningWindow.isEarlyMethod(isMethod: index.isMethod[member], isFoundation: false, horizon: index.horizons[member]),
                      next.map({ (totals[member], -other) < (totals[order.first($0.unit)], -$0.unit) }) ?? true,
                      let target = ((phase + 1)...last).first(where: { trial.usedHalves($0) + index.halfUnits[member] <= trial.ceiling($0) })
                else { continue }
                next = (other, target)
            }
            guard let (waiting, target) = next else { break }
            let member = order.first(waiting)
            let wanted = trial.ownEarliestPhase(member).phase
            trial.remove(waiting)
            trial.settle(waiting, in: target, causes: [.capacity(wanted: wanted)])
            moved.append(waiting)
        }
        // What overfills the phase is what cannot wait, the dated action included.
        guard phase == last || trial.usedHalves(phase) - need <= trial.ceiling(phase) else { return nil }
        // What gave its place claims the room left, if any; otherwise it waits, saying for what.
        var yielded: [Int] = []
        for other in given where !trial.placeOnce(other) {
            trial.exits[order.first(other)] = .noCapacity
            yielded.append(other)
        }
        // The trade adds at most `tolerance` to the mandate's load; the last phase keeps a new action.
        guard !yielded.isEmpty, free.reduce(0, +) - trial.free.reduce(0, +) <= tolerance,
              !phaseOf.contains(last) || trial.phaseOf.contains(last), trial.keepsPrioritiesEarly(as: self) else { return nil }
        // Merit elsewhere: an action put out is not kept out by a weaker one of its effort or more; no action waiting
        // is now kept out by one that moved; no waiting set better scored than it.
        for other in 0..<order.unitCount where trial.phaseOf[order.first(other)] < 0 && trial.exits[order.first(other)] == .noCapacity {
            if order.slots(other).count > 1, order.slots(other).contains(where: { totals[order.members[$0]] > score }) { return nil }
            if yielded.contains(other) {
                if trial.isHeldByWeaker(other) { return nil }
            } else if !isHeldByWeaker(other), trial.isHeldByWeaker(other, among: moved) {
                return nil
            }
        }
        trial.traded.append((taker: position, given: yielded.map { order.first($0) }, from: yielded.map { phaseOf[order.first($0)] }))
        return trial
    }

    /// Whether `unit`, placed and alone in its unit, is kept for its score alone and may give or change its place:
    /// neither a foundation nor brought in for a priority, undated, not given grace past a deadline nor deferred,
    /// nothing placed waiting for it.
    private func isScoreOnly(_ unit: Int) -> Bool {
        let member = order.first(unit)
        guard order.isByMerit(member), servedFor[member] < 0, !index.isFoundation[member], !dated(member), grace[unit] == 0, !deferred[unit],
              !index.graph.dependents[member].contains(where: { phaseOf[$0] >= 0 }) else { return false }
        if case .none = deadlines[member] { return true }
        return false
    }
}

/// A deadline kept before a priority's action that can start later.
extension PhasePlacement {
    /// After the other trades (`keepDeadlinesOverLighter`). An action due by a month or a phase of the mandate, alone
    /// in its unit, that is placed after its deadline for want of room (`missedDeadline`) takes, in the last phase
    /// before its deadline it may start in, the place of the action chosen for a declared priority that it outscores by
    /// `Capacity.betterBy` points at least — alone in its unit, undated, neither a foundation nor waited for by a
    /// placed action —, the least scored first. That action is not put out: it starts in the first later phase that
    /// holds it as the phase held it before (often the place the dated action leaves), even past the mid-mandate
    /// review; page 1 then says from when the priority is served. A priority's action brings what the team asked for
    /// forward; it does not make a better action miss a date that will not come back (`keepDeadlinesInLighterRoom`
    /// does the same before the review, for a pressing situation, whatever its score). No phase holds more than
    /// before beyond its capacity, the mandate's total does not change, and no action waiting for room is then kept out
    /// by the dated one. In the bourg of the last pharmacy, the secondary office with housing for a doctor (115, due by
    /// March 2029, before the expected departures) starts in January 2028 and transport to care (89, the « mobilités »
    /// priority's action) in April 2029. Cost: one pass over the dated recommendations, a copy only for a trade.
    mutating func keepDeadlinesOverPriorities() {
        guard order.declaredPriorities != 0 else { return }
        let last = calendar.phases.count - 1
        // Again after a trade: one may have brought earlier the prerequisite of an action seen before it (the school's
        // EIS, then its yard). Each dated action is traded for once at most: it then meets its deadline.
        var traded = true
        while traded {
            traded = false
            for position in index.datedByMonthActions where phaseOf[position] > 1 {
                if tradeAheadOfPriority(position, last: last) { traded = true }
            }
        }
    }

    /// `position` in the place of a weaker priority's action before its deadline (`keepDeadlinesOverPriorities`): true
    /// when the trade was made.
    private mutating func tradeAheadOfPriority(_ position: Int, last: Int) -> Bool {
        let unit = order.unitOf[position]
        guard unit >= 0, order.slots(unit).count == 1 else { return false }
        let from = phaseOf[position]
        let restoring = situational(position) && deferred[unit]
        guard dated(position) || restoring, let bound = statedBound(position, restoring: restoring), let due = bound.phase,
              from > due else { return false }
        let (earliest, ownCause) = ownEarliestPhase(position)
        guard earliest <= due else { return false }
        let score = totals[position]
        for phase in stride(from: due, through: max(earliest, 1), by: -1) {
            for holder in priorityHolders(in: phase, for: position) where holder.score + Capacity.betterBy <= score {
                if let trial = keepingDeadline(unit, before: holder.unit, in: phase, month: bound.month,
                                               cause: phase > earliest ? .capacity(wanted: earliest) : ownCause, last: last) {
                    self = trial
                    return true
                }
            }
        }
        return false
    }

    /// The placement with `unit` in `phase` by its deadline `month`, and the priority's action `holder` moved to the
    /// first later phase that holds it (`keepDeadlinesOverPriorities`), or nil.
    private func keepingDeadline(_ unit: Int, before holder: Int, in phase: Int, month: YearMonth, cause: Cause, last: Int) -> PhasePlacement? {
        let position = order.first(unit)
        var trial = self
        trial.remove(unit)
        trial.remove(holder)
        trial.settle(unit, in: phase, causes: [cause])
        trial.deadlines[position] = .stated(month, by: position)
        trial.deferred[unit] = false
        trial.grace[unit] = 0
        // Each phase holds no more than before beyond its capacity, and leaves the next ones no less room.
        let bound = { (phase: Int) in max(usedHalves(phase), capacityHalves[phase]) }
        guard phase < last, trial.usedHalves(phase) <= bound(phase) else { return nil }
        // The first later phase that holds the priority's action as it held what it held before (the dated action's
        // place, when nothing earlier has room).
        let need = trial.need(of: holder)
        guard let later = ((phase + 1)...last).first(where: {
            trial.usedHalves($0) + need.at($0) <= bound($0) && trial.room($0) - need.at($0) >= min(0, room($0))
        }) else { return nil }
        let member = order.first(holder)
        trial.settle(holder, in: later, causes: [.capacity(wanted: trial.ownEarliestPhase(member).phase)])
        guard ((phase + 1)...last).allSatisfy({ trial.room($0) >= min(0, room($0)) }) else { return nil }
        // No action waiting for room is now kept out by the dated one.
        for other in 0..<order.unitCount where phaseOf[order.first(other)] < 0 && exits[order.first(other)] == .noCapacity {
            if !isHeldByWeaker(other), trial.isHeldByWeaker(other, among: CollectionOfOne(unit)) { return nil }
        }
        return trial
    }
}
