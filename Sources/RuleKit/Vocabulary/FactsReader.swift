/// Reads a JSON object of facts (a profile) against a vocabulary: every value typed, in range and allowed.
public enum FactsReader {
    /// Reads `root`; keys in `ignoredKeys` (e.g. `$schema`) are allowed and skipped.
    public static func read(
        _ root: JSONNode, file: String, vocabulary: Vocabulary, ignoredKeys: Set<String> = []
    ) -> (FactValues, [Diagnostic]) {
        var facts = FactValues(defaultsOf: vocabulary)
        var diagnostics: [Diagnostic] = []
        guard case .object(let members) = root.value else {
            diagnostics.append(.error("faits.type", "un objet JSON était attendu (par exemple { \"name\": \"…\", \"population\": 1200 }), pas \(root.kindDescription)", file: file, at: root.location))
            return (facts, diagnostics)
        }
        var stated: Set<String> = []
        for member in members where !ignoredKeys.contains(member.key) {
            guard let fact = vocabulary.fact(named: member.key) else {
                let hint = Suggestion.hint(for: member.key, among: vocabulary.factNames)
                diagnostics.append(.error("faits.inconnu", "fait inconnu « \(member.key) »\(hint)", file: file, at: member.keyLocation))
                continue
            }
            if case .null = member.value.value, !fact.required {
                facts.set(fact.name, to: nil, in: vocabulary)
                stated.insert(fact.name)
                continue
            }
            if let value = value(of: member.value, for: fact, path: "$.\(fact.name)", file: file, diagnostics: &diagnostics) {
                facts.set(fact.name, to: value, in: vocabulary)
            }
            stated.insert(fact.name)
        }
        for fact in vocabulary.facts where fact.required && !stated.contains(fact.name) {
            diagnostics.append(.error("faits.manquant", "fait obligatoire « \(fact.name) » (\(fact.label)) manquant : \(expectation(for: fact))", file: file, at: root.location))
        }
        return (facts, diagnostics)
    }

    /// Converts one JSON value to a value of `fact`, or reports what was expected at `path`. The checks are those
    /// of `TypedValueReader`, shared with every value typed by a person.
    public static func value(
        of node: JSONNode, for fact: Fact, path: String, file: String, diagnostics: inout [Diagnostic]
    ) -> FactValue? {
        func fail(_ code: String, _ message: String, at location: SourceLocation = node.location) -> FactValue? {
            diagnostics.append(.error(code, "\(path) : \(message)", file: file, at: location))
            return nil
        }
        switch (fact.type, node.value) {
        case (.bool, .bool(let flag)):
            return .bool(flag)
        case (.int, .number(let number, let literal)), (.number, .number(let number, let literal)):
            switch TypedValueReader.number(number, written: literal, for: fact) {
            case .success(let number): return .number(number)
            case .failure(let error): return fail(error.kind == .outOfRange ? "faits.hors-limites" : "faits.type", error.message)
            }
        case (.text, .string(let text)):
            switch TypedValueReader.text(text, for: fact) {
            case .success(let text): return .text(text)
            case .failure(let error):
                let location = error.offset.map { node.locationInString(offset: $0) } ?? node.location
                return fail(error.kind == .controlCharacter ? "faits.caractere-de-controle" : "faits.texte", error.message, at: location)
            }
        case (.enum, .string(let text)):
            guard fact.choice(text) != nil else {
                return fail("faits.valeur-inconnue", TypedValueReader.unknownChoice(text, of: fact, choiceNumbers: false).message)
            }
            return .text(text)
        case (.set, .array(let elements)):
            var texts: [(element: JSONNode, text: String)] = []
            var problems: [Diagnostic] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element.value else {
                    problems.append(.error("faits.type", "\(path) : l'élément \(index + 1) devrait être un texte, pas \(element.kindDescription)", file: file, at: element.location))
                    continue
                }
                texts.append((element, text))
            }
            let (members, memberProblems) = TypedValueReader.members(texts.map(\.text), for: fact)
            for problem in memberProblems {
                let location = problem.element.map { texts[$0].element.location } ?? node.location
                problems.append(.error(problem.kind == .duplicate ? "faits.doublon" : "faits.valeur-inconnue", "\(path) : \(problem.message)", file: file, at: location))
            }
            diagnostics += problems.sorted()
            return .set(members)
        default:
            return fail("faits.type", "\(node.kindDescription) ne convient pas ; \(expectation(for: fact))")
        }
    }

    /// What a valid value of `fact` looks like, in French.
    public static func expectation(for fact: Fact) -> String {
        switch fact.type {
        case .bool: return "true ou false était attendu"
        case .int, .number:
            let kind = fact.type == .int ? "un nombre entier" : "un nombre"
            if let minimum = fact.minimum, let maximum = fact.maximum {
                return "\(kind) entre \(ValueFormatter.number(minimum)) et \(ValueFormatter.number(maximum)) était attendu"
            }
            if let minimum = fact.minimum {
                return "\(kind) supérieur ou égal à \(ValueFormatter.number(minimum)) était attendu"
            }
            if let maximum = fact.maximum {
                return "\(kind) inférieur ou égal à \(ValueFormatter.number(maximum)) était attendu"
            }
            return "\(kind) était attendu"
        case .text: return "un texte entre guillemets était attendu"
        case .enum: return "une de ces valeurs était attendue : \(fact.choiceIDs.joined(separator: ", "))"
        case .set: return "une liste de valeurs parmi : \(fact.choiceIDs.joined(separator: ", ")) était attendue"
        }
    }
}
