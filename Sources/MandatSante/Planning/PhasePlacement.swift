import RuleKit

/// Stage 4 of planning: each unit, in claim order, takes the earliest phase its horizon, its relations and its
/// deadline allow where the team still has room; what finds no room is « à envisager ensuite ».
///
/// Because units claim in order of merit (after the foundations), an action is never left out for lack of room
/// while a lower-scored action of equal or greater effort holds a phase it could have taken: that action came
/// later and found room where this one could not. One exception, stated by the team itself: when the action
/// chosen for a declared priority finds no room, it takes the place of the least merited action that frees
/// enough room in its window. Placed by the mid-mandate review, that action is a first decision: neither a
/// deadline nor the seasons push it past the review.
///
/// Everything is held in arrays by position and the causes name positions, not ids: placing a profile's units
/// allocates and retains almost nothing (planning runs for every commune of France in a batch).
struct PhasePlacement {
    /// Each position's phase, -1 when not placed.
    private(set) var phaseOf: [Int]
    /// The deadline each placed position is to meet (a month and where it comes from).
    private var deadlines: [DeadlineCause]
    /// The conditions' truths for this profile (`PlanningState.truths`): whether a deadline under a condition holds.
    private let truths: [Truth]
    /// Pressing units that found no room before their deadline and took their merit's place without it.
    private var deferred: [Bool]
    /// Half-units left in each phase.
    private(set) var free: [Int]
    /// The order in which positions were placed (a unit's members by merit), for ranking inside a phase:
    /// prerequisites claimed for an action come before it.
    private(set) var placedOrder: [Int]
    /// Why each placed position is in its phase.
    private var causes: [Cause]
    /// Why each position left the roadmap (`PlanningState.exits`, updated here and handed back at the end).
    private var exits: [PlanningState.Exit]
    private var methodCount = 0
    private var placedCount = 0
    /// Actions placed in the first phase (it holds at most `Capacity.firstPhaseActions`).
    private var firstPhaseCount = 0
    /// Units that have claimed their room (first placement) or taken it again (second placement).
    private var claimed: [Bool]
    /// Units claimed in the current chain of prerequisites, to give them back when the action that pulled them in
    /// finds no room.
    private var claimLog: [Int] = []
    /// Scratch: each member's own earliest phase while its unit is being placed.
    private var ownEarliest: [Int]
    /// The units in the order they claim room: the claim order, except a dated unit moved ahead of the units of
    /// lower merit that held its window (`claimBeforeDeadlines`).
    private var sequence: [Int]
    /// Units moved ahead for their stated deadline: each takes the last phase with room before it, leaving the
    /// earlier phases to the actions it went ahead of.
    private var late: [Bool]
    /// Units of a pressing situation moved ahead that may, with no room left before their deadline, overfill
    /// the last phase before it, as a foundation does: the excess is taken from the next phases.
    private var borrows: [Bool]

    private let order: ClaimOrder
    private let index: PlanningIndex
    private let calendar: MandateCalendar
    /// The hot season first, then the tourist seasons of the profile (none when it does not know them).
    private let seasons: [HotSeason]
    /// Every start of `seasons` a seasonal action can still be ready for, in date order, each with its season (an
    /// index in `seasons`) and the last phase that ends before it (nil when none does): found once per profile,
    /// not at every placement.
    private let seasonStarts: [(month: YearMonth, season: Int, lastPhase: Int?)]
    /// « pendant la saison d'hiver 2026-2027, déjà commencée »: the tourist season under way at the start, which
    /// what is due during it serves in the first phase (the planner left such actions out when none is).
    private let underwaySeason: String
    private let methodLimit: Int
    /// Half-units of each phase before any claim.
    private let capacityHalves: [Int]
    /// Half-units the first phase's floor took from the last phase (`Capacity.endReserve`).
    private let endReserveHalves: Int
    /// Half-units given back to the last phase when borrowing would have left it no room for a new action
    /// (`returnEndReserveIfBorrowed`).
    private(set) var endReserveGiven = 0
    private let horizonPhase: [Int]
    /// The phase ending at the mid-mandate review.
    private let review: Int

    /// `Placement` with positions instead of ids.
    private enum Cause {
        case horizon, prerequisite(Int), together(Int), capacity(wanted: Int)
    }

    /// `ScheduledDeadline` without its texts: the deadline stated by a position, or a season (its start and its
    /// index in `seasons`).
    private enum DeadlineCause {
        case none, season(YearMonth, Int), stated(YearMonth, by: Int)
    }

    init(_ order: ClaimOrder, state: inout PlanningState, index: PlanningIndex, calendar: MandateCalendar,
         capacity: Capacity, hotSeason: HotSeason, peakSeasons: [HotSeason]) {
        let count = index.recommendations.count
        phaseOf = [Int](repeating: -1, count: count)
        deadlines = [DeadlineCause](repeating: .none, count: count)
        free = capacity.unitsPerPhase.map { 2 * $0 }
        capacityHalves = free
        endReserveHalves = 2 * capacity.endReserve
        placedOrder = [Int](repeating: Int.max, count: count)
        causes = [Cause](repeating: .horizon, count: count)
        exits = state.exits
        truths = state.truths
        claimed = [Bool](repeating: false, count: order.unitCount)
        ownEarliest = [Int](repeating: 0, count: count)
        sequence = Array(0..<order.unitCount)
        late = [Bool](repeating: false, count: order.unitCount)
        borrows = late
        deferred = late
        claimLog.reserveCapacity(order.unitCount)
        self.order = order
        self.index = index
        self.calendar = calendar
        let seasons = [hotSeason] + peakSeasons
        self.seasons = seasons
        // Two months at least to get ready: a season that starts sooner is for next year. A season starting in
        // the mandate's last month still counts.
        seasonStarts = !index.hasSeasonalDeadline ? [] : HotSeason.starts(
            of: seasons, from: calendar.start.adding(months: 2), before: calendar.end.adding(months: 1)
        ).map { ($0.month, $0.index, Self.lastPhase(before: $0.month, in: calendar)) }
        underwaySeason = HotSeason.underway(peakSeasons, at: calendar.start).map {
            "pendant \($0.season.named(startingIn: $0.start)), déjà commencée"
        } ?? ""
        methodLimit = capacity.methodLimit
        horizonPhase = Horizon.allCases.map(calendar.phaseIndex(for:))
        review = calendar.reviewPhase

        for unit in sequence { claim(unit) }
        claimBeforeDeadlines()
        makeRoomForDeclaredPriorities()
        placeSeasonsFirst()
        state.exits = exits
    }

    /// Why `position` (placed) is in its phase.
    func placement(of position: Int) -> Placement {
        switch causes[position] {
        case .horizon: .horizon
        case .prerequisite(let other): .prerequisite(index.recommendations[other].id)
        case .together(let other): .together(index.recommendations[other].id)
        case .capacity(let wanted): .capacity(wanted: wanted)
        }
    }

    /// The deadline `position` (placed) is to meet, if it has one.
    func deadline(of position: Int) -> ScheduledDeadline? {
        switch deadlines[position] {
        case .none:
            return nil
        case .season(let month, let season):
            return ScheduledDeadline(before: month, kind: .season(seasons[season]))
        case .stated(let month, let statedBy):
            switch statedDeadline(statedBy) {
            case .before(_, let reason)?: return ScheduledDeadline(before: month, kind: .stated(reason))
            case .byHorizon(_, let reason)?: return ScheduledDeadline(before: month, kind: .phaseEnd(reason))
            case .duringPeakSeason?: return ScheduledDeadline(before: month, kind: .phaseEnd(underwaySeason))
            default: return nil
            }
        }
    }

    /// Whether `position`'s deadline holds because of the territory's situation (`[si …]`): a pressing situation
    /// (see `claimBeforeDeadlines`).
    @inline(__always)
    private func situational(_ position: Int) -> Bool {
        index.deadlineCondition[position] >= 0 && truths[index.deadlineCondition[position]] == .true
    }

    /// Whether `position` has a deadline for this profile: one it states, whose condition (if any) holds, unless
    /// its pressing unit was deferred past it.
    @inline(__always)
    private func dated(_ position: Int) -> Bool {
        guard index.isDated[position] else { return false }
        let condition = index.deadlineCondition[position]
        guard condition >= 0 else { return true }
        return truths[condition] == .true && !(order.unitOf[position] >= 0 && deferred[order.unitOf[position]])
    }

    /// The deadline `position` states, if it holds for this profile.
    @inline(__always)
    private func statedDeadline(_ position: Int) -> Deadline? {
        dated(position) ? index.deadlines[position] : nil
    }

    /// A unit claims room after the units of its prerequisites have claimed theirs: an action is not placed
    /// before what it needs, which would leave no room for that. When the action then finds no room, what it
    /// pulled in (placed or not) is given back and claims again at its own turn, which comes later: had it
    /// come, the unit would have been claimed already.
    private mutating func claim(_ unit: Int) {
        guard !claimed[unit] else { return }
        claimed[unit] = true
        let mark = claimLog.count
        for slot in order.slots(unit) {
            for prerequisite in index.after[order.members[slot]] where order.unitOf[prerequisite] >= 0 {
                claim(order.unitOf[prerequisite])
            }
        }
        if !place(unit) {
            for entry in mark..<claimLog.count {
                remove(claimLog[entry])
                claimed[claimLog[entry]] = false
            }
            claimLog.removeSubrange(mark...)
        }
        claimLog.append(unit)
    }

    /// Back to the state before any claim (without keeping a copy of it for every plan: few plans need it).
    private mutating func unclaimAll() {
        for unit in 0..<order.unitCount {
            for slot in order.slots(unit) {
                let position = order.members[slot]
                phaseOf[position] = -1
                deadlines[position] = .none
                placedOrder[position] = Int.max
                causes[position] = .horizon
                exits[position] = .none
            }
            claimed[unit] = false
        }
        free = capacityHalves
        endReserveGiven = 0
        methodCount = 0
        firstPhaseCount = 0
        placedCount = 0
        claimLog.removeAll(keepingCapacity: true)
    }

    /// Takes a placed unit out of its phase: it is a candidate again.
    private mutating func remove(_ unit: Int) {
        let phase = phaseOf[order.first(unit)]
        guard phase >= 0 else { return }
        if phase == 0 { firstPhaseCount -= order.slots(unit).count }
        for slot in order.slots(unit) {
            let position = order.members[slot]
            free[phase] += cost(position, phase)
            if index.isMethod[position] { methodCount -= 1 }
            phaseOf[position] = -1
            causes[position] = .horizon
            deadlines[position] = .none
            placedOrder[position] = Int.max
            exits[position] = .none
        }
    }

    /// Places `unit`; false when it found no room (its members' exits then say why). A pressing situation is
    /// better served late than not at all: with no room before its deadline, it takes its merit's place without
    /// it (then postponed by capacity), and may still claim a place before it (`claimBeforeDeadlines`).
    @discardableResult
    private mutating func place(_ unit: Int) -> Bool {
        if placeOnce(unit) { return true }
        guard !late[unit], !deferred[unit], isPressing(unit) else { return false }
        deferred[unit] = true
        return placeOnce(unit)
    }

    private mutating func placeOnce(_ unit: Int) -> Bool {
        let slots = order.slots(unit)
        var methodMembers = 0, isFoundation = false, units = Need(), main = Need()
        for slot in slots {
            let position = order.members[slot]
            if index.isMethod[position] { methodMembers += 1 }
            if index.isFoundation[position] { isFoundation = true }
            units.add(first: index.firstPhaseHalfUnits[position], later: index.halfUnits[position])
            main.keepLarger(first: index.firstPhaseHalfUnits[position], later: index.halfUnits[position])
        }
        if methodMembers > 0, !isFoundation, methodCount + methodMembers > methodLimit {
            for slot in slots { exits[order.members[slot]] = .methodLimit }
            return false
        }
        // The earliest phase: each member's horizon, after its placed prerequisites; the unit waits for the
        // latest of its members. The latest: before any placed action that waits for a member.
        var earliest = 0
        var latest = calendar.phases.count - 1
        var setter = order.first(unit)
        for slot in slots {
            let position = order.members[slot]
            var phase = horizonPhase[index.horizons[position].ordinal]
            var cause = Cause.horizon
            for prerequisite in index.after[position] where phaseOf[prerequisite] > phase {
                phase = phaseOf[prerequisite]
                cause = .prerequisite(prerequisite)
            }
            for dependent in index.graph.dependents[position] where phaseOf[dependent] >= 0 {
                latest = min(latest, phaseOf[dependent])
            }
            if PlanningWindow.isEarlyMethod(isMethod: index.isMethod[position], isFoundation: index.isFoundation[position],
                                            horizon: index.horizons[position]) {
                latest = min(latest, horizonPhase[index.horizons[position].ordinal])
            }
            ownEarliest[position] = phase
            causes[position] = cause
            if phase > earliest {
                earliest = phase
                setter = position
            }
        }
        // Actions that go together may overfill a phase by their companions' effort when no phase can hold
        // them all, or none before the mid-mandate review: they are one project, and a CLS is not dropped because
        // its coordinator does not fit, nor the MSP's consolidation put off to the end of the mandate because the
        // junior doctors it will host do not fit beside it. A team priority's action is a first decision: with
        // its companions, it takes the earliest phase where it fits itself, they overfilling that phase (the
        // municipal centre de santé consolidated in 2027 with the junior doctors it will supervise, rather than
        // both a phase later behind actions of lower rank).
        var found = findPhase(slots, units: units, earliest: earliest, latest: latest, late: late[unit])
        if slots.count > 1, found.map({ $0.0 > review }) ?? true {
            found = findPhase(slots, units: main, earliest: earliest, latest: min(latest, review), late: late[unit])
                ?? found ?? findPhase(slots, units: main, earliest: earliest, latest: latest, late: late[unit])
        } else if slots.count > 1, order.isPriorityUnit[unit], let (phase, _) = found, phase > earliest {
            found = findPhase(slots, units: main, earliest: earliest, latest: phase - 1, late: late[unit]) ?? found
        }
        // A foundation of the mandate does not fall off: with no room anywhere, it overfills the earliest phase
        // its relations and deadline allow, which takes the excess from the next ones.
        if found == nil, isFoundation || borrows[unit] {
            found = findPhase(slots, units: Need.anyRoom, earliest: earliest, latest: latest, late: late[unit])
            // A pressing situation borrows only what the mandate has left, and not the last phase's last unit:
            // the end of the mandate keeps room for a new action. What the first phase's floor took from the
            // end is given back to it first (`Capacity.endReserve`).
            if !isFoundation, let (phase, _) = found {
                let last = calendar.phases.count - 1
                let kept = min(2, max(0, room(last)))
                free[phase] -= units.at(phase)
                let returned = returnEndReserveIfBorrowed()
                if room(last) < kept {
                    found = nil
                    if returned { free[last] -= endReserveGiven; endReserveGiven = 0 }
                }
                free[phase] += units.at(phase)
            }
        }
        guard let (phase, deadline) = found else {
            var missed: YearMonth?
            // Past or too close for every phase before it: the month is missed. A horizon's phase always exists:
            // what did not fit there is « à envisager ensuite » like any action without room.
            for slot in slots where missed == nil {
                if case .before(let month, _)? = statedDeadline(order.members[slot]) { missed = month }
            }
            for slot in slots { exits[order.members[slot]] = missed.map { .deadlineMissed($0) } ?? .noCapacity }
            return false
        }
        free[phase] -= units.at(phase)
        if phase < free.count - 1 { returnEndReserveIfBorrowed() }
        if phase == 0 { firstPhaseCount += slots.count }
        methodCount += methodMembers
        for slot in slots {
            placedOrder[order.rankedMembers[slot]] = placedCount
            placedCount += 1
        }
        for slot in slots {
            let position = order.members[slot]
            phaseOf[position] = phase
            deadlines[position] = dated(position) ? deadline : .none
            if phase > earliest {
                causes[position] = .capacity(wanted: earliest)
            } else if earliest > ownEarliest[position] {
                causes[position] = .together(setter)
            }
            exits[position] = .none
        }
        return true
    }

    /// A dated unit whose deadline could not be kept, while units of lower merit — not foundations — hold phases
    /// before it, claims again just ahead of them (still after every better one) and takes the last phase with
    /// room before its deadline: « avant l'arrêt du projet de PLU » holds, and what it went ahead of takes the
    /// room left, later if need be. Each such unit is tried in claim order, everything claiming again from the
    /// start; a move that still misses the deadline, or puts out of the roadmap a unit of higher merit or a team
    /// priority's action, is undone.
    private mutating func claimBeforeDeadlines() {
        func isMissed(_ unit: Int) -> Bool {
            switch exits[order.first(unit)] {
            case .deadlineMissed: return true
            case .noCapacity: return order.slots(unit).contains { statedBound(order.members[$0]) != nil }
            default: return deferred[unit]
            }
        }
        for unit in sequence.filter(isMissed) where isMissed(unit) {
            var earliest = 0, latest = calendar.phases.count - 1, merit = Int.min
            let pressing = isPressing(unit)
            for slot in order.slots(unit) {
                let position = order.members[slot]
                merit = max(merit, order.merit[position])
                earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
                for prerequisite in index.after[position] { earliest = max(earliest, phaseOf[prerequisite]) }
                if let bound = statedBound(position, restoring: situational(position)) { latest = min(latest, bound.phase ?? -1) }
            }
            guard earliest <= latest, let from = sequence.firstIndex(of: unit) else { continue }
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
            // With nothing to go ahead of, a pressing situation still takes its phase, by borrowing.
            guard ahead != nil || pressing else { continue }
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
                guard room >= need else { continue }
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
            trial.borrows[unit] = pressing
            // A deferred unit claims with its deadline again.
            trial.deferred[unit] = false
            for other in trial.sequence { trial.claim(other) }
            // Kept only if it put out of the roadmap nothing better than itself, no team priority's action and no
            // other pressing situation (one it pushed out of its window is deferred, still in), and pushed no
            // priority's action past the mid-mandate review.
            guard trial.phaseOf[order.first(unit)] >= 0, !trial.deferred[unit] else { continue }
            let keepsBetter = (0..<order.unitCount).allSatisfy { other in
                phaseOf[order.first(other)] < 0 || trial.phaseOf[order.first(other)] >= 0
                    || (!order.isPriorityUnit[other] && !isBetter(other) && !isPressing(other))
            }
            if keepsBetter, trial.keepsPrioritiesEarly(as: self) { self = trial }
        }
    }

    /// When what earlier phases overfilled reaches the last phase and leaves it no room for a new action (none
    /// starts there yet), the units the first phase's floor took from it come back to it (once): true when they
    /// did now.
    /// Beyond what the floor took, the end keeps its one unit by stretching the mandate, up to two units: the
    /// last years' one new action is worth more than the exact sum of the months.
    @discardableResult
    private mutating func returnEndReserveIfBorrowed() -> Bool {
        let last = free.count - 1
        guard endReserveGiven == 0 else { return false }
        let left = room(last)
        guard left < free[last], left < 2, !phaseOf.contains(last) else { return false }
        endReserveGiven = max(endReserveHalves, left >= -2 ? 2 - left : 0)
        guard endReserveGiven > 0 else { return false }
        free[last] += endReserveGiven
        return true
    }

    /// Whether a member of `unit` has a deadline that holds because of the territory's situation (`[si …]`).
    private func isPressing(_ unit: Int) -> Bool {
        order.slots(unit).contains { situational(order.members[$0]) }
    }

    /// Whether every declared priority's action that `earlier` placed by the mid-mandate review still is.
    private func keepsPrioritiesEarly(as earlier: PhasePlacement) -> Bool {
        (0..<order.unitCount).allSatisfy { unit in
            guard order.isPriorityUnit[unit] else { return true }
            let was = earlier.phaseOf[order.first(unit)], now = phaseOf[order.first(unit)]
            return was < 0 || was > review || (0...review).contains(now)
        }
    }

    /// A declared priority's action that found no room takes the place of the least merited placed unit of
    /// lower merit — neither a foundation, nor another priority's action, nor the prerequisite of a placed
    /// action — whose phase it may use and whose room is enough.
    private mutating func makeRoomForDeclaredPriorities() {
        for pick in 0..<order.unitCount where order.isPriorityUnit[pick] {
            guard phaseOf[order.first(pick)] < 0, exits[order.first(pick)] == .noCapacity else { continue }
            var needed = Need(), earliest = 0, pickMerit = Int.min
            for slot in order.slots(pick) {
                let position = order.members[slot]
                needed.add(first: index.firstPhaseHalfUnits[position], later: index.halfUnits[position])
                earliest = max(earliest, horizonPhase[index.horizons[position].ordinal])
                pickMerit = max(pickMerit, order.merit[position])
            }
            var evicted: Int?
            for other in stride(from: order.unitCount - 1, through: 0, by: -1) where other != pick && !order.isPriorityUnit[other] {
                let phase = phaseOf[order.first(other)]
                guard phase >= earliest else { continue }
                var roomLeft = room(phase), merit = Int.min, isFree = true
                for slot in order.slots(other) {
                    let position = order.members[slot]
                    roomLeft += cost(position, phase)
                    merit = max(merit, order.merit[position])
                    if index.isFoundation[position] || index.graph.dependents[position].contains(where: { phaseOf[$0] >= 0 }) {
                        isFree = false
                    }
                }
                if isFree, merit < pickMerit, roomLeft >= needed.at(phase) {
                    evicted = other
                    break
                }
            }
            guard let evicted else { continue }
            remove(evicted)
            for slot in order.slots(evicted) { exits[order.members[slot]] = .noCapacity }
            if !place(pick) {
                // Could not use the room after all (a deadline or a relation): give it back.
                place(evicted)
            }
        }
    }

    /// Merit settled which actions are in; when they go is settled again with the foundations first, then
    /// what has a seasonal deadline, then the others in their order, so that a seasonal action gets the earliest
    /// season the same actions allow. If that order cannot hold them all, the first placement stands.
    private mutating func placeSeasonsFirst() {
        // Each placed unit's turn: 0 with a foundation or in the first phase, 1 with a seasonal deadline, 2
        // otherwise; -1 when not placed. What merit put among the first decisions stays there: a season does not
        // push a better quick action to the end of the mandate. A stated deadline only bounds the phase: it needs
        // no earlier turn.
        var turn = [Int](repeating: -1, count: order.unitCount)
        var anyDated = false
        for unit in 0..<order.unitCount where phaseOf[order.first(unit)] >= 0 {
            var goesFirst = phaseOf[order.first(unit)] == 0, hasDeadline = false
            for slot in order.slots(unit) {
                goesFirst = goesFirst || index.isFoundation[order.members[slot]]
                switch statedDeadline(order.members[slot]) {
                case .beforeHotSeason?, .beforePeakSeason?: hasDeadline = true
                case .before?, .byHorizon?, .duringPeakSeason?, nil: break
                }
            }
            turn[unit] = goesFirst ? 0 : hasDeadline ? 1 : 2
            anyDated = anyDated || turn[unit] == 1
        }
        guard anyDated else { return }
        let first = self
        var kept: [Int] = []
        kept.reserveCapacity(order.unitCount)
        for wanted in 0...2 {
            for unit in sequence where turn[unit] == wanted { kept.append(unit) }
        }
        for unit in kept { remove(unit) }
        for unit in claimed.indices { claimed[unit] = false }
        // As in the first placement, a unit's kept prerequisites take their room before it.
        for unit in kept where !replace(unit, placedFirst: first.phaseOf) {
            self = first
            return
        }
        if !keepsPrioritiesEarly(as: first) { self = first }
    }

    /// Places `unit` again in the second placement, its prerequisites placed in the first one before it.
    private mutating func replace(_ unit: Int, placedFirst: [Int]) -> Bool {
        guard !claimed[unit] else { return true }
        claimed[unit] = true
        for slot in order.slots(unit) {
            for prerequisite in index.after[order.members[slot]] where order.unitOf[prerequisite] >= 0 && placedFirst[prerequisite] >= 0 {
                guard replace(order.unitOf[prerequisite], placedFirst: placedFirst) else { return false }
            }
        }
        return place(unit)
    }

    /// The first phase in `earliest...latest` with room for the unit, within its members' deadlines; for a
    /// seasonal deadline, the first season (hot or tourist) it can still be ready for.
    private func findPhase(_ slots: Range<Int>, units: Need, earliest: Int, latest: Int, late: Bool) -> (Int, DeadlineCause)? {
        var latest = latest
        var stated = DeadlineCause.none
        var hot = false, peak = false
        for slot in slots where dated(order.members[slot]) {
            switch statedDeadline(order.members[slot]) {
            case .before?, .byHorizon?, .duringPeakSeason?:
                guard let bound = statedBound(order.members[slot]), let phase = bound.phase else { return nil }
                latest = min(latest, phase)
                stated = .stated(bound.month, by: order.members[slot])
            case .beforeHotSeason?:
                hot = true
            case .beforePeakSeason?:
                peak = seasons.count > 1
            case nil:
                break
            }
        }
        guard hot || peak else {
            return (late ? lastRoom(units, slots.count, earliest, latest) : firstRoom(units, slots.count, earliest, latest)).map { ($0, stated) }
        }
        for start in seasonStarts where start.season == 0 ? hot : peak {
            guard let phase = start.lastPhase else { continue }
            if let room = firstRoom(units, slots.count, earliest, min(latest, phase)) {
                if case .none = stated { return (room, .season(start.month, start.season)) }
                return (room, stated)
            }
        }
        return nil
    }

    /// A stated deadline's month and the last phase that can meet it (nil when none can): for a month, the phase
    /// holding the month before it; for a horizon, the phase that stands for it, whose last month is the one shown.
    private func statedBound(_ position: Int, restoring: Bool = false) -> (month: YearMonth, phase: Int?)? {
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

    private func firstRoom(_ units: Need, _ members: Int, _ earliest: Int, _ latest: Int) -> Int? {
        guard earliest <= latest else { return nil }
        return (earliest...latest).first { hasRoom($0, units, members) }
    }

    private func lastRoom(_ units: Need, _ members: Int, _ earliest: Int, _ latest: Int) -> Int? {
        guard earliest <= latest else { return nil }
        return (earliest...latest).last { hasRoom($0, units, members) }
    }

    /// Whether `phase` has `units` half-units left and, for the first phase, room for `members` more actions.
    private func hasRoom(_ phase: Int, _ units: Need, _ members: Int) -> Bool {
        room(phase) >= units.at(phase) && (phase > 0 || firstPhaseCount + members <= Capacity.firstPhaseActions)
    }

    /// What `position` takes of `phase`, in half-units.
    private func cost(_ position: Int, _ phase: Int) -> Int {
        phase == 0 ? index.firstPhaseHalfUnits[position] : index.halfUnits[position]
    }

    /// Half-units a unit (or its largest member) takes of the first phase and of the others.
    private struct Need {
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

    /// Half-units left in `phase` once what earlier phases overfilled is taken from it: a set that overfills a
    /// phase borrows from the next ones, so the mandate's total does not grow (only the last phase can end
    /// overfilled).
    private func room(_ phase: Int) -> Int {
        var room = 0
        for earlier in 0...phase { room = free[earlier] + min(0, room) }
        return room
    }

    /// The last phase in which work can still finish before `month`: the one holding the month before it.
    static func lastPhase(before month: YearMonth, in calendar: MandateCalendar) -> Int? {
        let previous = month.adding(months: -1)
        if previous < calendar.start { return nil }
        return calendar.phaseIndex(containing: previous) ?? calendar.phases.count - 1
    }
}
