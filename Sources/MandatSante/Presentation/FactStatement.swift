import RuleKit

/// A fact of the profile said as a finding, in plain French and positively: « aucune CPTS ne couvre le
/// territoire », « zonage médical de l'ARS : zone d'intervention prioritaire (ZIP) », « commune de
/// 420 habitants » — never a test (« autre que hors zonage ») or a double negative.
struct FactStatement {
    let profile: Profile

    var vocabulary: Vocabulary { profile.vocabulary }

    /// What the profile says of `name`; nil when it says nothing (unknown).
    func statement(_ name: String) -> String? {
        guard let fact = vocabulary.fact(named: name), let value = profile.value(name) else { return nil }
        switch value {
        case .bool(let flag):
            return flag ? fact.label : fact.falseLabel ?? "non : \(fact.label)"
        case .set(let members):
            let labels = fact.choices.filter { members.contains($0.id) }.map(\.label)
            return labels.isEmpty ? nil : "\(fact.label) : \(Typography.list(labels))"
        case .number, .text:
            return "\(fact.label) : \(ValueFormatter.value(value, of: fact))"
        }
    }

    /// « commune de 420 habitants », « communauté de communes de 18 500 habitants »
    var size: String {
        let kind = profile.display(profile.vocabulary.factName(.kind))
        let population = profile.vocabulary.factName(.population)
        guard profile.value(population) != nil else { return kind }
        return "\(kind) de \(profile.display(population))"
    }

    /// What a condition's leaf that held says of the profile. Size facts (kind, population) are one finding;
    /// a set read through `'v' in set` states that member only.
    func statements(heldIn trace: ConditionTrace) -> [String] {
        var result: [String] = []
        for leaf in Self.heldLeaves(trace) {
            let facts = leaf.expression.factNames
            if facts.isEmpty { continue }
            if case .comparison(let op, let left, let right) = leaf.expression.kind, case .fact(let name) = right.kind,
               case .string(let member) = left.kind, let fact = vocabulary.fact(named: name), fact.type == .set {
                let label = fact.label(ofChoice: member)
                result.append(op == .in ? "\(fact.label) : \(label)" : "\(fact.label) : pas « \(label) »")
                continue
            }
            for name in facts.sorted(by: vocabularyOrder) {
                let text = sizeFacts.contains(name) ? size : statement(name)
                if let text, !result.contains(text) { result.append(text) }
            }
        }
        return result
    }

    /// Facts that make the size of the territory: stated once, as « commune de 420 habitants ».
    var sizeFacts: Set<String> { [vocabulary.factName(.kind), vocabulary.factName(.population)] }

    private func vocabularyOrder(_ a: String, _ b: String) -> Bool {
        (vocabulary.slot(of: a) ?? .max) < (vocabulary.slot(of: b) ?? .max)
    }

    /// The smallest sub-conditions that made a holding condition hold.
    static func heldLeaves(_ trace: ConditionTrace) -> [ConditionTrace] {
        guard trace.truth == .true else { return [] }
        switch trace.expression.kind {
        case .and, .or: return trace.children.flatMap(heldLeaves)
        default: return [trace]
        }
    }
}
