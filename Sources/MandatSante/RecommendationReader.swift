import RuleKit

/// Reads the recommendations of rule files, compiling their conditions and mapping every problem inside a
/// condition back to its line and column in the rule file.
struct RecommendationReader {
    static let idPattern = "lettres minuscules sans accent, chiffres et tirets"

    let vocabulary: Vocabulary
    let leverIDs: [String]
    let sourceIDs: [String]
    private(set) var diagnostics: [Diagnostic] = []

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
        let after = reader.strings("after") ?? []
        let replaces = reader.strings("replaces") ?? []
        let excludes = reader.strings("excludes") ?? []
        let why = reader.string("why", required: true)
        let steps = reader.strings("steps", required: true, count: 2...5)
        let partners = reader.strings("partners", required: true, count: 1...Int.max)
        let funding = reader.strings("funding") ?? []
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
        let condition = whenNode.flatMap { compile($0, &reader) }
        let boosts = boostNodes.compactMap { readBoost($0, file: file, context: context, &reader) }
        let examples = exampleNodes.compactMap { readExample($0, file: file, context: context, &reader) }
        let sources = sourceNodes.compactMap { readSource($0, file: file, context: context, &reader) }
        if sourceNodes.isEmpty, reader.node["sources"] != nil {
            reader.report("regles.source-manquante", "\(context) doit citer au moins une source", at: node.location)
        }

        guard let idNode, case .string(let id) = idNode.value, let title, let leverNode, case .string(let lever) = leverNode.value,
              let condition, let whenNode, let priority, let horizon, let effort, let why, let steps, let partners, let indicators,
              !sources.isEmpty, boosts.count == boostNodes.count, boosts.count <= Score.maximumBoosts
        else { return nil }
        return Recommendation(
            id: id, title: title, lever: lever, condition: condition, conditionNode: whenNode, priority: priority, boosts: boosts,
            horizon: horizon, effort: effort, after: after, replaces: replaces, excludes: excludes, why: why,
            steps: steps, partners: partners, funding: funding, examples: examples, evidence: evidence,
            sources: sources, indicators: indicators, file: file, location: node.location)
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
