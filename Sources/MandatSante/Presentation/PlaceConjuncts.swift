import RuleKit

/// The parts of a condition that say where a territory lies — the overseas situation, its département, its
/// région — and that the whole condition requires (a conjunct, through `and` and named conditions). One that fails
/// means the recommendation belongs to another part of the world (the Pacific, the Antilles, mainland France):
/// the detailed annex sets it apart rather than listing it as a question the team should answer.
enum PlaceConjuncts {
    /// The program of those parts, nil when the condition has none.
    static func program(_ recommendation: Recommendation, vocabulary: Vocabulary) -> ConditionProgram? {
        let place: Set = [vocabulary.factName(.overseas), vocabulary.factName(.departement), vocabulary.factName(.region)]
        var parts: [Expression] = []
        func collect(_ expression: Expression) {
            let names = expression.factNames
            if !names.isEmpty && names.isSubset(of: place) {
                parts.append(expression)
                return
            }
            switch expression.kind {
            case .and(let conjuncts): conjuncts.forEach(collect)
            case .named(let named): collect(named.expression)
            default: return
            }
        }
        collect(recommendation.condition.expression)
        return parts.isEmpty ? nil : ConditionProgram(parts: parts, vocabulary: vocabulary)
    }

    /// Whether one of those parts is false for `facts`.
    static func fails(_ program: ConditionProgram?, _ facts: FactValues) -> Bool {
        program?.evaluate(facts).contains(.false) ?? false
    }
}
