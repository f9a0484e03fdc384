import RuleKit

/// The planned roadmap for one territory: phases, ranked items, what applies but does not fit, and what was
/// left out and why.
public struct Roadmap: Sendable {
    public var profile: Profile
    public var calendar: MandateCalendar
    public var capacity: Capacity
    /// The season heat-wave work must be ready for (« avant-saison-chaude »).
    public var hotSeason: HotSeason
    /// The season vector control and heavy-rain plans must be ready for (« avant-saison-des-pluies »): the hot
    /// season but in French Guiana.
    public var rainySeason: HotSeason
    /// The tourist seasons the population peaks in, when the profile says (« avant-saison-touristique »).
    public var peakSeasons: [HotSeason]
    /// In rank order: by phase, then prerequisites first, foundations and the team's priorities, then merit.
    public var items: [RoadmapItem]
    /// What applies to the territory but does not fit in the team's capacity (or in the share of method
    /// actions): « à envisager ensuite », best first.
    public var considerLater: [LeftOutRecommendation]
    /// Everything else that is not in the roadmap, by reason, then score.
    public var leftOut: [LeftOutRecommendation]
    /// Every recommendation's outcome, by id, for explanations.
    public var evaluations: Evaluations
    /// Half-units each phase has left once placement is done, as the planner counted them
    /// (`Capacity.halfUnitsLeft(inPhase:free:)`): what an earlier phase overfilled is taken from the next ones, what
    /// the last overfilled from the phases before it. The wording (« ce qui reste ne suffit pas ») and the
    /// tests read it here rather than counting again.
    public var halfUnitsLeft: [Int]
    /// The actions that took the place of lighter ones they clearly outscore (`PhasePlacement.giveLightRoomToBetter`).
    public var tradedPlaces: [TradedPlace] = []
    /// Half-units the whole mandate carries beyond the team's capacity once placement is done (0 within it): what
    /// overfilled phases took and the phases after and before them could not hold.
    public var overCapacityHalves = 0

    public func items(inPhase index: Int) -> [RoadmapItem] {
        items.filter { $0.phaseIndex == index }
    }

    /// Half-units taken in each phase (a quick act takes one in the first, see `RoadmapItem.halfUnits`).
    /// Summed in one pass over the items, read in place: the wording reads it for every deferred card, and filtering
    /// the items of each phase copied every item four times (perf41).
    public var halfUnitsUsed: [Int] {
        var used = [Int](repeating: 0, count: calendar.phases.count)
        for index in items.indices where used.indices.contains(items[index].phaseIndex) {
            used[items[index].phaseIndex] += items[index].halfUnits
        }
        return used
    }

    /// Units taken in each phase, a half counted as a whole (what the phase shows as used).
    public var unitsUsed: [Int] { halfUnitsUsed.map { ($0 + 1) / 2 } }

    public func item(_ id: String) -> RoadmapItem? { items.first { $0.recommendation.id == id } }

    /// The entry of a recommendation that is not in the roadmap, in either list.
    public func notPlaced(_ id: String) -> LeftOutRecommendation? {
        considerLater.first { $0.recommendation.id == id } ?? leftOut.first { $0.recommendation.id == id }
    }
}

/// An action placed in the place of lighter actions kept for their score alone, which it clearly outscores: they
/// are « à envisager ensuite » (`PhasePlacement.giveLightRoomToBetter`).
public struct TradedPlace: Sendable, Hashable {
    /// The action placed (an id).
    public var taker: String
    /// The actions that gave it their place (ids).
    public var given: [String]
    /// The phase each of `given` stood in (an index), in the same order: one may have stood in an earlier phase than
    /// the taker's, giving the mandate's time rather than that phase's (`PhasePlacement.giveLightRoomToBetter`).
    public var from: [Int]

    public init(taker: String, given: [String], from: [Int] = []) {
        self.taker = taker
        self.given = given
        self.from = from
    }
}

/// One recommendation placed in the roadmap.
public struct RoadmapItem: Sendable {
    public var rank: Int
    public var recommendation: Recommendation
    public var score: Score
    public var phaseIndex: Int
    /// Why it is not in an earlier phase.
    public var placement: Placement
    /// Why it was taken before others of higher score, if it was.
    public var selection: SelectionReason
    /// Prerequisites (ids) placed before it.
    public var prerequisites: [String]
    /// Prerequisites (ids) that are not in the roadmap: to do first, or already done.
    public var assumedPrerequisites: [String]
    /// Actions (ids) placed in the same phase because they belong together.
    public var together: [String]
    /// Recommendations it replaced or excluded (ids).
    public var supersedes: [String]
    /// The month it must be ready by, when it has a deadline.
    public var deadline: ScheduledDeadline?
    /// The deadline it was due by and could not meet for want of room: placed in the earliest phase after it where
    /// the team had room, ahead of what its deadline let it go ahead of (`deadline` is then nil).
    public var missedDeadline: ScheduledDeadline? = nil
    /// The half-units it takes of its phase, as the planner counted them (`Capacity.halfUnits(of:inPhase:)`, and a
    /// quick act in the first phase for the hot season under way).
    public var halfUnits: Int = 0

    public var scoreTerms: [Score.Term] { score.terms(of: recommendation) }
}

/// Why an item sits in its phase.
public enum Placement: Sendable, Hashable {
    /// The first phase its horizon allows.
    case horizon
    /// After a prerequisite placed in that phase.
    case prerequisite(String)
    /// With an action it belongs with, whose horizon is later.
    case together(String)
    /// The phases it wanted (from that one on) were full.
    case capacity(wanted: Int)
    /// Moved on from that phase, which held far more than the team can carry (`PhasePlacement.smoothOverfilledPhases`).
    case smoothed(from: Int)
    /// Moved on from that phase to make room for an action (its id) answering a priority the team declared (its
    /// id), which had no concrete action in the first year (`PhasePlacement.servePrioritiesInFirstYear`); no
    /// priority when it made room for an action itself moved on for one.
    case yielded(from: Int, to: String, priority: String?)
}

/// Why an item was taken ahead of the order of merit, when it was.
public enum SelectionReason: Sendable, Hashable {
    /// By its score, like the others.
    case merit
    /// A founding decision of the mandate.
    case foundation
    /// The best action serving a priority the team declared (the priority's id).
    case priority(String)
}

/// A deadline as the planner met it: the month to be ready by, and why.
public struct ScheduledDeadline: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Before the season (hot or tourist) starting that month.
        case season(HotSeason)
        /// The hot season that began that month is under way at the start: first steps for it now (the action is in
        /// the first phase), the rest ready before the next one (`before`).
        case underway(HotSeason, started: YearMonth)
        case stated(String)
        /// By the end of a phase of the mandate (the month is its last), for this reason.
        case phaseEnd(String)
    }

    /// Ready before this month.
    public var before: YearMonth
    public var kind: Kind

    public init(before: YearMonth, kind: Kind) {
        self.before = before
        self.kind = kind
    }

    /// Whether an action with this deadline, placed in `phase`, could start a phase later and still meet it, as the
    /// planner bounds it: a phase's end in or after the next phase, a stated month whose previous month is (a
    /// season's never lets it wait).
    public func letsWait(inPhase phase: Int, of calendar: MandateCalendar) -> Bool {
        let last: YearMonth
        switch kind {
        case .season, .underway: return false
        case .stated: last = before.adding(months: -1)
        case .phaseEnd: last = before
        }
        return phase + 1 < calendar.phases.count && calendar.phases[phase + 1].start <= last
    }
}

/// A score: the recommendation's base priority plus the boosts that apply.
///
/// Holds which boosts apply rather than the terms themselves, so that scoring every recommendation for every
/// profile allocates and references nothing; the terms are spelled out, from the recommendation, when a
/// presentation asks.
public struct Score: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        public var points: Int
        public var reason: String
        /// The facts whose value `reason` prints (`Boost.reasonValues`), filled by the presentation.
        public var reasonValues: [String] = []
    }

    /// A recommendation has at most this many boosts (one bit each in `applied`).
    public static let maximumBoosts = 64

    public let priority: Int
    /// Bit `i` set when the recommendation's boost `i` applies.
    private var applied: UInt64
    public private(set) var total: Int

    /// The score given the recommendation's priority and, at `boosts`, its boosts' points and the truths of
    /// their conditions (a boost applies when its condition is true).
    init(priority: Int, boosts: Range<Int>, points: [Int], truths: [Truth]) {
        var applied: UInt64 = 0
        var total = priority
        // A pattern rather than `==`: Truth's derived equality is a call into RuleKit, for every boost of every
        // recommendation of every profile.
        for position in boosts {
            guard case .true = truths[position] else { continue }
            applied |= 1 << UInt64(position - boosts.lowerBound)
            total += points[position]
        }
        self.priority = priority
        self.applied = applied
        self.total = total
    }

    /// The base priority, then the points of each boost of `recommendation` that applies.
    public func terms(of recommendation: Recommendation) -> [Term] {
        let boosts = recommendation.boosts
        return [Term(points: priority, reason: "priorité de base")]
            + boosts.indices.filter(applies(boost:)).map { Term(points: boosts[$0].points, reason: boosts[$0].reason, reasonValues: boosts[$0].reasonValues) }
    }

    /// The boosts of `recommendation` whose condition was not true, for explanations.
    public func missedBoosts(of recommendation: Recommendation) -> [Boost] {
        recommendation.boosts.indices.filter { !applies(boost: $0) }.map { recommendation.boosts[$0] }
    }

    /// The same score with the boosts at `indices` not applied (a boost whose supported action the roadmap does
    /// not keep, for what the card says: `Boost.supports`).
    func without(boosts indices: [Int], of recommendation: Recommendation) -> Score {
        var copy = self
        for index in indices where applies(boost: index) {
            copy.applied &= ~(1 << UInt64(index))
            copy.total -= recommendation.boosts[index].points
        }
        return copy
    }

    /// Whether the recommendation's boost at `index` applies.
    public func applies(boost index: Int) -> Bool { applied & (1 << UInt64(index)) != 0 }
}

/// The outcome of evaluating one recommendation for the profile.
public struct Evaluation: Sendable {
    public var recommendation: Recommendation
    public var truth: Truth
    public var score: Score
    /// The score's terms: base priority, then each boost that applied.
    public var terms: [Score.Term] { score.terms(of: recommendation) }
    /// Boosts that did not apply, for explanations.
    public var missedBoosts: [Boost] { score.missedBoosts(of: recommendation) }
}

/// Every recommendation's evaluation for one profile, by id.
public struct Evaluations: Sendable {
    let index: PlanningIndex
    /// The recommendations' conditions, by position, then their boosts' (see `PlanningIndex.conditions`).
    let truths: [Truth]
    let scores: [Score]

    public var count: Int { scores.count }

    public subscript(id: String) -> Evaluation? {
        index.position(of: id).map { Evaluation(recommendation: index.recommendations[$0], truth: truths[$0], score: scores[$0]) }
    }

    /// The ids of the recommendations whose condition had this truth.
    public func ids(where truth: Truth) -> [String] {
        scores.indices.filter { truths[$0] == truth }.map { index.recommendations[$0].id }
    }
}

/// A recommendation that is not in the roadmap, and why.
public struct LeftOutRecommendation: Sendable {
    public enum Reason: Sendable, Hashable {
        case conditionNotMet(Truth)
        /// Not an instrument of this level of government.
        case wrongLevel(LevelConflict)
        case replaced(by: String)
        case excluded(by: String)
        /// Applies, but the phases it could go in were full: « à envisager ensuite ».
        case noCapacity
        /// Applies, but the roadmap already holds as many method actions as the capacity allows.
        case methodLimit(Int)
        /// Its deadline cannot be met: it is already past, or no phase before it has room.
        case deadlineMissed(YearMonth)
        case beyondTop(Int)

        /// Every value `order` takes, first to last.
        static let orders = 0...5

        /// The order of the left-out list.
        var order: Int {
            switch self {
            case .noCapacity, .methodLimit: return 0
            case .replaced, .excluded: return 1
            case .deadlineMissed: return 2
            case .beyondTop: return 3
            case .wrongLevel: return 4
            case .conditionNotMet: return 5
            }
        }

        /// Whether the recommendation applies to the territory and would be worth doing given more capacity.
        public var isConsiderLater: Bool { order == 0 }
    }

    public var recommendation: Recommendation
    public var reason: Reason
    public var score: Score
}

/// Why an action is not for the level of government the profile describes.
public enum LevelConflict: Sendable, Hashable {
    /// A communal instrument, for a profile of an intercommunality.
    case communalInstrument
    /// Carried by the intercommunality, which already carries health for this commune.
    case carriedByIntercommunality
}
