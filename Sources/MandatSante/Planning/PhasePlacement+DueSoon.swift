import RuleKit

/// What is light and due soon starts in the first months when they have room left.
extension PhasePlacement {
    /// The last stage. The first months take the quick acts of the first hundred days; room they leave unused is
    /// the team's time too. A light action (one unit) placed in the next phase, whose deadline or season falls in
    /// that phase — it must be done by then anyway —, starts in the first months when they still have its room and
    /// one of their four places: alone in its unit, not a method step, its placed prerequisites none after the first
    /// months, nothing placed in the first months waiting for it, and the next phase keeping a new action. In claim
    /// order (the better first). The mandate's total does not change: the next phase, often overfilled, carries
    /// that much less. In the métropole, the help to the communes for the summer 2027 heat plan (light, due June
    /// 2027) starts in December 2026 beside the two founding decisions, rather than in a 2027 holding nine units
    /// for a capacity of seven. The room it leaves in the next phase goes, in claim order, to what waited past that
    /// phase for want of room (`takeRoomLeft`); a move that would leave there room such an action could use but
    /// cannot take (the last phase keeps its only new action) is not made: the card of the action that waits would
    /// say « the team's time is taken » of a phase a reader finds with a free unit.
    mutating func startDueSoonInFirstMonths() {
        let next = 1
        guard calendar.phases.count > next + 1 else { return }
        for unit in sequence where order.slots(unit).count == 1 {
            guard firstPhaseCount < Capacity.firstPhaseActions else { return }
            let position = order.first(unit)
            guard phaseOf[position] == next, index.halfUnits[position] == 2, !index.isMethod[position],
                  grace[unit] == 0, !deferred[unit], isDueBy(next, position),
                  room(0) >= firstPhaseCost(position),
                  index.after[position].allSatisfy({ phaseOf[$0] <= 0 }),
                  !index.graph.dependents[position].contains(where: { phaseOf[$0] == 0 }) else { continue }
            var trial = self
            trial.free[next] += cost(position, next)
            trial.free[0] -= firstPhaseCost(position)
            trial.phaseOf[position] = 0
            trial.causes[position] = .horizon
            trial.firstPhaseCount += 1
            // The next phase keeps a new action; the first months stay within their room as the roadmap counts it.
            guard trial.phaseOf.contains(next), trial.room(0) >= 0 else { continue }
            trial.takeRoomLeft(in: next)
            guard !trial.leavesRoomUnused(in: next) else { continue }
            self = trial
        }
    }

    /// What waited past `phase` for want of room from it or an earlier phase — a unit placed later, one of its
    /// members deferred for capacity — starts in `phase` when its room holds it now, in claim order.
    private mutating func takeRoomLeft(in phase: Int) {
        for unit in sequence where waitsPast(phase, unit) {
            guard let halves = startCost(unit, in: phase), hasRoom(phase, Need(first: halves, later: halves), order.slots(unit).count),
                  let moved = moving(unit, from: phaseOf[order.first(unit)], to: phase) else { continue }
            self = moved
        }
    }

    /// Whether a unit that waited past `phase` for want of room would find it there now.
    private func leavesRoomUnused(in phase: Int) -> Bool {
        sequence.contains { unit in
            guard waitsPast(phase, unit), let halves = startCost(unit, in: phase) else { return false }
            return hasRoom(phase, Need(first: halves, later: halves), order.slots(unit).count)
        }
    }

    /// Whether `unit` is placed after `phase`, one of its members deferred for capacity from `phase` or earlier.
    private func waitsPast(_ phase: Int, _ unit: Int) -> Bool {
        guard phaseOf[order.first(unit)] > phase else { return false }
        return order.slots(unit).contains { slot in
            if case .capacity(let wanted) = causes[order.members[slot]] { return wanted <= phase }
            return false
        }
    }

    /// Whether `position` (placed) is to meet a deadline or a season that falls in phase `phase` at the latest.
    private func isDueBy(_ phase: Int, _ position: Int) -> Bool {
        switch deadlines[position] {
        case .season(let month, _), .stated(let month, _):
            return Self.lastPhase(before: month, in: calendar).map { $0 <= phase } ?? false
        case .none, .underway:
            return false
        }
    }
}
