/// Stage 4 of planning: each unit, in claim order, takes the earliest phase its horizon, its relations and its
/// deadline allow where the team still has room; what finds no room is « à envisager ensuite ».
///
/// Because units claim in order of merit (after the foundations), an action is never left out for lack of room
/// while a lower-scored action of equal or greater effort holds a phase it could have taken: that action came
/// later and found room where this one could not. One exception, stated by the team itself: when the action
/// chosen for a declared priority finds no room, it takes the place of the least merited action that frees
/// enough room in its window.
struct PhasePlacement {
    /// Each position's phase, -1 when not placed.
    private(set) var phaseOf: [Int]
    private(set) var placements: [Placement?]
    private(set) var deadlines: [ScheduledDeadline?]
    /// Units left in each phase.
    private(set) var free: [Int]
    /// The order in which positions were placed (a unit's members by merit), for ranking inside a phase:
    /// prerequisites claimed for an action come before it.
    private(set) var placedOrder: [Int]

    init(_ order: ClaimOrder, state: inout PlanningState, index: PlanningIndex, calendar: MandateCalendar,
         capacity: Capacity, hotSeason: HotSeason) {
        let count = index.recommendations.count
        phaseOf = [Int](repeating: -1, count: count)
        placements = [Placement?](repeating: nil, count: count)
        deadlines = [ScheduledDeadline?](repeating: nil, count: count)
        free = capacity.unitsPerPhase
        placedOrder = [Int](repeating: Int.max, count: count)
        var placedCount = 0
        let lastPhase = calendar.phases.count - 1
        let horizonPhase = Horizon.allCases.map(calendar.phaseIndex(for:))
        var methodCount = 0
        var unitOf = [Int](repeating: -1, count: count)
        for (index, unit) in order.units.enumerated() { for position in unit { unitOf[position] = index } }
        var claimed = [Bool](repeating: false, count: order.units.count)

        // A unit claims room after the units of its prerequisites have claimed theirs: an action is not placed
        // before what it needs, which would leave no room for that. When the action then finds no room, what it
        // pulled in (placed or not) is given back and claims again at its own turn, which comes later: had it
        // come, the unit would have been claimed already.
        var claimLog: [Int] = []
        func claim(_ unitIndex: Int) {
            guard !claimed[unitIndex] else { return }
            claimed[unitIndex] = true
            let mark = claimLog.count
            let unit = order.units[unitIndex]
            for position in unit {
                for prerequisite in index.after[position] where unitOf[prerequisite] >= 0 { claim(unitOf[prerequisite]) }
            }
            if !place(unit) {
                for pulled in claimLog[mark...] {
                    remove(order.units[pulled])
                    claimed[pulled] = false
                }
                claimLog.removeSubrange(mark...)
            }
            claimLog.append(unitIndex)
        }

        /// Takes a placed unit out of its phase: it is a candidate again.
        func remove(_ members: [Int]) {
            guard let phase = members.first.map({ phaseOf[$0] }), phase >= 0 else { return }
            free[phase] += members.reduce(0) { $0 + index.units[$1] }
            methodCount -= members.filter { index.isMethod[$0] }.count
            for position in members {
                phaseOf[position] = -1
                placements[position] = nil
                deadlines[position] = nil
                placedOrder[position] = Int.max
                state.exits[position] = .none
            }
        }

        /// Places `unit`; false when it found no room (its members' exits then say why).
        @discardableResult
        func place(_ unit: [Int]) -> Bool {
            let methodMembers = unit.filter { index.isMethod[$0] }.count
            let isFoundation = unit.contains { index.isFoundation[$0] }
            if methodMembers > 0, !isFoundation, methodCount + methodMembers > capacity.methodLimit {
                for position in unit { state.exits[position] = .methodLimit }
                return false
            }
            // The earliest phase: each member's horizon, after its placed prerequisites; the unit waits for the
            // latest of its members. The latest: before any placed action that waits for a member.
            var earliest = 0
            var ownEarliest: [Int] = []
            var causes: [Placement] = []
            var latest = lastPhase
            var setter = unit[0]
            for position in unit {
                var phase = horizonPhase[index.horizons[position].ordinal]
                var cause = Placement.horizon
                for prerequisite in index.after[position] where phaseOf[prerequisite] > phase {
                    phase = phaseOf[prerequisite]
                    cause = .prerequisite(index.recommendations[prerequisite].id)
                }
                for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 {
                    latest = min(latest, phaseOf[dependent])
                }
                ownEarliest.append(phase)
                causes.append(cause)
                if phase > earliest {
                    earliest = phase
                    setter = position
                }
            }
            let units = unit.reduce(0) { $0 + index.units[$1] }
            // Actions that go together may overfill a phase by their companions' effort when no phase can hold
            // them all: they are one project, and a CLS is not dropped because its coordinator does not fit.
            let main = unit.map { index.units[$0] }.max() ?? units
            guard let (phase, deadline) = findPhase(unit, units: units, earliest: earliest, latest: latest, index: index,
                                                    calendar: calendar, hotSeason: hotSeason)
                ?? (unit.count > 1 ? findPhase(unit, units: main, earliest: earliest, latest: latest, index: index,
                                               calendar: calendar, hotSeason: hotSeason) : nil) else {
                let missed = unit.lazy.compactMap { position -> YearMonth? in
                    if case .before(let month, _)? = index.deadlines[position] { return month }
                    return nil
                }.first
                for position in unit { state.exits[position] = missed.map { .deadlineMissed($0) } ?? .noCapacity }
                return false
            }
            free[phase] -= units
            methodCount += methodMembers
            for position in unit.sorted(by: { order.rankKey[$0] < order.rankKey[$1] }) {
                placedOrder[position] = placedCount
                placedCount += 1
            }
            for (offset, position) in unit.enumerated() {
                phaseOf[position] = phase
                deadlines[position] = index.deadlines[position] == nil ? nil : deadline
                placements[position] = phase > earliest ? .capacity(wanted: earliest)
                    : earliest > ownEarliest[offset] ? .together(index.recommendations[setter].id)
                    : causes[offset]
                state.exits[position] = .none
            }
            return true
        }

        for unit in order.units.indices { claim(unit) }

        // A declared priority's action that found no room takes the place of the least merited placed unit of
        // lower merit — neither a foundation, nor another priority's action, nor the prerequisite of a placed
        // action — whose phase it may use and whose room is enough.
        for pick in order.priorityUnits.sorted() where phaseOf[order.units[pick][0]] < 0 && state.exits[order.units[pick][0]] == .noCapacity {
            let unit = order.units[pick]
            let needed = unit.reduce(0) { $0 + index.units[$1] }
            let earliest = unit.map { horizonPhase[index.horizons[$0].ordinal] }.max() ?? 0
            let pickMerit = unit.map { order.merit[$0] }.max() ?? 0
            let candidates = order.units.indices.reversed().filter { other in
                guard other != pick, !order.priorityUnits.contains(other) else { return false }
                let members = order.units[other]
                let phase = phaseOf[members[0]]
                guard phase >= earliest, !members.contains(where: { index.isFoundation[$0] }),
                      (members.map { order.merit[$0] }.max() ?? 0) < pickMerit,
                      !members.contains(where: { member in index.graph.dependents[member].contains { phaseOf[$0] >= 0 } })
                else { return false }
                return free[phase] + members.reduce(0) { $0 + index.units[$1] } >= needed
            }
            guard let evicted = candidates.first else { continue }
            let members = order.units[evicted]
            remove(members)
            for position in members { state.exits[position] = .noCapacity }
            if !place(unit) {
                // Could not use the room after all (a deadline or a relation): give it back.
                place(members)
            }
        }

        // Merit settled which actions are in; when they go is settled again with the foundations first, then
        // what has a deadline, then the others in their order, so that a seasonal action gets the earliest
        // season the same actions allow. If that order cannot hold them all, the first placement stands.
        var foundations: [Int] = [], dated: [Int] = [], others: [Int] = []
        for unit in order.units.indices where phaseOf[order.units[unit][0]] >= 0 {
            let members = order.units[unit]
            if members.contains(where: { index.isFoundation[$0] }) {
                foundations.append(unit)
            } else if members.contains(where: { index.deadlines[$0] != nil }) {
                dated.append(unit)
            } else {
                others.append(unit)
            }
        }
        if !dated.isEmpty {
            let first = (phaseOf, placements, deadlines, free, placedOrder, methodCount, placedCount, state.exits)
            let placedFirst = phaseOf
            let kept = foundations + dated + others
            for unit in kept { remove(order.units[unit]) }
            // As in the first placement, a unit's kept prerequisites take their room before it.
            var replaced = [Bool](repeating: false, count: order.units.count)
            func replace(_ unit: Int) -> Bool {
                guard !replaced[unit] else { return true }
                replaced[unit] = true
                for position in order.units[unit] {
                    for prerequisite in index.after[position] where unitOf[prerequisite] >= 0 && placedFirst[prerequisite] >= 0 {
                        guard replace(unitOf[prerequisite]) else { return false }
                    }
                }
                return place(order.units[unit])
            }
            if !kept.allSatisfy(replace) {
                (phaseOf, placements, deadlines, free, placedOrder, methodCount, placedCount, state.exits) = first
            }
        }
    }

    /// The first phase in `earliest...latest` with room for the unit, within its members' deadlines; for a
    /// seasonal deadline, the first hot season it can still be ready for.
    private func findPhase(_ unit: [Int], units: Int, earliest: Int, latest: Int, index: PlanningIndex,
                           calendar: MandateCalendar, hotSeason: HotSeason) -> (Int, ScheduledDeadline?)? {
        var latest = latest
        var stated: ScheduledDeadline?
        var seasonal = false
        for position in unit {
            switch index.deadlines[position] {
            case .before(let month, let reason)?:
                guard let phase = Self.lastPhase(before: month, in: calendar) else { return nil }
                latest = min(latest, phase)
                stated = ScheduledDeadline(before: month, kind: .stated(reason))
            case .beforeHotSeason?:
                seasonal = true
            case nil:
                break
            }
        }
        guard seasonal else {
            return firstRoom(units, earliest, latest).map { ($0, stated) }
        }
        // Two months at least to get ready: a season that starts sooner is for next year.
        var season = hotSeason.nextStart(atOrAfter: calendar.start.adding(months: 2))
        while season.adding(months: -1) < calendar.end, let phase = Self.lastPhase(before: season, in: calendar) {
            if let room = firstRoom(units, earliest, min(latest, phase)) {
                return (room, stated ?? ScheduledDeadline(before: season, kind: .hotSeason(hotSeason)))
            }
            season = season.adding(months: 12)
        }
        return nil
    }

    private func firstRoom(_ units: Int, _ earliest: Int, _ latest: Int) -> Int? {
        guard earliest <= latest else { return nil }
        return (earliest...latest).first { free[$0] >= units }
    }

    /// The last phase in which work can still finish before `month`: the one holding the month before it.
    static func lastPhase(before month: YearMonth, in calendar: MandateCalendar) -> Int? {
        let previous = month.adding(months: -1)
        if previous < calendar.start { return nil }
        return calendar.phaseIndex(containing: previous) ?? calendar.phases.count - 1
    }
}
