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

    /// Converts one JSON value to a value of `fact`, or reports what was expected at `path`.
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
            if fact.type == .int && number.rounded() != number {
                return fail("faits.type", "« \(literal) » n'est pas un nombre entier ; \(expectation(for: fact))")
            }
            if let problem = rangeProblem(number, for: fact) {
                return fail("faits.hors-limites", "\(literal) est hors limites ; \(problem)")
            }
            return .number(number)
        case (.text, .string(let text)):
            return .text(text)
        case (.enum, .string(let text)):
            guard fact.choice(text) != nil else {
                return fail("faits.valeur-inconnue", unknownChoice(text, of: fact))
            }
            return .text(text)
        case (.set, .array(let elements)):
            var members: Set<String> = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element.value else {
                    _ = fail("faits.type", "l'élément \(index + 1) devrait être un texte, pas \(element.kindDescription)", at: element.location)
                    continue
                }
                guard fact.choice(text) != nil else {
                    _ = fail("faits.valeur-inconnue", unknownChoice(text, of: fact), at: element.location)
                    continue
                }
                if !members.insert(text).inserted {
                    _ = fail("faits.doublon", "« \(text) » figure deux fois", at: element.location)
                }
            }
            return .set(members)
        default:
            return fail("faits.type", "\(node.kindDescription) ne convient pas ; \(expectation(for: fact))")
        }
    }

    /// Parses a value written on a command line (`population=1200`, `priorities=a,b`), with the same checks.
    public static func value(parsing text: String, for fact: Fact) -> Result<FactValue, FactValueError> {
        switch fact.type {
        case .bool:
            switch text.lowercased() {
            case "true", "oui", "vrai", "1": return .success(.bool(true))
            case "false", "non", "faux", "0": return .success(.bool(false))
            default: return .failure(FactValueError("« \(text) » n'est pas un booléen ; true ou false était attendu"))
            }
        case .int, .number:
            let normalized = text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
            guard let number = Double(normalized), number.isFinite else {
                return .failure(FactValueError("« \(text) » n'est pas un nombre ; \(expectation(for: fact))"))
            }
            if fact.type == .int && number.rounded() != number {
                return .failure(FactValueError("« \(text) » n'est pas un nombre entier ; \(expectation(for: fact))"))
            }
            if let problem = rangeProblem(number, for: fact) { return .failure(FactValueError("\(text) est hors limites ; \(problem)")) }
            return .success(.number(number))
        case .text:
            return .success(.text(text))
        case .enum:
            return fact.choice(text) != nil ? .success(.text(text)) : .failure(FactValueError(unknownChoice(text, of: fact)))
        case .set:
            let items = text.split(separator: ",").map { String(String($0).trimmingSpaces) }.filter { !$0.isEmpty }
            for item in items where fact.choice(item) == nil {
                return .failure(FactValueError(unknownChoice(item, of: fact)))
            }
            return .success(.set(Set(items)))
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

    private static func rangeProblem(_ number: Double, for fact: Fact) -> String? {
        if let minimum = fact.minimum, number < minimum { return expectation(for: fact) }
        if let maximum = fact.maximum, number > maximum { return expectation(for: fact) }
        return nil
    }

    private static func unknownChoice(_ text: String, of fact: Fact) -> String {
        let hint = Suggestion.hint(for: text, among: fact.choiceIDs)
        return "valeur inconnue « \(text) »\(hint) (valeurs permises : \(fact.choiceIDs.joined(separator: ", ")))"
    }
}

/// Why a value written by hand does not fit its fact.
public struct FactValueError: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
