import RuleKit

/// The loaded, checked rule base: vocabulary, levers, sources and recommendations.
public struct RuleBase: Sendable {
    public var vocabulary: Vocabulary
    public var levers: [Lever]
    public var sources: [SourceDocument]
    /// The register of facts (`facts.json`) recommendations cite under `## Repères`.
    public var facts: [RegisteredFact]
    /// In file order, then in order of appearance.
    public var recommendations: [Recommendation]
    public var version: RuleBaseVersion
    /// The named conditions and boosts of `definitions.json`.
    public var definitions: RuleDefinitions
    /// What the portrait of a territory states (`portrait.json`).
    public var portrait: PortraitLayout
    /// Each id's position in `recommendations` (the first, should an id repeat).
    private(set) var positionByID: [String: Int]
    /// The vocabulary's labels that depend on the territory, compiled once.
    let factLabels: FactLabels

    public init(vocabulary: Vocabulary, levers: [Lever], sources: [SourceDocument], recommendations: [Recommendation],
                version: RuleBaseVersion = RuleBaseVersion(label: "non versionnée", fingerprint: "00000000"),
                definitions: RuleDefinitions = RuleDefinitions(), facts: [RegisteredFact] = [], portrait: PortraitLayout = PortraitLayout()) {
        self.vocabulary = vocabulary
        factLabels = FactLabels(vocabulary)
        self.portrait = portrait
        self.definitions = definitions
        self.version = version
        self.levers = levers
        self.sources = sources
        self.facts = facts
        self.recommendations = recommendations
        var index: [String: Int] = [:]
        for (position, recommendation) in recommendations.enumerated() where index[recommendation.id] == nil {
            index[recommendation.id] = position
        }
        positionByID = index
    }

    /// The same rule base (vocabulary, definitions, portrait and all) with other recommendations: the
    /// benchmark's larger bases and the planner's per-thread replicas must not lose any other part.
    package func replacing(recommendations: [Recommendation]) -> RuleBase {
        RuleBase(vocabulary: vocabulary, levers: levers, sources: sources, recommendations: recommendations,
                 version: version, definitions: definitions, facts: facts, portrait: portrait)
    }

    public func recommendation(_ id: String) -> Recommendation? {
        positionByID[id].map { recommendations[$0] }
    }

    public func lever(_ id: String) -> Lever? { levers.first { $0.id == id } }

    public func source(_ id: String) -> SourceDocument? { sources.first { $0.id == id } }

    public func fact(_ id: String) -> RegisteredFact? { facts.first { $0.id == id } }

    /// The recommendations that cite each fact, in rule-base order: the register says who uses it.
    public func users(of fact: String) -> [String] {
        recommendations.filter { $0.evidence?.factIDs.contains(fact) ?? false }.map(\.id)
    }
}
