import RuleKit

/// Merit before lightness: an action waiting for room takes the place of lighter actions kept for their score alone
/// that it clearly outscores, the mandate then carrying at most a tenth more than the team's capacity.
extension PhasePlacement {
    /// The last stage. An action « à envisager ensuite » for want of room — alone in its unit, undated or due by a
    /// phase (kept by it unless its first step starts now), not a method step, its waiting prerequisites none — takes, in the earliest phase it may start in (never the first months),
    /// the place of lighter actions kept for their score alone (neither a foundation nor a priority's action, undated,
    /// alone in their unit, nothing placed waiting for them) that it outscores by `Capacity.betterBy` points at
    /// least, the least scored first, as soon as their room with what the phase has left holds it to within
    /// `Capacity.tradeOverrunHalves` — the mandate's total then exceeding the team's capacity by that much at most,
    /// and a middle phase staying under its ceiling. An action answering a declared priority that has no action of its
    /// own (none placed answers it alone) takes the place of an action scored up to `Capacity.clearlyBetter` points
    /// above it, and its card says it answers that priority. What gave its place claims the room left, if any, and is
    /// otherwise « à envisager ensuite », saying to which action it gave its place (`traded`). Undone when it would
    /// break merit elsewhere: an action put out that a weaker one of its effort or more now keeps out, a better action
    /// left waiting behind the one brought in, or a set of actions waiting that is better scored. In the ZAC bourg,
    /// the sports equipment for sport-santé (85, medium) in 2029–2032 instead of the CPTS partnership (68, light).
    /// When no phase's own holders make room, those of the earlier phases of its window give theirs together (plan37b).
    /// Cost: the trade across phases is tried only for a unit no single phase could take, with one scratch array
    /// for the whole stage (refilled by insertion, a phase holding a few units). A trial is bounded before it costs:
    /// first by what its holders could free at most (no condition evaluated), then by the room it would find,
    /// counted on the phases' free half-units alone; only then is the placement copied (plan38).
    mutating func giveLightRoomToBetter() {
        let last = calendar.phases.count - 1
        guard last >= 1 else { return }
        let tolerance = Capacity.tradeOverrunHalves(mandateHalves: capacityHalves.reduce(0, +) + endReserveGiven)
        var waiting: [Int] = []
        for unit in 0..<order.unitCount where order.slots(unit).count == 1 {
            let position = order.first(unit)
            // A dated action comes too when its deadline is by a phase of the mandate: it meets it where it can, and
            // its card says when it could not (`missedDeadline`).
            guard phaseOf[position] < 0, exits[position] == .noCapacity, !index.isMethod[position],
                  !index.isDated[position] || isDueByPhase(unit),
                  !index.after[position].contains(where: { phaseOf[$0] < 0 && exits[$0] == .noCapacity }) else { continue }
            waiting.append(unit)
        }
        guard !waiting.isEmpty else { return }
        waiting.sort { (totals[order.first($0)], -$0) > (totals[order.first($1)], -$1) }
        // What a trial compares with, computed again only when a trade changes the placement: planning runs for every
        // commune of France, and most trials fail.
        var ownServed = ownServedPriorities()
        var holders = lightHolders()
        var heldNow = [Bool?](repeating: nil, count: order.unitCount)
        // Scratch for the trades across phases: the holders of a span of phases, the least scored first (one array
        // for the whole stage, refilled for each phase tried).
        var spanned: [Int] = []
        spanned.reserveCapacity(order.unitCount)
        var freeAfter: [Int] = []
        freeAfter.reserveCapacity(free.count)
        for unit in waiting where phaseOf[order.first(unit)] < 0 && exits[order.first(unit)] == .noCapacity {
            let position = order.first(unit)
            let score = totals[position]
            let unanswered = index.isConcrete[position] ? index.serves[position] & order.declaredPriorities & ~ownServed : 0
            let bar = unanswered != 0 ? score + Capacity.clearlyBetter : score - Capacity.betterBy
            let (earliest, ownCause) = ownEarliestPhase(position)
            var latest = last
            for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 { latest = min(latest, phaseOf[dependent]) }
            // A dated action keeps its deadline, unless its first step starts now (`dès maintenant`): that step is then
            // taken before the deadline, the rest after it, and its card says so (the medical office before the GP
            // departures; health in the PLU after the arrêt of the project would serve nothing).
            if let bound = statedBound(position, restoring: situational(position)), let due = bound.phase,
               !(index.recommendations[position].startNow?.holds(for: facts, startingIn: calendar.start) ?? false) {
                latest = min(latest, due)
            }
            guard max(earliest, 1) <= latest else { continue }
            var traded = false
            for phase in max(earliest, 1)...latest {
                guard let lightest = holders[phase].first, totals[order.first(lightest)] <= bar else { continue }
                if let trial = trading(unit, in: phase, bar: bar, tolerance: tolerance, earliest: earliest, cause: ownCause,
                                       priorities: unanswered, holders: holders[phase], heldNow: &heldNow, freeAfter: &freeAfter) {
                    self = trial
                    traded = true
                    break
                }
            }
            // One better action rather than several lighter, lesser ones: when no phase's own holders make room for
            // it, the holders of the phases of its window up to the one tried give theirs together, the least scored
            // first and only as many as needed — what an earlier phase overfilled, the later ones carried
            // (`Capacity.halfUnitsLeft`). In the bourg whose last pharmacy is threatened, the secondary office of the
            // neighbouring MSP (115, medium) from April 2029, its first step now, in the place of the EHPAD open to
            // the commune (90, light) in an overfilled 2027 and of the mobile unit (82, light).
            // Bounded first over the whole window (what all its holders could free at most, as `trading` bounds each
            // phase's), and the span grown phase by phase rather than refilled (plan38).
            let need = index.halfUnits[position]
            var most = 0, windowHolding = 0
            if !traded {
                for from in max(earliest, 1)...latest where !holders[from].isEmpty {
                    windowHolding += 1
                    for other in holders[from] where other != unit {
                        let member = order.first(other)
                        guard totals[member] <= bar else { break }
                        let own = cost(member, phaseOf[member])
                        if own < need { most += own }
                    }
                }
            }
            if !traded, windowHolding > 1, need - free.reduce(0, +) - most <= tolerance {
                spanned.removeAll(keepingCapacity: true)
                var phasesHolding = 0
                for phase in max(earliest, 1)...latest {
                    if !holders[phase].isEmpty {
                        phasesHolding += 1
                        for other in holders[phase] {
                            let score = totals[order.first(other)]
                            var at = spanned.count
                            while at > 0, (totals[order.first(spanned[at - 1])], -spanned[at - 1]) > (score, -other) { at -= 1 }
                            spanned.insert(other, at: at)
                        }
                    }
                    // With one phase holding, the trade was tried above.
                    guard phasesHolding > 1, let lightest = spanned.first, totals[order.first(lightest)] <= bar else { continue }
                    if let trial = trading(unit, in: phase, bar: bar, tolerance: tolerance, earliest: earliest, cause: ownCause,
                                           priorities: unanswered, holders: spanned, heldNow: &heldNow, freeAfter: &freeAfter) {
                        self = trial
                        traded = true
                        break
                    }
                }
            }
            if traded {
                ownServed = ownServedPriorities()
                holders = lightHolders()
                heldNow = [Bool?](repeating: nil, count: order.unitCount)
            }
        }
    }

    /// The declared priorities that have an action of their own: every placed concrete action answering one is the
    /// action chosen for another priority (the village's « bien vieillir » referent, who opens the parish hall to
    /// adapted physical activity, answers sport-santé only in passing). An action answering one of the others may take
    /// the place of a somewhat better scored one.
    private func ownServedPriorities() -> UInt64 {
        var ownServed = UInt64(0)
        for other in phaseOf.indices where phaseOf[other] >= 0 && index.isConcrete[other] {
            let answered = index.serves[other] & order.declaredPriorities
            let chosen = servedFor[other] >= 0 ? UInt64(1) << UInt64(servedFor[other])
                : order.priorityBit(other) >= 0 ? UInt64(1) << UInt64(order.priorityBit(other)) : 0
            ownServed |= chosen != 0 ? chosen : answered
        }
        return ownServed
    }

    /// By phase, the units that may give their place: lighter actions kept for their score alone — alone in their
    /// unit, neither a foundation nor a priority's action, undated, nothing placed waiting for them — the least
    /// scored first.
    private func lightHolders() -> [[Int]] {
        var holders = [[Int]](repeating: [], count: calendar.phases.count)
        for unit in 0..<order.unitCount where order.slots(unit).count == 1 && !order.isPriorityUnit[unit] {
            let member = order.first(unit)
            let phase = phaseOf[member]
            guard phase >= 0, order.isByMerit(member), servedFor[member] < 0, !index.isFoundation[member], !dated(member),
                  grace[unit] == 0, !deferred[unit],
                  !index.graph.dependents[member].contains(where: { phaseOf[$0] >= 0 }) else { continue }
            if case .none = deadlines[member] {} else { continue }
            // Kept sorted as it fills (a phase holds a few units): a sort's closure would capture the whole placement,
            // copied and destroyed at each call — two thirds of this function's cost, measured with callgrind.
            let score = totals[member]
            var at = holders[phase].count
            while at > 0, (totals[order.first(holders[phase][at - 1])], -holders[phase][at - 1]) > (score, -unit) { at -= 1 }
            holders[phase].insert(unit, at: at)
        }
        return holders
    }

    /// The placement with `unit` in `phase` in the place of lighter actions scored at most `bar` there, or nil when
    /// none can give it (see `giveLightRoomToBetter`).
    private func trading(_ unit: Int, in phase: Int, bar: Int, tolerance: Int, earliest: Int, cause: Cause, priorities: UInt64,
                         holders candidates: [Int], heldNow: inout [Bool?], freeAfter: inout [Int]) -> PhasePlacement? {
        let position = order.first(unit)
        let need = cost(position, phase)
        // Removing holders frees exactly their cost in the mandate's total: when all of them do not bring it within
        // the tolerance, no trial can (the copy below is what costs). Bounded first without `isOnlyAnswer`, which
        // evaluates conditions again: most trials fail here, and across phases the same holders come back for each
        // phase tried (plan38: the cross-phase trade had made planning 5 % slower through it).
        // The phase's room grows with the free half-units of every phase (`Capacity.halfUnitsLeft`): when it does not
        // hold `unit` with all those holders out, or the phase would then pass its ceiling, no trial can.
        freeAfter.removeAll(keepingCapacity: true)
        freeAfter.append(contentsOf: free)
        var bound = 0, anyHolder = false
        for other in candidates where other != unit {
            let member = order.first(other)
            guard totals[member] <= bar else { break }
            let own = cost(member, phaseOf[member])
            guard own < need else { continue }
            anyHolder = true
            bound += own
            freeAfter[phaseOf[member]] += own
        }
        guard anyHolder, need - free.reduce(0, +) - bound <= tolerance,
              Capacity.halfUnitsLeft(inPhase: phase, free: freeAfter) + max(0, freeAfter[0]) + tolerance >= need,
              phase == calendar.phases.count - 1 || capacityHalves[phase] - freeAfter[phase] + need <= ceiling(phase) else { return nil }
        var holders: [Int] = []
        var freed = 0
        for other in candidates where other != unit {
            let member = order.first(other)
            guard totals[member] <= bar else { break }
            // What it frees is its cost where it stands (a holder of an earlier phase, in a trade across phases).
            let own = cost(member, phaseOf[member])
            guard own < need, !isOnlyAnswer(member) else { continue }
            holders.append(other)
            freed += own
        }
        guard !holders.isEmpty, need - free.reduce(0, +) - freed <= tolerance else { return nil }
        // The room the trial below would find, on the phases' free half-units alone (`freeAfter`, one array for the
        // whole stage): the holders it removes until the phase holds `unit`, then the mandate's total and the phase's
        // ceiling once `unit` is settled. The placement is copied only when these hold.
        freeAfter.removeAll(keepingCapacity: true)
        freeAfter.append(contentsOf: free)
        func roomFits() -> Bool {
            Capacity.halfUnitsLeft(inPhase: phase, free: freeAfter) + max(0, freeAfter[0]) + tolerance >= need
                && need - freeAfter.reduce(0, +) <= tolerance
        }
        for holder in holders where !roomFits() {
            let member = order.first(holder)
            freeAfter[phaseOf[member]] += cost(member, phaseOf[member])
        }
        guard roomFits() else { return nil }
        freeAfter[phase] -= need
        guard -freeAfter.reduce(0, +) <= tolerance,
              phase == calendar.phases.count - 1 || capacityHalves[phase] - freeAfter[phase] <= ceiling(phase) else { return nil }
        var trial = self
        var given: [Int] = []
        // What the first months leave unused of their room counts: what overfills the end of the mandate is taken from
        // the room before it (`Capacity.halfUnitsLeft`), and the first months' floor was lent by the end. The
        // mandate's total is what is bounded.
        func fits(_ placement: PhasePlacement) -> Bool {
            placement.room(phase) + max(0, placement.free[0]) + tolerance >= need && need - placement.free.reduce(0, +) <= tolerance
        }
        for holder in holders where !fits(trial) {
            trial.remove(holder)
            given.append(holder)
        }
        guard fits(trial) else { return nil }
        trial.settle(unit, in: phase, causes: [phase > earliest ? .capacity(wanted: earliest) : cause])
        // A dated action placed by its deadline keeps it on its card; placed after, its card says it could not meet it.
        if let bound = statedBound(position, restoring: situational(position)), let due = bound.phase, phase <= due {
            trial.deadlines[position] = .stated(bound.month, by: position)
            trial.deferred[unit] = false
        }
        // The mandate carries at most `tolerance` more than its capacity; a middle phase stays under its ceiling.
        guard -trial.free.reduce(0, +) <= tolerance, phase == calendar.phases.count - 1 || trial.usedHalves(phase) <= trial.ceiling(phase)
        else { return nil }
        if priorities != 0 {
            trial.servedFor[position] = priorities.trailingZeroBitCount
        }
        // What gave its place claims the room left, if any (a phase or a later one); otherwise it waits, saying for what.
        var yielded: [Int] = []
        for other in given where !trial.placeOnce(other) {
            for slot in order.slots(other) { trial.exits[order.members[slot]] = .noCapacity }
            yielded.append(other)
        }
        guard !yielded.isEmpty else { return nil }
        // Merit elsewhere: an action put out is not kept out by a weaker one of its effort or more; no better action
        // waits that the one brought in now keeps out; no waiting set better scored than it.
        // A unit waiting before the trial and not held then can be held now only by a unit that moved.
        let score = totals[position]
        let moved = (0..<order.unitCount).filter { trial.phaseOf[order.first($0)] != phaseOf[order.first($0)] }
        for other in 0..<order.unitCount where trial.phaseOf[order.first(other)] < 0 && trial.exits[order.first(other)] == .noCapacity {
            if order.slots(other).count > 1, order.slots(other).contains(where: { totals[order.members[$0]] > score }) { return nil }
            if yielded.contains(other) {
                if trial.isHeldByWeaker(other) { return nil }
                continue
            }
            let heldBefore = heldNow[other] ?? isHeldByWeaker(other)
            heldNow[other] = heldBefore
            if !heldBefore && trial.isHeldByWeaker(other, among: moved) { return nil }
        }
        // Merit before the phase: no weaker action kept for its score alone in an earlier phase where this one fits.
        if trial.servedFor[position] < 0 {
            for other in 0..<order.unitCount where order.slots(other).count == 1 && order.isByMerit(order.first(other)) && !order.isPriorityUnit[other] {
                let member = order.first(other)
                let at = trial.phaseOf[member]
                guard at >= earliest, at < phase, trial.servedFor[member] < 0, totals[member] < score, case .none = trial.deadlines[member],
                      !index.graph.dependents[member].contains(where: { trial.phaseOf[$0] >= 0 }) else { continue }
                if need <= cost(member, at) + max(0, trial.room(at)) { return nil }
            }
        }
        // Nor a better action kept for its score alone in a later phase that the place it took would have held.
        if trial.servedFor[position] < 0 {
            for other in trial.phaseOf.indices where trial.phaseOf[other] > phase && totals[other] > score && order.unitOf[other] >= 0
                && order.slots(order.unitOf[other]).count == 1
                && horizonPhase[index.horizons[other].ordinal] <= phase && index.after[other].allSatisfy({ trial.phaseOf[$0] <= phase })
                && (!PlanningWindow.isEarlyMethod(isMethod: index.isMethod[other], isFoundation: index.isFoundation[other], horizon: index.horizons[other])
                    || horizonPhase[index.horizons[other].ordinal] >= phase)
                && index.halfUnits[other] <= need + max(0, trial.room(phase)) {
                return nil
            }
        }
        trial.traded.append((taker: position, given: yielded.map { order.first($0) }, from: yielded.map { phaseOf[order.first($0)] }))
        return trial
    }

    /// Whether `position` (placed, concrete) is the only placed action whose condition needs a situation of the
    /// territory as the profile states it (`SituationNeeds`): a fact stated, not at its default, neither what
    /// exists (an MSP, a CPTS: what the roadmap builds on) nor the size, the kind or the team's own choices
    /// (`PlanningIndex.situationSlots`). Such an action does not give its place to a better scored one: page 1 names
    /// that situation, and the roadmap would then have nothing that answers it. In the Guadeloupe commune, the
    /// specialists' outreach with the hospital (80, light), the only action for « des médecins spécialistes
    /// manquent », stays; the collective prevention (96) waits, as prevention is served by three other actions.
    /// Read only for a holder about to give its place: most trials never reach it; what each condition needs is
    /// found once per plan (`SituationNeeds`).
    func isOnlyAnswer(_ position: Int) -> Bool {
        guard !index.isMethod[position] else { return false }
        return situationNeeds.slots(of: position).contains { slot in
            !phaseOf.indices.contains { other in
                other != position && phaseOf[other] >= 0 && !index.isMethod[other]
                    && index.situationSlots[other].contains(slot) && situationNeeds.slots(of: other).contains(slot)
            }
        }
    }
}
