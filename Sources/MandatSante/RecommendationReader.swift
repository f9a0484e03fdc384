import RuleKit

/// Reads the recommendations of rule files, compiling their conditions and mapping every problem inside a
/// condition back to its line and column in the rule file.
struct RecommendationReader {
    static let idPattern = "lettres minuscules sans accent, chiffres et tirets"

    let vocabulary: Vocabulary
    let leverIDs: [String]
    let sourceIDs: [String]
    private(set) var diagnostics: [Diagnostic] = []
    /// Every relation written (`after`, `together`, `replaces`, `excludes`), with its position, for the checks
    /// between recommendations.
    private(set) var references: [RelationReference] = []

    init(vocabulary: Vocabulary, leverIDs: [String], sourceIDs: [String]) {
        self.vocabulary = vocabulary
        self.leverIDs = leverIDs
        self.sourceIDs = sourceIDs
    }

    mutating func readFile(_ root: JSONNode, file: String) -> [Recommendation] {
        guard var document = JSONObjectReader(root, file: file, context: "le fichier de recommandations", diagnostics: &diagnostics) else { return [] }
        let elements = document.array("recommendations", required: true) ?? []
        _ = document.member("$schema")
        document.reportUnknownFields()
        diagnostics += document.diagnostics
        return elements.compactMap { read($0, file: file) }
    }

    private mutating func read(_ node: JSONNode, file: String) -> Recommendation? {
        let provisionalID: String? = {
            if case .string(let id)? = node["id"]?.value.value { return id }
            return nil
        }()
        let context = provisionalID.map { "la recommandation « \($0) »" } ?? "une recommandation"
        guard var reader = JSONObjectReader(node, file: file, context: context, diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += reader.diagnostics }

        let idNode = reader.stringNode("id", required: true)
        let title = reader.string("title", required: true)
        let leverNode = reader.stringNode("lever", required: true)
        let whenNode = reader.stringNode("when", required: true)
        let priority = reader.int("priority", required: true, in: 0...100)
        let boostNodes = reader.array("boosts") ?? []
        if boostNodes.count > Score.maximumBoosts, let boosts = reader.node["boosts"]?.value {
            reader.report("regles.trop-de-bonus", "\(context) a \(boostNodes.count) bonus ; \(Score.maximumBoosts) au plus sont permis", at: boosts.location)
        }
        let horizonNode = reader.stringNode("horizon", required: true)
        let effortNode = reader.stringNode("effort", required: true)
        let carrierNode = reader.stringNode("carrier", required: true)
        let carriedBy = reader.string("carriedBy")
        let costNode = reader.stringNode("cost")
        let deadline = readDeadline(reader.member("deadline")?.value, &reader)
        let isFoundation = reader.bool("foundation") ?? false
        let serves = readServes(reader.stringNodes("serves") ?? [], &reader)
        let after = relation("after", &reader)
        let together = relation("together", &reader)
        let replaces = relation("replaces", &reader)
        let excludes = relation("excludes", &reader)
        let cautionNodes = reader.array("cautions") ?? []
        let why = reader.string("why", required: true)
        let steps = conditionalTexts("steps", required: true, count: 2...6, &reader)
        let partners = conditionalTexts("partners", required: true, count: 1...Int.max, &reader)
        let funding = conditionalTexts("funding", required: false, count: nil, &reader) ?? []
        let exampleNodes = reader.array("examples") ?? []
        let evidence = reader.string("evidence")
        let sourceNodes = reader.array("sources", required: true) ?? []
        let indicators = reader.strings("indicators", required: true, count: 1...3)
        reader.reportUnknownFields()

        if let idNode, case .string(let id) = idNode.value, !Self.isValidID(id) {
            reader.report("regles.identifiant", "identifiant « \(id) » invalide : \(Self.idPattern)", at: idNode.location)
        }
        if let leverNode, case .string(let lever) = leverNode.value, !leverIDs.contains(lever) {
            reader.report("regles.levier-inconnu", "levier inconnu « \(lever) »\(Suggestion.hint(for: lever, among: leverIDs))", at: leverNode.location)
        }
        let horizon = enumValue(Horizon.self, horizonNode, field: "horizon", &reader)
        let effort = enumValue(Effort.self, effortNode, field: "effort", &reader)
        let carrier = enumValue(Carrier.self, carrierNode, field: "carrier", &reader)
        let cost = costNode.flatMap { enumValue(CostRange.self, $0, field: "cost", &reader) }
        let condition = whenNode.flatMap { compile($0, &reader) }
        let boosts = boostNodes.compactMap { readBoost($0, file: file, context: context, &reader) }
        let cautions = cautionNodes.compactMap { readCaution($0, file: file, context: context, &reader) }
        let examples = exampleNodes.compactMap { readExample($0, file: file, context: context, &reader) }
        let sources = sourceNodes.compactMap { readSource($0, file: file, context: context, &reader) }
        if sourceNodes.isEmpty, reader.node["sources"] != nil {
            reader.report("regles.source-manquante", "\(context) doit citer au moins une source", at: node.location)
        }

        guard let idNode, case .string(let id) = idNode.value, let title, let leverNode, case .string(let lever) = leverNode.value,
              let condition, let whenNode, let priority, let horizon, let effort, let carrier, let why, let steps, let partners,
              let indicators, !sources.isEmpty, boosts.count == boostNodes.count, boosts.count <= Score.maximumBoosts,
              cautions.count == cautionNodes.count, costNode == nil || cost != nil, let deadline
        else { return nil }
        references += (after + together + replaces + excludes).map { RelationReference(from: id, field: $0.field, to: $0.id, location: $0.location) }
        return Recommendation(
            id: id, title: title, lever: lever, condition: condition, conditionNode: whenNode, priority: priority, boosts: boosts,
            horizon: horizon, effort: effort, carrier: carrier, carriedBy: carriedBy, cost: cost, deadline: deadline, isFoundation: isFoundation,
            serves: serves, after: after.map(\.id), together: together.map(\.id), replaces: replaces.map(\.id),
            excludes: excludes.map(\.id), cautions: cautions, why: why, steps: steps, partners: partners, funding: funding,
            examples: examples, evidence: evidence, sources: sources, indicators: indicators, file: file, location: node.location)
    }

    /// The ids of a relation field, each with its position for the cross-checks.
    private func relation(_ field: String, _ reader: inout JSONObjectReader) -> [(field: String, id: String, location: SourceLocation)] {
        (reader.stringNodes(field) ?? []).map { (field: field, id: $0.text, location: $0.node.location) }
    }

    /// `serves`: values of the team priorities fact.
    private func readServes(_ nodes: [(text: String, node: JSONNode)], _ reader: inout JSONObjectReader) -> [String] {
        let allowed = vocabulary.fact(named: Self.prioritiesFact)?.choiceIDs ?? []
        var result: [String] = []
        for (text, node) in nodes {
            guard allowed.contains(text) else {
                reader.report("regles.priorite-inconnue", "« serves » cite « \(text) », qui n'est pas une valeur de « \(Self.prioritiesFact) »\(Suggestion.hint(for: text, among: allowed))", at: node.location)
                continue
            }
            if result.contains(text) {
                reader.report("regles.doublon", "« serves » cite « \(text) » deux fois", at: node.location)
                continue
            }
            result.append(text)
        }
        return result
    }

    /// The fact whose values `serves` names: the team's declared priorities.
    static let prioritiesFact = "priorities"

    /// `deadline`: « avant-saison-chaude », or `{ "before": "AAAA-MM", "reason": "…" }`. Nil inside when absent;
    /// nil outside when invalid (reported).
    private func readDeadline(_ node: JSONNode?, _ reader: inout JSONObjectReader) -> Deadline?? {
        guard let node else { return .some(nil) }
        switch node.value {
        case .string(let text) where text == Deadline.hotSeasonKeyword:
            return .some(.beforeHotSeason)
        case .object:
            var local: [Diagnostic] = []
            guard var object = JSONObjectReader(node, file: reader.file, context: "l'échéance de \(reader.context)", diagnostics: &local) else { return nil }
            let beforeNode = object.stringNode("before", required: true)
            let reason = object.string("reason", required: true)
            object.reportUnknownFields()
            reader.diagnostics(appendAll: object.diagnostics)
            guard let beforeNode, case .string(let text) = beforeNode.value else { return nil }
            guard let month = YearMonth(parsing: text) else {
                reader.report("regles.echeance", "« before » vaut « \(text) » ; un mois au format AAAA-MM était attendu (par exemple 2028-01)", at: beforeNode.location)
                return nil
            }
            guard let reason else { return nil }
            return .some(.before(month, reason: reason))
        default:
            reader.report("regles.echeance", "« deadline » doit valoir « \(Deadline.hotSeasonKeyword) » ou être un objet { \"before\": \"AAAA-MM\", \"reason\": \"…\" }", at: node.location)
            return nil
        }
    }

    /// A list whose elements are texts, or `{ "text": "…", "when": "condition" }` for lines that hold only for
    /// some territories.
    private func conditionalTexts(_ field: String, required: Bool, count: ClosedRange<Int>?, _ reader: inout JSONObjectReader) -> [ConditionalText]? {
        guard let elements = reader.array(field, required: required) else { return nil }
        if let count, !count.contains(elements.count), let member = reader.node[field] {
            let expected = count.upperBound == Int.max ? "au moins \(count.lowerBound)" : "de \(count.lowerBound) à \(count.upperBound)"
            reader.report("json.nombre-elements", "« \(field) » compte \(elements.count) élément(s) ; \(expected) étaient attendus dans \(reader.context)", at: member.value.location)
        }
        var result: [ConditionalText] = []
        for element in elements {
            switch element.value {
            case .string(let text) where !text.allSatisfy(\.isWhitespace):
                result.append(ConditionalText(text))
            case .object:
                var local: [Diagnostic] = []
                guard var object = JSONObjectReader(element, file: reader.file, context: "un élément de « \(field) » de \(reader.context)", diagnostics: &local) else { continue }
                let text = object.string("text", required: true)
                let whenNode = object.stringNode("when", required: true)
                object.reportUnknownFields()
                let condition = whenNode.flatMap { compile($0, &object) }
                reader.diagnostics(appendAll: object.diagnostics)
                if let text, let condition { result.append(ConditionalText(text, condition: condition)) }
            default:
                reader.report("json.type", "« \(field) » ne doit contenir que des textes non vides ou des objets { \"text\", \"when\" }, pas \(element.kindDescription)", at: element.location)
            }
        }
        return result.count == elements.count ? result : nil
    }

    private func readCaution(_ node: JSONNode, file: String, context: String, _ outer: inout JSONObjectReader) -> Caution? {
        var local: [Diagnostic] = []
        guard var reader = JSONObjectReader(node, file: file, context: "une mise en garde de \(context)", diagnostics: &local) else {
            outer.diagnostics(appendAll: local)
            return nil
        }
        let whenNode = reader.stringNode("when", required: true)
        let text = reader.string("text", required: true)
        reader.reportUnknownFields()
        let condition = whenNode.flatMap { compile($0, &reader) }
        outer.diagnostics(appendAll: reader.diagnostics)
        guard let condition, let text else { return nil }
        return Caution(condition: condition, text: text)
    }

    private func enumValue<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ node: JSONNode?, field: String, _ reader: inout JSONObjectReader
    ) -> T? where T.RawValue == String {
        guard let node, case .string(let text) = node.value else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        reader.report("regles.valeur-inconnue", "« \(field) » vaut « \(text) »\(Suggestion.hint(for: text, among: allowed)) (valeurs permises : \(allowed.joined(separator: ", ")))", at: node.location)
        return nil
    }

    /// Compiles a condition; each problem is reported at its exact position inside the JSON string.
    private func compile(_ node: JSONNode, _ reader: inout JSONObjectReader) -> Condition? {
        guard case .string(let source) = node.value else { return nil }
        switch Condition.compile(source, vocabulary: vocabulary) {
        case .success(let condition):
            return condition
        case .failure(let failure):
            for error in failure.errors {
                reader.report(error.code, error.message, at: node.locationInString(offset: error.range.lowerBound), severity: error.severity)
            }
            return nil
        }
    }

    private func readBoost(_ node: JSONNode, file: String, context: String, _ outer: inout JSONObjectReader) -> Boost? {
        var local: [Diagnostic] = []
        guard var reader = JSONObjectReader(node, file: file, context: "un bonus de \(context)", diagnostics: &local) else {
            outer.diagnostics(appendAll: local)
            return nil
        }
        let whenNode = reader.stringNode("when", required: true)
        let points = reader.int("points", required: true, in: -100...100)
        let reason = reader.string("reason", required: true)
        reader.reportUnknownFields()
        let condition = whenNode.flatMap { compile($0, &reader) }
        outer.diagnostics(appendAll: reader.diagnostics)
        guard let condition, let whenNode, let points, let reason else { return nil }
        return Boost(condition: condition, conditionNode: whenNode, points: points, reason: reason)
    }

    private func readExample(_ node: JSONNode, file: String, context: String, _ outer: inout JSONObjectReader) -> Example? {
        var local: [Diagnostic] = []
        guard var reader = JSONObjectReader(node, file: file, context: "un exemple de \(context)", diagnostics: &local) else {
            outer.diagnostics(appendAll: local)
            return nil
        }
        let territory = reader.string("territory", required: true)
        let what = reader.string("what", required: true)
        let sourceNode = reader.member("source")?.value
        reader.reportUnknownFields()
        outer.diagnostics(appendAll: reader.diagnostics)
        let source = sourceNode.flatMap { readSource($0, file: file, context: context, &outer) }
        guard let territory, let what else { return nil }
        return Example(territory: territory, what: what, source: source)
    }

    private func readSource(_ node: JSONNode, file: String, context: String, _ outer: inout JSONObjectReader) -> SourceReference? {
        var local: [Diagnostic] = []
        guard var reader = JSONObjectReader(node, file: file, context: "une source de \(context)", diagnostics: &local) else {
            outer.diagnostics(appendAll: local)
            return nil
        }
        let documentNode = reader.stringNode("document", required: true)
        let section = reader.string("section", required: true)
        reader.reportUnknownFields()
        if let documentNode, case .string(let document) = documentNode.value, !sourceIDs.contains(document) {
            reader.report("regles.source-inconnue", "document source inconnu « \(document) »\(Suggestion.hint(for: document, among: sourceIDs)) (voir Rules/sources.json)", at: documentNode.location)
        }
        outer.diagnostics(appendAll: reader.diagnostics)
        guard let documentNode, case .string(let document) = documentNode.value, sourceIDs.contains(document), let section else { return nil }
        return SourceReference(document: document, section: section)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 80 && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !id.hasPrefix("-") && !id.hasSuffix("-")
    }
}

extension JSONObjectReader {
    mutating func diagnostics(appendAll more: [Diagnostic]) {
        append(more)
    }
}

/// One id named in a relation field of a recommendation, where it is written.
struct RelationReference: Sendable {
    var from: String
    var field: String
    var to: String
    var location: SourceLocation
}
