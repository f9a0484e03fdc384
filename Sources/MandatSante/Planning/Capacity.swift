/// What a team can carry over the mandate, in units of effort (a light action takes 1, a medium one 2, a heavy
/// one 3; a quick act — light, to start in the first months — half a unit in the first phase): the size of the
/// roadmap follows from it.
///
/// A year of work is worth 0.8 unit for the elected team itself, plus what its services and partners bring
/// with the territory's size (0.6 under 20,000 inhabitants, 1.0 under 100,000, 1.2 beyond), plus 0.6 for each
/// of the first two people able to carry projects and 0.3 for each further one, up to ten. A small team — at
/// most one agent, declared or estimated (a commune under 10,000 inhabitants that does not say is estimated at
/// one) — has nobody whose job is to carry projects: its agent, if any, is the mairie's secretary or its only
/// manager, who carries every file; its year is worth 1.0 unit (the elected team and a village's 0.2), plus 0.2
/// for that agent. Declared agents are respected: a village (under 3,500 inhabitants) that declares two agents
/// or more is not a small team, and counts them as any team does, with a village's size (a mountain resort of
/// 2,800 residents with two agents: 2.2 units a year, not the 1.2 of a mairie with one secretary). A seasonal
/// population adds nothing: the services a resort sizes for its peak (tourist office, ski lifts, seasonal
/// workers) are busy in the very season the health actions serve, and it is the declared agents who carry the
/// projects; the peak sizes the needs, through the rules' conditions. Teams start most of their actions early and
/// carry them on afterwards, so a month counts twice in the first fifteen months from the start, once in the
/// next fifteen, and half after. A phase holds what its months are worth, rounded, and never less than one unit.
///
/// The first phase holds at most four actions, whatever their cost, and at least two units: its four quick acts
/// (a decision, a letter or a meeting: naming a pilot, asking the ARS a question, writing to the
/// intercommunality) at half a unit each, so that they are not pushed to the end of the mandate behind projects
/// of the same nominal effort. What that minimum adds to the first phase's months is taken from the end of the
/// mandate backwards: the mandate's total does not grow, and the next year keeps its room for the first
/// concrete actions. A quick act that waits past the first months is a light action like the others (one
/// unit). Placement counts in half-units (`halfUnits(of:inPhase:)`).
///
/// From a start in December 2026: a village with one agent, 1.2 units a year, holds 2 + 2 + 2 + 1 units — four
/// quick acts and four or so actions, seven or eight in all; a town of 15,000 with two agents, 2.6 a year,
/// 2 + 4 + 4 + 3 — ten to twelve actions; a métropole with ten agents or more, 5.6 a year, 29 units — sixteen or
/// seventeen.
public struct Capacity: Sendable, Hashable {
    public var staff: Int
    /// Units per year, in tenths (integers keep the arithmetic exact and the output stable).
    public var yearlyTenths: Int
    /// Units available in each phase of the calendar.
    public var unitsPerPhase: [Int]
    /// At most one agent, declared or estimated.
    public var isSmallTeam: Bool
    /// Under 3,500 inhabitants: a village's size, whatever its team.
    public var isVillage: Bool
    /// The profile did not say how many agents carry projects: `staff` is `estimatedStaff(population:)`.
    public var isStaffEstimated = false
    /// Units the first phase's floor took from the last phase: given back to it when borrowing from the end of the
    /// mandate would leave it no room for a new action (`PhasePlacement`), and more if needed, up to two units.
    public var endReserve: Int

    /// The first months are those of a few founding decisions: at most this many actions, whatever their cost.
    public static let firstPhaseActions = 4
    /// A roadmap holds at most this many actions, whatever the capacity: « about twenty » for the largest
    /// territories (issue 12), what an executive still follows one by one. The capacity of a large team alone
    /// would give more as soon as the best actions are light ones (23 for an intercommunality of 350,000
    /// inhabitants with ten agents or more, most of its actions of light effort). Foundations are not counted out.
    public static let mostActions = 22
    /// The first phase holds at least its four quick acts, half a unit each, and no more.
    public static let firstPhaseMinimum = firstPhaseActions / 2
    /// What the size brings a village's team (under 3,500 inhabitants), in tenths.
    static let villageSizeTenths = 2
    /// What a small team's one agent brings a year, in tenths: half of what an agent brings elsewhere.
    static let smallTeamAgentTenths = 2
    public static let phaseMinimum = 1
    public static let countedStaff = 10
    /// How much a month counts, in tenths, by how far it is from the start: (months from the start, weight).
    static let monthWeights = [(15, 20), (30, 10), (Int.max, 5)]

    public init(population: Double, engineeringStaff: Int, phases: [MandatePhase]) {
        staff = max(0, engineeringStaff)
        let size = switch population {
        case ..<3_500: Self.villageSizeTenths
        case ..<20_000: 6
        case ..<100_000: 10
        default: 12
        }
        // A small team — at most one agent — counts a village's size and its agent, if any, for a third: that
        // agent is the mairie's secretary or its only manager, who carries every file. Agents declared beyond one
        // count as anywhere else, whatever the population.
        let isSmall = staff <= 1
        isSmallTeam = isSmall
        isVillage = population < 3_500
        let counted = min(staff, Self.countedStaff)
        yearlyTenths = isSmall ? 8 + Self.villageSizeTenths + Self.smallTeamAgentTenths * counted
            : 8 + size + 6 * min(counted, 2) + 3 * max(counted - 2, 0)
        let yearly = yearlyTenths
        let start = phases.first?.start
        var units = phases.map { phase in
            let offset = start.map { $0.months(until: phase.start) } ?? 0
            let weighted = Self.weightedMonths(offset..<(offset + phase.months))
            // Tenths of a unit a year × weighted tenths of months / (10 × 10 × 12), rounded half up.
            return max(Self.phaseMinimum, (yearly * weighted + 600) / 1_200)
        }
        // The first phase holds the first months' quick acts; what it needs beyond its own months is taken
        // from the end of the mandate backwards, as far as each phase keeps its minimum: the mandate's total does
        // not grow, and the next year keeps its room for the first concrete actions. What it takes from the last
        // phase is only lent: a pressing situation that borrows from the end of the mandate gives it back there
        // first (`endReserve`), so that the last years keep room for a new action.
        var reserve = 0
        if let first = units.first, first < Self.firstPhaseMinimum {
            var missing = Self.firstPhaseMinimum - first
            units[0] = Self.firstPhaseMinimum
            for later in units.indices.dropFirst().reversed() where missing > 0 {
                let taken = min(missing, units[later] - Self.phaseMinimum)
                if later == units.count - 1 { reserve = taken }
                units[later] -= taken
                missing -= taken
            }
        }
        unitsPerPhase = units
        endReserve = reserve
    }
    /// A modest estimate of the agents able to carry projects when the profile does not say, by size: none under
    /// 1,000 inhabitants (the secrétaire de mairie keeps the whole town hall: the steps for a commune without an
    /// agent are the ones that fit), one under 10,000 (a small team under 3,500, as any team of one agent), two
    /// under 20,000, three under 50,000, five under 100,000, eight beyond — fewer than most such territories have,
    /// so that the roadmap errs on what the team can surely carry.
    public static func estimatedStaff(population: Double) -> Int {
        switch population {
        case ..<1_000: 0
        case ..<10_000: 1
        case ..<20_000: 2
        case ..<50_000: 3
        case ..<100_000: 5
        default: 8
        }
    }

    /// The months of `months` (counted from the start), each by its weight in tenths.
    static func weightedMonths(_ months: Range<Int>) -> Int {
        var weighted = 0
        var from = 0
        for (until, weight) in monthWeights {
            let overlap = min(months.upperBound, until) - max(months.lowerBound, from)
            if overlap > 0 { weighted += overlap * weight }
            from = until
        }
        return weighted
    }

    /// Units a year, for people: « 1,6 ».
    public var yearlyUnitsText: String {
        yearlyTenths % 10 == 0 ? "\(yearlyTenths / 10)" : "\(yearlyTenths / 10),\(yearlyTenths % 10)"
    }

    /// What `recommendation` takes of phase `phase`, in half-units: half a unit for a quick act (light effort,
    /// horizon of the first months) in the first phase, otherwise its effort's units — a quick act that waits
    /// past the first months is a light action like the others.
    public static func halfUnits(of recommendation: Recommendation, inPhase phase: Int) -> Int {
        halfUnits(effort: recommendation.effort, horizon: recommendation.horizon, inPhase: phase)
    }

    public static func halfUnits(effort: Effort, horizon: Horizon, inPhase phase: Int) -> Int {
        phase == 0 && effort == .low && horizon == .hundredDays ? 1 : 2 * effort.units
    }

    /// Half-units left in `phase` once what earlier phases overfilled is taken from it, given the half-units `free`
    /// in each phase (capacity less what its actions take; negative when overfilled): a set that overfills a phase
    /// borrows from the next ones, so the mandate's total does not grow. The last phase has no next one: what
    /// overfills it is taken from the room the phases before it have left, the latest first — the team starts that
    /// work sooner rather than carrying more than the mandate holds (a Mayotte commune with one agent kept ten
    /// actions for nine when the MSP and its junior doctors overfilled the end of the mandate and the PMI took the
    /// unit left before the review). The planner places by it; the roadmap keeps what it leaves
    /// (`Roadmap.halfUnitsLeft`), which the wording and the tests read.
    public static func halfUnitsLeft(inPhase phase: Int, free: [Int]) -> Int {
        let last = free.count - 1
        var room = 0
        for earlier in 0...phase { room = free[earlier] + min(0, room) }
        guard phase < last, room > 0 else { return room }
        var carried = room
        for later in (phase + 1)...last { carried = free[later] + min(0, carried) }
        guard carried < 0 else { return room }
        // The phases between take the end's excess first.
        var debt = -carried
        for later in stride(from: last - 1, to: phase, by: -1) where debt > 0 {
            var between = 0
            for earlier in 0...later { between = free[earlier] + min(0, between) }
            debt -= min(debt, max(0, between))
        }
        return room - min(debt, room)
    }

    /// The most half-units a phase of `halves` half-units of capacity holds before what may wait moves on to the
    /// next phases (`PhasePlacement.smoothOverfilledPhases`): about 1.3 times its capacity, and at least one unit
    /// more, so that a small team (two units a year) still gets its foundations and a first concrete action in
    /// the same year.
    public static func ceilingHalves(capacity halves: Int) -> Int {
        max(halves + 2, halves * 13 / 10)
    }

    /// The score from which a light action kept for its merit is a quick win that does not wait past the
    /// mid-mandate review while a middle phase holds it under its ceiling (`PhasePlacement.pullQuickWinsForward`).
    public static let quickWinMerit = 90

    /// Points by which an action answering a declared priority that has no action of its own may be scored below a
    /// lighter action kept for its score alone and still take its place (`PhasePlacement.giveLightRoomToBetter`).
    public static let clearlyBetter = 10

    /// Points by which an action waiting for room must outscore each lighter action kept for its score alone whose
    /// place it takes (`PhasePlacement.giveLightRoomToBetter`): more than the one point that breaks a tie between two
    /// actions (the CNFPT training's « la commune cotise déjà »). The room is the same, the mandate carrying at most a
    /// tenth more (`tradeOverrunHalves`): what fills it is the better action, not the one that came to fit the leftover.
    public static let betterBy = 2

    /// Half-units by which the mandate may carry more than the team's capacity when a clearly better action takes
    /// the place of lighter ones (`PhasePlacement.giveLightRoomToBetter`): a tenth of the mandate's half-units, at
    /// least half a unit and at most one unit. Each phase's capacity is its months' worth rounded to a unit, so a
    /// tenth is within what the rounding of four phases already moves; page 1 says the team is loaded past it.
    public static func tradeOverrunHalves(mandateHalves: Int) -> Int {
        min(2, max(1, mandateHalves / 10))
    }

    /// The merit from which an action kept for its merit alone may start in the first phase, among its four
    /// places (`PhasePlacement.startsAfterFirstPhase`); a weaker one starts in the next phase.
    public static let firstPhaseMerit = 60

    /// Whether an action of merit `merit` waits for the second phase when nothing else holds it in the first: too
    /// weak for the first quarter (`firstPhaseMerit`), neither a foundation nor dated. The planner adds what only it
    /// knows (kept for its merit alone, no companion, no priority); the wording of a left-out entry reads the same.
    public static func waitsPastFirstPhase(merit: Int, isFoundation: Bool, isDated: Bool) -> Bool {
        merit < firstPhaseMerit && !isFoundation && !isDated
    }

    /// Units over what remains of the mandate.
    public var totalUnits: Int { unitsPerPhase.reduce(0, +) }

    /// The same capacity with `units` given back to the last phase (the end reserve, or more: see
    /// `PhasePlacement.returnEndReserveIfBorrowed`).
    func withEndUnits(givenBack units: Int) -> Capacity {
        guard units > 0, let last = unitsPerPhase.indices.last else { return self }
        var capacity = self
        capacity.unitsPerPhase[last] += units
        capacity.endReserve = 0
        return capacity
    }

    /// How many recommendations of a method lever (steering, training, resources) the roadmap may hold: two for
    /// a small team, three for the others, so that method never crowds out action.
    public var methodLimit: Int { isSmallTeam ? 2 : 3 }
}
