import RuleKit

/// The JSON Schema of `roadmap --format json`, generated from the rule base (facts, levers, sources, ids) so
/// that it never drifts from what `JSONRoadmapRenderer` writes. Every key is required: the export writes
/// `null` or `[]` rather than leaving a key out.
enum RoadmapJSONSchema {
    static func schema(for ruleBase: RuleBase, id: String) -> JSONOutput {
        let phaseID = JSONOutput.object([("$ref", .string("#/$defs/phaseId"))])
        let recommendationID = JSONOutput.object([("$ref", .string("#/$defs/recommendationId"))])
        let month = JSONOutput.object([("$ref", .string("#/$defs/month"))])
        let facts = ruleBase.vocabulary.facts.map { ($0.name, VocabularySchema.schema(of: $0)) }

        let profile = object("Le territoire décrit par le profil.", [
            ("name", text("Nom du territoire.")),
            ("summary", text("Résumé : type, population, densité, département, région.")),
            ("portrait", array("Portrait du territoire, ligne à ligne.", object("Une ligne du portrait.", [
                ("label", text("Intitulé de la ligne, par exemple « Accès aux soins »).")),
                ("text", text("Contenu de la ligne.")),
            ]))),
            ("facts", object("Tous les faits du vocabulaire, par nom, valeurs par défaut comprises ; null pour un fait facultatif non renseigné.", facts)),
        ])
        let capacity = object("Capacité du territoire à porter des actions.", [
            ("staff", integer("Agents pouvant porter des projets.")),
            ("sizeUnits", integer("Unités d'effort par an liées à la taille du territoire.")),
            ("staffUnits", integer("Unités d'effort par an liées à l'équipe.")),
            ("yearlyUnits", integer("Unités d'effort par an au total.")),
        ])
        let phase = object("Une phase du mandat.", [
            ("id", phaseID),
            ("title", text("Titre de la phase, par exemple « Les 100 premiers jours ».")),
            ("period", text("Période lisible, derniers mois compris, par exemple « déc. 2026 – févr. 2027 ».")),
            ("start", month),
            ("end", described(month, "Premier mois après la phase (exclu) : le début de la phase suivante.")),
            ("months", integer("Durée en mois.", minimum: 1)),
            ("capacity", integer("Unités d'effort disponibles dans la phase.")),
            ("used", integer("Unités d'effort prises par les actions de la phase.")),
            ("items", array("Rangs des actions de la phase.", integer("Rang.", minimum: 1))),
        ])
        let term = object("Un terme du score.", [
            ("points", .object([("type", .string("integer")), ("description", .string("Points, positifs ou négatifs."))])),
            ("reason", text("Pourquoi ces points (« priorité de base » ou raison du bonus).")),
        ])
        let placement = object("Pourquoi l'action est dans sa phase.", [
            ("kind", choice(["horizon", "apres-prealable", "capacite"],
                            "horizon : la phase de son horizon ; apres-prealable : après un préalable placé plus tard ; capacite : reportée faute de capacité.")),
            ("prerequisite", nullable(recommendationID, "Le préalable qui l'a retardée (kind = apres-prealable), sinon null.")),
            ("wantedPhase", nullable(phaseID, "La phase prévue avant le report (kind = capacite), sinon null.")),
            ("note", nullable(text(""), "L'explication en français, ou null quand l'action est dans la phase de son horizon.")),
        ])
        let source = JSONOutput.object([("$ref", .string("#/$defs/source"))])
        let item = object("Une action de la feuille de route.", [
            ("rank", integer("Rang dans la feuille de route (1 = la première).", minimum: 1)),
            ("id", recommendationID),
            ("title", text("Titre de l'action.")),
            ("lever", choice(ruleBase.levers.map(\.id), "Identifiant du levier.")),
            ("leverTitle", text("Titre du levier.")),
            ("phase", described(phaseID, "La phase où l'action est placée.")),
            ("effort", choice(Effort.allCases.map(\.rawValue), "Effort : faible (1 unité), moyen (2), fort (3).")),
            ("horizon", choice(Horizon.allCases.map(\.rawValue), "Horizon de la recommandation, avant placement.")),
            ("score", object("Le score et les termes dont il est la somme.", [
                ("total", integer("Somme des termes.")),
                ("terms", array("Priorité de base puis bonus appliqués.", term, minItems: 1)),
            ])),
            ("reasons", array("Pourquoi pour vous : les conditions du profil qui ont fait sortir l'action, avec leurs valeurs.", text(""))),
            ("placement", placement),
            ("prerequisites", array("Préalables retenus, placés avant (identifiants).", recommendationID)),
            ("supersedes", array("Recommandations que l'action remplace ou écarte (identifiants).", recommendationID)),
            ("why", text("L'enjeu.")),
            ("steps", array("Premiers pas.", text(""))),
            ("partners", array("Partenaires à associer.", text(""))),
            ("funding", array("Financements mobilisables.", text(""))),
            ("examples", array("Territoires qui l'ont fait.", object("Un exemple réel.", [
                ("territory", text("Territoire.")),
                ("what", text("Ce qu'il a fait.")),
                ("source", nullable(source, "La source de l'exemple, ou null.")),
            ]))),
            ("evidence", nullable(text(""), "Repères chiffrés, ou null.")),
            ("sources", array("Sources de la recommandation.", source, minItems: 1)),
            ("indicators", array("Indicateurs de suivi.", text(""))),
        ])
        let leftOut = object("Une recommandation écartée.", [
            ("id", recommendationID),
            ("title", text("Titre de la recommandation.")),
            ("reason", choice(JSONRoadmapRenderer.reasonCodes,
                              "remplacee, exclue (au profit d'une mieux classée), faute-de-capacite, prealable-non-place, au-dela-du-top (--top), condition-non-remplie, condition-indeterminee (un fait facultatif manque).")),
            ("reasonText", text("La raison en français.", minLength: 0)),
            ("by", nullable(recommendationID, "Ce qui l'a remplacée ou écartée, ou le préalable non placé ; sinon null.")),
            ("score", .object([("type", .string("integer")), ("description", .string("Score pour ce profil."))])),
        ])

        let root = objectMembers("Feuille de route santé du mandat exportée par « mandat-sante roadmap --format json ».", [
            ("schemaVersion", .object([("const", .integer(JSONRoadmapRenderer.schemaVersion)), ("description", .string("Version du format ; change quand une clé est renommée ou retirée."))])),
            ("profile", profile),
            ("drivers", array("Ce qui oriente la feuille de route : les constats qui font sortir le plus d'actions.", object("Un constat.", [
                ("text", text("Le constat, avec la valeur du profil.")),
                ("count", integer("Nombre d'actions retenues qu'il fait sortir.", minimum: 1)),
            ]))),
            ("start", described(month, "Mois de départ de la feuille de route (--start).")),
            ("end", described(month, "Fin du mandat (élections de mars 2032), exclue.")),
            ("capacity", capacity),
            ("phases", array("Phases du mandat, dans l'ordre ; une phase vide (départ tardif) n'apparaît pas.", phase, minItems: 1)),
            ("items", array("Actions retenues, par rang.", item)),
            ("leftOut", array("Recommandations écartées : remplacées, hors capacité, au-delà de --top, conditions non réunies.", leftOut)),
            ("recommendationCount", integer("Nombre de recommandations examinées.")),
        ])
        let header: [(String, JSONOutput)] = [
            ("$schema", .string(VocabularySchema.dialect)), ("$id", .string(id)),
            ("title", .string("Feuille de route MandatSanté (export JSON)")),
        ]
        return .object(header + root + [("$defs", .object([
            ("phaseId", choice(Horizon.allCases.map(\.rawValue), "Identifiant de phase : l'horizon qu'elle accueille.")),
            ("recommendationId", choice(ruleBase.recommendations.map(\.id).sorted(), "Identifiant de recommandation.")),
            ("month", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])$")), ("description", .string("Mois AAAA-MM."))])),
            ("source", object("Une source citée.", [
                ("document", choice(ruleBase.sources.map(\.id), "Identifiant du document (Rules/sources.json).")),
                ("title", text("Titre du document.")),
                ("section", text("Section ou passage du document.")),
            ])),
        ]))])
    }

    // MARK: Building blocks

    /// An object whose keys are all required and the only ones allowed.
    private static func object(_ description: String, _ properties: [(String, JSONOutput)]) -> JSONOutput {
        .object(objectMembers(description, properties))
    }

    private static func objectMembers(_ description: String, _ properties: [(String, JSONOutput)]) -> [(String, JSONOutput)] {
        [
            ("type", .string("object")), ("description", .string(description)), ("additionalProperties", .bool(false)),
            ("required", .array(properties.map { .string($0.0) })), ("properties", .object(properties)),
        ]
    }

    private static func array(_ description: String, _ items: JSONOutput, minItems: Int = 0) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("type", .string("array")), ("description", .string(description)), ("items", items)]
        if minItems > 0 { members.append(("minItems", .integer(minItems))) }
        return .object(members)
    }

    private static func text(_ description: String, minLength: Int = 1) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("type", .string("string")), ("minLength", .integer(minLength))]
        if !description.isEmpty { members.append(("description", .string(description))) }
        return .object(members)
    }

    private static func integer(_ description: String, minimum: Int = 0) -> JSONOutput {
        .object([("type", .string("integer")), ("minimum", .integer(minimum)), ("description", .string(description))])
    }

    private static func choice(_ values: [String], _ description: String) -> JSONOutput {
        .object([("enum", .array(values.map { .string($0) })), ("description", .string(description))])
    }

    /// A `$ref` with its own description (draft 2020-12 allows keywords beside `$ref`).
    private static func described(_ schema: JSONOutput, _ description: String) -> JSONOutput {
        guard case .object(let members) = schema else { return schema }
        return .object(members + [("description", .string(description))])
    }

    /// `schema` or null.
    private static func nullable(_ schema: JSONOutput, _ description: String) -> JSONOutput {
        .object([("anyOf", .array([schema, .object([("type", .string("null"))])])), ("description", .string(description))])
    }
}
