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
    public var evaluations: [String: Evaluation]

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

/// A score and the terms it is the sum of.
public struct Score: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        public var points: Int
        public var reason: String
    }

    public var terms: [Term]
    public var total: Int { terms.reduce(0) { $0 + $1.points } }
}

/// The outcome of evaluating one recommendation for the profile.
public struct Evaluation: Sendable {
    public var truth: Truth
    public var score: Score
    /// Boosts that did not apply, for explanations.
    public var missedBoosts: [Boost]
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
