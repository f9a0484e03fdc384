import RuleKit

/// A middle phase that earlier phases' overfill took whole: what a later phase starts, it may start there.
extension PhasePlacement {
    /// A phase before the last one that holds no new action, because what earlier phases overfill (a set, a
    /// foundation, a pressing situation, a priority served early) took its room, while a later phase starts new
    /// actions: those start in it instead, in claim order, up to its own capacity. Its units are the team's time
    /// for starting work in those months; what the earlier phases started is carried on by the later ones, whose
    /// room the moved actions give back. The total of the mandate does not change. A team told to start nothing
    /// new for fifteen months while actions wait for 2029 has no roadmap: in a communauté de communes in a ZIP
    /// where doctors leave, the mobile clinic (107, light) and the transport to care (the team's priority
    /// « mobilités ») start in 2028 rather than after the mid-mandate review, behind the CLS, the MSP and its
    /// junior doctors that fill 2027. The last phase keeps a new action: its only one moves only when another
    /// one then starts there.
    mutating func startInEmptyMiddlePhases() {
        let last = calendar.phases.count - 1
        guard last >= 2 else { return }
        for phase in 1..<last where capacityHalves[phase] >= 2 && !phaseOf.contains(phase) {
            var budget = capacityHalves[phase]
            // An action that could start here but stays (timed for a season, too large for what is left, or the
            // last phase's only one) keeps ahead of it every action of lower score kept for its score alone: merit
            // comes before the phase.
            var staying = Int.min
            for unit in sequence where budget >= 2 {
                let from = phaseOf[order.first(unit)]
                guard from > phase, let cost = startCost(unit, in: phase) else { continue }
                var score = Int.min, byMerit = !order.isPriorityUnit[unit], seasonal = false
                for slot in order.slots(unit) {
                    let position = order.members[slot]
                    score = max(score, totals[position])
                    if index.isFoundation[position] { byMerit = false }
                    if case .season = deadlines[position] { seasonal = true }
                }
                guard !(byMerit && score < staying) else { continue }
                guard !seasonal, cost <= budget, let moved = moving(unit, from: from, to: phase) else {
                    if order.slots(unit).count == 1 { staying = max(staying, score) }
                    continue
                }
                self = moved
                budget -= cost
            }
        }
    }

    /// The placement with `unit` moved to `phase`, or nil when that would leave the last phase without a new
    /// action: its only one moves only when the end reserve, given back, lets another start there — never for a
    /// small team, which would then carry one action more than its capacity gives — or when it is the action
    /// chosen for a declared priority. The team's own priority starts before the mid-mandate review rather than
    /// wait three years behind a phase « sans action nouvelle »: in a village of 600 inhabitants without staff,
    /// where the cabinet médical and the volunteer doctors' centre overfill 2027, the « bien vieillir » referent
    /// (light) starts in 2028, and the end of the mandate carries on what was started.
    func moving(_ unit: Int, from: Int, to phase: Int) -> PhasePlacement? {
        let last = calendar.phases.count - 1
        var trial = self
        trial.move(unit, from: from, to: phase)
        guard from == last, !trial.phaseOf.contains(last) else { return trial }
        if !isSmallTeam {
            var refilled = trial
            refilled.returnEndReserveIfBorrowed()
            refilled.claimRoomLeft()
            if refilled.phaseOf.contains(last) { return refilled }
        }
        return order.isPriorityUnit[unit] ? trial : nil
    }

    /// What `unit` (placed later) would take of `phase`, in half-units, when every member's horizon and placed
    /// prerequisites let it start there.
    func startCost(_ unit: Int, in phase: Int) -> Int? {
        var total = 0
        for slot in order.slots(unit) {
            let position = order.members[slot]
            guard horizonPhase[index.horizons[position].ordinal] <= phase,
                  index.after[position].allSatisfy({ phaseOf[$0] <= phase }) else { return nil }
            total += cost(position, phase)
        }
        return total
    }

    /// Moves a placed unit from phase `from` to the earlier `phase`, saying why it is there.
    private mutating func move(_ unit: Int, from: Int, to phase: Int) {
        var earliest = 0, setter = order.first(unit)
        for slot in order.slots(unit) {
            let position = order.members[slot]
            let (own, cause) = ownEarliestPhase(position)
            ownEarliest[position] = own
            causes[position] = cause
            if own > earliest { (earliest, setter) = (own, position) }
        }
        for slot in order.slots(unit) {
            let position = order.members[slot]
            free[from] += cost(position, from)
            free[phase] -= cost(position, phase)
            phaseOf[position] = phase
            if phase > earliest {
                causes[position] = .capacity(wanted: earliest)
            } else if earliest > ownEarliest[position] {
                causes[position] = .together(setter)
            }
        }
    }
}
