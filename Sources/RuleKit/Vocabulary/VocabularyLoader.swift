/// Reads a vocabulary declaration (`{ "facts": [ … ] }`), collecting every problem with its position.
public enum VocabularyLoader {
    public static func load(_ root: JSONNode, file: String) -> (Vocabulary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var document = JSONObjectReader(root, file: file, context: "le vocabulaire", diagnostics: &diagnostics) else {
            return (Vocabulary(facts: []), diagnostics)
        }
        let elements = document.array("facts", required: true) ?? []
        document.reportUnknownFields()
        diagnostics += document.diagnostics
        var facts: [Fact] = []
        var seen: Set<String> = []
        for element in elements {
            guard let fact = readFact(element, file: file, diagnostics: &diagnostics) else { continue }
            guard seen.insert(fact.name).inserted else {
                diagnostics.append(.error("vocabulaire.doublon", "le fait « \(fact.name) » est déclaré deux fois", file: file, at: element.location))
                continue
            }
            facts.append(fact)
        }
        let vocabulary = Vocabulary(facts: facts)
        for fact in facts {
            guard let askWhen = fact.askWhen else { continue }
            if case .failure(let failure) = Condition.compile(askWhen, vocabulary: vocabulary) {
                for error in failure.errors {
                    diagnostics.append(.error(error.code, "dans « askWhen » du fait « \(fact.name) » : \(error.message)", file: file, at: fact.location))
                }
            }
        }
        return (vocabulary, diagnostics)
    }

    private static func readFact(_ node: JSONNode, file: String, diagnostics: inout [Diagnostic]) -> Fact? {
        guard var reader = JSONObjectReader(node, file: file, context: "un fait du vocabulaire", diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += reader.diagnostics }
        let name = reader.string("name", required: true)
        let typeNode = reader.stringNode("type", required: true)
        let label = reader.string("label", required: true)
        let falseLabel = reader.string("falseLabel")
        let help = reader.string("help") ?? ""
        let required = reader.bool("required") ?? false
        let minimum = reader.number("min")
        let maximum = reader.number("max")
        let unit = reader.string("unit")
        let askWhen = reader.string("askWhen")
        let multilineMember = reader.member("multiline")
        let multiline = reader.bool("multiline") ?? false
        let valuesNode = reader.array("values")
        let defaultMember = reader.member("default")
        reader.reportUnknownFields()

        guard let name, let typeNode, case .string(let typeName) = typeNode.value, let label else { return nil }
        guard let type = FactType(rawValue: typeName) else {
            let hint = Suggestion.hint(for: typeName, among: FactType.allCases.map(\.rawValue))
            reader.report("vocabulaire.type-inconnu", "type inconnu « \(typeName) » pour le fait « \(name) »\(hint)", at: typeNode.location)
            return nil
        }
        var choices: [Fact.Choice] = []
        for element in valuesNode ?? [] {
            var choiceDiagnostics: [Diagnostic] = []
            guard var choiceReader = JSONObjectReader(element, file: file, context: "une valeur du fait « \(name) »", diagnostics: &choiceDiagnostics) else {
                reader.diagnostics(append: choiceDiagnostics)
                continue
            }
            let id = choiceReader.string("id", required: true)
            let choiceLabel = choiceReader.string("label", required: true)
            choiceReader.reportUnknownFields()
            reader.diagnostics(append: choiceReader.diagnostics)
            if let id, let choiceLabel { choices.append(Fact.Choice(id: id, label: choiceLabel)) }
        }
        if (type == .enum || type == .set) && choices.isEmpty {
            reader.report("vocabulaire.valeurs-manquantes", "le fait « \(name) » de type \(typeName) doit lister ses valeurs dans « values »", at: node.location)
        }
        if multiline && type != .text, let multilineMember {
            reader.report("vocabulaire.multiline", "« multiline » ne vaut que pour un fait de type text, pas pour « \(name) » (\(typeName))", at: multilineMember.keyLocation)
        }
        if type.isNumeric {
            checkBounds(minimum: minimum, maximum: maximum, of: name, at: node.location, &reader)
        }
        var fact = Fact(name: name, type: type, label: label, falseLabel: falseLabel, help: help, choices: choices,
                        required: required, minimum: minimum, maximum: maximum, unit: unit, askWhen: askWhen,
                        multiline: multiline && type == .text, location: node.location)
        if let defaultMember {
            var defaultDiagnostics: [Diagnostic] = []
            fact.defaultValue = FactsReader.value(of: defaultMember.value, for: fact, path: "default", file: file, diagnostics: &defaultDiagnostics)
            reader.diagnostics(append: defaultDiagnostics)
        }
        return fact
    }
}

/// The largest bound a numeric fact may declare: every value it allows can then be written for people.
let maximumFactBound = 1e15

extension VocabularyLoader {
    /// A numeric fact declares both bounds, the lower not above the upper: values typed by people are always
    /// checked against a finite range, and every value allowed can be written for them.
    static func checkBounds(minimum: Double?, maximum: Double?, of name: String, at location: SourceLocation, _ reader: inout JSONObjectReader) {
        guard let minimum, let maximum else {
            let missing = [minimum == nil ? "« min »" : nil, maximum == nil ? "« max »" : nil].compactMap { $0 }.joined(separator: " et ")
            reader.report("vocabulaire.bornes", "le fait numérique « \(name) » doit déclarer \(missing) : une valeur sans limite ne peut pas être vérifiée", at: location)
            return
        }
        if minimum > maximum {
            reader.report("vocabulaire.bornes", "le fait « \(name) » a « min » (\(ValueFormatter.number(minimum))) plus grand que « max » (\(ValueFormatter.number(maximum))) : aucune valeur n'est possible", at: location)
        }
        if abs(minimum) > maximumFactBound || abs(maximum) > maximumFactBound {
            reader.report("vocabulaire.bornes", "les bornes du fait « \(name) » dépassent 10^15 en valeur absolue", at: location)
        }
    }
}

extension JSONObjectReader {
    mutating func diagnostics(append more: [Diagnostic]) {
        for diagnostic in more {
            report(diagnostic.code, diagnostic.message, at: diagnostic.location ?? node.location, severity: diagnostic.severity)
        }
    }
}
