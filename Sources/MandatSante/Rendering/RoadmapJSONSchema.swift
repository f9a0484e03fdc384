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
        let strings = { (description: String) in array(description, text("")) }
        let capacity = object("Capacité du territoire à porter des actions.", [
            ("staff", integer("Agents pouvant porter des projets.")),
            ("staffEstimated", boolean("Vrai quand le profil ne donne pas l'effectif : `staff` est alors estimé d'après la population.")),
            ("yearlyUnits", number("Unités d'effort par an, au dixième (1.6).")),
            ("totalUnits", integer("Unités d'effort sur le reste du mandat.")),
            ("methodLimit", integer("Nombre d'actions de méthode que la feuille de route peut compter.")),
        ])
        let phase = object("Une phase du mandat.", [
            ("id", phaseID),
            ("horizons", array("Horizons des recommandations qui peuvent commencer dans cette phase au plus tôt.",
                               choice(Horizon.allCases.map(\.rawValue), "Horizon."), minItems: 1)),
            ("title", text("Titre de la phase, vrai pour le mois de départ : « Les trois prochains mois », « D'ici fin 2027 »…")),
            ("period", text("Période lisible, derniers mois compris, par exemple « déc. 2026 – févr. 2027 ».")),
            ("start", month),
            ("end", described(month, "Premier mois après la phase (exclu) : le début de la phase suivante.")),
            ("months", integer("Durée en mois.", minimum: 1)),
            ("capacity", integer("Unités d'effort disponibles dans la phase.")),
            ("used", integer("Unités d'effort prises par les actions de la phase, arrondies à l'unité supérieure (une action rapide des premiers mois en prend une demie).")),
            ("milestones", strings("Repères de la phase : étés, bilan de mi-mandat, élections.")),
            ("items", array("Rangs des actions de la phase.", integer("Rang.", minimum: 1))),
        ])
        let term = object("Un terme du score.", [
            ("points", .object([("type", .string("integer")), ("description", .string("Points, positifs ou négatifs."))])),
            ("reason", text("Pourquoi ces points (« priorité de base » ou raison du bonus).")),
        ])
        let placement = object("Pourquoi l'action est dans sa phase.", [
            ("kind", choice(["horizon", "prealable", "ensemble", "capacite"],
                            "horizon : la première phase que permet son horizon ; prealable : après un préalable ; ensemble : avec une action qu'elle accompagne ; capacite : reportée faute de capacité.")),
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
            ("carrier", object("Qui porte l'action.", [
                ("id", choice(Carrier.allCases.map(\.rawValue), "commune, intercommunalite, territoire (la collectivité décrite par le profil) ou partenaire.")),
                ("text", text("Le porteur en français, pour ce territoire.")),
            ])),
            ("costRange", nullable(object("Ordre de grandeur du coût pour la collectivité.", [
                ("id", choice(CostRange.allCases.map(\.rawValue), "temps, faible (< 10 k€), moyen (10 à 100 k€), eleve (100 k€ à 1 M€), tres-eleve (> 1 M€).")),
                ("text", nullable(text(""), "L'ordre de grandeur en français.")),
            ]), "Le coût, ou null s'il n'est pas connu.")),
            ("evidenceLevel", nullable(object("Niveau de preuve, sur l'échelle de What Works for Health (base américaine), en français.", [
                ("id", choice(EvidenceLevel.allCases.map(\.rawValue), "demontre, probable, avis-d-experts, insuffisant, mitige.")),
                ("text", nullable(text(""), "Le niveau de preuve en français.")),
            ]), "Le niveau de preuve, ou null s'il n'est pas renseigné.")),
            ("inequalityEffect", nullable(object("Effet attendu sur les inégalités sociales de santé.", [
                ("id", choice(InequalityEffect.allCases.map(\.rawValue), "reduit, neutre, risque-d-accroitre, inconnu.")),
                ("text", nullable(text(""), "L'effet en français.")),
            ]), "L'effet sur les inégalités, ou null s'il n'est pas renseigné.")),
            ("deadline", nullable(object("L'échéance de l'action.", [
                ("before", nullable(month, "Le mois avant lequel l'action doit être prête.")),
                ("text", text("L'échéance en français.")),
                ("missed", boolean("Vrai quand l'action, faute de place avant cette échéance, vient après elle : sa note de placement dit ce qui tenait la place.")),
            ]), "L'échéance, ou null.")),
            ("effort", choice(Effort.allCases.map(\.rawValue), "Effort : faible (1 unité), moyen (2), fort (3).")),
            ("horizon", choice(Horizon.allCases.map(\.rawValue), "Horizon de la recommandation, avant placement.")),
            ("score", object("Le score et les termes dont il est la somme.", [
                ("total", integer("Somme des termes.")),
                ("terms", array("Priorité de base puis bonus appliqués.", term, minItems: 1)),
            ])),
            ("forYou", strings("Pourquoi : ce que le profil établit et les bonus qui s'appliquent, en français simple.")),
            ("selection", nullable(text(""), "Pourquoi l'action passe avant l'ordre du mérite (fondation, priorité de l'équipe), ou null.")),
            ("cautions", strings("Mises en garde pour ce territoire.")),
            ("placement", placement),
            ("relations", strings("L'enchaînement en français : après, avec, suppose, remplace, écarte.")),
            ("prerequisites", array("Préalables retenus, placés avant (identifiants).", recommendationID)),
            ("assumedPrerequisites", array("Préalables absents de la feuille de route : à faire d'abord ou déjà faits (identifiants).", recommendationID)),
            ("together", array("Actions placées dans la même phase parce qu'elles vont ensemble (identifiants).", recommendationID)),
            ("supersedes", array("Recommandations que l'action remplace ou écarte (identifiants).", recommendationID)),
            ("why", text("L'enjeu.")),
            ("steps", strings("Premiers pas, pour ce territoire.")),
            ("partners", strings("Partenaires à associer.")),
            ("funding", strings("Financements mobilisables.")),
            ("examples", array("Territoires qui l'ont fait.", object("Un exemple réel.", [
                ("territory", text("Territoire.")),
                ("what", text("Ce qu'il a fait.")),
                ("source", nullable(source, "La source de l'exemple, ou null.")),
            ]))),
            ("evidence", nullable(text(""), "Repères chiffrés, chacun suivi du numéro de sa source, ou null.")),
            ("facts", array("Les faits du registre derrière les repères, chacun avec sa source.", object("Un fait.", [
                ("id", text("Identifiant du fait (Rules/facts.json).")),
                ("statement", text("Le fait.")),
                ("source", source),
            ]))),
            ("sources", array("Sources de la recommandation.", source, minItems: 1)),
            ("indicators", strings("Indicateurs de suivi.")),
        ])
        let entry = object("Une recommandation qui n'est pas dans la feuille de route.", [
            ("id", recommendationID),
            ("title", text("Titre de la recommandation.")),
            ("reason", choice(JSONRoadmapRenderer.reasonCodes,
                              "faute-de-capacite, limite-methode (à envisager ensuite) ; remplacee, exclue (au profit d'une mieux classée), echeance (intenable), au-dela-du-top (--top), autre-niveau (instrument d'un autre niveau de collectivité), condition-non-remplie, condition-indeterminee (un fait facultatif manque), autre-territoire (propre à une autre partie du monde : outre-mer, Pacifique ou Hexagone).")),
            ("reasonText", text("La raison en français.", minLength: 0)),
            ("by", nullable(recommendationID, "Ce qui l'a remplacée ou écartée ; sinon null.")),
            ("score", .object([("type", .string("integer")), ("description", .string("Score pour ce profil."))])),
            ("line", nullable(text(""), "Pour « à envisager ensuite » : une ligne sur ce qui la rend utile ici ; sinon null.")),
            ("effort", choice(Effort.allCases.map(\.rawValue), "Effort qu'elle demanderait : faible (1 unité), moyen (2), fort (3).")),
        ])
        let decision = object("Une des décisions à prendre d'abord.", [
            ("rank", integer("Rang de l'action dans la feuille de route.", minimum: 1)),
            ("id", recommendationID),
            ("title", text("Titre de l'action.")),
            ("carrier", text("Qui la porte.")),
            ("when", text("Quand : « d'ici févr. 2027 » ou l'échéance.")),
            ("effort", choice(Effort.allCases.map(\.rawValue), "Effort.")),
            ("costRange", nullable(text(""), "Ordre de grandeur du coût, ou null.")),
            ("evidenceLevel", nullable(text(""), "Niveau de preuve (« avis d'experts »…), ou null.")),
            ("inequalityEffect", nullable(text(""), "Effet attendu sur les inégalités de santé, ou null.")),
            ("funder", nullable(text(""), "Le premier financeur connu, ou null.")),
            ("note", nullable(text(""), "Fondation du mandat ou priorité servie, ou null.")),
        ])

        let root = objectMembers("Feuille de route santé du mandat exportée par « mandat-sante roadmap --format json ».", [
            ("schemaVersion", .object([("const", .integer(JSONRoadmapRenderer.schemaVersion)), ("description", .string("Version du format ; change quand une clé est renommée ou retirée."))])),
            ("edition", object("L'édition du document.", [
                ("text", text("L'édition en français : mois, version de l'outil, version et empreinte de la base de règles.")),
                ("month", described(month, "Le mois de l'édition : le mois de départ (--start).")),
                ("toolVersion", text("Version de MandatSanté.")),
                ("ruleBaseVersion", text("Version de la base de règles (Rules/version.json).")),
                ("ruleBaseFingerprint", text("Empreinte des fichiers de la base de règles.")),
            ])),
            ("profile", profile),
            ("synthesis", object("La synthèse pour l'exécutif.", [
                ("findings", strings("Les trois constats sur le territoire qui orientent la feuille de route.")),
                ("priorities", nullable(text(""), "Les priorités déclarées par l'équipe, ou null.")),
                ("decisions", array("Les décisions à prendre d'abord, par rang.", decision)),
                ("alsoFirst", nullable(text(""), "Les actions de la première phase qui ne sont pas des décisions de la page 1, et pourquoi ; null quand toutes en sont.")),
                ("sizeNote", text("La taille de la feuille de route au regard de la capacité de l'équipe.")),
            ])),
            ("start", described(month, "Mois de départ de la feuille de route (--start).")),
            ("end", described(month, "Fin du mandat (élections de mars 2032), exclue.")),
            ("capacity", capacity),
            ("phases", array("Phases du mandat, dans l'ordre.", phase, minItems: 1)),
            ("items", array("Actions retenues, par rang.", item)),
            ("considerLater", array("À envisager ensuite : ce qui s'applique mais ne tient pas dans la capacité de l'équipe, les mieux notées d'abord.", entry)),
            ("leftOut", array("Les autres recommandations non retenues, par raison.", entry)),
            ("recommendationCount", integer("Nombre de recommandations examinées.")),
        ])
        let header: [(String, JSONOutput)] = [
            ("$schema", .string(VocabularySchema.dialect)), ("$id", .string(id)),
            ("title", .string("Feuille de route MandatSanté (export JSON)")),
        ]
        return .object(header + root + [("$defs", .object([
            ("phaseId", choice(["premiers-mois", "fin-d-annee", "mi-mandat", "fin-mandat"], "Identifiant de phase.")),
            ("recommendationId", choice(ruleBase.recommendations.map(\.id).sorted(), "Identifiant de recommandation.")),
            ("month", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])$")), ("description", .string("Mois AAAA-MM."))])),
            ("source", object("Une source citée.", [
                ("document", choice(ruleBase.sources.map(\.id), "Identifiant du document (Rules/sources.json).")),
                ("title", text("Titre du document.")),
                ("section", text("Section ou passage du document.")),
                ("publisher", text("Qui a publié le document.")),
                ("date", nullable(.object([("type", .string("string")), ("pattern", .string(RuleSchemas.sourceDatePattern))]),
                                  "Date de publication du document : AAAA, AAAA-MM ou AAAA-MM-JJ ; null pour une page qui n'en affiche pas.")),
                ("consulted", nullable(.object([("type", .string("string")), ("pattern", .string(RuleSchemas.sourceDatePattern))]),
                                       "Pour une page sans date de publication, quand elle a été consultée ; null sinon.")),
                ("url", nullable(text(""), "Adresse web publique du document, ou null.")),
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

    private static func number(_ description: String, minimum: Int = 0) -> JSONOutput {
        .object([("type", .string("number")), ("minimum", .integer(minimum)), ("description", .string(description))])
    }

    private static func boolean(_ description: String) -> JSONOutput {
        .object([("type", .string("boolean")), ("description", .string(description))])
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
