import RuleKit

/// JSON Schemas of the files people edit, generated from the rule base so they never drift from it:
/// profiles (from the vocabulary), recommendation files (levers, sources, horizons from the base) and tests.
public enum RuleSchemas {
    public enum Kind: String, CaseIterable, Sendable {
        case profile
        case rules
        case tests
        /// The JSON export of a roadmap (`roadmap --format json`).
        case roadmap

        /// The file name under `Rules/schema/`.
        public var fileName: String {
            switch self {
            case .profile: return "profile.schema.json"
            case .rules: return "recommendations.schema.json"
            case .tests: return "tests.schema.json"
            case .roadmap: return "roadmap.schema.json"
            }
        }
    }

    public static func schema(_ kind: Kind, for ruleBase: RuleBase) -> JSONOutput {
        switch kind {
        case .profile: return profile(ruleBase.vocabulary)
        case .rules: return recommendations(ruleBase)
        case .tests: return tests(ruleBase)
        case .roadmap: return RoadmapJSONSchema.schema(for: ruleBase, id: Kind.roadmap.fileName)
        }
    }

    static func profile(_ vocabulary: Vocabulary) -> JSONOutput {
        VocabularySchema.factsSchema(
            vocabulary, id: Kind.profile.fileName, title: "Profil de territoire MandatSanté",
            extraProperties: [
                ("$schema", .object([("type", .string("string"))])),
                ("description", .object([("type", .string("string")), ("description", .string("Description libre du profil, ignorée par les règles."))])),
            ])
    }

    private static func text(_ description: String, minLength: Int = 1) -> JSONOutput {
        .object([("type", .string("string")), ("minLength", .integer(minLength)), ("description", .string(description))])
    }

    private static func texts(_ description: String, min: Int, max: Int? = nil) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("type", .string("array")), ("description", .string(description)),
            ("items", .object([("type", .string("string")), ("minLength", .integer(1))])), ("minItems", .integer(min)),
        ]
        if let max { members.append(("maxItems", .integer(max))) }
        return .object(members)
    }

    private static func ids(_ ruleBase: RuleBase, _ description: String) -> JSONOutput {
        .object([("type", .string("array")), ("description", .string(description)),
                 ("items", .object([("enum", .array(ruleBase.recommendations.map { .string($0.id) }.sorted { $0.rendered() < $1.rendered() }))]))])
    }

    static func recommendations(_ ruleBase: RuleBase) -> JSONOutput {
        let facts = ruleBase.vocabulary.facts.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", ")
        let condition = text("Condition sur les faits du profil, par exemple « not cpts and population >= 10000 ». Faits : \(facts).")
        let source: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("document"), .string("section")])),
            ("properties", .object([
                ("document", .object([("enum", .array(ruleBase.sources.map { .string($0.id) }))])),
                ("section", text("Section ou titre du document où le point est fait.")),
            ])),
        ])
        let boost: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array([.string("when"), .string("points"), .string("reason")])),
            ("properties", .object([
                ("when", .object([("$ref", .string("#/$defs/condition"))])),
                ("points", .object([("type", .string("integer")), ("minimum", .integer(-100)), ("maximum", .integer(100))])),
                ("reason", text("Raison du bonus, en français, montrée dans l'explication.")),
            ])),
        ])
        let example: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array([.string("territory"), .string("what")])),
            ("properties", .object([("territory", text("Territoire réel.")), ("what", text("Ce qu'il a fait.")), ("source", .object([("$ref", .string("#/$defs/source"))]))])),
        ])
        let line: JSONOutput = .object([("anyOf", .array([
            .object([("type", .string("string")), ("minLength", .integer(1))]),
            .object([
                ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("text"), .string("when")])),
                ("properties", .object([("text", text("La ligne.")), ("when", .object([("$ref", .string("#/$defs/condition"))]))])),
            ]),
        ])), ("description", .string("Une ligne, ou { text, when } pour une ligne qui ne vaut que pour certains territoires."))])
        func lines(_ description: String, min: Int, max: Int? = nil) -> JSONOutput {
            var members: [(String, JSONOutput)] = [("type", .string("array")), ("description", .string(description)), ("items", line), ("minItems", .integer(min))]
            if let max { members.append(("maxItems", .integer(max))) }
            return .object(members)
        }
        let caution: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("when"), .string("text")])),
            ("properties", .object([("when", .object([("$ref", .string("#/$defs/condition"))])), ("text", text("La mise en garde."))])),
        ])
        let deadline: JSONOutput = .object([("anyOf", .array([
            .object([("const", .string(Deadline.hotSeasonKeyword))]),
            .object([
                ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("before"), .string("reason")])),
                ("properties", .object([
                    ("before", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])$"))])),
                    ("reason", text("Pourquoi cette date, en français : « avant le renouvellement du PRS »."))])),
            ]),
        ])), ("description", .string("« \(Deadline.hotSeasonKeyword) » (prête avant l'été, l'été austral ou la saison des pluies), ou une date avec sa raison."))])
        let priorities = ruleBase.vocabulary.fact(named: "priorities")?.choiceIDs ?? []
        let required = ["id", "title", "lever", "when", "priority", "horizon", "effort", "carrier", "why", "steps", "partners", "sources", "indicators"]
        let recommendation: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array(required.map { .string($0) })),
            ("properties", .object([
                ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9]+(-[a-z0-9]+)*$"))])),
                ("title", text("Titre : une action.")),
                ("lever", .object([("enum", .array(ruleBase.levers.map { .string($0.id) }))])),
                ("when", .object([("$ref", .string("#/$defs/condition"))])),
                ("priority", .object([("type", .string("integer")), ("minimum", .integer(0)), ("maximum", .integer(100))])),
                ("boosts", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/$defs/boost"))]))])),
                ("horizon", .object([("enum", .array(Horizon.allCases.map { .string($0.rawValue) }))])),
                ("effort", .object([("enum", .array(Effort.allCases.map { .string($0.rawValue) }))])),
                ("carrier", .object([("enum", .array(Carrier.allCases.map { .string($0.rawValue) })),
                                     ("description", .string("Qui porte : commune, intercommunalite, territoire (la collectivité du profil) ou partenaire."))])),
                ("carriedBy", text("Pour un porteur partenaire : qui, en français.")),
                ("cost", .object([("enum", .array(CostRange.allCases.map { .string($0.rawValue) })),
                                  ("description", .string("Ordre de grandeur du coût : temps, faible (< 10 k€), moyen, eleve, tres-eleve (> 1 M€)."))])),
                ("deadline", deadline),
                ("foundation", .object([("type", .string("boolean")), ("description", .string("Décision fondatrice du mandat, placée avant toute autre."))])),
                ("serves", .object([("type", .string("array")), ("items", .object([("enum", .array(priorities.map { .string($0) }))])),
                                    ("description", .string("Priorités de l'équipe que l'action sert."))])),
                ("after", ids(ruleBase, "Recommandations à placer avant celle-ci quand elles sont retenues (ordre seulement).")),
                ("together", ids(ruleBase, "Recommandations à placer dans la même phase quand elles sont retenues.")),
                ("cautions", .object([("type", .string("array")), ("items", caution), ("description", .string("Mises en garde, chacune sous condition."))])),
                ("replaces", ids(ruleBase, "Recommandations que celle-ci remplace quand les deux s'appliquent.")),
                ("excludes", ids(ruleBase, "Recommandations incompatibles : la mieux notée reste.")),
                ("why", text("Pourquoi, pour ce type de territoire (deux ou trois phrases).")),
                ("steps", lines("Premiers pas concrets.", min: 2, max: 6)),
                ("partners", lines("Partenaires à associer.", min: 1)),
                ("funding", lines("Financements mobilisables.", min: 0)),
                ("examples", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/$defs/example"))]))])),
                ("evidence", text("Repères chiffrés, avec leur source.")),
                ("sources", .object([("type", .string("array")), ("minItems", .integer(1)), ("items", .object([("$ref", .string("#/$defs/source"))]))])),
                ("indicators", texts("Indicateurs de suivi.", min: 1, max: 3)),
            ])),
        ])
        return .object([
            ("$schema", .string(VocabularySchema.dialect)),
            ("$id", .string(Kind.rules.fileName)),
            ("title", .string("Fichier de recommandations MandatSanté")),
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array([.string("recommendations")])),
            ("properties", .object([
                ("$schema", .object([("type", .string("string"))])),
                ("recommendations", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/$defs/recommendation"))]))])),
            ])),
            ("$defs", .object([("recommendation", recommendation), ("condition", condition), ("boost", boost), ("example", example), ("source", source)])),
        ])
    }

    static func tests(_ ruleBase: RuleBase) -> JSONOutput {
        let idList = ids(ruleBase, "Identifiants de recommandations.")
        let idMap: (JSONOutput) -> JSONOutput = { value in
            .object([("type", .string("object")), ("additionalProperties", value)])
        }
        let expect: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("minProperties", .integer(1)),
            ("properties", .object([
                ("included", idList), ("excluded", idList), ("applies", idList), ("considerLater", idList), ("decisions", idList),
                ("samePhase", .object([("type", .string("array")), ("items", .object([("type", .string("array")), ("minItems", .integer(2)), ("maxItems", .integer(2)), ("items", .object([("type", .string("string"))]))]))])),
                ("inTop", .object([("type", .string("object")), ("additionalProperties", idList), ("propertyNames", .object([("pattern", .string("^[1-9][0-9]*$"))]))])),
                ("before", .object([("type", .string("array")), ("items", .object([("type", .string("array")), ("minItems", .integer(2)), ("maxItems", .integer(2)), ("items", .object([("type", .string("string"))]))]))])),
                ("phase", idMap(.object([("enum", .array(Horizon.allCases.map { .string($0.rawValue) }))]))),
                ("phaseBy", idMap(.object([("enum", .array(Horizon.allCases.map { .string($0.rawValue) }))]))),
                ("replacedBy", idMap(.object([("type", .string("string"))]))),
                ("minScore", idMap(.object([("type", .string("integer"))]))),
            ])),
        ])
        let test: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array([.string("name"), .string("expect")])),
            ("properties", .object([
                ("name", text("Ce que le test vérifie, en français.")),
                ("profile", text("Chemin d'un profil, relatif au fichier de tests.")),
                ("facts", .object([("type", .string("object")), ("description", .string("Faits en ligne : un profil complet, ou des faits qui modifient « profile »."))])),
                ("start", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}$"))])),
                ("top", .object([("type", .string("integer")), ("minimum", .integer(1))])),
                ("expect", expect),
            ])),
        ])
        return .object([
            ("$schema", .string(VocabularySchema.dialect)),
            ("$id", .string(Kind.tests.fileName)),
            ("title", .string("Fichier de tests de règles MandatSanté")),
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array([.string("tests")])),
            ("properties", .object([
                ("$schema", .object([("type", .string("string"))])),
                ("tests", .object([("type", .string("array")), ("items", test)])),
            ])),
        ])
    }
}
