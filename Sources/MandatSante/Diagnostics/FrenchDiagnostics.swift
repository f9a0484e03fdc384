import RuleKit

/// The French wording of every diagnostic: the engine (`RuleKit`) and the readers give a stable code and its
/// arguments, this catalogue makes the sentence a user reads. One place for every message, so that a wording is
/// changed once and all of them can be reviewed together.
///
/// Arguments hold raw values (a name, a number as written, a list joined by « , »); values quoted between « »
/// are cut at `QuotedText.maximumLength` characters, and a whole message at `QuotedText.maximumMessageLength`.
public struct FrenchDiagnostics: DiagnosticWording {
    public init() {}

    public func message(_ code: String, _ arguments: [String: String]) -> String {
        QuotedText.clipMessage(Self.sentence(code, Arguments(arguments)))
    }

    public func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "erreur"
        case .warning: return "avertissement"
        }
    }

    public var noteLabel: String { "note" }

    /// « et 3 autres erreurs et 1 autre avertissement ».
    public func remainder(errors: Int, warnings: Int) -> String {
        func count(_ number: Int, _ noun: String) -> String {
            "\(ValueFormatter.number(Double(number))) autre\(number > 1 ? "s" : "") \(noun)\(number > 1 ? "s" : "")"
        }
        return "et " + [errors > 0 ? count(errors, "erreur") : nil, warnings > 0 ? count(warnings, "avertissement") : nil]
            .compactMap { $0 }.joined(separator: " et ")
    }

    /// The arguments of one diagnostic, read with defaults so that a missing one never breaks a sentence.
    struct Arguments {
        let values: [String: String]

        init(_ values: [String: String]) { self.values = values }

        subscript(_ key: String) -> String { values[key] ?? "" }

        func has(_ key: String) -> Bool { values[key] != nil }

        /// ` ; vouliez-vous dire « x » ?` when there is a suggestion.
        var hint: String { values["suggestion"].map { " ; vouliez-vous dire « \($0) » ?" } ?? "" }

        /// How the object a field belongs to is named: the caller's French phrase, or a key of the engine.
        var context: String { FrenchDiagnostics.context(self["context"]) }

        /// What a value of a fact should have been, from `FactsReader.expectation(for:)`.
        var expectation: String { FrenchDiagnostics.expectation(self) }
    }

    // MARK: Sentences

    static func sentence(_ code: String, _ a: Arguments) -> String {
        if let message = a.values["message"] { return message }
        switch code {
        // JSON
        case "json.syntaxe": return jsonSyntax(a)
        case "json.type": return jsonType(a)
        case "json.champ-manquant": return "champ obligatoire « \(a["key"]) » manquant dans \(a.context)"
        case "json.texte-vide": return "« \(a["key"]) » ne doit pas être vide dans \(a.context)"
        case "json.hors-limites": return "« \(a["key"]) » vaut \(a["literal"]) ; une valeur entre \(a["minimum"]) et \(a["maximum"]) était attendue"
        case "json.nombre-elements":
            let expected = a.has("maximum") ? "de \(a["minimum"]) à \(a["maximum"])" : "au moins \(a["minimum"])"
            return "« \(a["key"]) » compte \(a["count"]) élément(s) ; \(expected) étaient attendus dans \(a.context)"
        case "json.champ-inconnu": return "champ inconnu « \(a["key"]) » dans \(a.context)\(a.hint)"
        case "json.caractere-de-controle":
            return "caractère de contrôle \(character(a["character"])) dans « \(a["key"]) » : un texte de la base de règles n'en contient pas"
        // Conditions
        case let code where code.hasPrefix("expression."):
            let sentence = expression(code, a)
            return a.has("askWhenOf") ? "dans « askWhen » du fait « \(a["askWhenOf"]) » : \(sentence)" : sentence
        // Vocabulary and facts
        case let code where code.hasPrefix("vocabulaire."): return vocabulary(code, a)
        case let code where code.hasPrefix("faits."): return facts(code, a)
        // Markdown and named conditions
        case let code where code.hasPrefix("markdown."): return markdown(code, a)
        case let code where code.hasPrefix("definitions."): return definitions(code, a)
        case let code where code.hasPrefix("portrait."): return portrait(code, a)
        case let code where code.hasPrefix("regles."): return recommendationFile(code, a)
        case let code where code.hasPrefix("lint."): return lint(code, a)
        case let code where code.hasPrefix("test."): return ruleTest(code, a)
        case let code where code.hasPrefix("note."): return note(code, a)
        default:
            let details = a.values.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
            return "problème « \(code) »" + (details.isEmpty ? "" : " (\(details))")
        }
    }

    private static func jsonSyntax(_ a: Arguments) -> String {
        switch a["reason"] {
        case "encodage-large": return "le fichier est encodé en \(a["encoding"]) ; enregistrez-le en UTF-8 (éditeur : Enregistrer sous, encodage UTF-8)"
        case "vide": return "le fichier est vide : un document JSON était attendu"
        case "contenu-apres": return "contenu inattendu après la fin du document JSON"
        case "fin-inattendue": return "fin de fichier inattendue : \(jsonExpected(a))"
        case "caractere-inattendu": return "caractère inattendu « \(a["character"]) » : \(jsonExpected(a))"
        case "apostrophe": return "un texte JSON s'écrit entre guillemets doubles (\"), pas entre apostrophes"
        case "commentaire": return "les commentaires ne sont pas permis en JSON"
        case "trop-profond": return "imbrication trop profonde : plus de \(a["maximum"]) niveaux d'objets ou de listes"
        case "champ-en-double": return "le champ « \(a["key"]) » apparaît deux fois dans le même objet"
        case "virgule-avant-crochet": return "virgule en trop avant « ] »"
        case "non-fini": return "« \(a["word"]) » n'est pas une valeur JSON : écrivez un nombre fini"
        case "mot-en-majuscules": return "« \(a["word"]) » n'est pas une valeur JSON ; vouliez-vous dire « \(a["suggestion"]) » ?"
        case "mot-inattendu": return "valeur inattendue « \(a["word"]) » : un texte doit être entre guillemets doubles"
        case "chiffre-apres-moins": return "un chiffre était attendu après « - »"
        case "zero-initial": return "un nombre JSON ne commence pas par un zéro inutile"
        case "chiffre-apres-point": return "un chiffre était attendu après la virgule décimale « . »"
        case "chiffre-exposant": return "un chiffre était attendu dans l'exposant du nombre"
        case "nombre-hors-limites": return "nombre hors limites : « \(a["literal"]) »"
        case "texte-non-termine": return "texte non terminé : le guillemet fermant manque"
        case "texte-non-termine-ligne": return "texte non terminé : le guillemet fermant manque avant la fin de la ligne"
        case "caractere-de-controle": return "caractère de contrôle non échappé dans un texte (une tabulation s'écrit \\t)"
        case "echappement-incomplet": return "séquence d'échappement incomplète en fin de fichier"
        case "seconde-moitie-manquante": return "demi-caractère UTF-16 isolé dans « \\u » : la seconde moitié manque"
        case "paire-utf16": return "paire UTF-16 invalide dans « \\u »"
        case "demi-caractere": return "demi-caractère UTF-16 isolé dans « \\u »"
        case "echappement-inconnu": return "séquence d'échappement inconnue « \\\(a["escape"]) »"
        case "hexadecimal": return "« \\u » doit être suivi de quatre chiffres hexadécimaux"
        case "utf8": return "octets invalides : le fichier doit être encodé en UTF-8"
        default: return "syntaxe JSON invalide (\(a["reason"]))"
        }
    }

    private static func jsonExpected(_ a: Arguments) -> String {
        switch a["expected"] {
        case "valeur": return "une valeur JSON était attendue"
        case "valeur-detaillee": return "une valeur JSON (objet, liste, texte entre guillemets, nombre, true, false ou null) était attendue"
        case "virgule-avant-accolade": return "virgule en trop avant « } »"
        case "nom-de-champ": return "un nom de champ entre guillemets doubles était attendu"
        case "deux-points": return "« : » était attendu après le nom de champ « \(a["key"]) »"
        case "virgule-ou-accolade": return "« , » ou « } » était attendu dans l'objet ouvert en \(a["start"])"
        case "virgule-ou-crochet": return "« , » ou « ] » était attendu dans la liste ouverte en \(a["start"])"
        default: return a["expected"]
        }
    }

    private static func jsonType(_ a: Arguments) -> String {
        let found = kind(a["found"])
        switch a["expected"] {
        case "object" where a.has("context"): return "\(a.context) doit être un objet JSON, pas \(found)"
        case "integer" where a.has("literal"): return "« \(a["key"]) » doit être un nombre entier, pas \(a["literal"])"
        case "non-empty-strings": return "« \(a["key"]) » ne doit contenir que des textes non vides, pas \(found)"
        default:
            let expected = ["string": "un texte", "integer": "un nombre entier", "number": "un nombre", "boolean": "true ou false",
                            "array": "une liste", "object": "un objet"][a["expected"]] ?? a["expected"]
            return "« \(a["key"]) » doit être \(expected), pas \(found)"
        }
    }

    /// A JSON kind in French: « un objet », « une liste »…
    static func kind(_ name: String) -> String {
        ["object": "un objet", "array": "une liste", "string": "un texte", "number": "un nombre", "boolean": "un booléen", "null": "null"][name] ?? name
    }

    /// The object a field belongs to: a key given by the engine, or the phrase the caller wrote.
    static func context(_ raw: String) -> String {
        switch raw {
        case "vocabulary": return "le vocabulaire"
        case "vocabulary-fact": return "un fait du vocabulaire"
        case let choice where choice.hasPrefix("vocabulary-choice:"): return "une valeur du fait « \(choice.dropFirst("vocabulary-choice:".count)) »"
        default: return raw
        }
    }

    private static func expression(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "expression.operateur-inconnu":
            switch a["operator"] {
            case "=": return "opérateur inconnu « = » ; vouliez-vous dire « == » ?"
            case "!": return "opérateur inconnu « ! » ; pour la négation, écrivez « not »"
            case "&", "&&": return "opérateur inconnu « \(a["operator"]) » ; écrivez « and »"
            default: return "opérateur inconnu « \(a["operator"]) » ; écrivez « or »"
            }
        case "expression.caractere-inattendu":
            return a["in"] == "name"
                ? "caractère inattendu « \(a["character"]) » dans un nom de fait (lettres sans accent, chiffres et _ seulement)"
                : "caractère inattendu « \(a["character"]) »"
        case "expression.texte-non-termine": return "texte non terminé : l'apostrophe fermante manque"
        case "expression.nombre-invalide":
            return a["reason"] == "letter" ? "nombre invalide : une lettre suit directement « \(a["digits"]) »" : "nombre invalide « \(a["digits"]) »"
        case "expression.identifiant-trop-long": return "nom trop long (\(a["length"]) caractères ; \(a["maximum"]) au plus)"
        case "expression.mot-cle": return "« \(a["word"]) » : les mots-clés s'écrivent en minuscules ; vouliez-vous dire « \(a["suggestion"]) » ?"
        case "expression.trop-longue":
            return "condition trop longue (\(a["length"]) caractères ; \(a["maximum"]) au plus) : découpez-la en plusieurs recommandations ou simplifiez-la"
        case "expression.vide": return "condition vide : écrivez par exemple « true » pour une recommandation qui vaut partout"
        case "expression.jeton-inattendu":
            switch a["expected"] {
            case "connective": return "« \(a["token"]) » inattendu : « and » ou « or » était attendu entre deux conditions"
            case "not-placement": return "« not » inattendu ici : écrivez « not » devant la condition, ou « not in » pour l'appartenance"
            case "closing-parenthesis": return "« \(a["token"]) » inattendu : « ) » était attendue"
            case "list-separator": return "« \(a["token"]) » inattendu dans la liste : « , » ou « ] » était attendu"
            default: return "« \(a["token"]) » inattendu : une valeur ou un nom de fait était attendu"
            }
        case "expression.comparaison-enchainee": return "comparaisons enchaînées : écrivez deux comparaisons reliées par « and »"
        case "expression.nombre-attendu": return "un nombre était attendu après « - »"
        case "expression.parenthese-non-fermee": return "parenthèse ouverte ici mais jamais fermée : « ) » manquante"
        case "expression.incomplete":
            let place = a.has("after") ? "après « \(a["after"]) »" : "au début"
            return "condition incomplète : une valeur ou un nom de fait était attendu \(place)"
        case "expression.parenthese-en-trop": return "« ) » sans parenthèse ouvrante correspondante"
        case "expression.liste-imbriquee": return "une liste ne peut pas contenir de liste"
        case "expression.crochet-non-ferme": return "liste ouverte ici mais jamais fermée : « ] » manquant"
        case "expression.trop-imbriquee": return "condition trop imbriquée (plus de \(a["maximum"]) niveaux de parenthèses ou de « not »)"
        case "expression.type": return expressionType(a)
        case "expression.valeur-inconnue":
            return "valeur inconnue « \(a["value"]) » pour « \(a["fact"]) »\(a.hint) (valeurs permises : \(a["allowed"]))"
        case "expression.fait-inconnu": return "fait inconnu « \(a["name"]) »\(a.hint)"
        case "expression.definition-inconnue": return "condition nommée inconnue « \(a["name"]) »\(a.hint) (voir Rules/definitions.json)"
        default: return "condition invalide (\(code))"
        }
    }

    private static func expressionType(_ a: Arguments) -> String {
        switch a["reason"] {
        case "not-a-condition":
            let choice = a["choice"].isEmpty ? "valeur" : a["choice"]
            let type = ["int": "un nombre entier", "number": "un nombre", "text": "un texte", "enum": "une valeur parmi une liste",
                        "set": "une liste de valeurs"][a["factType"]] ?? a["factType"]
            let example: String
            switch a["factType"] {
            case "int", "number": example = "comparez-le, par exemple « \(a["fact"]) >= 1000 »"
            case "enum": example = "comparez-le, par exemple « \(a["fact"]) == '\(choice)' »"
            case "set": example = "testez une valeur, par exemple « '\(choice)' in \(a["fact"]) »"
            default: example = "comparez-le, par exemple « \(a["fact"]) == 'texte' »"
            }
            return "« \(a["fact"]) » est \(type) et non une condition : \(example)"
        case "lone-value": return "une valeur seule n'est pas une condition : comparez-la à un fait"
        case "lone-list": return "une liste n'est permise qu'à droite de « in »"
        case "not-a-number": return "« \(a["operator"]) » compare des nombres, or « \(a["operand"]) » est de type \(staticType(a["operandType"]))"
        case "set-equality": return "« \(a["fact"]) » est une liste de valeurs : écrivez « 'valeur' in \(a["fact"]) »"
        case "mismatch":
            return "impossible de comparer « \(a["left"]) » (\(staticType(a["leftType"]))) avec « \(a["right"]) » (\(staticType(a["rightType"])))"
        case "list-item-mismatch":
            return "« \(a["item"]) » (\(staticType(a["itemType"]))) ne peut pas être comparé à « \(a["left"]) » (\(staticType(a["leftType"])))"
        case "set-membership-left":
            let choice = a["choice"].isEmpty ? "valeur" : a["choice"]
            return "à gauche de « \(a["operator"]) \(a["fact"]) », une valeur entre apostrophes était attendue (par exemple « '\(choice)' in \(a["fact"]) »)"
        case "membership-right":
            return "« \(a["operator"]) » attend à droite une liste entre crochets ou un fait de type liste, pas « \(a["right"]) » (\(staticType(a["rightType"])))"
        default: return "types incompatibles"
        }
    }

    private static func staticType(_ name: String) -> String {
        ["boolean": "booléen", "number": "nombre", "text": "texte", "choice": "valeur parmi une liste", "set": "liste de valeurs",
         "list": "liste", "invalid": "invalide"][name] ?? name
    }

    private static func vocabulary(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "vocabulaire.doublon": return "le fait « \(a["fact"]) » est déclaré deux fois"
        case "vocabulaire.role-inconnu": return "rôle inconnu « \(a["role"]) » pour le fait « \(a["fact"]) »\(a.hint) (rôles : \(a["roles"]))"
        case "vocabulaire.role-manquant": return "aucun fait n'a le rôle « \(a["role"]) » : l'application le lit elle-même ; ajoutez \"role\": \"\(a["role"])\" au fait qui le porte (de type \(a["type"]))"
        case "vocabulaire.role-en-double": return "le rôle « \(a["role"]) » est déjà donné à un autre fait : « \(a["fact"]) » ne peut pas le porter aussi"
        case "vocabulaire.role-type": return "le fait « \(a["fact"]) » a le rôle « \(a["role"]) » mais le type \(a["type"]) ; le type \(a["expected"]) était attendu"
        case "vocabulaire.role-commune": return "le fait « \(a["fact"]) » a le rôle « type » : l'une de ses valeurs doit avoir le rôle « commune » (\"role\": \"commune\")"
        case "vocabulaire.type-inconnu": return "type inconnu « \(a["type"]) » pour le fait « \(a["fact"]) »\(a.hint)"
        case "vocabulaire.valeurs-manquantes": return "le fait « \(a["fact"]) » de type \(a["type"]) doit lister ses valeurs dans « values »"
        case "vocabulaire.multiline": return "« multiline » ne vaut que pour un fait de type text, pas pour « \(a["fact"]) » (\(a["type"]))"
        case "vocabulaire.bornes":
            switch a["reason"] {
            case "missing":
                let missing = a["missing"].split(separator: ",").map { "« \($0) »" }.joined(separator: " et ")
                return "le fait numérique « \(a["fact"]) » doit déclarer \(missing) : une valeur sans limite ne peut pas être vérifiée"
            case "inverted":
                return "le fait « \(a["fact"]) » a « min » (\(number(a["minimum"]))) plus grand que « max » (\(number(a["maximum"]))) : aucune valeur n'est possible"
            default: return "les bornes du fait « \(a["fact"]) » dépassent 10^15 en valeur absolue"
            }
        default: return "vocabulaire invalide (\(code))"
        }
    }

    private static func facts(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "faits.inconnu": return "fait inconnu « \(a["fact"]) »\(a.hint)"
        case "faits.outre-mer" where a.has("form"):
            return "« \(a["stated"]) » relève de la situation outre-mer « \(a["expectedLabel"]) », or la réponse à « \(a["overseasLabel"]) » est « \(a["overseasValueLabel"]) » : corrigez l'une des deux réponses."
        case "faits.outre-mer":
            let place = "\(a["label"]) « \(a["stated"]) » : ce territoire relève de la situation outre-mer « \(a["expectedLabel"]) » (\(a["overseasFact"]) = \(a["expected"]))"
            return a.has("defaulted")
                ? "\(place), or le profil n'indique pas de situation outre-mer (donc « \(a["overseas"]) ») ; indiquez-la ou corrigez « \(a["stated"]) »"
                : "\(place), or le profil indique « \(a["overseas"]) » ; corrigez l'une des deux valeurs"
        case "faits.outre-mer-autre" where a.has("form"):
            return "\(a["label"]) « \(a["otherLabel"]) » sans que la région ou le département nomme l'une de ces deux îles : la feuille de route suit l'ARS de Guadeloupe. Pour la Nouvelle-Calédonie, la Polynésie française ou Wallis-et-Futuna, choisissez « \(a["pacificLabel"]) » : sinon la feuille de route y parle d'ARS et d'Assurance Maladie, qui n'y existent pas."
        case "faits.zonage-pacifique" where a.has("form"):
            return "\(a["label"]) « \(a["valueLabel"]) » : ce zonage des ARS n'existe pas dans le Pacifique, ni les aides à l'installation qui en dépendent. Choisissez « \(a["noneLabel"]) » ; un manque de médecins se dit par les départs de médecins, la part d'habitants sans médecin traitant ou la priorité accès aux soins."
        case "faits.zonage-pacifique":
            return "\(a["fact"]) « \(a["value"]) » : le zonage médecins des ARS (ZIP, ZAC) n'existe pas dans le Pacifique (Nouvelle-Calédonie, Polynésie française, Wallis-et-Futuna), ni les aides à l'installation qui en dépendent ; indiquez « aucun » : un manque de médecins se dit par les départs de médecins, la part d'habitants sans médecin traitant ou la priorité « acces-aux-soins »"
        case "faits.outre-mer-autre":
            return "\(a["overseasFact"]) « autre » désigne désormais Saint-Martin ou Saint-Barthélemy, où l'ARS de Guadeloupe est compétente ; pour la Nouvelle-Calédonie, la Polynésie française ou Wallis-et-Futuna, indiquez « pacifique » : sinon la feuille de route y parle d'ARS et d'Assurance Maladie, qui n'y existent pas"
        case "faits.manquant": return "fait obligatoire « \(a["fact"]) » (\(a["label"])) manquant : \(a.expectation)"
        case "faits.type" where a["reason"] == "root":
            return "un objet JSON était attendu (par exemple { \"name\": \"…\", \"population\": 1200 }), pas \(kind(a["found"]))"
        case "faits.type" where a["reason"] == "texte":
            return "« \(a["key"]) » doit être un texte, pas \(kind(a["found"]))"
        case "faits.type" where a["reason"] == "element":
            return "\(a["path"]) : l'élément \(a["element"]) devrait être un texte, pas \(kind(a["found"]))"
        default:
            return a.has("path") ? "\(a["path"]) : \(factValue(a))" : factValue(a)
        }
    }

    /// Why a value does not fit its fact (`FactValueError`), for a JSON profile, a CSV cell, `--set` or `init`.
    static func factValue(_ a: Arguments) -> String {
        let subject = QuotedText.quote(a["subject"])
        switch a["valueProblem"] {
        case "not-a-boolean": return "\(subject) n'est pas un booléen ; oui ou non (ou true, false) était attendu"
        case "not-a-number":
            let why = a.has("exponent") ? " (écrivez le nombre en chiffres, sans exposant)" : ""
            return "\(subject) n'est pas un nombre\(why) ; \(a.expectation)"
        case "not-an-integer": return "\(subject) n'est pas un nombre entier ; \(a.expectation)"
        case "out-of-range": return "\(a["subject"]) est hors limites ; \(a.expectation)"
        case "unknown-choice":
            if a.has("choiceCount") { return "\(subject) n'est pas un des choix : les numéros vont de 1 à \(a["choiceCount"])" }
            if a.has("allowedLabels") {
                return "valeur inconnue \(subject)\(a.hint) (valeurs permises : \(a["allowedLabels"]) ; ou leurs identifiants : \(a["allowed"]))"
            }
            return "valeur inconnue \(subject)\(a.hint) (valeurs permises : \(a["allowed"]))"
        case "empty-item":
            return "\(subject) contient une valeur vide ; les valeurs se séparent par « | » ou « , », par exemple \(a["example"])"
        case "duplicate": return "\(subject) figure deux fois"
        case "missing":
            if a.has("emptyText") {
                return a["required"] == "true" ? "texte vide, or ce fait est obligatoire (\(a["label"]))" : "texte vide : écrivez la valeur, ou null si elle n'est pas connue"
            }
            return "valeur vide, or ce fait est obligatoire (\(a["label"]))" + (a.has("expectType") ? " ; \(a.expectation)" : "")
        case "control-character":
            return a["lineBreak"] == "true"
                ? "saut de ligne \(character(a["character"])) en position \(a["position"]) : ce texte tient sur une ligne"
                : "caractère de contrôle \(character(a["character"])) en position \(a["position"]) : un texte n'en contient pas"
        case "too-long": return "texte trop long (\(a["length"]) caractères) ; \(a["maximum"]) au plus"
        default:
            if a["reason"] == "kind" { return "\(kind(a["found"])) ne convient pas ; \(a.expectation)" }
            return "valeur invalide"
        }
    }

    /// What a valid value of a fact looks like.
    static func expectation(_ a: Arguments) -> String {
        switch a["expectType"] {
        case "bool": return "true ou false était attendu"
        case "int", "number":
            let kind = a["expectType"] == "int" ? "un nombre entier" : "un nombre"
            switch (a.values["expectMinimum"], a.values["expectMaximum"]) {
            case (let minimum?, let maximum?): return "\(kind) entre \(number(minimum)) et \(number(maximum)) était attendu"
            case (let minimum?, nil): return "\(kind) supérieur ou égal à \(number(minimum)) était attendu"
            case (nil, let maximum?): return "\(kind) inférieur ou égal à \(number(maximum)) était attendu"
            case (nil, nil): return "\(kind) était attendu"
            }
        case "text": return "un texte entre guillemets était attendu"
        case "enum": return "une de ces valeurs était attendue : \(a["expectChoices"])"
        case "set": return "une liste de valeurs parmi : \(a["expectChoices"]) était attendue"
        default: return "une valeur était attendue"
        }
    }

    /// A number written by the engine (`3500`) the French way (`3 500`).
    private static func number(_ written: String) -> String {
        Double(written).map(ValueFormatter.number) ?? written
    }

    private static func markdown(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "markdown.encodage": return "le fichier est encodé en \(a["encoding"]) ; enregistrez-le en UTF-8 (éditeur : Enregistrer sous, encodage UTF-8)"
        case "markdown.utf8": return "octets invalides : le fichier doit être encodé en UTF-8"
        case "markdown.tabulation": return "tabulation : utilisez des espaces (une tabulation ne se voit pas et n'a pas la même largeur partout)"
        case "markdown.caractere-de-controle": return "caractère de contrôle \(character(a["character"])) : un texte n'en contient pas"
        case "markdown.entete-manquant": return "le fichier doit commencer par l'en-tête : une ligne « --- », les champs « clé: valeur », puis une ligne « --- »"
        case "markdown.entete-non-ferme": return "en-tête jamais fermé : une ligne « --- » doit suivre le dernier champ"
        case "markdown.entete-ligne": return "ligne inattendue dans l'en-tête : « clé: valeur », ou « - élément » en retrait sous une clé suivie de « : » seul, était attendu"
        case "markdown.cle-invalide": return "nom de champ invalide « \(a["key"]) » : des lettres, des chiffres, des espaces ou des tirets avant « : »"
        case "markdown.champ-en-double": return "le champ « \(a["key"]) » apparaît deux fois dans l'en-tête"
        case "markdown.element-sans-champ": return "élément de liste sans champ : écrivez d'abord la clé suivie de « : » seul"
        case "markdown.element-apres-valeur": return "le champ « \(a["key"]) » a déjà sa valeur sur sa ligne : une liste s'écrit sous une clé suivie de « : » seul"
        case "markdown.element-vide": return "élément vide dans la liste du champ « \(a["key"]) »"
        case "markdown.titre-manquant": return "titre manquant : une ligne « # Titre de la recommandation » doit suivre l'en-tête"
        case "markdown.titre-en-double": return "second titre « # » : un fichier n'a qu'un titre ; les parties commencent par « ## »"
        case "markdown.titre-apres-section": return "le titre « # » doit précéder les parties « ## »"
        case "markdown.titre-sans-espace": return "un titre s'écrit « # », « ## » ou « ### » suivi d'une espace"
        case "markdown.titre-vide": return "titre vide"
        case "markdown.niveau-de-titre": return "titre de niveau \(a["level"]) : seuls « # », « ## » et « ### » sont permis"
        case "markdown.texte-avant-titre": return "texte avant le titre : le fichier commence par l'en-tête, puis « # Titre »"
        case "markdown.texte-hors-section": return "texte hors d'une partie : écrivez-le sous un titre « ## » (par exemple « ## Pourquoi »)"
        case "markdown.sous-section-hors-section": return "« ### » hors d'une partie : il se place sous un titre « ## »"
        case "markdown.liste-sans-ligne-vide": return "une liste commence après une ligne vide (sinon elle serait lue comme la suite du paragraphe)"
        case "markdown.listes-melangees": return "liste numérotée et liste à puces mêlées : séparez-les par une ligne vide, ou gardez un seul genre"
        case "markdown.element-de-liste-vide": return "élément de liste vide"
        case "markdown.marqueur-de-liste":
            return a["marker"] == "*" || a["marker"] == "+" ? "puce « \(a["marker"]) » : écrivez « - »" : "numéro « \(a["marker"]) » : écrivez « 1. », « 2. »…"
        case "markdown.non-pris-en-charge":
            switch a["construct"] {
            case "rule": return "ligne de séparation : elle n'a pas de sens dans une recommandation (l'en-tête seul est entre deux lignes « --- »)"
            case "code": return "bloc de code : il n'a pas de place dans une recommandation"
            case "quote": return "citation « > » : écrivez le texte sans « > »"
            default: return "ligne en retrait de quatre espaces ou plus hors d'une liste : retirez le retrait"
            }
        default: return "Markdown invalide (\(code))"
        }
    }

    private static func portrait(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "portrait.fait-inconnu": return "fait inconnu « \(a["fact"]) » : le portrait ne nomme que des faits du vocabulaire\(a.hint)"
        case "portrait.affichage-inconnu": return "affichage inconnu « \(a["show"]) »\(a.hint) (affichages permis : \(a["allowed"]))"
        case "portrait.affichage-type": return "l'affichage « \(a["show"]) » ne convient pas au fait « \(a["fact"]) », de type \(a["type"]) : il vaut pour un fait de type \(a["expected"])"
        default: return "portrait invalide (\(code))"
        }
    }

    private static func definitions(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "definitions.nom-invalide": return "nom de définition invalide « \(a["name"]) » : lettres minuscules sans accent, chiffres et tirets, en commençant par une lettre"
        case "definitions.doublon": return "« \(a["name"]) » est défini deux fois"
        case "definitions.nom-de-fait": return "« \(a["name"]) » est déjà le nom d'un fait du vocabulaire : choisissez un autre nom"
        case "definitions.inutilisee":
            return a["kind"] == "boost"
                ? "le bonus nommé « \(a["name"]) » n'est utilisé par aucune recommandation : retirez-le ou citez-le dans un « bonus: »"
                : "la condition nommée « \(a["name"]) » n'est utilisée par aucune condition : retirez-la ou utilisez-la"
        case "definitions.cycle": return "définitions circulaires : \(a["cycle"]) ; une condition nommée ne peut pas s'utiliser elle-même, même indirectement"
        default: return "définition invalide (\(code))"
        }
    }

    /// A recommendation file (`Rules/recommendations/*.md`): its header fields and its sections.
    private static func recommendationFile(_ code: String, _ a: Arguments) -> String {
        let allowed = a["allowed"]
        switch code {
        case "regles.champ-inconnu": return "champ inconnu « \(a["field"]) » dans l'en-tête\(a.hint) (champs permis : \(allowed))"
        case "regles.champ-manquant": return "champ obligatoire « \(a["field"]) » manquant dans l'en-tête"
        case "regles.valeur-manquante":
            return a["reason"] == "liste"
                ? "le champ « \(a["field"]) » prend une seule valeur, sur sa ligne, pas une liste"
                : "le champ « \(a["field"]) » n'a pas de valeur : écrivez-la après « : »"
        case "regles.element-vide": return "élément vide dans la liste « \(a["field"]) » (deux virgules, ou une virgule au bout)"
        case "regles.identifiant": return "identifiant « \(a["id"]) » invalide : lettres minuscules sans accent, chiffres et tirets"
        case "regles.nom-de-fichier":
            return "le fichier s'appelle « \(a["fileName"]) » mais la recommandation « \(a["id"]) » : nommez-le « \(a["id"]).md »"
        case "regles.levier-inconnu": return "levier inconnu « \(a["lever"]) »\(a.hint)"
        case "regles.trop-de-bonus": return "\(a["count"]) bonus ; \(a["maximum"]) au plus sont permis"
        case "regles.nombre":
            return a["reason"] == "hors-limites"
                ? "« \(a["field"]) » vaut \(a["value"]) ; une valeur entre \(a["minimum"]) et \(a["maximum"]) était attendue"
                : "« \(a["field"]) » vaut « \(a["value"]) » ; un nombre entier entre \(a["minimum"]) et \(a["maximum"]) était attendu"
        case "regles.valeur-inconnue":
            return a["reason"] == "oui-non"
                ? "« \(a["field"]) » vaut « \(a["value"]) » ; « oui » ou « non » était attendu"
                : "« \(a["field"]) » vaut « \(a["value"]) »\(a.hint) (valeurs permises : \(allowed))"
        case "regles.priorite-inconnue": return "« \(a["field"]) » cite « \(a["value"]) », qui n'est pas une valeur de « \(a["fact"]) »\(a.hint)"
        case "regles.doublon":
            if a.has("fact") { return "fait « \(a["fact"]) » déjà cité dans ces repères" }
            if !a.has("field") { return "identifiant « \(a["id"]) » déjà utilisé\(a["reason"] == "fichier" ? " dans ce fichier" : "")" }
            return "« \(a["field"]) »\(a.has("id") ? " de « \(a["id"]) »" : "") cite « \(a["value"]) » deux fois"
        // Between recommendations
        case "regles.reference-a-soi": return "« \(a["field"]) » de « \(a["id"]) » se cite elle-même"
        case "regles.reference-inconnue": return "« \(a["field"]) » de « \(a["id"]) » cite une recommandation inconnue « \(a["value"]) »\(a.hint)"
        case "regles.remplacement-mutuel": return "« \(a["id"]) » et « \(a["other"]) » se remplacent l'une l'autre : gardez un seul sens"
        case "regles.cycle": return "cycle de dépendances « après » : \(a["cycle"])"
        case "regles.remplacement-circulaire": return "cycle de remplacements « remplace » : \(a["cycle"])"
        case "regles.ensemble-circulaire": return "cycle de « avec » : \(a["cycle"])"
        case "regles.ensemble-incompatible":
            return "« \(a["id"]) » est placée avec « \(a["other"]) » par « avec » alors que l'une écarte l'autre : une action ne peut pas à la fois accompagner et écarter l'autre"
        case "regles.ensemble-cycle":
            return "les groupes « avec » de \(a["groups"]) s'attendent l'un l'autre par « après » : aucun ordre des phases ne peut le respecter"
        case "regles.echeance":
            let expected = "« \(a["keyword"]) », « \(a["peakKeyword"]) », « \(a["underwayKeyword"]) », « AAAA-MM : raison » (par exemple « 2028-01 : avant l'adoption du projet régional de santé ») ou « horizon : raison » (par exemple « mi-mandat : avant l'arrêt du projet de PLU ») était attendu"
            switch a["reason"] {
            case "mois": return "« \(a["value"]) » n'est ni un mois au format AAAA-MM ni un horizon (100-jours, annee-1, mi-mandat, fin-mandat) ; \(expected)"
            case "sans-raison": return "l'échéance « \(a["value"]) » n'a pas de raison : écrivez-la après « : »"
            default: return "« \(a["field"]) » vaut « \(a["value"]) » ; \(expected)"
            }
        case "regles.bonus":
            let expected = "un bonus s'écrit « +10 si condition : raison » (par exemple « +10 si medicalZoning == 'zip' : zone d'intervention prioritaire »)"
            switch a["reason"] {
            case "points": return "bonus de \(a["points"]) points ; une valeur entre -100 et 100 était attendue"
            case "sans-raison": return "la raison du bonus manque : \(expected)"
            case "raison-vide": return "la raison du bonus est vide : \(expected)"
            case "appuie": return "après « (appuie », un seul identifiant de recommandation était attendu, puis « ) » : « +15 si ambroisie (appuie ambroisie-lutte) : raison »"
            case "apres-le-nom":
                return "après le nom d'un bonus, seuls ses points pour cette recommandation peuvent suivre, entre parenthèses : « \(a["name"]) (+15) »"
            default: return "bonus illisible « \(a["value"]) » : \(expected)"
            }
        case "regles.bonus-inconnu":
            return "bonus nommé inconnu « \(a["name"]) »\(a.hint) (voir Rules/definitions.json ; un bonus écrit sur place prend la forme « +10 si condition : raison »)"
        case "regles.condition": return "condition invalide"
        case "regles.section-inconnue": return "partie inconnue « \(a["section"]) »\(a.hint) (parties permises : \(allowed))"
        case "regles.section-en-double": return "la partie « \(a["section"]) » apparaît deux fois"
        case "regles.section-manquante": return "partie obligatoire « ## \(a["section"]) » manquante"
        case "regles.sous-partie": return "« ### » dans la partie « \(a["section"]) » : seule la partie « Exemple » a des sous-parties (une par territoire)"
        case "regles.partie-vide": return "la partie « \(a["section"]) » est vide : \(expectedSection(a["expected"])) était attendu\(a["expected"] == "paragraphe" ? "" : "e")"
        case "regles.forme":
            let section = a["section"]
            switch a["reason"] {
            case "liste-au-lieu-de-texte": return "la partie « \(section) » attend un paragraphe de texte, pas une liste"
            case "paragraphe-coupe": return "la partie « \(section) » tient en un seul paragraphe : retirez la ligne vide qui le coupe"
            case "exemples-en-sous-parties": return "la partie « \(section) » se compose de sous-parties « ### Territoire », une par exemple"
            case "exemple": return "l'exemple « \(a["example"]) » tient en un paragraphe, suivi au besoin d'un paragraphe « Source : document : section »"
            case "source-d-exemple": return "le second paragraphe d'un exemple commence par « Source : » suivi de « document : section »"
            default: return "la partie « \(section) » attend \(expectedSection(a["expected"])) et rien d'autre"
            }
        case "regles.nombre-elements":
            let expected = a.has("maximum") ? "de \(a["minimum"]) à \(a["maximum"])" : "au moins \(a["minimum"])"
            return "la partie « \(a["section"]) » compte \(a["count"]) élément(s) ; \(expected) étaient attendus"
        case "regles.mise-en-garde": return "une mise en garde commence par sa condition : « [si condition] texte »"
        case "regles.titre-sans-condition":
            return "un autre titre commence par la condition où il remplace le titre « # … » : « [si condition] Titre »"
        case "regles.condition-de-ligne":
            return a["reason"] == "texte-manquant"
                ? "texte manquant après « [si …] »"
                : "« [si » n'est pas fermé : une ligne réservée à certains territoires s'écrit « [si condition] texte »"
        case "regles.exemple-sans-source":
            return "l'exemple « \(a["example"]) » ne dit pas d'où il vient : ajoutez un paragraphe « Source : document : section » pour que la feuille de route imprime son document et sa date"
        case "regles.reperes-hors-registre":
            return "repères écrits en paragraphe : leurs chiffres ne renvoient à aucune source ; écrivez chaque fait dans le registre Rules/facts.json avec sa source, et citez-le ici par son identifiant, une ligne « - identifiant » par fait"
        case "regles.fait-inconnu":
            return "fait « \(a["fact"]) » absent du registre Rules/facts.json\(a.hint) : chaque repère est l'identifiant d'un fait du registre"
        case "regles.source":
            return a["reason"] == "sans-section"
                ? "la section de « \(a["document"]) » manque après « : »"
                : "source illisible « \(a["value"]) » : « document : section » était attendu (par exemple « livre-blanc-2026 : L'offre de soins »)"
        case "regles.source-inconnue": return "document source inconnu « \(a["document"]) »\(a.hint) (voir Rules/sources.json)"
        // The registers of sources and facts
        case "regles.source-acces":
            return "la source\(a.has("document") ? " « \(a["document"]) »" : "") ne dit pas où la trouver : donnez son adresse web (« url ») ou, si elle n'est pas publique, comment l'obtenir (« access »)"
        case "regles.date": return "date « \(a["value"]) » illisible : AAAA, AAAA-MM ou AAAA-MM-JJ était attendu (par exemple « 2021-10 » pour octobre 2021)"
        case "regles.source-numero":
            return "la source « \(a["document"]) » est un texte officiel : sa forme courte (« shortTitle »), celle que cite la feuille de route, doit donner son numéro « \(a["number"]) », par lequel le lecteur le trouve sur Légifrance"
        case "regles.source-adresse": return "adresse « \(a["value"]) » illisible : une adresse web complète, commençant par « https:// », était attendue"
        case "regles.source-ancienne":
            let citing = a["count"] == "1" ? "une recommandation" : "\(a["count"]) recommandations"
            return "document « \(a["document"]) » daté de \(a["date"]), plus de \(a["years"]) ans avant la date de la base (\(a["reference"]), Rules/version.json) : vérifiez qu'il dit toujours vrai ou citez un document plus récent ; cité par \(citing) (\(a["citing"]))"
        case "regles.fait-inutilise": return "fait « \(a["fact"]) » cité par aucune recommandation : citez-le sous « ## Repères » ou retirez-le du registre"
        case "regles.fichier-ignore":
            return "fichier ignoré : le dossier des recommandations ne lit que les fichiers « \(a["extension"]) », un par recommandation (voir Rules/README.md)"
        default: return "problème dans la recommandation (\(code))"
        }
    }

    /// What `check` finds by analysing the rule base as a whole.
    private static func lint(_ code: String, _ a: Arguments) -> String {
        let id = a["id"]
        switch code {
        case "lint.jamais-vraie": return "la condition de « \(id) » ne peut jamais être vraie, quel que soit le profil : la recommandation ne sortira jamais"
        case "lint.toujours-vraie": return "la condition de « \(id) » est vraie pour tout profil : écrivez « true » si c'est voulu"
        case "lint.bonus-jamais": return "le bonus « \(a["reason"]) » de « \(id) » ne s'applique jamais"
        case "lint.bonus-toujours": return "le bonus « \(a["reason"]) » de « \(id) » s'applique toujours : ajoutez-le plutôt à la priorité"
        case "lint.a-renseigner":
            return "« \(id) » ne dit pas \(a["missing"]) : un professionnel pèse chaque action à son coût, à son niveau de preuve et à son effet sur les inégalités de santé"
        case "lint.non-analysee":
            let plural = a["count"] != "1"
            return "\(a["count"]) condition\(plural ? "s" : "") sur \(a["total"]) de « \(id) » (condition et bonus) \(plural ? "comptent" : "compte") trop de cas pour être analysée\(plural ? "s" : "") : « jamais vraie » et « toujours vraie » n'y sont pas vérifiés"
        case "lint.levier-vide": return "le levier « \(a["lever"]) » n'a aucune recommandation"
        case "lint.non-testee": return "aucun test n'exerce « \(id) » (ni retenue pour un profil de test, ni citée dans une attente)"
        default: return "problème dans la base de règles (\(code))"
        }
    }

    /// A rule test (`Rules/tests/*.json`) and its expectations.
    private static func ruleTest(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "test.profil-manquant": return "le test doit indiquer un profil (« profile ») ou des faits (« facts »)"
        case "test.date":
            return a["reason"] == "hors-mandat"
                ? "« start » \(a["value"]) est hors du mandat (mars 2026 – février 2032)"
                : "« start » attend un mois AAAA-MM, pas « \(a["value"]) »"
        case "test.recommandation-inconnue": return "recommandation inconnue « \(a["id"]) »\(a.hint)"
        case "test.attente":
            switch a["reason"] {
            case "paire" where a["key"] == "before": return "chaque élément de « before » doit être une paire [\"avant\", \"après\"]"
            case "paire": return "chaque élément de « \(a["key"]) » doit être une paire [\"action\", \"action\"]"
            case "rang": return "les clés de « inTop » sont des rangs (« 5 »), pas « \(a["value"]) »"
            case "phase": return "la phase attendue pour « \(a["id"]) » doit être l'une de : \(a["allowed"])"
            case "remplacement": return "« replacedBy » associe une recommandation à celle qui la remplace (un texte)"
            case "score": return "« minScore » associe une recommandation à un score entier"
            case "liste-d-identifiants": return "une liste d'identifiants était attendue, pas \(kind(a["found"]))"
            case "identifiant": return "un identifiant (texte) était attendu, pas \(kind(a["found"]))"
            default: return "« expect » ne contient aucune attente"
            }
        default: return "problème dans le test (\(code))"
        }
    }

    /// What a section of a recommendation holds: « un paragraphe », « une liste à puces « - » »…
    private static func expectedSection(_ kind: String) -> String {
        switch kind {
        case "paragraphe": return "un paragraphe"
        case "liste-numerotee": return "une liste numérotée « 1. », « 2. »…"
        case "exemples": return "une sous-partie « ### Territoire » par exemple"
        default: return "une liste à puces « - »"
        }
    }

    private static func note(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "note.premiere-occurrence": return "première occurrence"
        case "note.premiere-definition": return "première définition"
        case "note.maillon": return "« \(a["name"]) », maillon du cycle"
        case "note.cycle-apres": return "une recommandation ne peut pas attendre, même indirectement, une recommandation qui l'attend"
        case "note.cycle-remplace": return "chacune écarterait la suivante : aucune ne sortirait ; gardez un seul sens de remplacement"
        case "note.cycle-avec": return "« avec » se déclare d'un seul côté : l'action rejoint celle qu'elle cite"
        default: return code
        }
    }

    /// « U+001B (échappement) »: a control character's code point and, when it has one, its name.
    public static func name(of scalar: Unicode.Scalar) -> String {
        character(TerminalText.codePoint(scalar))
    }

    static func character(_ codePoint: String) -> String {
        let names = [
            "U+0000": "caractère nul", "U+0007": "sonnerie", "U+0008": "retour arrière", "U+0009": "tabulation", "U+000A": "retour à la ligne",
            "U+000B": "tabulation verticale", "U+000C": "saut de page", "U+000D": "retour chariot", "U+001B": "échappement", "U+007F": "suppression",
            "U+009B": "introducteur de séquence de contrôle", "U+2028": "séparateur de ligne", "U+2029": "séparateur de paragraphe",
        ]
        if let name = names[codePoint] { return "\(codePoint) (\(name))" }
        if let value = UInt32(codePoint.dropFirst(2), radix: 16), TerminalText.isBidirectionalControl(value) {
            return "\(codePoint) (inversion du sens d'écriture)"
        }
        return codePoint
    }
}
