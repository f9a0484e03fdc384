import RuleKit

/// The vocabulary, the facts register, and the values of facts in profiles, CSV cells, `--set` and `init`.
extension FrenchDiagnostics {
    static func vocabulary(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "vocabulaire.doublon": return "le fait « \(a["fact"]) » est déclaré deux fois"
        case "vocabulaire.reference-sans-source":
            return "la référence du fait « \(a["fact"]) » ne cite aucun document : ajoutez « source », l'identifiant de son document dans Rules/sources.json, pour que la feuille de route le compte parmi ses sources"
        case "vocabulaire.source-sans-reference":
            return "le fait « \(a["fact"]) » cite un document (« source ») sans « reference » : la source appuie le chiffre de comparaison que la première page imprime ; ajoutez « reference » ou retirez « source »"
        case "vocabulaire.role-inconnu": return "rôle inconnu « \(a["role"]) » pour le fait « \(a["fact"]) »\(a.hint) (rôles : \(a["roles"]))"
        case "vocabulaire.role-manquant": return "aucun fait n'a le rôle « \(a["role"]) » : l'application le lit elle-même ; ajoutez \"role\": \"\(a["role"])\" au fait qui le porte (de type \(a["type"]))"
        case "vocabulaire.role-en-double": return "le rôle « \(a["role"]) » est déjà donné à un autre fait : « \(a["fact"]) » ne peut pas le porter aussi"
        case "vocabulaire.role-type": return "le fait « \(a["fact"]) » a le rôle « \(a["role"]) » mais le type \(a["type"]) ; le type \(a["expected"]) était attendu"
        case "vocabulaire.role-commune": return "le fait « \(a["fact"]) » a le rôle « type » : l'une de ses valeurs doit avoir le rôle « commune » (\"role\": \"commune\")"
        case "vocabulaire.type-inconnu": return "type inconnu « \(a["type"]) » pour le fait « \(a["fact"]) »\(a.hint)"
        case "vocabulaire.valeurs-manquantes": return "le fait « \(a["fact"]) » de type \(a["type"]) doit lister ses valeurs dans « values »"
        case "vocabulaire.enonce-fait-inconnu":
            return "l'énoncé (« statement ») de la valeur « \(a["choice"]) » du fait « \(a["fact"]) » nomme « {\(a["placeholder"])} », qui n'est pas un autre fait du vocabulaire : entre accolades, un énoncé ne peut reprendre que ce que le profil dit d'un autre fait (« {cls}, porté par l'intercommunalité »)"
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

    static func facts(_ code: String, _ a: Arguments) -> String {
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
}
