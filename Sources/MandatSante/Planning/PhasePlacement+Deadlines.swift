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
        guard index.isDated[position], seasons.count > climateCount || !index.isBeforePeakSeason[position] else { return false }
        let condition = index.deadlineCondition[position]
        // A pattern rather than `==` (as in `Score`): asked for every slot of every placement tried.
        guard condition >= 0 else { return true }
        guard case .true = truths[condition] else { return false }
        return !(order.unitOf[position] >= 0 && deferred[order.unitOf[position]])
    }

    /// The deadline `position` states, if it holds for this profile.
    @inline(__always)
    func statedDeadline(_ position: Int) -> Deadline? {
        dated(position) ? index.deadlines[position] : nil
    }

    /// Merit decides what is in the roadmap, a deadline when. A dated unit whose deadline could not be kept, while
    /// units kept for their score alone — better scored ones included; not foundations, priorities' actions or
    /// what has a deadline or a season of its own — hold phases before it, claims again just ahead of them and
    /// takes the last phase with room before its deadline: « avant l'arrêt du projet de PLU » holds, and what it
    /// went ahead of takes the room left, later if need be. Each such unit is tried once, in claim order,
    /// everything claiming again from the start (at most two replannings — earliest deadline first, then without —
    /// per missed unit and phase past its deadline: the work stays bounded by 2 × units × phases replannings, and
    /// only missed units pay it; the order makes it deterministic);
    /// a move that still misses the deadline, or puts out of the roadmap a unit scored higher or a team
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
                // A prerequisite kept for its score alone comes with it when it claims ahead (`claim` pulls it
                // in first): its horizon bounds the unit, not the phase it took at its own turn (the reflex of
                // health in projects, 90, placed after the review, before the EIS of projects due by it).
                for prerequisite in index.after[position] {
                    let pulled = order.unitOf[prerequisite]
                    let movable = pulled >= 0 && !order.isPriorityUnit[pulled]
                        && !order.slots(pulled).contains { index.isFoundation[order.members[$0]] || dated(order.members[$0]) }
                    earliest = max(earliest, movable ? horizonPhase[index.horizons[prerequisite].ordinal] : phaseOf[prerequisite])
                }
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
    /// Tried first with the earliest deadline first (`byDeadline`), then, when that move is undone, with the dated
    /// units due later keeping their turn: two replannings at most per try.
    private mutating func claimAhead(_ unit: Int, earliest: Int, latest: Int, extra: Int, merit: Int, pressing: Bool) -> Bool {
        var passedLater = false
        if claimAhead(unit, earliest: earliest, latest: latest, extra: extra, merit: merit, pressing: pressing,
                      byDeadline: true, passedLater: &passedLater) { return true }
        guard passedLater else { return false }
        return claimAhead(unit, earliest: earliest, latest: latest, extra: extra, merit: merit, pressing: pressing,
                          byDeadline: false, passedLater: &passedLater)
    }

    private mutating func claimAhead(_ unit: Int, earliest: Int, latest: Int, extra: Int, merit: Int, pressing: Bool,
                                     byDeadline: Bool, passedLater: inout Bool) -> Bool {
            guard let from = sequence.firstIndex(of: unit) else { return false }
            let latest = latest + extra
            // It goes ahead of the lower merited units, not of the better ones or the foundations, which go
            // ahead with it.
            func isBetter(_ other: Int) -> Bool {
                order.slots(other).contains { index.isFoundation[order.members[$0]] || order.merit[order.members[$0]] >= merit }
            }
            func isHigher(_ other: Int) -> Bool {
                order.slots(other).contains { index.isFoundation[order.members[$0]] || order.merit[order.members[$0]] > merit }
            }
            // Merit decides what is in the roadmap, a deadline when: a dated unit goes ahead of every action kept
            // for its score alone, better scored or not. Only the foundations, the team's priorities and what has
            // a deadline or a season of its own keep their turn — those of lower merit too for a pressing situation;
            // a unit dated without one goes ahead of them, as before. What a unit that keeps its turn pulls in as
            // its prerequisite comes with it (it claims it again). Merit still decides what stays in (see below).
            // Among dated units competing for the same window, the earlier deadline claims first (earliest deadline
            // first), then the better score, then the claim order (the first id): a dated unit due later, neither a
            // priority's action nor a foundation, does not keep its turn before one due sooner — a move it makes it
            // miss its own deadline by is undone (see below).
            let due = deadlineMonth(unit)
            func isDueLater(_ other: Int) -> Bool {
                guard byDeadline, let due, !order.isPriorityUnit[other], (earliest...latest).contains(phaseOf[order.first(other)]),
                      let theirs = deadlineMonth(other) else { return false }
                return theirs > due
            }
            func keepsTurn(_ other: Int) -> Bool {
                if order.slots(other).contains(where: { index.isFoundation[order.members[$0]] }) { return true }
                if isDueLater(other) { return false }
                let ownTurn = order.isPriorityUnit[other] || order.slots(other).contains { dated(order.members[$0]) }
                return pressing ? ownTurn : ownTurn && isBetter(other)
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
            passedLater = between.contains(where: isDueLater)
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
            // Better is scored higher: an equally scored action kept for its score alone may be put out by a dated
            // unit, as a lower one may (deferring a better one is fine; putting it out is not).
            let keepsBetter = (0..<order.unitCount).allSatisfy { other in
                phaseOf[order.first(other)] < 0 || trial.phaseOf[order.first(other)] >= 0
                    || (!order.isPriorityUnit[other] && !isHigher(other) && !isPressing(other))
            }
            // A unit that had found no room at all takes room no better waiting action of its effort or less could
            // use in its phase: merit still decides what enters. And an action the move put out is not kept out
            // while a weaker one of its effort or more, neither a foundation nor a priority's action, holds a phase
            // it could take.
            // The guards, cheapest first: each is computed only when the ones before it hold.
            guard keepsBetter, phaseOf[order.first(unit)] >= 0 || !trial.outranks(unit, merit: merit) else { return false }
            // A unit due later that it went ahead of still meets its deadline (or season): one missed deadline is not
            // traded for another.
            let keepsLaterDeadlines = !passedLater || between.allSatisfy { other in
                !isDueLater(other) || order.slots(other).allSatisfy { slot in
                    let position = order.members[slot]
                    if case .none = deadlines[position] { return true }
                    if case .none = trial.deadlines[position] { return false }
                    return trial.phaseOf[position] >= 0
                }
            }
            guard keepsLaterDeadlines, trial.keepsPrioritiesEarly(as: self) else { return false }
            guard (0..<order.unitCount).allSatisfy({ other in
                phaseOf[order.first(other)] < 0 || trial.phaseOf[order.first(other)] >= 0 || !trial.isHeldByWeaker(other)
            }) else { return false }
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

    /// The earliest month `unit`'s members are due by (a stated deadline that holds for this profile, or the
    /// situation's deadline of a deferred pressing unit); nil when none states one (a season is no month).
    func deadlineMonth(_ unit: Int) -> YearMonth? {
        var month: YearMonth?
        for slot in order.slots(unit) {
            let position = order.members[slot]
            guard let bound = statedBound(position, restoring: situational(position)) else { continue }
            month = month.map { min($0, bound.month) } ?? bound.month
        }
        return month
    }

    /// Whether a member of `unit` has a deadline that holds because of the territory's situation (`[si …]`).
    func isPressing(_ unit: Int) -> Bool {
        order.slots(unit).contains { situational(order.members[$0]) }
    }

    /// The climate season (an index in `seasons`) `position` is due before, if any: the rainy season is the hot
    /// one where they do not differ.
    @inline(__always)
    func climateSeason(of position: Int) -> Int? {
        let season = Int(index.climateSeason[position])
        return season < 0 ? nil : min(season, climateCount - 1)
    }

    /// Whether `position` may start in the first phase for the climate season under way (`climateUnderway`): due
    /// before that season, that deadline holding for this profile.
    @inline(__always)
    func isForSeasonUnderway(_ position: Int) -> Bool {
        guard let season = climateSeason(of: position) else { return false }
        return climateUnderway[season] != nil && dated(position)
    }

    /// The earliest phase `position`'s horizon allows: the first one for the climate season under way, whatever
    /// its horizon (its first steps are for now).
    @inline(__always)
    func horizonEarliest(_ position: Int) -> Int {
        isForSeasonUnderway(position) ? 0 : horizonPhase[index.horizons[position].ordinal]
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
        case .beforeHotSeason?, .beforeRainySeason?, .beforePeakSeason?, nil:
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

/// A deadline kept by taking the room of lighter, lower-scored undated actions, the next phases carrying the rest.
extension PhasePlacement {
    /// The priorities' actions of `phase` that a pressing `position` may send one phase on (`keepDeadlinesInLighterRoom`):
    /// alone in their unit, undated, neither a foundation nor waited for by a placed action, nor `position`'s companion.
    /// Shared with `keepDeadlinesOverPriorities`, which sends such an action later still.
    func priorityHolders(in phase: Int, for position: Int) -> [(unit: Int, score: Int)] {
        var holders: [(unit: Int, score: Int)] = []
        for other in 0..<order.unitCount where order.slots(other).count == 1 {
            let member = order.first(other)
            guard member != position, phaseOf[member] == phase, order.isPriorityUnit[other] || servedFor[member] >= 0,
                  !index.isFoundation[member], !index.isDated[member], grace[other] == 0, !deferred[other],
                  !index.graph.dependents[member].contains(where: { phaseOf[$0] >= 0 }) else { continue }
            if case .none = deadlines[member] {} else { continue }
            holders.append((other, totals[member]))
        }
        return holders.sorted { ($0.score, -$0.unit) < ($1.score, -$1.unit) }
    }

    /// An action placed after the phase its stated deadline allows (a one-member unit, kept for its score or dated
    /// alone) takes, in the last phase before its deadline it may start in, the room of actions kept for their
    /// score alone scored no higher — undated, neither a foundation nor a priority's action, alone in their unit,
    /// waited for by no placed action —, the least scored first; what that room lacks, the next phases carry (the
    /// phase overfills up to its ceiling, `Capacity.ceilingHalves`, and the mandate's total does not grow). Those
    /// actions go to the first later phase with room: none leaves the roadmap, no deadline is missed, no better
    /// action waits for a weaker one. In a belt town of 9,000 inhabitants, the school yard « oasis » (80, due by the
    /// mid-mandate review) in 2028, the agents' training (76) after the review.
    mutating func keepDeadlinesInLighterRoom() {
        let last = calendar.phases.count - 1
        for unit in 0..<order.unitCount where order.slots(unit).count == 1 {
            let position = order.first(unit)
            let from = phaseOf[position]
            // A pressing unit deferred past its deadline for want of room is tried too, with that deadline.
            let restoring = situational(position) && deferred[unit]
            guard from > 0, dated(position) || restoring, let bound = statedBound(position, restoring: restoring), let due = bound.phase,
                  from > due else { continue }
            let earliest = ownEarliestPhase(position).phase
            guard earliest <= due else { continue }
            let score = totals[position]
            search: for phase in stride(from: due, through: max(earliest, 1), by: -1) {
                var holders: [(unit: Int, score: Int)] = []
                for other in 0..<order.unitCount where other != unit && order.slots(other).count == 1 && !order.isPriorityUnit[other] {
                    let member = order.first(other)
                    guard phaseOf[member] == phase, order.isByMerit(member), servedFor[member] < 0, totals[member] <= score,
                          !index.isFoundation[member], !dated(member),
                          !index.graph.dependents[member].contains(where: { phaseOf[$0] >= 0 }) else { continue }
                    if case .none = deadlines[member] {} else { continue }
                    holders.append((other, totals[member]))
                }
                holders.sort { ($0.score, -$0.unit) < ($1.score, -$1.unit) }
                // A pressing situation (`[si …]`) also takes the place of a priority's action that has no deadline and
                // can wait a phase without passing the mid-mandate review: the junior doctors due before the expected
                // departures in 2027, the seniors' « bien vieillir » in January 2028, which loses nothing. Tried last,
                // whatever its score: it is only deferred, never put out.
                let waitingPriorities = situational(position) && phase < review ? priorityHolders(in: phase, for: position) : []
                var trial = self
                trial.remove(unit)
                var moved: [Int] = []
                for holder in holders + waitingPriorities {
                    trial.remove(holder.unit)
                    moved.append(holder.unit)
                    var attempt = trial
                    let own = attempt.ownEarliestPhase(position)
                    attempt.settle(unit, in: phase, causes: [phase > own.phase ? .capacity(wanted: own.phase) : own.cause])
                    attempt.deadlines[position] = .stated(bound.month, by: position)
                    attempt.deferred[unit] = false
                    guard attempt.usedHalves(phase) <= attempt.ceiling(phase) else { continue }
                    var placedAll = true
                    for other in moved {
                        let need = attempt.need(of: other)
                        // A priority's action waits no later than the review, under that phase's ceiling if need be.
                        let waits = waitingPriorities.contains { $0.unit == other }
                        guard phase < last, let later = waits
                                ? ((phase + 1)...max(phase + 1, review)).first(where: {
                                    attempt.hasRoom($0, need, 1) || attempt.usedHalves($0) + need.at($0) <= attempt.ceiling($0) })
                                : ((phase + 1)...last).first(where: { attempt.hasRoom($0, need, 1) }), later <= (waits ? review : last) else {
                            placedAll = false
                            break
                        }
                        attempt.settle(other, in: later, causes: [.capacity(wanted: phase)])
                    }
                    // The next phases carry what the phase overfills: the mandate's room at its end is not less than before.
                    guard placedAll, phase < last, ((phase + 1)...last).allSatisfy({ attempt.room($0) >= min(0, room($0)) }) else { continue }
                    self = attempt
                    break search
                }
            }
        }
    }
}
