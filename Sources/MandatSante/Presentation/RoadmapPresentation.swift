import RuleKit

/// A roadmap worded for people: portrait, drivers, calendar, items, what was left out. Every renderer formats
/// this one model, so text, Markdown and later formats always say the same thing.
public struct RoadmapPresentation: Sendable {
    public struct PhaseSummary: Sendable {
        public var title: String
        public var period: String
        public var months: Int
        public var capacity: Int
        public var used: Int
        public var items: [ItemPresentation]
    }

    public struct LeftOutGroup: Sendable {
        public var title: String
        /// (id, title, reason)
        public var entries: [(id: String, title: String, reason: String)]
    }

    public var portrait: TerritoryPortrait
    public var startMonth: String
    /// The findings that selected or boosted the most recommendations, with their counts.
    public var drivers: [(text: String, count: Int)]
    public var phases: [PhaseSummary]
    public var leftOut: [LeftOutGroup]
    public var itemCount: Int
    public var recommendationCount: Int
    /// The planned roadmap and the rule base this presentation words, for formats that also carry ids and raw
    /// values (JSON, CSV).
    public var roadmap: Roadmap
    public var ruleBase: RuleBase

    public init(roadmap: Roadmap, ruleBase: RuleBase) {
        let explainer = ConditionExplainer(vocabulary: ruleBase.vocabulary)
        portrait = TerritoryPortrait(profile: roadmap.profile, capacity: roadmap.capacity)
        startMonth = roadmap.calendar.start.longFrench
        let items = roadmap.items.map { ItemPresentation(item: $0, roadmap: roadmap, ruleBase: ruleBase, explainer: explainer) }
        itemCount = items.count
        recommendationCount = ruleBase.recommendations.count
        self.roadmap = roadmap
        self.ruleBase = ruleBase

        // Size is already in the portrait and gates most actions; the drivers are the other findings.
        let sizeFacts: Set<String> = ["population", "kind", "density"]
        var counts: [String: Int] = [:]
        for item in roadmap.items {
            let conditions = [item.recommendation.condition] + item.recommendation.boosts.map(\.condition)
            let leaves = conditions.flatMap { explainer.heldLeaves($0.trace(roadmap.profile.facts)) }
            for leaf in Set(leaves) where leaf.facts.isDisjoint(with: sizeFacts) && !leaf.facts.isEmpty {
                counts[leaf.text, default: 0] += 1
            }
        }
        drivers = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(6).map { (text: $0.key, count: $0.value) }

        let used = roadmap.unitsUsed
        phases = roadmap.calendar.phases.enumerated().map { index, phase in
            PhaseSummary(title: phase.title, period: phase.period, months: phase.months,
                         capacity: roadmap.capacity.unitsPerPhase[index], used: used[index],
                         items: zip(roadmap.items, items).filter { $0.0.phaseIndex == index }.map(\.1))
        }
        leftOut = Self.group(roadmap, ruleBase: ruleBase, explainer: explainer)
    }

    private static func group(_ roadmap: Roadmap, ruleBase: RuleBase, explainer: ConditionExplainer) -> [LeftOutGroup] {
        func title(_ id: String) -> String { ruleBase.recommendation(id)?.title ?? id }
        var groups: [(String, [(String, String, String)])] = [
            ("Remplacées ou écartées par une option plus adaptée", []),
            ("Faute de capacité pendant le mandat", []),
            ("Au-delà du nombre d'actions demandé", []),
            ("Conditions non réunies pour ce territoire", []),
        ]
        for entry in roadmap.leftOut {
            let recommendation = entry.recommendation
            let (group, reason): (Int, String)
            switch entry.reason {
            case .replaced(let by): (group, reason) = (0, "remplacée par « \(title(by)) »")
            case .excluded(let by): (group, reason) = (0, "écartée au profit de « \(title(by)) », mieux classée")
            case .noCapacity: (group, reason) = (1, "score \(entry.score.total) : les phases restantes sont pleines")
            case .prerequisiteLeftOut(let id): (group, reason) = (1, "son préalable « \(title(id)) » n'a pas pu être placé")
            case .beyondTop(let top): (group, reason) = (2, "score \(entry.score.total), au-delà des \(top) premières actions")
            case .conditionNotMet:
                let trace = recommendation.condition.trace(roadmap.profile.facts)
                (group, reason) = (3, explainer.reasons(trace).joined(separator: " ; "))
            }
            groups[group].1.append((recommendation.id, recommendation.title, reason))
        }
        return groups.filter { !$0.1.isEmpty }.map { LeftOutGroup(title: $0.0, entries: $0.1.map { (id: $0.0, title: $0.1, reason: $0.2) }) }
    }
}
