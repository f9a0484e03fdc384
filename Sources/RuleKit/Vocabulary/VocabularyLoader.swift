/// Reads a vocabulary declaration (`{ "facts": [ … ] }`), collecting every problem with its position.
public enum VocabularyLoader {
    public static func load(_ root: JSONNode, file: String) -> (Vocabulary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var document = JSONObjectReader(root, file: file, context: "vocabulary", diagnostics: &diagnostics) else {
            return (Vocabulary(facts: []), diagnostics)
        }
        // An editor's schema reference is not part of the vocabulary.
        _ = document.member("$schema")
        let elements = document.array("facts", required: true) ?? []
        document.reportUnknownFields()
        diagnostics += document.diagnostics
        var facts: [Fact] = []
        var seen: Set<String> = []
        for element in elements {
            guard let fact = readFact(element, file: file, diagnostics: &diagnostics) else { continue }
            guard seen.insert(fact.name).inserted else {
                diagnostics.append(.error("vocabulaire.doublon", ["fact": fact.name], at: element.location.placed(in: file)))
                continue
            }
            facts.append(fact)
        }
        let vocabulary = Vocabulary(facts: facts)
        for fact in facts {
            // A statement completes the statement of another fact of the vocabulary, never its own nor an unknown one.
            for choice in fact.choices {
                for name in choice.statementFacts where name == fact.name || vocabulary.fact(named: name) == nil {
                    diagnostics.append(.error("vocabulaire.enonce-fait-inconnu", ["fact": fact.name, "choice": choice.id, "placeholder": name],
                                              at: choice.statementLocation ?? (fact.location ?? root.location).placed(in: file)))
                }
            }
            if let askWhen = fact.askWhen, case .failure(let failure) = Condition.compile(askWhen, vocabulary: vocabulary) {
                for error in failure.errors {
                    let arguments = error.arguments.merging(["askWhenOf": fact.name]) { first, _ in first }
                    diagnostics.append(.error(error.code, arguments, at: (fact.location ?? root.location).placed(in: file)))
                }
            }
            for (field, variants) in [("labels", fact.labelVariants), ("falseLabels", fact.falseLabelVariants), ("references", fact.referenceVariants)] {
                for variant in variants {
                    guard case .failure(let failure) = Condition.compile(variant.when, vocabulary: vocabulary) else { continue }
                    for error in failure.errors {
                        let arguments = error.arguments.merging(["variantsOf": fact.name, "variantField": field]) { first, _ in first }
                        diagnostics.append(.error(error.code, arguments, at: (fact.location ?? root.location).placed(in: file)))
                    }
                }
            }
        }
        return (vocabulary, diagnostics)
    }

    private static func readFact(_ node: JSONNode, file: String, diagnostics: inout [Diagnostic]) -> Fact? {
        guard var reader = JSONObjectReader(node, file: file, context: "vocabulary-fact", diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += reader.diagnostics }
        let name = reader.string("name", required: true)
        let typeNode = reader.stringNode("type", required: true)
        let label = reader.string("label", required: true)
        let falseLabel = reader.string("falseLabel")
        let help = reader.string("help") ?? ""
        let reference = reader.string("reference")
        let referenceLocation = reader.member("reference")?.value.location
        let referenceSources = readSources(&reader)
        // A document cited without the reference it backs would be read and then never printed nor counted among the
        // roadmap's sources: say so where it is written rather than drop it.
        if reference == nil, let sourceMember = reader.member("source") {
            reader.report("vocabulaire.source-sans-reference", ["fact": name ?? ""], at: sourceMember.keyLocation)
        }
        let required = reader.bool("required") ?? false
        let minimum = reader.number("min")
        let maximum = reader.number("max")
        let unit = reader.string("unit")
        let askWhen = reader.string("askWhen")
        let role = reader.string("role")
        let asset = reader.bool("asset") ?? false
        let multilineMember = reader.member("multiline")
        let multiline = reader.bool("multiline") ?? false
        let labelsNode = reader.array("labels")
        let falseLabelsNode = reader.array("falseLabels")
        let referencesNode = reader.array("references")
        let absentLabel = reader.string("absentLabel")
        let oneMemberLabel = reader.string("oneMemberLabel")
        let valuesNode = reader.array("values")
        let defaultMember = reader.member("default")
        reader.reportUnknownFields()

        guard let name, let typeNode, case .string(let typeName) = typeNode.value, let label else { return nil }
        guard let type = FactType(rawValue: typeName) else {
            var arguments = ["type": typeName, "fact": name]
            arguments["suggestion"] = Suggestion.closest(to: typeName, among: FactType.allCases.map(\.rawValue))
            reader.report("vocabulaire.type-inconnu", arguments, at: typeNode.location)
            return nil
        }
        var choices: [Fact.Choice] = []
        for element in valuesNode ?? [] {
            var choiceDiagnostics: [Diagnostic] = []
            guard var choiceReader = JSONObjectReader(element, file: file, context: "vocabulary-choice:" + name, diagnostics: &choiceDiagnostics) else {
                reader.append(choiceDiagnostics)
                continue
            }
            let id = choiceReader.string("id", required: true)
            let choiceLabel = choiceReader.string("label", required: true)
            let choiceRole = choiceReader.string("role")
            let choiceAsset = choiceReader.bool("asset") ?? false
            let choiceStatement = choiceReader.string("statement")
            let statementLocation = choiceReader.member("statement")?.value.location
            choiceReader.reportUnknownFields()
            reader.append(choiceReader.diagnostics)
            if let id, let choiceLabel {
                var choice = Fact.Choice(id: id, label: choiceLabel, role: choiceRole, asset: choiceAsset, statement: choiceStatement)
                choice.statementLocation = statementLocation?.placed(in: file)
                choices.append(choice)
            }
        }
        if (type == .enum || type == .set) && choices.isEmpty {
            reader.report("vocabulaire.valeurs-manquantes", ["fact": name, "type": typeName], at: node.location)
        }
        if multiline && type != .text, let multilineMember {
            reader.report("vocabulaire.multiline", ["fact": name, "type": typeName], at: multilineMember.keyLocation)
        }
        if type.isNumeric {
            checkBounds(minimum: minimum, maximum: maximum, of: name, at: node.location, &reader)
        }
        var fact = Fact(name: name, type: type, label: label, falseLabel: falseLabel, help: help, choices: choices,
                        required: required, minimum: minimum, maximum: maximum, unit: unit, askWhen: askWhen,
                        multiline: multiline && type == .text, location: node.location)
        fact.role = role
        fact.asset = asset
        fact.absentLabel = absentLabel
        fact.reference = reference
        fact.referenceSources = referenceSources
        fact.referenceLocation = referenceLocation
        fact.oneMemberLabel = oneMemberLabel
        fact.labelVariants = readVariants(labelsNode, wording: "label", of: name, file: file, &reader)
        fact.falseLabelVariants = readVariants(falseLabelsNode, wording: "label", of: name, file: file, &reader)
        fact.referenceVariants = readVariants(referencesNode, wording: "reference", of: name, file: file, &reader)
        if let defaultMember {
            var defaultDiagnostics: [Diagnostic] = []
            fact.defaultValue = FactsReader.value(of: defaultMember.value, for: fact, path: "default", file: file, diagnostics: &defaultDiagnostics)
            reader.append(defaultDiagnostics)
        }
        return fact
    }
}

extension VocabularyLoader {
    /// `labels` or `references`: objects of a condition (`when`) and the wording (`wording`) used where it holds.
    static func readVariants(_ nodes: [JSONNode]?, wording: String, of name: String, file: String, _ reader: inout JSONObjectReader) -> [Fact.Variant] {
        var variants: [Fact.Variant] = []
        for element in nodes ?? [] {
            var variantDiagnostics: [Diagnostic] = []
            guard var variantReader = JSONObjectReader(element, file: file, context: "vocabulary-\(wording):" + name, diagnostics: &variantDiagnostics) else {
                reader.append(variantDiagnostics)
                continue
            }
            let when = variantReader.string("when", required: true)
            let text = variantReader.string(wording, required: true)
            // A reference names its documents, and `check` says where one names none.
            let isReference = wording == "reference"
            let sources = isReference ? readSources(&variantReader) : []
            variantReader.reportUnknownFields()
            reader.append(variantReader.diagnostics)
            if let when, let text {
                variants.append(Fact.Variant(when: when, text: text, sources: sources, location: isReference ? element.location : nil))
            }
        }
        return variants
    }
}

extension VocabularyLoader {
    /// `source`: the id of the document a reference cites, or a list of ids when it gives figures of several
    /// (« La Réunion : 36 % en 2021 ; France métropolitaine : 14,4 % en 2022 »).
    static func readSources(_ reader: inout JSONObjectReader) -> [LocatedText] {
        guard let member = reader.member("source") else { return [] }
        if case .array = member.value.value {
            return (reader.stringNodes("source") ?? []).compactMap(\.node.locatedText)
        }
        return reader.stringNode("source")?.locatedText.map { [$0] } ?? []
    }
}

/// The largest bound a numeric fact may declare: every value it allows can then be written for people.
let maximumFactBound = 1e15

extension VocabularyLoader {
    /// A numeric fact declares both bounds, the lower not above the upper: values typed by people are always
    /// checked against a finite range, and every value allowed can be written for them.
    static func checkBounds(minimum: Double?, maximum: Double?, of name: String, at location: SourceLocation, _ reader: inout JSONObjectReader) {
        guard let minimum, let maximum else {
            let missing = [minimum == nil ? "min" : nil, maximum == nil ? "max" : nil].compactMap { $0 }.joined(separator: ",")
            reader.report("vocabulaire.bornes", ["reason": "missing", "fact": name, "missing": missing], at: location)
            return
        }
        if minimum > maximum {
            reader.report("vocabulaire.bornes", ["reason": "inverted", "fact": name, "minimum": JSONObjectReader.format(minimum), "maximum": JSONObjectReader.format(maximum)], at: location)
        }
        if abs(minimum) > maximumFactBound || abs(maximum) > maximumFactBound {
            reader.report("vocabulaire.bornes", ["reason": "too-large", "fact": name], at: location)
        }
    }
}


