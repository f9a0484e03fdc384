/// Reads a JSON object of facts (a profile) against a vocabulary: every value typed, in range and allowed.
public enum FactsReader {
    /// Reads `root`; keys in `ignoredKeys` (e.g. `$schema`) are allowed and skipped.
    public static func read(
        _ root: JSONNode, file: String, vocabulary: Vocabulary, ignoredKeys: Set<String> = []
    ) -> (FactValues, [Diagnostic]) {
        var facts = FactValues(defaultsOf: vocabulary)
        var diagnostics: [Diagnostic] = []
        guard case .object(let members) = root.value else {
            diagnostics.append(.error("faits.type", ["reason": "root", "found": root.kindName], at: root.location.placed(in: file)))
            return (facts, diagnostics)
        }
        var stated: Set<String> = []
        for member in members where !ignoredKeys.contains(member.key) {
            guard let fact = vocabulary.fact(named: member.key) else {
                var arguments = ["fact": member.key]
                arguments["suggestion"] = Suggestion.closest(to: member.key, among: vocabulary.factNames)
                diagnostics.append(.error("faits.inconnu", arguments, at: member.keyLocation.placed(in: file)))
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
            let arguments = expectation(for: fact).merging(["fact": fact.name, "label": fact.label]) { $1 }
            diagnostics.append(.error("faits.manquant", arguments, at: root.location.placed(in: file)))
        }
        return (facts, diagnostics)
    }

    /// Converts one JSON value to a value of `fact`, or reports what was expected at `path`. The checks are those
    /// of `TypedValueReader`, shared with every value typed by a person.
    public static func value(
        of node: JSONNode, for fact: Fact, path: String, file: String, diagnostics: inout [Diagnostic]
    ) -> FactValue? {
        func fail(_ code: String, _ error: FactValueError, at location: SourceLocation = node.location) -> FactValue? {
            diagnostics.append(.error(code, valueArguments(error, path: path), at: location.placed(in: file)))
            return nil
        }
        switch (fact.type, node.value) {
        case (.bool, .bool(let flag)):
            return .bool(flag)
        case (.int, .number(let number, let literal)), (.number, .number(let number, let literal)):
            switch TypedValueReader.number(number, written: literal, for: fact) {
            case .success(let number): return .number(number)
            case .failure(let error): return fail(error.kind == .outOfRange ? "faits.hors-limites" : "faits.type", error)
            }
        case (.text, .string(let text)):
            switch TypedValueReader.text(text, for: fact) {
            case .success(let text): return .text(text)
            case .failure(let error):
                let location = error.offset.map { node.locationInString(offset: $0) } ?? node.location
                return fail(error.kind == .controlCharacter ? "faits.caractere-de-controle" : "faits.texte", error, at: location)
            }
        case (.enum, .string(let text)):
            guard fact.choice(text) != nil else {
                return fail("faits.valeur-inconnue", TypedValueReader.unknownChoice(text, of: fact, choiceNumbers: false, labelsAccepted: false))
            }
            return .text(text)
        case (.set, .array(let elements)):
            var texts: [(element: JSONNode, text: String)] = []
            var problems: [Diagnostic] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element.value else {
                    problems.append(.error("faits.type", ["path": path, "reason": "element", "element": String(index + 1), "found": element.kindName],
                                           at: element.location.placed(in: file)))
                    continue
                }
                texts.append((element, text))
            }
            let (members, memberProblems) = TypedValueReader.members(texts.map(\.text), for: fact)
            for problem in memberProblems {
                let location = problem.element.map { texts[$0].element.location } ?? node.location
                problems.append(.error(problem.kind == .duplicate ? "faits.doublon" : "faits.valeur-inconnue", valueArguments(problem, path: path),
                                       at: location.placed(in: file)))
            }
            diagnostics += problems.sorted()
            return .set(members)
        default:
            return fail("faits.type", FactValueError(.other, expectation(for: fact).merging(["reason": "kind", "found": node.kindName]) { $1 }))
        }
    }

    /// The arguments of a value's problem, with the JSON path of the value (`$.population`) and its kind.
    static func valueArguments(_ error: FactValueError, path: String) -> [String: String] {
        error.arguments.merging(["path": path, "valueProblem": error.kind.name]) { first, _ in first }
    }

    /// What a valid value of `fact` looks like, as arguments for a wording: its type, bounds and choices.
    public static func expectation(for fact: Fact) -> [String: String] {
        var arguments = ["expectType": fact.type.rawValue]
        if let minimum = fact.minimum { arguments["expectMinimum"] = JSONObjectReader.format(minimum) }
        if let maximum = fact.maximum { arguments["expectMaximum"] = JSONObjectReader.format(maximum) }
        if fact.type == .enum || fact.type == .set { arguments["expectChoices"] = fact.choiceIDs.joined(separator: ", ") }
        return arguments
    }
}
