import RuleKit

/// One encoded recommendation of the rule base: when it applies, how it scores, and what it says.
public struct Recommendation: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var lever: String
    public var condition: Condition
    /// The JSON string the condition was written in, to map a position in the condition to the file.
    public var conditionNode: JSONNode
    public var priority: Int
    public var boosts: [Boost]
    public var horizon: Horizon
    public var effort: Effort
    public var after: [String]
    public var replaces: [String]
    public var excludes: [String]
    public var why: String
    public var steps: [String]
    public var partners: [String]
    public var funding: [String]
    public var examples: [Example]
    public var evidence: String?
    public var sources: [SourceReference]
    public var indicators: [String]
    /// Where the recommendation is written, for diagnostics and for the catalogue.
    public var file: String
    public var location: SourceLocation
}

/// Extra priority under a condition, with the French reason shown in explanations.
public struct Boost: Sendable {
    public var condition: Condition
    public var conditionNode: JSONNode
    public var points: Int
    public var reason: String
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
