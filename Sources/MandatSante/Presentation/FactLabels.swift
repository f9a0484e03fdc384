import RuleKit

/// The vocabulary's labels and references that depend on the territory (`Fact.labelVariants`: « zonage médical de
/// l'administration territoriale de santé (ATS) » at Saint-Pierre-et-Miquelon; `Fact.referenceVariants`), their
/// conditions compiled once with the rule base rather than at each statement of each territory.
struct FactLabels: Sendable {
    private typealias Variants = [String: [(condition: Condition, text: String, sources: [String])]]
    private let labels: Variants
    private let references: Variants
    private let falseLabels: Variants

    /// The vocabulary checked its conditions when it was loaded; one that does not compile is skipped.
    init(_ vocabulary: Vocabulary) {
        func compiled(_ variants: (Fact) -> [Fact.Variant]) -> Variants {
            var compiled: Variants = [:]
            for fact in vocabulary.facts where !variants(fact).isEmpty {
                compiled[fact.name] = variants(fact).compactMap { variant in
                    guard case .success(let condition) = Condition.compile(variant.when, vocabulary: vocabulary) else { return nil }
                    return (condition, variant.text, variant.sources.map(\.text))
                }
            }
            return compiled
        }
        labels = compiled(\.labelVariants)
        references = compiled(\.referenceVariants)
        falseLabels = compiled(\.falseLabelVariants)
        var naming: [String: [String: Bool]] = [:]
        for fact in vocabulary.facts where !fact.choices.isEmpty {
            var byChoice: [String: Bool] = [:]
            for choice in fact.choices { byChoice[choice.id] = FactStatement.choiceNamesItsFact(fact.label(ofChoice: choice.id), fact: fact) }
            naming[fact.name] = byChoice
        }
        namingChoices = naming
        referencing = Set(vocabulary.facts.filter { $0.reference != nil || !$0.referenceVariants.isEmpty }.map(\.name))
    }

    /// The facts whose statement may carry a reference (« France : 10,4 % début 2024, Insee »), whose documents a card
    /// then cites (`RoadmapPresenter.Context.mayCiteFindingReferences`).
    let referencing: Set<String>

    /// For each fact with choices, whether each choice's label names the fact (`FactStatement.choiceNamesItsFact`):
    /// decided once from the vocabulary's labels rather than by splitting and searching them at every statement.
    private let namingChoices: [String: [String: Bool]]

    /// Whether the label of `fact`'s choice `id` names the fact (`FactStatement.choiceNamesItsFact`).
    func choiceNamesItsFact(_ id: String, of fact: Fact) -> Bool {
        namingChoices[fact.name]?[id] ?? FactStatement.choiceNamesItsFact(fact.label(ofChoice: id), fact: fact)
    }

    /// The fact's label for a territory with `facts`: the first variant whose condition holds, else its label.
    func label(of fact: Fact, for facts: FactValues) -> String {
        labels[fact.name]?.first { $0.condition.evaluate(facts) == .true }?.text ?? fact.label
    }

    /// What a yes/no fact reads when false for a territory with `facts`: the first variant whose condition holds, else
    /// its `falseLabel`.
    func falseLabel(of fact: Fact, for facts: FactValues) -> String? {
        falseLabels[fact.name]?.first { $0.condition.evaluate(facts) == .true }?.text ?? fact.falseLabel
    }

    /// The figure the fact's value is read against for a territory with `facts`: the first variant whose condition
    /// holds, else the fact's reference.
    func reference(of fact: Fact, for facts: FactValues) -> String? {
        references[fact.name]?.first { $0.condition.evaluate(facts) == .true }?.text ?? fact.reference
    }

    /// The documents (ids of `sources.json`) that the reference `reference(of:for:)` gives cites.
    func referenceSources(of fact: Fact, for facts: FactValues) -> [String] {
        references[fact.name]?.first { $0.condition.evaluate(facts) == .true }?.sources ?? fact.referenceSources.map(\.text)
    }
}
