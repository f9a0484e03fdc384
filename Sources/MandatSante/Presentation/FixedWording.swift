import RuleKit

extension RoadmapPresenter {
    /// A recommendation's texts in French typography: the same for every territory. A class: a card reads it
    /// several times per territory, and copying its dozen arrays and strings cost more than the reading.
    final class FixedWording: Sendable {
        let why: String
        let whyShort: String
        let steps: [String]
        let partners: [String]
        let funding: [String]
        let cautions: [String]
        let examples: [RoadmapDocument.Example]
        let evidence: String?
        let facts: [RoadmapDocument.Fact]
        let sources: [RoadmapDocument.Source]
        let indicators: [String]
        /// The facts its condition reads, and those its territorial wording reads (`Territorial`): the condition's
        /// and the boosts' facts, and the kind and the population when the condition reads one of them (they are
        /// stated together as the size).
        let conditionPlan: WordingKeyPlan
        let territorialPlan: WordingKeyPlan
        /// The funder each line of `funding` names (`ExecutiveSynthesis.funder`), in the same order.
        let funders: [String?]

        init(_ recommendation: Recommendation, ruleBase: RuleBase) {
            let french = Typography.french
            why = french(recommendation.why)
            whyShort = french(Typography.opening(recommendation.why))
            steps = recommendation.steps.map { french($0.text) }
            partners = recommendation.partners.map { french($0.text) }
            funding = recommendation.funding.map { french($0.text) }
            funders = funding.map(ExecutiveSynthesis.funder)
            cautions = recommendation.cautions.map { french($0.text) }
            examples = recommendation.examples.map { Context.example($0, ruleBase: ruleBase) }
            let registered = recommendation.evidence?.factIDs.compactMap(ruleBase.fact) ?? []
            facts = registered.map { RoadmapDocument.Fact(id: $0.id, statement: french($0.statement), source: Context.source($0.source, ruleBase: ruleBase)) }
            if case .paragraph(let text)? = recommendation.evidence { evidence = french(text) } else { evidence = nil }
            sources = recommendation.sources.map { Context.source($0, ruleBase: ruleBase) }
            indicators = recommendation.indicators.map(french)
            let vocabulary = ruleBase.vocabulary
            let conditionFacts = recommendation.condition.expression.factNames
            var read = conditionFacts
            for boost in recommendation.boosts { read.formUnion(boost.condition.expression.factNames) }
            let size: Set = [vocabulary.factName(.kind), vocabulary.factName(.population)]
            if !conditionFacts.isDisjoint(with: size) { read.formUnion(size) }
            conditionPlan = WordingKeyPlan(facts: conditionFacts, expressions: [recommendation.condition.expression], vocabulary: vocabulary)
            territorialPlan = WordingKeyPlan(facts: read, expressions: [recommendation.condition.expression] + recommendation.boosts.map(\.condition.expression),
                                             vocabulary: vocabulary)
        }
    }
}
