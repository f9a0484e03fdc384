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
    /// for a capacity of seven.
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
            self = trial
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
