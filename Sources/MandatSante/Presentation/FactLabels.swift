import RuleKit

/// The vocabulary's labels that depend on the territory (`Fact.labelVariants`: « zonage médical de
/// l'administration territoriale de santé (ATS) » at Saint-Pierre-et-Miquelon), their conditions compiled once
/// with the rule base rather than at each statement of each territory.
struct FactLabels: Sendable {
    private let variants: [String: [(condition: Condition, label: String)]]

    /// The vocabulary checked its conditions when it was loaded; one that does not compile is skipped.
    init(_ vocabulary: Vocabulary) {
        var variants: [String: [(condition: Condition, label: String)]] = [:]
        for fact in vocabulary.facts where !fact.labelVariants.isEmpty {
            variants[fact.name] = fact.labelVariants.compactMap { variant in
                guard case .success(let condition) = Condition.compile(variant.when, vocabulary: vocabulary) else { return nil }
                return (condition, variant.label)
            }
        }
        self.variants = variants
    }

    /// The fact's label for a territory with `facts`: the first variant whose condition holds, else its label.
    func label(of fact: Fact, for facts: FactValues) -> String {
        variants[fact.name]?.first { $0.condition.evaluate(facts) == .true }?.label ?? fact.label
    }
}
