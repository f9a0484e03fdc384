import RuleKit

/// JSON Schemas of the files people edit, generated from the rule base so they never drift from it:
/// profiles (from the vocabulary), definitions, tests, and the vocabulary, levers and sources files themselves.
/// Recommendations are Markdown files: `RecommendationReader` checks them, with positions.
public enum RuleSchemas {
    public enum Kind: String, CaseIterable, Sendable {
        case profile
        case definitions
        case tests
        case vocabulary
        case levers
        case sources
        case facts
        case portrait
        /// The JSON export of a roadmap (`roadmap --format json`).
        case roadmap

        /// The file name under `Rules/schema/`.
        public var fileName: String { "\(self == .profile ? "profile" : rawValue).schema.json" }
    }

    public static func schema(_ kind: Kind, for ruleBase: RuleBase) -> JSONOutput {
        switch kind {
        case .profile: return profile(ruleBase.vocabulary)
        case .definitions: return definitions(ruleBase)
        case .tests: return tests(ruleBase)
        case .vocabulary: return vocabulary()
        case .levers: return levers()
        case .sources: return sources()
        case .facts: return facts(ruleBase)
        case .portrait: return portrait(ruleBase)
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

    /// A document `{ "$schema": …, "<key>": [ items ] }` of the rule base.
    private static func document(_ kind: Kind, title: String, key: String, item: JSONOutput, required: Bool = true) -> JSONOutput {
        .object([
            ("$schema", .string(VocabularySchema.dialect)),
            ("$id", .string(kind.fileName)),
            ("title", .string(title)),
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array(required ? [.string(key)] : [])),
            ("properties", .object([
                ("$schema", .object([("type", .string("string"))])),
                (key, .object([("type", .string("array")), ("items", item)])),
            ])),
        ])
    }

    /// `source` beside a reference of the vocabulary: one id of `sources.json`, or a list when it gives figures of several.
    private static let referenceSource: JSONOutput = {
        let id: JSONOutput = .object([("type", .string("string")), ("minLength", .integer(1))])
        return .object([("anyOf", .array([id, .object([("type", .string("array")), ("items", id), ("minItems", .integer(1))])])),
                        ("description", .string("Le document public (identifiant de sources.json) d'où vient la référence, ou la liste de ses documents quand elle en cite plusieurs : la première page le cite par son numéro, et la première action qui répond au constat le compte parmi ses sources. Sans lui, « check » avertit."))])
    }()

    private static func record(required: [String], _ properties: [(String, JSONOutput)]) -> JSONOutput {
        .object([("type", .string("object")), ("additionalProperties", .bool(false)),
                 ("required", .array(required.map { .string($0) })), ("properties", .object(properties))])
    }

    private static let name: JSONOutput = .object([
        ("type", .string("string")), ("pattern", .string("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")),
        ("description", .string("Minuscules sans accent, chiffres et tirets, en commençant par une lettre (petite-commune).")),
    ])

    /// `definitions.json`: named conditions and boosts.
    static func definitions(_ ruleBase: RuleBase) -> JSONOutput {
        let facts = ruleBase.vocabulary.facts.map(\.name).joined(separator: ", ")
        let condition = text("Condition sur les faits du profil et les conditions nommées, par exemple « medicalZoning == 'zip' ». Faits : \(facts).")
        let conditions = record(required: ["name", "when"], [
            ("name", name), ("when", condition), ("description", text("Ce que la condition veut dire, en français.")),
            ("label", text("Ce que la condition veut dire, en quelques mots, pour les explications (« une intercommunalité ») : dit à la place de ses parties.")),
            ("falseLabel", text("Ce que veut dire sa négation (« une commune »), pour qu'une explication ne dise pas « non (…) » ni « autre que … ».")),
            ("finding", text("Ce que la condition, quand elle tient, dit de la situation du territoire, en quelques mots (« risque de dengue et de chikungunya à chaque saison des pluies ») : la synthèse le compte parmi ce qui oriente la feuille de route quand des actions retenues s'appliquent à cause d'elle.")),
            ("findingSource", text("Le document public (identifiant de sources.json) qui établit cette situation : la synthèse le cite par son numéro, et la première action qui y répond le compte parmi ses sources.")),
        ])
        let boosts = record(required: ["name", "when", "points", "reason"], [
            ("name", name), ("when", condition),
            ("points", .object([("type", .string("integer")), ("minimum", .integer(-100)), ("maximum", .integer(100))])),
            ("reason", text("Raison du bonus, en français, montrée dans l'explication du score.")),
        ])
        return .object([
            ("$schema", .string(VocabularySchema.dialect)),
            ("$id", .string(Kind.definitions.fileName)),
            ("title", .string("Conditions et bonus nommés de la base de règles MandatSanté")),
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("properties", .object([
                ("$schema", .object([("type", .string("string"))])),
                ("conditions", .object([("type", .string("array")), ("items", conditions)])),
                ("boosts", .object([("type", .string("array")), ("items", boosts)])),
            ])),
        ])
    }

    /// `vocabulary.json`: the facts a profile may state.
    static func vocabulary() -> JSONOutput {
        let value: JSONOutput = .object([("description", .string("Valeur du type du fait."))])
        let choice = record(required: ["id", "label"], [
            ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9]+(-[a-z0-9]+)*$"))])),
            ("role", .object([("enum", .array([.string(FactRole.communeChoice), .string(FactRole.collectivityWithoutCommunesChoice)])), ("description", .string("Pour une valeur du fait de rôle « type » : celle qui désigne une commune (« commune ») ; pour une valeur du fait de rôle « outre-mer » : une collectivité sans commune ni intercommunalité, qui en exerce les compétences (« collectivite-sans-commune »)."))])), ("label", text("Libellé en français.")), ("help", text("Aide en français.")),
            ("asset", .object([("type", .string("boolean")), ("description", .string("Cette valeur dit qu'un outil ou une structure existe (« CLS signé et en vigueur ») : un appui, jamais un constat de la première page."))])),
            ("statement", text("Ce que dit cette valeur comme constat, en une phrase qu'un élu écrirait (« territoire en zone d'intervention prioritaire (ZIP) »), là où « libellé : valeur » se lirait comme un formulaire ; première page, « Pourquoi » des fiches, explications et portrait. Entre accolades, ce que le profil dit d'un autre fait, que l'énoncé complète et remplace (« {cls}, porté par l'intercommunalité »).")),
        ])
        let fact = record(required: ["name", "type", "label"], [
            ("name", .object([("type", .string("string")), ("pattern", .string("^[a-z][A-Za-z0-9]*$")), ("description", .string("Nom du fait dans les conditions (camelCase, sans tiret)."))])),
            ("type", .object([("enum", .array(FactType.allCases.map { .string($0.rawValue) }))])),
            ("role", .object([("enum", .array(FactRole.allCases.map { .string($0.rawValue) })),
                              ("description", .string("Ce que l'application lit elle-même dans ce fait (le nom, le type, la population, les agents, les priorités…)."))])),
            ("required", .object([("type", .string("boolean"))])),
            ("label", text("Libellé en français, tel qu'il paraît dans les explications.")),
            ("falseLabel", text("Pour un fait oui/non : ce qu'on lit quand il est faux.")),
            ("help", text("Aide en français pour qui remplit le profil.")),
            ("unit", text("Unité (habitants, %).")),
            ("reference", text("Pour un nombre : la valeur de référence à laquelle le comparer, avec sa source et sa date (« France : 10,4 % début 2024, Insee ») ; dite après la valeur du territoire quand elle est un constat de la première page.")),
            ("source", referenceSource),
            ("min", .object([("type", .string("number"))])), ("max", .object([("type", .string("number"))])),
            ("multiline", .object([("type", .string("boolean"))])),
            ("asset", .object([("type", .string("boolean")), ("description", .string("Vrai (ou non vide), le fait dit qu'un outil ou une structure existe (une MSP, une CPTS, un conseil) : un appui sur lequel la feuille de route s'appuie, jamais un constat de la première page."))])),
            ("askWhen", text("Condition sous laquelle le questionnaire pose la question.")),
            ("oneMemberLabel", text("Pour un fait à plusieurs valeurs : son libellé quand une seule est donnée (« priorité de l'équipe »), si le libellé est au pluriel.")),
            ("absentLabel", text("Pour un fait facultatif qu'un profil ne donne que s'il a quelque chose à dire : ce que veut dire son absence (« pas de pointe de fréquentation saisonnière déclarée ») ; une action qui n'attend que lui ne s'applique pas.")),
            ("labels", .object([("type", .string("array")),
                                ("description", .string("Libellés pour certains territoires : le premier dont la condition tient remplace « label » dans ce que la feuille de route dit du territoire.")),
                                ("items", record(required: ["when", "label"], [("when", text("Condition sur les faits du profil.")), ("label", text("Libellé à employer là où la condition tient."))]))])),
            ("falseLabels", .object([("type", .string("array")),
                                     ("description", .string("Pour un fait oui/non : ce qu'on lit quand il est faux, pour certains territoires ; le premier dont la condition tient remplace « falseLabel » (« aucun poste de coordination santé à la commune » là où le CLS et sa coordination sont ceux de l'intercommunalité ou du pays).")),
                                     ("items", record(required: ["when", "label"], [("when", text("Condition sur les faits du profil.")), ("label", text("Libellé à employer là où la condition tient."))]))])),
            ("references", .object([("type", .string("array")),
                                    ("description", .string("Références pour certains territoires : la première dont la condition tient remplace « reference » (le taux de pauvreté d'une commune de La Réunion lu contre celui de l'île, non celui de l'Hexagone).")),
                                    ("items", record(required: ["when", "reference"], [("when", text("Condition sur les faits du profil.")), ("reference", text("Référence à employer là où la condition tient, avec sa source et sa date.")),
                                                                                                 ("source", referenceSource)]))])),
            ("default", value),
            ("values", .object([("type", .string("array")), ("items", choice)])),
        ])
        return document(.vocabulary, title: "Vocabulaire des profils MandatSanté", key: "facts", item: fact)
    }

    /// `levers.json`.
    static func levers() -> JSONOutput {
        document(.levers, title: "Leviers d'action de la base de règles MandatSanté", key: "levers", item: record(required: ["id", "title", "description"], [
            ("id", name), ("title", text("Titre du levier.")), ("description", text("Ce que recouvre le levier.")),
            ("method", .object([("type", .string("boolean")), ("description", .string("Levier de méthode (pilotage, formation, ressources) : le planificateur borne leur nombre en tête de feuille de route."))])),
        ]))
    }

    /// `sources.json`.
    static func sources() -> JSONOutput {
        document(.sources, title: "Documents sources de la base de règles MandatSanté", key: "sources", item: record(required: ["id", "title", "publisher"], [
            ("id", name), ("title", text("Titre du document, sans son éditeur ni sa date.")), ("shortTitle", text("Forme courte, citée sous chaque action.")),
            ("publisher", text("Qui l'a publié : institution, organisme ou auteur.")),
            ("date", .object([("type", .string("string")), ("pattern", .string(sourceDatePattern)),
                              ("description", .string("Date de publication : AAAA, AAAA-MM ou AAAA-MM-JJ. Obligatoire, sauf pour une page qui n'en affiche aucune : donnez alors « consulted »."))])),
            ("consulted", .object([("type", .string("string")), ("pattern", .string(sourceDatePattern)),
                                   ("description", .string("Pour une page sans date de publication seulement : quand elle a été consultée (AAAA-MM). La feuille de route imprime « consulté en … », jamais une date de publication, et l'avertissement sur les documents de plus de cinq ans l'ignore."))])),
            ("url", .object([("type", .string("string")), ("pattern", .string("^https?://[^ ]+$")), ("description", .string("Adresse web publique du document."))])),
            ("access", text("Comment l'obtenir quand il n'a pas d'adresse publique (ou en plus de celle-ci).")),
            ("note", text("Ce que le lecteur doit savoir du document (par exemple : base de données des États-Unis).")),
        ]))
    }

    /// `portrait.json`: which facts the portrait states, under which headings and how.
    static func portrait(_ ruleBase: RuleBase) -> JSONOutput {
        let show = PortraitLayout.Show.allCases.map { JSONOutput.string($0.rawValue) }
        let line = record(required: ["fact", "show"], [
            ("fact", .object([("type", .string("string")), ("enum", .array(ruleBase.vocabulary.facts.map { .string($0.name) })),
                              ("description", .string("Le fait du vocabulaire à dire."))])),
            ("show", .object([("type", .string("string")), ("enum", .array(show)),
                              ("description", .string("Comment le dire : sa valeur (toujours, ou seulement hors valeur par défaut), son libellé et sa valeur, oui ou non, seulement si vrai, une liste, ou seulement quand la liste est vide (voir Rules/README.md)."))])),
            ("when", text("Condition sur le profil, dans le langage des recommandations : la ligne n'est dite que si elle est vraie.")),
            ("none", text("Ce que dit une liste vide.")),
        ])
        return document(.portrait, title: "Portrait du territoire dans la feuille de route MandatSanté", key: "sections", item: record(required: ["label", "lines"], [
            ("label", text("Titre de la partie du portrait (« Accès aux soins »).")),
            ("lines", .object([("type", .string("array")), ("items", line), ("description", .string("Les faits de la partie, dans l'ordre où ils sont dits."))])),
        ]))
    }

    static let sourceDatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

    /// `facts.json`: the register of facts.
    static func facts(_ ruleBase: RuleBase) -> JSONOutput {
        document(.facts, title: "Registre des faits de la base de règles MandatSanté", key: "facts", item: record(required: ["id", "statement", "source", "section"], [
            ("id", name), ("statement", text("Le fait, en français, tel que la feuille de route l'imprime.")),
            ("source", .object([("enum", .array(ruleBase.sources.map { .string($0.id) })), ("description", .string("Le document qui l'établit (identifiant de sources.json)."))])),
            ("section", text("La section ou la page du document où se trouve le fait.")),
        ]))
    }

    static func tests(_ ruleBase: RuleBase) -> JSONOutput {
        let idList = ids(ruleBase, "Identifiants de recommandations.")
        let idMap: (JSONOutput) -> JSONOutput = { value in
            .object([("type", .string("object")), ("additionalProperties", value)])
        }
        let expect: JSONOutput = .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("minProperties", .integer(1)),
            ("properties", .object([
                ("included", idList), ("excluded", idList), ("applies", idList), ("considerLater", idList), ("decisions", idList), ("notDecisions", idList),
                ("samePhase", .object([("type", .string("array")), ("items", .object([("type", .string("array")), ("minItems", .integer(2)), ("maxItems", .integer(2)), ("items", .object([("type", .string("string"))]))]))])),
                ("inTop", .object([("type", .string("object")), ("additionalProperties", idList), ("propertyNames", .object([("pattern", .string("^[1-9][0-9]*$"))]))])),
                ("before", .object([("type", .string("array")), ("items", .object([("type", .string("array")), ("minItems", .integer(2)), ("maxItems", .integer(2)), ("items", .object([("type", .string("string"))]))]))])),
                ("phase", idMap(.object([("enum", .array(Horizon.allCases.map { .string($0.rawValue) }))]))),
                ("phaseBy", idMap(.object([("enum", .array(Horizon.allCases.map { .string($0.rawValue) }))]))),
                ("replacedBy", idMap(.object([("type", .string("string"))]))),
                ("minScore", idMap(.object([("type", .string("integer"))]))),
                ("says", idMap(.object([("type", .string("array")), ("items", .object([("type", .string("string")), ("minLength", .integer(1))])),
                                        ("description", .string("Passages que la fiche de l'action (ou sa ligne « à envisager ensuite ») doit dire."))]))),
                ("saysNot", idMap(.object([("type", .string("array")), ("items", .object([("type", .string("string")), ("minLength", .integer(1))])),
                                           ("description", .string("Passages que la fiche de l'action (ou sa ligne « à envisager ensuite ») ne doit pas dire : une source dont elle n'imprime pas la ligne, un coût qui n'est pas le sien."))]))),
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
