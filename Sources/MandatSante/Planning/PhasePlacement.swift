import RuleKit

/// Stage 4 of planning: each unit, in claim order, takes the earliest phase its horizon, its relations and its
/// deadline allow where the team still has room; what finds no room is « à envisager ensuite ».
///
/// Because units claim in order of merit (after the foundations), an action is never left out for lack of room
/// while a lower-scored action of equal or greater effort holds a phase it could have taken: that action came
/// later and found room where this one could not. One exception, stated by the team itself: when the action
/// chosen for a declared priority finds no room, it takes the place of the least merited action that frees
/// enough room in its window. Placed by the mid-mandate review, that action is a first decision: neither a
/// deadline nor the seasons push it past the review — except, at the end, a dated action that outscores it and would
/// otherwise miss its deadline (`keepDeadlinesOverPriorities`): it starts later, still in the roadmap.
///
/// Everything is held in arrays by position and the causes name positions, not ids: placing a profile's units
/// allocates and retains almost nothing (planning runs for every commune of France in a batch).
///
/// One concept per file: the first placement (`PhasePlacement+Claims`), where a unit finds room and the end
/// reserve (`+Room`), deadlines and the claims ahead they allow (`+Deadlines`), room made for the team's
/// priorities (`+Priorities`), the second placement for the seasons (`+Seasons`), the merit checks (`+MeritChecks`)
/// the trades of merit before lightness (`+Merit`), a deadline kept in the place of lighter actions (`+DeadlineTrades`)
/// or of a weaker priority's action (`+Deadlines`) and what is light and due soon started in the first months
/// (`+DueSoon`). The state below is shared by
/// those files, hence internal rather than private; nothing outside the placement writes it.
struct PhasePlacement {
    /// Each position's phase, -1 when not placed.
    var phaseOf: [Int]
    /// The deadline each placed position is to meet (a month and where it comes from).
    var deadlines: [DeadlineCause]
    /// The conditions' truths for this profile (`PlanningState.truths`): whether a deadline under a condition holds.
    let truths: [Truth]
    /// Each position's score (`PlanningState.totals`): what a claim ahead weighs, without the urgency it borrows
    /// from actions waiting for it that may find no room.
    let totals: [Int]
    /// Pressing units that found no room before their deadline and took their merit's place without it.
    var deferred: [Bool]
    /// Half-units left in each phase.
    var free: [Int]
    /// The order in which positions were placed (a unit's members by merit), for ranking inside a phase:
    /// prerequisites claimed for an action come before it.
    var placedOrder: [Int]
    /// Why each placed position is in its phase.
    var causes: [Cause]
    /// The declared priority (a bit) each position was brought into the first year for
    /// (`servePrioritiesInFirstYear`), -1 otherwise: its card says it answers that priority.
    var servedFor: [Int]
    /// Why each position left the roadmap (`PlanningState.exits`, updated here and handed back at the end).
    var exits: [PlanningState.Exit]
    var methodCount = 0
    var placedCount = 0
    /// Actions placed in the first phase (it holds at most `Capacity.firstPhaseActions`).
    var firstPhaseCount = 0
    /// Actions placed in all (the roadmap holds at most `Capacity.mostActions`).
    var actionCount = 0
    /// Units that have claimed their room (first placement) or taken it again (second placement).
    var claimed: [Bool]
    /// Units claimed in the current chain of prerequisites, to give them back when the action that pulled them in
    /// finds no room.
    var claimLog: [Int] = []
    /// How many foundations are pulling in their prerequisites now: a prerequisite claimed for a foundation (the
    /// diagnostic, and the coordinator who leads it, for the CLS) overfills the earliest phase it may take as a
    /// foundation does: what the foundation needs first is not put off a phase, or out of the roadmap.
    var foundationPulls = 0
    /// Scratch: each member's own earliest phase while its unit is being placed.
    var ownEarliest: [Int]
    /// The units in the order they claim room: the claim order, except a dated unit moved ahead of the units of
    /// lower merit that held its window (`claimBeforeDeadlines`).
    var sequence: [Int]
    /// Units moved ahead for their stated deadline: each takes the last phase with room before it, leaving the
    /// earlier phases to the actions it went ahead of.
    var late: [Bool]
    /// Units of a pressing situation moved ahead that may, with no room left before their deadline, overfill
    /// the last phase before it, as a foundation does: the excess is taken from the next phases.
    var borrows: [Bool]
    /// Phases past its stated deadline a unit that could not meet it may take: it claims ahead for the earliest
    /// phase after the deadline where the team has room, rather than fall back to its merit's turn (which, in a
    /// dense roadmap, is the end of the mandate). 0: its deadline bounds it.
    var grace: [Int]

    let order: ClaimOrder
    let index: PlanningIndex
    /// Which situation of the profile each action's condition needs, shared by every trial copy of this placement
    /// (`isOnlyAnswer`).
    let situationNeeds: SituationNeeds
    /// The profile's facts: whether a waiting dated action's first step starts now (`giveLightRoomToBetter`).
    let facts: FactValues
    let calendar: MandateCalendar
    /// The climate seasons first — the hot season, then the rainy season where it differs (French Guiana) —, then
    /// the tourist seasons of the profile (none when it does not know them).
    let seasons: [HotSeason]
    /// How many of `seasons` are climate seasons (1 or 2): the tourist seasons follow them.
    let climateCount: Int
    /// Every start of `seasons` a seasonal action can still be ready for, in date order, each with its season (an
    /// index in `seasons`) and the last phase that ends before it (nil when none does): found once per profile,
    /// not at every placement.
    let seasonStarts: [(month: YearMonth, season: Int, lastPhase: Int?)]
    /// « pendant la saison d'hiver 2026-2027, déjà commencée »: the tourist season under way at the start, which
    /// what is due during it serves in the first phase (the planner left such actions out when none is).
    let underwaySeason: String
    /// For each climate season, when it is under way at the start (`HotSeason.underwayMonths`), when it began and
    /// when the next one starts: what is due before that season then starts in the first phase, its first steps
    /// serving the season under way (the austral summer of La Réunion, French Guiana's rains in December), the rest
    /// ready before the next one. It takes the first phase at its turn in the claim order, when that phase still
    /// has room (whatever its horizon: its first steps are for now); with no room there, it is prepared for the next
    /// season as usual.
    let climateUnderway: [(started: YearMonth, next: YearMonth)?]
    let methodLimit: Int
    /// A team with one agent at most (`Capacity.isSmallTeam`).
    let isSmallTeam: Bool
    /// Half-units of each phase before any claim.
    let capacityHalves: [Int]
    /// Half-units the first phase's floor took from the last phase (`Capacity.endReserve`).
    let endReserveHalves: Int
    /// Half-units given back to the last phase when borrowing would have left it no room for a new action
    /// (`returnEndReserveIfBorrowed`).
    var endReserveGiven = 0
    /// Each action that took the place of lighter, lower-scored ones at the end (`giveLightRoomToBetter`), with them.
    /// `from`: the phase each of `given` stood in.
    var traded: [(taker: Int, given: [Int], from: [Int])] = []
    let horizonPhase: [Int]
    /// The phase ending at the mid-mandate review.
    let review: Int

    /// `Placement` with positions instead of ids.
    enum Cause {
        case horizon, prerequisite(Int), together(Int), capacity(wanted: Int), smoothed(from: Int)
        /// Moved on from a phase for a declared priority's action (a position), the priority a bit; -1 when it made
        /// room for an action itself moved on for a priority.
        case yielded(from: Int, to: Int, priority: Int)
    }

    /// `ScheduledDeadline` without its texts: the deadline stated by a position, or a season (its start and its
    /// index in `seasons`).
    enum DeadlineCause {
        case none, season(YearMonth, Int), stated(YearMonth, by: Int)
        /// In the first phase for the climate season under way (an index in `climateUnderway`).
        case underway(Int)
    }

    init(_ order: ClaimOrder, state: inout PlanningState, index: PlanningIndex, facts: FactValues, calendar: MandateCalendar,
         capacity: Capacity, hotSeason: HotSeason, rainySeason: HotSeason, peakSeasons: [HotSeason]) {
        let count = index.recommendations.count
        phaseOf = [Int](repeating: -1, count: count)
        deadlines = [DeadlineCause](repeating: .none, count: count)
        free = capacity.unitsPerPhase.map { 2 * $0 }
        capacityHalves = free
        endReserveHalves = 2 * capacity.endReserve
        placedOrder = [Int](repeating: Int.max, count: count)
        causes = [Cause](repeating: .horizon, count: count)
        servedFor = [Int](repeating: -1, count: count)
        exits = state.exits
        truths = state.truths
        totals = state.totals
        claimed = [Bool](repeating: false, count: order.unitCount)
        ownEarliest = [Int](repeating: 0, count: count)
        sequence = Array(0..<order.unitCount)
        late = [Bool](repeating: false, count: order.unitCount)
        borrows = late
        grace = [Int](repeating: 0, count: order.unitCount)
        deferred = late
        claimLog.reserveCapacity(order.unitCount)
        self.order = order
        self.index = index
        situationNeeds = SituationNeeds(index: index, facts: facts)
        self.facts = facts
        self.calendar = calendar
        let climate = rainySeason == hotSeason ? [hotSeason] : [hotSeason, rainySeason]
        let seasons = climate + peakSeasons
        self.seasons = seasons
        climateCount = climate.count
        // Two months at least to get ready: a season that starts sooner is for next year. A season starting in
        // the mandate's last month still counts.
        seasonStarts = !index.hasSeasonalDeadline ? [] : HotSeason.starts(
            of: seasons, from: calendar.start.adding(months: 2), before: calendar.end.adding(months: 1)
        ).map { ($0.month, $0.index, Self.lastPhase(before: $0.month, in: calendar)) }
        underwaySeason = HotSeason.underway(peakSeasons, at: calendar.start).map {
            "pendant \($0.season.named(startingIn: $0.start)), déjà commencée"
        } ?? ""
        let starts = seasonStarts
        climateUnderway = climate.indices.map { season in
            guard let started = climate[season].startUnderway(at: calendar.start),
                  let next = starts.first(where: { $0.season == season && $0.lastPhase != nil }) else { return nil }
            return (started, next.month)
        }
        methodLimit = capacity.methodLimit
        isSmallTeam = capacity.isSmallTeam
        horizonPhase = Horizon.allCases.map(calendar.phaseIndex(for:))
        review = calendar.reviewPhase

        for unit in sequence { claim(unit) }
        claimBeforeDeadlines()
        makeRoomForDeclaredPriorities()
        placeSeasonsFirst()
        claimRoomLeft()
        startInEmptyMiddlePhases()
        smoothOverfilledPhases()
        pullQuickWinsForward()
        servePrioritiesInFirstYear()
        startPrioritiesByReview()
        keepDeadlinesInLighterRoom()
        giveLightRoomToBetter()
        keepDeadlinesOverLighter()
        keepDeadlinesOverPriorities()
        startDueSoonInFirstMonths()
        state.exits = exits
    }

    /// Why `position` was taken ahead of merit: the claim order's reason, or the declared priority it was brought
    /// into the first year for.
    func selection(of position: Int) -> SelectionReason {
        servedFor[position] >= 0 && order.isByMerit(position) ? .priority(index.priorityChoices[servedFor[position]]) : order.reason(position)
    }

    /// Why `position` (placed) is in its phase.
    func placement(of position: Int) -> Placement {
        switch causes[position] {
        case .horizon: .horizon
        case .prerequisite(let other): .prerequisite(index.recommendations[other].id)
        case .together(let other): .together(index.recommendations[other].id)
        case .capacity(let wanted): .capacity(wanted: wanted)
        case .smoothed(let from): .smoothed(from: from)
        case .yielded(let from, let to, let priority):
            .yielded(from: from, to: index.recommendations[to].id, priority: priority >= 0 ? index.priorityChoices[priority] : nil)
        }
    }

    /// The deadline `position` (placed) was due by and could not meet for want of room: one it states for this
    /// profile by a phase of the mandate (a deadline under a condition that holds), placed after that phase.
    func missedDeadline(of position: Int) -> ScheduledDeadline? {
        guard phaseOf[position] >= 0, case .none = deadlines[position], index.isDated[position] else { return nil }
        let condition = index.deadlineCondition[position]
        guard condition < 0 || truths[condition] == .true,
              case .byHorizon(let horizon, let reason)? = index.deadlines[position] else { return nil }
        let phase = horizonPhase[horizon.ordinal]
        guard phaseOf[position] > phase else { return nil }
        return ScheduledDeadline(before: calendar.phases[phase].end.adding(months: -1), kind: .phaseEnd(reason))
    }

    /// The deadline `position` (placed) is to meet, if it has one.
    func deadline(of position: Int) -> ScheduledDeadline? {
        switch deadlines[position] {
        case .none:
            return nil
        case .season(let month, let season):
            return ScheduledDeadline(before: month, kind: .season(seasons[season]))
        case .underway(let season):
            guard let (started, next) = climateUnderway[season] else { return nil }
            return ScheduledDeadline(before: next, kind: .underway(seasons[season], started: started))
        case .stated(let month, let statedBy):
            // A member of a deferred pressing unit that still meets its own deadline keeps it.
            switch statedDeadline(statedBy) ?? (situational(statedBy) ? index.deadlines[statedBy] : nil) {
            case .before(_, let reason)?: return ScheduledDeadline(before: month, kind: .stated(reason))
            case .byHorizon(_, let reason)?: return ScheduledDeadline(before: month, kind: .phaseEnd(reason))
            case .duringPeakSeason?: return ScheduledDeadline(before: month, kind: .phaseEnd(underwaySeason))
            default: return nil
            }
        }
    }
}
