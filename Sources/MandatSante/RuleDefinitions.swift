import RuleKit

/// What `Rules/definitions.json` defines once for the whole rule base: named conditions (`zone-zip`) that
/// conditions use by name, and named boosts (`priorite-acces-aux-soins`) that recommendations list by name, so
/// that a threshold or the weight of a team priority is changed in one place.
public struct RuleDefinitions: Sendable {
    public var conditions = ConditionDefinitions()
    /// In the order written.
    public var boosts: [BoostDefinition] = []
    /// The named conditions that state a situation of the territory on page 1 (`finding`), in the order written.
    public var findings: [DefinitionFinding] = []

    /// Each finding's text by the name of its condition: what a card's « Pourquoi » says where it holds.
    var findingTexts: [String: String] {
        Dictionary(findings.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    public init() {}

    public func boost(_ name: String) -> BoostDefinition? { boosts.first { $0.name == name } }
}

/// A boost defined once and used by name: its condition, points and reason.
public struct BoostDefinition: Sendable {
    public let name: String
    public let condition: Condition
    public let conditionText: LocatedText
    public let points: Int
    public let reason: String
    /// Where its name is written.
    public let location: SourceLocation
}

/// A named condition that says, when it holds, a situation of the territory that drives actions: the epidemics
/// of dengue overseas, the recurring water cuts — what the overseas territory as such (a label) does not say.
/// Page 1 states it when actions the roadmap holds apply because of it.
public struct DefinitionFinding: Sendable {
    public let name: String
    /// A noun phrase (« risque de dengue et de chikungunya à chaque saison des pluies »).
    public let text: String
    /// The named condition itself, to evaluate for a territory.
    public let condition: Condition
    /// The public document that establishes the situation (`findingSource`, an id of `sources.json`): page 1 cites
    /// it by its number in the bibliography, where the first action answering the situation lists it.
    public let source: String?
}

/// Reads `definitions.json`:
/// `{ "conditions": [ { "name", "when", "description"?, "label"?, "falseLabel"?, "finding"?, "findingSource"? } ], "boosts": [ { "name", "when", "points", "reason" } ] }`.
enum RuleDefinitionsReader {
    static func read(_ root: JSONNode, file: String, vocabulary: Vocabulary, sourceIDs: [String], _ diagnostics: inout [Diagnostic]) -> RuleDefinitions {
        var definitions = RuleDefinitions()
        guard var document = JSONObjectReader(root, file: file, context: "le fichier des définitions", diagnostics: &diagnostics) else { return definitions }
        _ = document.member("$schema")
        let conditionNodes = document.array("conditions") ?? []
        let boostNodes = document.array("boosts") ?? []
        document.reportUnknownFields()
        diagnostics += document.diagnostics

        var entries: [ConditionDefinitions.Entry] = []
        var findingTexts: [(name: String, text: String, source: String?)] = []
        for node in conditionNodes {
            guard var reader = JSONObjectReader(node, file: file, context: "une condition nommée", diagnostics: &diagnostics) else { continue }
            let name = reader.stringNode("name", required: true)?.locatedText
            let when = reader.stringNode("when", required: true)?.locatedText
            _ = reader.string("description")
            let label = reader.string("label")
            let falseLabel = reader.string("falseLabel")
            let finding = reader.string("finding")
            let findingSource = reader.stringNode("findingSource")?.locatedText
            reader.reportUnknownFields()
            if let findingSource, !sourceIDs.contains(findingSource.text) {
                diagnostics.append(.error("regles.source-inconnue", Suggestion.arguments("document", findingSource.text, among: sourceIDs),
                                          at: findingSource.location.inFile(file)))
            }
            diagnostics += reader.diagnostics
            if let name, let when {
                entries.append(ConditionDefinitions.Entry(name: name.inFile(file), condition: when.inFile(file), label: label, falseLabel: falseLabel))
                if let finding { findingTexts.append((name.text, finding, findingSource?.text)) }
            }
        }
        let (conditions, problems) = ConditionDefinitions.compile(entries, vocabulary: vocabulary)
        definitions.conditions = conditions
        diagnostics += problems
        // A finding of an invalid definition is left out with it: its own problem is reported.
        for (name, text, source) in findingTexts {
            guard conditions.definition(name) != nil, case .success(let condition) = Condition.compile(name, vocabulary: vocabulary, definitions: conditions) else { continue }
            definitions.findings.append(DefinitionFinding(name: name, text: text, condition: condition, source: source))
        }

        var seen: [String: SourceLocation] = [:]
        for node in boostNodes {
            guard var reader = JSONObjectReader(node, file: file, context: "un bonus nommé", diagnostics: &diagnostics) else { continue }
            let nameNode = reader.stringNode("name", required: true)
            let when = reader.stringNode("when", required: true)?.locatedText?.inFile(file)
            let points = reader.int("points", required: true, in: -100...100)
            let reason = reader.string("reason", required: true)
            reader.reportUnknownFields()
            diagnostics += reader.diagnostics
            guard let nameNode, case .string(let name) = nameNode.value else { continue }
            let location = (nameNode.locatedText?.location ?? nameNode.location).inFile(file)
            guard ConditionDefinitions.isValidName(name) else {
                diagnostics.append(.error("definitions.nom-invalide", ["name": name], at: location))
                continue
            }
            if let first = seen[name] {
                diagnostics.append(.error("definitions.doublon", ["name": name], at: location, notes: [Diagnostic.Note("note.premiere-definition", at: first)]))
                continue
            }
            seen[name] = location
            guard let when, let points, let reason else { continue }
            switch Condition.compile(when.text, vocabulary: vocabulary, definitions: conditions) {
            case .success(let condition):
                if let unread = Boost.unreadValues(in: reason, condition: condition, vocabulary: vocabulary).first {
                    diagnostics.append(.error("regles.bonus", ["reason": "valeur", "fact": unread], at: location))
                    continue
                }
                definitions.boosts.append(BoostDefinition(name: name, condition: condition, conditionText: when, points: points, reason: reason, location: location))
            case .failure(let failure):
                diagnostics += failure.errors.map { $0.diagnostic(in: when) }
            }
        }
        return definitions
    }

    /// Every definition nothing uses: a warning at its name, so that a definition left behind is noticed.
    static func unused(_ definitions: RuleDefinitions, recommendations: [Recommendation]) -> [Diagnostic] {
        var usedConditions: Set<String> = []
        var usedBoosts: Set<String> = []
        func use(_ condition: Condition) { usedConditions.formUnion(condition.references) }
        for recommendation in recommendations {
            use(recommendation.condition)
            for boost in recommendation.boosts {
                if let name = boost.name { usedBoosts.insert(name) } else { use(boost.condition) }
            }
            for text in recommendation.steps + recommendation.partners + recommendation.funding {
                if let condition = text.condition { use(condition) }
            }
            recommendation.cautions.forEach { use($0.condition) }
            recommendation.examples.forEach { $0.condition.map(use) }
        }
        for boost in definitions.boosts where usedBoosts.contains(boost.name) { use(boost.condition) }
        // A definition used by a used definition is used.
        var pending = Array(usedConditions)
        while let name = pending.popLast() {
            for reference in definitions.conditions.definition(name)?.references ?? [] where usedConditions.insert(reference).inserted {
                pending.append(reference)
            }
        }
        var warnings: [Diagnostic] = []
        for definition in definitions.conditions.definitions where !usedConditions.contains(definition.name.text) {
            warnings.append(.warning("definitions.inutilisee", ["name": definition.name.text, "kind": "condition"], at: definition.name.location))
        }
        for boost in definitions.boosts where !usedBoosts.contains(boost.name) {
            warnings.append(.warning("definitions.inutilisee", ["name": boost.name, "kind": "boost"], at: boost.location))
        }
        return warnings
    }
}

extension LocatedText {
    /// The same text, its positions in `file` (the JSON parser does not know the file it reads).
    func inFile(_ file: String) -> LocatedText {
        LocatedText(text, pieces: pieces.map { Piece(offset: $0.offset, location: $0.location.file.isEmpty ? $0.location.inFile(file) : $0.location) })
    }
}
