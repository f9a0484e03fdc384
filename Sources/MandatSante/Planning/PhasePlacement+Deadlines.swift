import RuleKit

/// Deadlines: which hold for this profile, the phase that can still meet them, and the claims ahead that a
/// dated or pressing unit makes to keep its deadline.
extension PhasePlacement {
    /// Whether `position`'s deadline holds because of the territory's situation (`[si …]`): a pressing situation
    /// (see `claimBeforeDeadlines`).
    @inline(__always)
    func situational(_ position: Int) -> Bool {
        index.deadlineCondition[position] >= 0 && truths[index.deadlineCondition[position]] == .true
    }

    /// Whether `position` has a deadline for this profile: one it states, whose condition (if any) holds, unless
    /// its pressing unit was deferred past it. « Avant la saison touristique » dates nothing where the profile does
    /// not say when its season is: such an action neither keeps its turn before a pressing one nor goes ahead of a
    /// better scored action (a generated intercommunality's care for a tourist season of unknown months went
    /// ahead of its atelier santé ville, 107, then sent to the end of the mandate).
    @inline(__always)
    func dated(_ position: Int) -> Bool {
        guard index.isDated[position], seasons.count > 1 || !index.isBeforePeakSeason[position] else { return false }
        let condition = index.deadlineCondition[position]
        guard condition >= 0 else { return true }
        return truths[condition] == .true && !(order.unitOf[position] >= 0 && deferred[order.unitOf[position]])
    }

    /// The deadline `position` states, if it holds for this profile.
    @inline(__always)
    func statedDeadline(_ position: Int) -> Deadline? {
        dated(position) ? index.deadlines[position] : nil
    }

    /// A dated unit whose deadline could not be kept, while units of lower merit — not foundations — hold phases
    /// before it, claims again just ahead of them (still after every better one) and takes the last phase with
    /// room before its deadline: « avant l'arrêt du projet de PLU » holds, and what it went ahead of takes the
    /// room left, later if need be. Each such unit is tried in claim order, everything claiming again from the
    /// start; a move that still misses the deadline, or puts out of the roadmap a unit of higher merit or a team
    /// priority's action, is undone.
    mutating func claimBeforeDeadlines() {
        func isMissed(_ unit: Int) -> Bool {
            switch exits[order.first(unit)] {
            case .deadlineMissed: return true
            // A pressing unit deferred past its deadline that found no room even then is tried too.
            case .noCapacity: return deferred[unit] || order.slots(unit).contains { statedBound(order.members[$0]) != nil }
            // Placed after its deadline at its merit's turn: it may still claim a place before it.
            default: return deferred[unit] || grace[unit] > 0
            }
        }
        for unit in sequence.filter(isMissed) where isMissed(unit) {
            var earliest = 0, latest = calendar.phases.count - 1, merit = Int.min
            let pressing = isPressing(unit)
            for slot in order.slots(unit) {
                let position = order.members[slot]
                merit = max(merit, ownMerit(position))
                earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
                for prerequisite in index.after[position] { earliest = max(earliest, phaseOf[prerequisite]) }
                if let bound = statedBound(position, restoring: situational(position)) { latest = min(latest, bound.phase ?? -1) }
            }
            if earliest <= latest, claimAhead(unit, earliest: earliest, latest: latest, extra: 0, merit: merit, pressing: pressing) { continue }
            // Its deadline cannot be met: it claims ahead, as before its deadline, for the earliest phase after it
            // where the team has room (a deadline by a phase of the mandate only: a dated month that passed serves
            // nothing), rather than fall back to its merit's turn, the end of the mandate in a dense roadmap.
            guard isDueByPhase(unit) else { continue }
            for extra in 1..<max(1, calendar.phases.count - max(latest, 0)) where earliest <= latest + extra {
                let now = phaseOf[order.first(unit)]
                guard now < 0 || now > latest + extra else { break }
                if claimAhead(unit, earliest: earliest, latest: latest, extra: extra, merit: merit, pressing: pressing) { break }
            }
        }
    }

    /// Whether the deadlines `unit`'s members hold for this profile are all due by a phase of the mandate (one at
    /// least): the ones a unit may be given grace past.
    func isDueByPhase(_ unit: Int) -> Bool {
        var any = false
        for slot in order.slots(unit) {
            let position = order.members[slot], condition = index.deadlineCondition[position]
            guard index.isDated[position], condition < 0 || truths[condition] == .true else { continue }
            guard case .byHorizon? = index.deadlines[position] else { return false }
            any = true
        }
        return any
    }

    /// `unit` claims again just ahead of the units it may go ahead of (`claimBeforeDeadlines`), bounded by its
    /// deadline's phase `latest`, or given `extra` phases past it when that deadline cannot be met; true when the
    /// move was kept.
    private mutating func claimAhead(_ unit: Int, earliest: Int, latest: Int, extra: Int, merit: Int, pressing: Bool) -> Bool {
            guard let from = sequence.firstIndex(of: unit) else { return false }
            let latest = latest + extra
            // It goes ahead of the lower merited units, not of the better ones or the foundations, which go
            // ahead with it.
            func isBetter(_ other: Int) -> Bool {
                order.slots(other).contains { index.isFoundation[order.members[$0]] || order.merit[order.members[$0]] >= merit }
            }
            // A pressing situation (a deadline that holds because of the territory's situation: doctors leaving)
            // goes ahead of every action kept for its score alone, better scored or not: only the foundations, the
            // team's priorities and what has a deadline of its own keep their turn. Merit still decides what
            // stays in (see below).
            func keepsTurn(_ other: Int) -> Bool {
                guard pressing else { return isBetter(other) }
                return order.isPriorityUnit[other]
                    || order.slots(other).contains { index.isFoundation[order.members[$0]] || dated(order.members[$0]) }
            }
            // A pressing situation may borrow from the phases after its deadline: it goes ahead of the units placed
            // there too.
            let ahead = sequence[..<from].firstIndex { other in
                let phase = phaseOf[order.first(other)]
                return (pressing ? phase >= earliest : (earliest...latest).contains(phase)) && !keepsTurn(other)
            }
            // With nothing to go ahead of, a pressing situation still takes its phase, by borrowing (before its
            // deadline only).
            guard ahead != nil || (pressing && extra == 0) else { return false }
            // Not tried when what claims before it leaves the rest of the mandate too little room for it.
            if pressing {
                var room = 0, need = 0
                for phase in earliest..<capacityHalves.count { room += capacityHalves[phase] }
                for other in sequence[..<from] where keepsTurn(other) {
                    let phase = phaseOf[order.first(other)]
                    guard phase >= earliest else { continue }
                    for slot in order.slots(other) { room -= cost(order.members[slot], phase) }
                }
                for slot in order.slots(unit) { need += index.halfUnits[order.members[slot]] }
                guard room >= need else { return false }
            }
            let cut = ahead ?? from
            let between = sequence[cut..<from]
            var trial = self
            trial.unclaimAll()
            trial.sequence = Array(sequence[..<cut]) + between.filter(keepsTurn) + [unit] + between.filter { !keepsTurn($0) }
                + sequence[(from + 1)...]
            trial.late = late
            trial.late[unit] = true
            trial.borrows = borrows
            trial.borrows[unit] = pressing && extra == 0
            trial.grace[unit] = extra
            // A deferred unit claims with its deadline again.
            trial.deferred[unit] = false
            for other in trial.sequence { trial.claim(other) }
            // Kept only if it put out of the roadmap nothing better than itself, no team priority's action and no
            // other pressing situation (one it pushed out of its window is deferred, still in), and pushed no
            // priority's action past the mid-mandate review.
            guard trial.phaseOf[order.first(unit)] >= 0, !trial.deferred[unit] else { return false }
            let keepsBetter = (0..<order.unitCount).allSatisfy { other in
                phaseOf[order.first(other)] < 0 || trial.phaseOf[order.first(other)] >= 0
                    || (!order.isPriorityUnit[other] && !isBetter(other) && !isPressing(other))
            }
            // A unit that had found no room at all takes room no better waiting action of its effort or less could
            // use in its phase: merit still decides what enters.
            let enters = phaseOf[order.first(unit)] >= 0 || !trial.outranks(unit, merit: merit)
            guard keepsBetter, enters, trial.keepsPrioritiesEarly(as: self) else { return false }
            self = trial
            return true
    }

    /// What `position` weighs when it claims ahead for its deadline: its own score, or the merit of a placed action
    /// waiting for it. The urgency it borrows from an action that found no room does not count: the residents'
    /// participation before a PLU revision does not go ahead of the médicobus at the merit of an MSP health
    /// project that is « à envisager ensuite ».
    func ownMerit(_ position: Int) -> Int {
        var merit = totals[position]
        for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 {
            merit = max(merit, order.merit[dependent])
        }
        return min(merit, order.merit[position])
    }

    /// Whether an action « faute de place », of higher merit than `unit` and of its effort or less, could have
    /// started in the phase `unit` holds.
    func outranks(_ unit: Int, merit: Int) -> Bool {
        let phase = phaseOf[order.first(unit)]
        var halves = 0
        for slot in order.slots(unit) { halves += index.halfUnits[order.members[slot]] }
        return (0..<order.unitCount).contains { other in
            guard other != unit, phaseOf[order.first(other)] < 0, exits[order.first(other)] == .noCapacity else { return false }
            var otherHalves = 0, otherMerit = Int.min, earliest = 0
            for slot in order.slots(other) {
                let position = order.members[slot]
                otherHalves += index.halfUnits[position]
                otherMerit = max(otherMerit, order.merit[position])
                earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
            }
            return otherMerit > merit && otherHalves <= halves && earliest <= phase
        }
    }

    /// Whether a member of `unit` has a deadline that holds because of the territory's situation (`[si …]`).
    func isPressing(_ unit: Int) -> Bool {
        order.slots(unit).contains { situational(order.members[$0]) }
    }

    /// Whether `position` may start in the first phase for the hot season under way (`hotUnderway`): due before
    /// the hot season, that deadline holding for this profile.
    @inline(__always)
    func isForHotUnderway(_ position: Int) -> Bool {
        hotUnderway != nil && index.isBeforeHotSeason[position] && dated(position)
    }

    /// The earliest phase `position`'s horizon allows: the first one for the hot season under way, whatever its
    /// horizon (its first steps are for now).
    @inline(__always)
    func horizonEarliest(_ position: Int) -> Int {
        isForHotUnderway(position) ? 0 : horizonPhase[index.horizons[position].ordinal]
    }

    /// A stated deadline's month and the last phase that can meet it (nil when none can): for a month, the phase
    /// holding the month before it; for a horizon, the phase that stands for it, whose last month is the one shown.
    func statedBound(_ position: Int, restoring: Bool = false) -> (month: YearMonth, phase: Int?)? {
        switch restoring ? index.deadlines[position] : statedDeadline(position) {
        case .before(let month, _)?:
            return (month, Self.lastPhase(before: month, in: calendar))
        case .byHorizon(let horizon, _)?:
            let phase = horizonPhase[horizon.ordinal]
            return (calendar.phases[phase].end.adding(months: -1), phase)
        case .duringPeakSeason?:
            // While the season lasts: in the first phase.
            return (calendar.phases[0].end.adding(months: -1), 0)
        case .beforeHotSeason?, .beforePeakSeason?, nil:
            return nil
        }
    }

    /// The last phase in which work can still finish before `month`: the one holding the month before it.
    static func lastPhase(before month: YearMonth, in calendar: MandateCalendar) -> Int? {
        let previous = month.adding(months: -1)
        if previous < calendar.start { return nil }
        return calendar.phaseIndex(containing: previous) ?? calendar.phases.count - 1
    }
}
