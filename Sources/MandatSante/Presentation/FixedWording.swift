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
        /// The facts its territorial wording reads (`Territorial`): the condition's and the boosts' facts, and the
        /// kind and the population when the condition reads one of them (they are stated together as the size).
        /// The overseas situation is stated through a placeholder, so neither the département nor the région is read.
        let territorialPlan: WordingKeyPlan
        /// The funder each line of `funding` names (`ExecutiveSynthesis.funder`), in the same order.
        let funders: [String?]
        /// What a card shows only where it holds — first steps, partners and funding lines with a condition, the
        /// cautions, the registered facts, the examples and the sources printed under a condition — compiled together, so that a card evaluates
        /// them in one pass rather than one program per line (`ShownLines`).
        let lines: ShownLines
        /// What made its condition and boosts hold, found without tracing them (`HeldLeafProgram`).
        let heldLeaves: HeldLeafProgram
        /// Why its condition does not hold, in words, without tracing it (`ConditionReasonProgram`).
        let conditionReasons: ConditionReasonProgram
        /// The parts of its condition that say where the territory lies (`PlaceConjuncts`), nil when none.
        let placeConjuncts: ConditionProgram?

        /// The conditional lines of one recommendation and where each reads its truth.
        struct ShownLines: Sendable {
            let conditions: ConditionProgram
            /// For each first step, partner, funding line, caution, registered fact, example and source: the position of
            /// its condition in `conditions`, nil when it has none (always shown; a caution always has one).
            let steps: [Int?], partners: [Int?], funding: [Int?], cautions: [Int?], facts: [Int?], examples: [Int?], sources: [Int?]

            init(_ recommendation: Recommendation, facts: [RoadmapDocument.Fact]) {
                var conditions: [Condition] = []
                func position(_ condition: Condition?) -> Int? {
                    guard let condition else { return nil }
                    conditions.append(condition)
                    return conditions.count - 1
                }
                steps = recommendation.steps.map { position($0.condition) }
                partners = recommendation.partners.map { position($0.condition) }
                funding = recommendation.funding.map { position($0.condition) }
                cautions = recommendation.cautions.map { position($0.condition) }
                self.facts = facts.map { position(recommendation.factConditions[$0.id]) }
                examples = recommendation.examples.map { position($0.condition) }
                sources = recommendation.sources.indices.map { position(recommendation.sourceCondition(at: $0)) }
                self.conditions = ConditionProgram(conditions)
            }

            /// Each condition's truth for `facts` (none evaluated when there is none).
            func truths(_ facts: FactValues) -> [Truth] {
                conditions.count == 0 ? [] : conditions.evaluate(facts)
            }

            /// The elements of `items` whose condition, at `positions`, is true in `truths` (or that have none).
            /// `items` itself, not a copy, when every one is shown (most cards: a card reads seven lists, and
            /// filtering each through pairs cost a quarter of wording a roadmap: batch38, bench/README.md).
            static func shown<Item>(_ items: [Item], _ positions: [Int?], _ truths: [Truth]) -> [Item] {
                let count = min(items.count, positions.count)
                var hidden = count < items.count && positions.contains { $0 != nil }
                if !hidden {
                    for position in positions where position.map({ truths[$0] != .true }) ?? false {
                        hidden = true
                        break
                    }
                }
                guard hidden else { return items }
                var kept: [Item] = []
                kept.reserveCapacity(count)
                for index in 0..<count where positions[index].map({ truths[$0] == .true }) ?? true { kept.append(items[index]) }
                return kept
            }
        }

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
            lines = ShownLines(recommendation, facts: facts)
            heldLeaves = HeldLeafProgram(recommendation, vocabulary: ruleBase.vocabulary, findings: ruleBase.definitions.findingTexts)
            conditionReasons = ConditionReasonProgram(recommendation.condition.expression, vocabulary: ruleBase.vocabulary)
            placeConjuncts = PlaceConjuncts.program(recommendation, vocabulary: ruleBase.vocabulary)
            let vocabulary = ruleBase.vocabulary
            let conditionFacts = recommendation.condition.expression.factNames
            var read = conditionFacts
            for boost in recommendation.boosts { read.formUnion(boost.condition.expression.factNames) }
            let size: Set = [vocabulary.factName(.kind), vocabulary.factName(.population)]
            if !conditionFacts.isDisjoint(with: size) { read.formUnion(size) }
            // A fact whose label depends on other facts (`labels`: the zoning at Saint-Pierre-et-Miquelon; `falseLabels`:
            // « aucun poste de coordination santé à la commune » where the CLS is the intercommunality's) is worded
            // differently where they differ: they enter the key of the wording; so do the facts a choice's statement
            // completes (« {cls}, porté par le pays ou le PETR »).
            for name in read {
                guard let fact = vocabulary.fact(named: name) else { continue }
                for variant in fact.labelVariants + fact.falseLabelVariants {
                    if case .success(let condition) = Condition.compile(variant.when, vocabulary: vocabulary) { read.formUnion(condition.expression.factNames) }
                }
                for choice in fact.choices { read.formUnion(choice.statementFacts) }
            }
            // A grouped overseas choice is stated by the territory the département or the région names
            // (`FactStatement.overseasPlace`): through a placeholder each territory fills, so that the kept
            // wording is shared by the communes of a hundred départements, rather than kept for each.
            let overseas = vocabulary.factName(.overseas)
            territorialPlan = WordingKeyPlan(facts: read, expressions: [recommendation.condition.expression] + recommendation.boosts.map(\.condition.expression),
                                             vocabulary: vocabulary, membership: true,
                                             placeheldByValue: read.contains(overseas) ? [overseas] : [])
        }
    }
}
