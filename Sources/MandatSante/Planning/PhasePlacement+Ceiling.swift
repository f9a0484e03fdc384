import RuleKit

/// A phase that holds far more than the team can carry: what may wait is smoothed into the next phases.
extension PhasePlacement {
    /// Foundations, a team priority's action, a deadline and the prerequisites pulled for them may each overfill
    /// a phase; together they gave a town's first year thirteen units for a capacity of seven, a plan no DGS signs.
    /// Above its ceiling (`Capacity.ceilingHalves`), a middle phase gives the next phases that still have room under
    /// their own ceiling the units that may wait, the least merit per unit of effort first — those kept for their
    /// score alone, then the team priorities' actions, which never pass the mid-mandate review this way.
    /// Foundations, actions dated in that phase (a deadline or a season), the prerequisites of an action that stays
    /// and whatever goes `together` with one of those keep their phase; an action does not wait while a weaker one
    /// kept for its score alone stays where it would fit. The first phase is bounded by its own count of actions, the
    /// last has no next. The card says why: « à partir de janv. 2028, car d'ici fin 2027 l'équipe est déjà au
    /// complet ».
    mutating func smoothOverfilledPhases() {
        let last = calendar.phases.count - 1
        guard last >= 2 else { return }
        // The first year's priorities' actions that a companion made room for: they keep their phase.
        var staying: [Int] = []
        for phase in 1..<last {
            // One unit at a time, the candidates found again after each move: a prerequisite may wait once what
            // waits for it has moved on.
            while usedHalves(phase) > ceiling(phase) {
                guard let (unit, target) = nextToWait(in: phase, except: staying) else {
                    // Nothing may wait whole: a companion whose own deadline is later waits alone (below).
                    guard let (companion, later) = companionDueLater(in: phase) else { break }
                    free[phase] += cost(companion, phase)
                    free[later] -= cost(companion, later)
                    phaseOf[companion] = later
                    causes[companion] = .smoothed(from: phase)
                    continue
                }
                // A declared priority's action claims its first-year room before a `together` companion kept for
                // its score alone: the companion waits, the best-merited priority's action of the phase stays (the
                // CLSM, 98, beside the CLS in 2027; the CPTS partnership that goes with the CLS a phase later).
                if order.isPriorityUnit[unit], phase <= min(1, review), let (companion, later) = waitingCompanion(in: phase) {
                    var keeper = unit
                    for other in 0..<order.unitCount where order.isPriorityUnit[other] && phaseOf[order.first(other)] == phase
                        && !staying.contains(other) && mayWait(other, in: phase) && unitMerit(other) > unitMerit(keeper) {
                        keeper = other
                    }
                    let chosen = order.slots(keeper).map { order.members[$0] }.first { order.priorityBit($0) >= 0 } ?? order.first(keeper)
                    free[phase] += cost(companion, phase)
                    free[later] -= cost(companion, later)
                    phaseOf[companion] = later
                    causes[companion] = .yielded(from: phase, to: chosen, priority: order.priorityBit(chosen))
                    staying.append(keeper)
                    continue
                }
                for slot in order.slots(unit) {
                    let position = order.members[slot]
                    free[phase] += cost(position, phase)
                    free[target] -= cost(position, target)
                    phaseOf[position] = target
                    causes[position] = .smoothed(from: phase)
                }
            }
        }
    }

    /// A light action of high merit (`Capacity.quickWinMerit`), kept for its score alone, is not put off past the
    /// mid-mandate review while a middle phase it may start in holds it under its ceiling, and holds what can wait there,
    /// itself included, within the team's capacity for that phase (`waitingHalves`; half a unit of rounding, capacities
    /// being whole units): a quick win can wait, and only what cannot wait (foundations, dated actions, the team's
    /// priorities, what goes with them) overfills a phase — a village's bus beside the volunteer doctors' centre of its
    /// priority, not beside other actions kept for their score that already fill the year (plan39: generated communes
    /// 262, 447, 466, 631 and 1024, whose phase of one or two units then held more than its capacity of what could
    /// wait). It starts in the earliest such phase; the last phase's room it gives back is claimed again by what
    /// waits, and it stays there when no other new action would then start in the last phase.
    mutating func pullQuickWinsForward() {
        let last = calendar.phases.count - 1
        guard last >= 2 else { return }
        for unit in sequence where order.slots(unit).count == 1 && !order.isPriorityUnit[unit] {
            let position = order.first(unit)
            guard phaseOf[position] == last, !index.isFoundation[position], !index.isDated[position], index.halfUnits[position] == 2,
                  totals[position] >= Capacity.quickWinMerit, case .none = deadlines[position], grace[unit] == 0, !deferred[unit]
            else { continue }
            let (own, cause) = ownEarliestPhase(position)
            // The earliest middle phase under its ceiling, unless a weaker action kept for its score stays before
            // it where it could have gone (merit comes before the phase).
            guard own < last, !(max(1, own)..<last).contains(where: { weakerStays(in: $0, score: totals[position], halves: 2, except: unit) }),
                  let phase = (max(1, own)..<last).first(where: {
                      usedHalves($0) + 2 <= ceiling($0) && waitingHalves($0) + 2 <= capacityHalves[$0] + 1
                          && !betterWaits(for: $0, score: totals[position], halves: 2)
                  }),
                  !betterStaysLater(than: phase, score: totals[position], except: position) else { continue }
            var trial = self
            trial.free[last] += 2
            trial.free[phase] -= 2
            trial.phaseOf[position] = phase
            trial.causes[position] = phase > own ? .capacity(wanted: own) : cause
            trial.returnEndReserveIfBorrowed()
            trial.claimRoomLeft()
            // The last phase keeps a new action: its only one moves only when another then starts there; what
            // the room given back lets in starts there, not before the better action pulled forward, and never
            // ahead of a better action still waiting (one the method limit holds back).
            let newcomersFit = trial.phaseOf.indices.allSatisfy { newcomer in
                phaseOf[newcomer] >= 0 || trial.phaseOf[newcomer] < 0
                    || (trial.phaseOf[newcomer] == last && !trial.betterWaits(for: last, score: totals[newcomer], halves: index.halfUnits[newcomer]))
            }
            if trial.phaseOf.contains(last), newcomersFit { self = trial }
        }
    }

    /// The half-units of effort placed in `phase`.
    func usedHalves(_ phase: Int) -> Int { capacityHalves[phase] - free[phase] }

    /// The half-units placed in `phase` that could wait, as page 1 counts them (`ExecutiveSynthesis.heavyPhases`): actions
    /// kept for their score alone, undated, with no placed `together` companion, that took no lighter action's place.
    func waitingHalves(_ phase: Int) -> Int {
        var halves = 0
        for position in phaseOf.indices where phaseOf[position] == phase && order.isByMerit(position) && servedFor[position] < 0
            && !index.isFoundation[position] && !index.together[position].contains(where: { phaseOf[$0] >= 0 })
            && !traded.contains(where: { $0.taker == position }) {
            if case .none = deadlines[position] { halves += cost(position, phase) }
        }
        return halves
    }

    /// What `phase` may hold before what can wait moves on (`Capacity.ceilingHalves`).
    func ceiling(_ phase: Int) -> Int { Capacity.ceilingHalves(capacity: capacityHalves[phase]) }

    /// The unit of `phase` that waits first, with the phase it goes to: the earliest later phase that holds it
    /// under its own ceiling, before any action that waits for it. Units kept for their merit give way before the
    /// priorities' actions, the least merit per half-unit of effort first (a heavy project before two light
    /// actions of the same merit: fewer actions wait), the last claimed first among equals.
    private func nextToWait(in phase: Int, except staying: [Int]) -> (unit: Int, target: Int)? {
        let last = calendar.phases.count - 1
        var best: (unit: Int, target: Int, key: (Int, Int, Int))?
        for unit in 0..<order.unitCount where phaseOf[order.first(unit)] == phase && !staying.contains(unit) && mayWait(unit, in: phase) {
            var merit = Int.min, halves = 0, latest = last
            for slot in order.slots(unit) {
                let position = order.members[slot]
                merit = max(merit, order.merit[position])
                halves += cost(position, phase)
                for dependent in index.graph.dependents[position] where phaseOf[dependent] > phase {
                    latest = min(latest, phaseOf[dependent])
                }
            }
            let priority = order.isPriorityUnit[unit]
            if priority { latest = min(latest, review) }
            // Merit per half-unit of the team's time: a heavy project of the same merit waits before two light ones.
            let key = (priority ? 1 : 0, merit * 100 / max(1, halves), -unit)
            var score = Int.min
            for slot in order.slots(unit) { score = max(score, totals[order.members[slot]]) }
            guard best.map({ key < $0.key }) ?? true, phase < latest,
                  order.slots(unit).count > 1 || !weakerStays(in: phase, score: score, halves: halves, except: unit),
                  let target = (phase + 1...latest).first(where: {
                      usedHalves($0) + halves <= ceiling($0)
                  }) else { continue }
            best = (unit, target, key)
        }
        return best.map { ($0.unit, $0.target) }
    }

    /// The best merit among `unit`'s members.
    private func unitMerit(_ unit: Int) -> Int {
        order.slots(unit).reduce(Int.min) { max($0, order.merit[order.members[$1]]) }
    }

    /// A `together` companion placed in `phase` that may wait alone while its unit keeps the phase (a foundation
    /// or a deadline holds it there): kept for its score alone, neither a foundation nor dated (a stated deadline
    /// or a pressing situation), nothing placed waiting for it, not the unit's first member (whose phase is the
    /// unit's); with the earliest later phase that holds it under its ceiling. The least merited first.
    private func waitingCompanion(in phase: Int) -> (position: Int, target: Int)? {
        let last = calendar.phases.count - 1
        var best: (position: Int, target: Int, merit: Int)?
        for unit in 0..<order.unitCount where order.slots(unit).count > 1 && !order.isPriorityUnit[unit]
            && phaseOf[order.first(unit)] == phase && !mayWait(unit, in: phase) {
            for slot in order.slots(unit).dropFirst() {
                let position = order.members[slot]
                guard phaseOf[position] == phase, order.isByMerit(position), !index.isFoundation[position],
                      !index.isDated[position], case .none = deadlines[position], best.map({ order.merit[position] < $0.merit }) ?? true,
                      !index.graph.dependents[position].contains(where: { phaseOf[$0] >= 0 }),
                      let target = (phase + 1...last).first(where: { usedHalves($0) + cost(position, $0) <= ceiling($0) })
                else { continue }
                best = (position, target, order.merit[position])
            }
        }
        return best.map { ($0.position, $0.target) }
    }

    /// A `together` companion placed in `phase` above its ceiling whose own stated deadline falls in a later phase:
    /// the set stays for what cannot wait (a foundation, a member due in `phase`), and this member starts in the
    /// earliest later phase, by its own deadline, that holds it under its ceiling — it still meets its deadline, and
    /// the phase holds what the team can carry. In an agglomeration of 90,000 whose 2027 held the coordinator, the
    /// diagnostic, the CLS, the CLSM, the junior doctors (due by December 2027) and the MSP's extension they go with
    /// (due by the mid-mandate review): ten units for a capacity of seven; the extension starts in January 2028,
    /// still before the expected departures. Not the unit's first member (whose phase is the unit's), nothing placed
    /// waiting for it by then, not a foundation. The least merited first.
    private func companionDueLater(in phase: Int) -> (position: Int, target: Int)? {
        var best: (position: Int, target: Int, merit: Int)?
        for unit in 0..<order.unitCount where order.slots(unit).count > 1 && phaseOf[order.first(unit)] == phase {
            for slot in order.slots(unit).dropFirst() {
                let position = order.members[slot]
                guard phaseOf[position] == phase, !index.isFoundation[position], case .stated(_, let by) = deadlines[position],
                      by == position, var bound = statedBound(position)?.phase, bound > phase,
                      best.map({ order.merit[position] < $0.merit }) ?? true else { continue }
                // Before what waits for it.
                for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 { bound = min(bound, phaseOf[dependent]) }
                guard bound > phase,
                      let target = (phase + 1...bound).first(where: { usedHalves($0) + cost(position, $0) <= ceiling($0) })
                else { continue }
                best = (position, target, order.merit[position])
            }
        }
        return best.map { ($0.position, $0.target) }
    }

    /// Whether an action kept in `phase` for its score alone, alone in its unit, with no deadline and nothing
    /// placed waiting for it, scores below `score` and holds as much room (with what the phase has left) as the
    /// action that would wait: merit comes before the phase, the weaker one waits first or neither does.
    private func weakerStays(in phase: Int, score: Int, halves: Int, except unit: Int) -> Bool {
        for other in 0..<order.unitCount where other != unit && order.slots(other).count == 1 && !order.isPriorityUnit[other] {
            let position = order.first(other)
            guard phaseOf[position] == phase, totals[position] < score, !index.isFoundation[position],
                  case .none = deadlines[position],
                  !index.graph.dependents[position].contains(where: { phaseOf[$0] >= 0 }),
                  halves <= cost(position, phase) + max(0, room(phase)) else { continue }
            return true
        }
        return false
    }

    /// Whether an action better scored than `score`, of no greater effort, waits « à envisager ensuite » for want
    /// of room while it could start in `phase`: a quick win pulled forward does not take a phase before it.
    private func betterWaits(for phase: Int, score: Int, halves: Int) -> Bool {
        for position in exits.indices where phaseOf[position] < 0 && exits[position] == .noCapacity && totals[position] > score
            && horizonPhase[index.horizons[position].ordinal] <= phase && index.halfUnits[position] <= halves {
            return true
        }
        return false
    }

    /// Whether a light action better scored than `score`, alone in its unit, that may start in `phase`, stays in a
    /// later phase: a quick win pulled forward does not pass it (a hot season's plan timed for its summer).
    private func betterStaysLater(than phase: Int, score: Int, except position: Int) -> Bool {
        for other in phaseOf.indices where other != position && phaseOf[other] > phase && totals[other] > score
            && order.unitOf[other] >= 0 && order.slots(order.unitOf[other]).count == 1 && index.halfUnits[other] <= 2
            && horizonPhase[index.horizons[other].ordinal] <= phase {
            return true
        }
        return false
    }

    /// Whether `unit`, placed in `phase`, may wait for a later phase: no foundation, nothing dated in that phase,
    /// no member an action placed there (or earlier) waits for, no member limited to its early window.
    private func mayWait(_ unit: Int, in phase: Int) -> Bool {
        for slot in order.slots(unit) {
            let position = order.members[slot]
            if index.isFoundation[position] { return false }
            if PlanningWindow.isEarlyMethod(isMethod: index.isMethod[position], isFoundation: false,
                                            horizon: index.horizons[position]) { return false }
            switch deadlines[position] {
            case .none: break
            case .season, .underway: return false
            case .stated(_, let by):
                guard let bound = statedBound(by)?.phase, bound > phase else { return false }
            }
            if grace[order.unitOf[position]] > 0 { return false }
            for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 && phaseOf[dependent] <= phase {
                guard order.unitOf[dependent] == unit else { return false }
            }
        }
        return true
    }
}
