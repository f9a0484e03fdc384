import RuleKit

/// Room: the phase a unit can take within its window and deadlines, what each phase has left, and the end
/// reserve given back to the last phase.
extension PhasePlacement {
    /// The first phase in `earliest...latest` with room for the unit, within its members' deadlines; for a
    /// seasonal deadline, the first season (hot or tourist) it can still be ready for.
    func findPhase(_ slots: Range<Int>, units: Need, earliest: Int, latest: Int, late: Bool) -> (Int, DeadlineCause)? {
        let latestAllowed = latest
        var latest = latest
        var stated = DeadlineCause.none
        // The climate seasons the unit's members are due before, as bits of their index in `seasons`; the one
        // under way at the start that a member serves, -1 for none.
        var climate = 0, peak = false, underway = -1
        for slot in slots where dated(order.members[slot]) {
            switch statedDeadline(order.members[slot]) {
            case .before?, .byHorizon?, .duringPeakSeason?:
                guard let bound = statedBound(order.members[slot]), let phase = bound.phase else { return nil }
                latest = min(latest, phase)
                stated = .stated(bound.month, by: order.members[slot])
            case .beforeHotSeason?, .beforeRainySeason?:
                let position = order.members[slot]
                if let season = climateSeason(of: position) {
                    climate |= 1 << season
                    if underway < 0 && isForSeasonUnderway(position) { underway = season }
                }
            case .beforePeakSeason?:
                peak = seasons.count > climateCount
            case nil:
                break
            }
        }
        guard climate != 0 || peak else {
            if let phase = late ? lastRoom(units, slots.count, earliest, latest) : firstRoom(units, slots.count, earliest, latest) {
                return (phase, stated)
            }
            // A unit given grace past a deadline it could not meet: the earliest phase after it with room.
            let extra = grace[order.unitOf[order.members[slots.lowerBound]]]
            guard extra > 0, case .stated = stated else { return nil }
            return firstRoom(units, slots.count, max(earliest, latest + 1), min(latestAllowed, latest + extra)).map { ($0, .none) }
        }
        // A climate season under way: the first phase if it has room at the unit's turn, its first steps for this
        // season (`climateUnderway`); otherwise the next season, as usual.
        if underway >= 0, case .none = stated, let room = firstRoom(units, slots.count, earliest, min(latest, 0)) {
            return (room, .underway(underway))
        }
        for start in seasonStarts where start.season < climateCount ? climate & (1 << start.season) != 0 : peak {
            guard let phase = start.lastPhase else { continue }
            if let room = firstRoom(units, slots.count, earliest, min(latest, phase)) {
                if case .none = stated { return (room, .season(start.month, start.season)) }
                return (room, stated)
            }
        }
        return nil
    }

    func firstRoom(_ units: Need, _ members: Int, _ earliest: Int, _ latest: Int) -> Int? {
        guard earliest <= latest else { return nil }
        return (earliest...latest).first { hasRoom($0, units, members) }
    }

    func lastRoom(_ units: Need, _ members: Int, _ earliest: Int, _ latest: Int) -> Int? {
        guard earliest <= latest else { return nil }
        return (earliest...latest).last { hasRoom($0, units, members) }
    }

    /// Whether `phase` has `units` half-units left and, for the first phase, room for `members` more actions.
    func hasRoom(_ phase: Int, _ units: Need, _ members: Int) -> Bool {
        room(phase) >= units.at(phase) && (phase > 0 || firstPhaseCount + members <= Capacity.firstPhaseActions)
    }

    /// What `position` takes of `phase`, in half-units.
    func cost(_ position: Int, _ phase: Int) -> Int {
        phase == 0 ? firstPhaseCost(position) : index.halfUnits[position]
    }

    /// What `position` takes of the first phase. An action for the climate season already under way does there only its
    /// first steps for this season, the rest before the next one: a quick act, like an action of the first months
    /// (La Réunion's cyclone plan, a light action, in a December start: half a unit, not the unit that kept it out
    /// of the first quarter until November 2027).
    func firstPhaseCost(_ position: Int) -> Int {
        guard isForSeasonUnderway(position) else { return index.firstPhaseHalfUnits[position] }
        return Capacity.halfUnits(effort: index.recommendations[position].effort, horizon: .hundredDays, inPhase: 0)
    }

    /// Half-units a unit (or its largest member) takes of the first phase and of the others.
    struct Need {
        var first = 0, later = 0
        /// What any phase has room for.
        static let anyRoom = Need(first: Int.min / 2, later: Int.min / 2)

        func at(_ phase: Int) -> Int { phase == 0 ? first : later }

        mutating func add(first: Int, later: Int) {
            self.first += first
            self.later += later
        }

        mutating func keepLarger(first: Int, later: Int) {
            self.first = max(self.first, first)
            self.later = max(self.later, later)
        }
    }

    /// Half-units left in `phase` as the roadmap counts them (`Capacity.halfUnitsLeft(inPhase:free:)`).
    @inline(__always)
    func room(_ phase: Int) -> Int { Capacity.halfUnitsLeft(inPhase: phase, free: free) }

    /// When what earlier phases overfilled reaches the last phase and leaves it no room for a new action (none
    /// starts there yet), the units the first phase's floor took from it come back to it (once): true when they
    /// did now.
    /// Beyond what the floor took, the end keeps its one unit by stretching the mandate: up to two units for a
    /// pressing situation (`bounded`: it borrows only what the mandate has left), whatever a placed set or
    /// foundation took from it otherwise (three companions overfilling by three units): the last three years' one
    /// new action is worth more than the exact sum of the months.
    @discardableResult
    mutating func returnEndReserveIfBorrowed(bounded: Bool = false) -> Bool {
        let last = free.count - 1
        guard endReserveGiven == 0 else { return false }
        let left = room(last)
        guard left < free[last], left < 2, !phaseOf.contains(last) else { return false }
        endReserveGiven = max(endReserveHalves, !bounded || left >= -2 ? 2 - left : 0)
        guard endReserveGiven > 0 else { return false }
        free[last] += endReserveGiven
        return true
    }
}
