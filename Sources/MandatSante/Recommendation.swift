import RuleKit

/// One encoded recommendation of the rule base: when it applies, how it scores, and what it says.
///
/// Immutable, and a class: every roadmap refers to each recommendation once or twice (item or left out), and a
/// reference costs one reference count where copying these twenty fields cost twenty — that was a quarter of
/// the planner's time.
public final class Recommendation: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let lever: String
    public let condition: Condition
    /// The JSON string the condition was written in, to map a position in the condition to the file.
    public let conditionNode: JSONNode
    public let priority: Int
    public let boosts: [Boost]
    public let horizon: Horizon
    public let effort: Effort
    public let after: [String]
    public let replaces: [String]
    public let excludes: [String]
    public let why: String
    public let steps: [String]
    public let partners: [String]
    public let funding: [String]
    public let examples: [Example]
    public let evidence: String?
    public let sources: [SourceReference]
    public let indicators: [String]
    /// Where the recommendation is written, for diagnostics and for the catalogue.
    public let file: String
    public let location: SourceLocation

    public init(id: String, title: String, lever: String, condition: Condition, conditionNode: JSONNode, priority: Int,
                boosts: [Boost], horizon: Horizon, effort: Effort, after: [String], replaces: [String], excludes: [String],
                why: String, steps: [String], partners: [String], funding: [String], examples: [Example], evidence: String?,
                sources: [SourceReference], indicators: [String], file: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.lever = lever
        self.condition = condition
        self.conditionNode = conditionNode
        self.priority = priority
        self.boosts = boosts
        self.horizon = horizon
        self.effort = effort
        self.after = after
        self.replaces = replaces
        self.excludes = excludes
        self.why = why
        self.steps = steps
        self.partners = partners
        self.funding = funding
        self.examples = examples
        self.evidence = evidence
        self.sources = sources
        self.indicators = indicators
        self.file = file
        self.location = location
    }

    /// The same recommendation in objects of its own, for a planner of its own (see `Planner.replica`).
    func replica() -> Recommendation {
        copy(boosts: boosts.map { $0.replica() })
    }

    /// The same recommendation under another id, with its relations renamed: the benchmark's larger rule bases.
    public func renamed(_ rename: (String) -> String) -> Recommendation {
        copy(id: rename(id), after: after.map(rename), replaces: replaces.map(rename), excludes: excludes.map(rename))
    }

    /// This recommendation with the given fields replaced.
    private func copy(id: String? = nil, condition: Condition? = nil, boosts: [Boost]? = nil,
                      after: [String]? = nil, replaces: [String]? = nil, excludes: [String]? = nil) -> Recommendation {
        Recommendation(
            id: id ?? self.id, title: title, lever: lever, condition: condition ?? self.condition, conditionNode: conditionNode,
            priority: priority, boosts: boosts ?? self.boosts, horizon: horizon, effort: effort, after: after ?? self.after,
            replaces: replaces ?? self.replaces, excludes: excludes ?? self.excludes, why: why, steps: steps, partners: partners,
            funding: funding, examples: examples, evidence: evidence, sources: sources, indicators: indicators, file: file,
            location: location)
    }
}

/// Extra priority under a condition, with the French reason shown in explanations. Immutable and shared, like
/// the recommendation it belongs to: every score of every profile refers to it.
public final class Boost: Sendable {
    public let condition: Condition
    public let conditionNode: JSONNode
    public let points: Int
    public let reason: String

    public init(condition: Condition, conditionNode: JSONNode, points: Int, reason: String) {
        self.condition = condition
        self.conditionNode = conditionNode
        self.points = points
        self.reason = reason
    }

    /// The same boost in an object of its own (see `Planner.replica`).
    func replica() -> Boost {
        Boost(condition: condition, conditionNode: conditionNode, points: points, reason: reason)
    }
}

/// A real territory that already did it.
public struct Example: Sendable, Hashable {
    public var territory: String
    public var what: String
    public var source: SourceReference?
}

/// A document of `sources.json` and the section where the point is made.
public struct SourceReference: Sendable, Hashable {
    public var document: String
    public var section: String
}

/// A policy lever recommendations act through.
public struct Lever: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var description: String
}

/// A source document recommendations may cite.
public struct SourceDocument: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// A short form for citations under each action.
    public var shortTitle: String
}
