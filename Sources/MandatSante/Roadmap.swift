import RuleKit

/// The planned roadmap for one territory: phases, ranked items, and what was left out and why.
public struct Roadmap: Sendable {
    public var profile: Profile
    public var calendar: MandateCalendar
    public var capacity: Capacity
    /// In rank order (phase, then dependencies and score).
    public var items: [RoadmapItem]
    /// Sorted by reason, then score.
    public var leftOut: [LeftOutRecommendation]
    /// Every recommendation's outcome, by id, for explanations.
    public var evaluations: Evaluations

    public func items(inPhase index: Int) -> [RoadmapItem] {
        items.filter { $0.phaseIndex == index }
    }

    /// Units taken in each phase.
    public var unitsUsed: [Int] {
        calendar.phases.indices.map { index in items(inPhase: index).reduce(0) { $0 + $1.recommendation.effort.units } }
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
    /// Selected prerequisites (ids) that come before it.
    public var prerequisites: [String]
    /// Recommendations it replaced or excluded (ids).
    public var supersedes: [String]

    public var scoreTerms: [Score.Term] { score.terms(of: recommendation) }
}

/// Why an item sits in its phase.
public enum Placement: Sendable, Hashable {
    /// Its horizon's phase.
    case horizon
    /// After a prerequisite placed in that phase.
    case prerequisite(String)
    /// Earlier phases were full.
    case capacity(wanted: Int)
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
    }

    /// A recommendation has at most this many boosts (one bit each in `applied`).
    public static let maximumBoosts = 64

    public let priority: Int
    /// Bit `i` set when the recommendation's boost `i` applies.
    private let applied: UInt64
    public let total: Int

    /// The score given the recommendation's priority and, at `boosts`, its boosts' points and the truths of
    /// their conditions (a boost applies when its condition is true).
    init(priority: Int, boosts: Range<Int>, points: [Int], truths: [Truth]) {
        var applied: UInt64 = 0
        var total = priority
        for position in boosts where truths[position] == .true {
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
            + boosts.indices.filter(isApplied).map { Term(points: boosts[$0].points, reason: boosts[$0].reason) }
    }

    /// The boosts of `recommendation` whose condition was not true, for explanations.
    public func missedBoosts(of recommendation: Recommendation) -> [Boost] {
        recommendation.boosts.indices.filter { !isApplied($0) }.map { recommendation.boosts[$0] }
    }

    private func isApplied(_ index: Int) -> Bool { applied & (1 << UInt64(index)) != 0 }
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
        case replaced(by: String)
        case excluded(by: String)
        case noCapacity
        case prerequisiteLeftOut(String)
        case beyondTop(Int)

        /// Every value `order` takes, first to last.
        static let orders = 0...4

        var order: Int {
            switch self {
            case .replaced: return 0
            case .excluded: return 1
            case .noCapacity, .prerequisiteLeftOut: return 2
            case .beyondTop: return 3
            case .conditionNotMet: return 4
            }
        }
    }

    public var recommendation: Recommendation
    public var reason: Reason
    public var score: Score
}
