import RuleKit

/// Everything a renderer shows for one roadmap item, already worded in French.
public struct ItemPresentation: Sendable {
    public var rank: Int
    public var id: String
    public var title: String
    public var phaseTitle: String
    public var leverTitle: String
    public var effort: String
    public var horizon: String
    public var score: Int
    /// « 70 (priorité de base) + 15 (l'accès aux soins est une priorité) = 85 »
    public var scoreLine: String
    /// The parts of the condition that held, with the facts' values.
    public var reasons: [String]
    /// Why it is in this phase, when it is not simply its horizon.
    public var placementNote: String?
    /// « Après : … » and « Remplace : … » lines.
    public var relations: [String]
    public var why: String
    public var steps: [String]
    public var partners: [String]
    public var funding: [String]
    public var examples: [String]
    public var evidence: String?
    public var sources: [String]
    public var indicators: [String]

    init(item: RoadmapItem, roadmap: Roadmap, ruleBase: RuleBase, explainer: ConditionExplainer) {
        let recommendation = item.recommendation
        let phases = roadmap.calendar.phases
        func title(_ id: String) -> String { ruleBase.recommendation(id)?.title ?? id }
        rank = item.rank
        id = recommendation.id
        self.title = recommendation.title
        phaseTitle = phases[item.phaseIndex].title
        leverTitle = ruleBase.lever(recommendation.lever)?.title ?? recommendation.lever
        effort = recommendation.effort.rawValue
        horizon = recommendation.horizon.label
        score = item.score.total
        scoreLine = Self.scoreLine(item.score, of: recommendation)
        reasons = explainer.reasons(recommendation.condition.trace(roadmap.profile.facts))
        switch item.placement {
        case .horizon:
            placementNote = nil
        case .prerequisite(let prerequisite):
            placementNote = "placée en « \(phaseTitle) » pour venir après « \(title(prerequisite)) »"
        case .capacity(let wanted):
            placementNote = "prévue pour « \(phases[wanted].title) », reportée en « \(phaseTitle) » : la capacité des phases précédentes était atteinte"
        }
        relations = item.prerequisites.map { "après : \(title($0))" }
            + item.supersedes.map { id in
                let verb = recommendation.replaces.contains(id) ? "remplace" : "écarte"
                return "\(verb) : \(title(id))"
            }
        why = recommendation.why
        steps = recommendation.steps
        partners = recommendation.partners
        funding = recommendation.funding
        examples = recommendation.examples.map { "\($0.territory) : \($0.what)" }
        evidence = recommendation.evidence
        sources = recommendation.sources.map { Self.citation($0, ruleBase: ruleBase) }
        indicators = recommendation.indicators
    }

    static func scoreLine(_ score: Score, of recommendation: Recommendation) -> String {
        let terms = score.terms(of: recommendation).map { "\($0.points) (\($0.reason))" }
        return terms.count == 1 ? terms[0] : terms.joined(separator: " + ") + " = \(score.total)"
    }

    static func citation(_ reference: SourceReference, ruleBase: RuleBase) -> String {
        let document = ruleBase.source(reference.document)?.shortTitle ?? reference.document
        return "\(document) — \(reference.section)"
    }
}
