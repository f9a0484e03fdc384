import RuleKit

/// Rule-base files: recommendation Markdown, portrait, definitions, the whole-base analysis of `check`, rule tests.
extension FrenchDiagnostics {
    static func markdown(_ code: String, _ a: Arguments) -> String {
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

    static func portrait(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "portrait.fait-inconnu": return "fait inconnu « \(a["fact"]) » : le portrait ne nomme que des faits du vocabulaire\(a.hint)"
        case "portrait.affichage-inconnu": return "affichage inconnu « \(a["show"]) »\(a.hint) (affichages permis : \(a["allowed"]))"
        case "portrait.affichage-type": return "l'affichage « \(a["show"]) » ne convient pas au fait « \(a["fact"]) », de type \(a["type"]) : il vaut pour un fait de type \(a["expected"])"
        default: return "portrait invalide (\(code))"
        }
    }

    static func definitions(_ code: String, _ a: Arguments) -> String {
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
    static func recommendationFile(_ code: String, _ a: Arguments) -> String {
        let allowed = a["allowed"]
        switch code {
        case "regles.champ-inconnu": return "champ inconnu « \(a["field"]) » dans l'en-tête\(a.hint) (champs permis : \(allowed))"
        case "regles.champ-manquant": return "champ obligatoire « \(a["field"]) » manquant dans l'en-tête"
        case "regles.valeur-manquante":
            return a["reason"] == "liste"
                ? "le champ « \(a["field"]) » prend une seule valeur, sur sa ligne, pas une liste"
                : "le champ « \(a["field"]) » n'a pas de valeur : écrivez-la après « : »"
        case "regles.element-vide": return "élément vide dans la liste « \(a["field"]) » (deux virgules, ou une virgule au bout)"
        case "regles.identifiant": return "identifiant « \(a["id"]) » invalide : lettres minuscules sans accent, chiffres et tirets, en commençant par une lettre"
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
            let expected = "« \(a["keyword"]) », « \(a["rainyKeyword"]) », « \(a["peakKeyword"]) », « \(a["underwayKeyword"]) », « AAAA-MM : raison » (par exemple « 2028-01 : avant l'adoption du projet régional de santé ») ou « horizon : raison » (par exemple « mi-mandat : avant l'arrêt du projet de PLU ») était attendu"
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
            case "valeur":
                return "la raison du bonus cite « {\(a["fact"])} », qui n'est pas un nombre lu par sa condition : une raison ne dit que la valeur d'un fait numérique que la condition du bonus compare (« +10 si withoutGpShare >= 10 : {withoutGpShare} des habitants sont sans médecin traitant »)"
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
        case "regles.porteur-sans-condition":
            return "un autre porteur commence par la condition où il remplace celui de l'en-tête : « [si condition] territoire »"
        case "regles.porteur-nomme":
            return a["carrier"] == "partenaire"
                ? "le partenaire qui porte l'action se nomme après les deux-points : « [si condition] partenaire : la CPTS »"
                : "seul un partenaire se nomme après les deux-points ; « \(a["carrier"]) » désigne déjà qui porte l'action"
        case "regles.des-maintenant-sans-condition":
            return "« dès maintenant » commence par la situation qui presse : « [si condition] raison »"
        case "regles.effet-sans-condition":
            return "un autre effet sur les inégalités commence par la condition où il remplace celui de l'en-tête : « [si condition] reduit »"
        case "regles.cout-sans-condition":
            return "un autre coût commence par la condition où il remplace celui de l'en-tête : « [si condition] faible »"
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
        case "regles.sources-toutes-conditionnelles":
            return "chaque source de cette partie commence par « [si …] » : citez au moins un document sans condition, que la fiche imprime pour tout territoire où l'action s'applique"
        case "regles.source-inconnue": return "document source inconnu « \(a["document"]) »\(a.hint) (voir Rules/sources.json)"
        // The registers of sources and facts
        case "regles.source-acces":
            return "la source\(a.has("document") ? " « \(a["document"]) »" : "") ne dit pas où la trouver : donnez son adresse web (« url ») ou, si elle n'est pas publique, comment l'obtenir (« access »)"
        case "regles.date": return "date « \(a["value"]) » illisible : AAAA, AAAA-MM ou AAAA-MM-JJ était attendu (par exemple « 2021-10 » pour octobre 2021)"
        case "regles.source-numero":
            return "la source « \(a["document"]) » est un texte officiel : sa forme courte (« shortTitle »), celle que cite la feuille de route, doit donner son numéro « \(a["number"]) », par lequel le lecteur le trouve sur Légifrance"
        case "regles.source-adresse": return "adresse « \(a["value"]) » illisible : une adresse web complète, commençant par « https:// », était attendue"
        case "regles.source-ancienne":
            let recommendations = a["count"] == "0" ? nil
                : (a["count"] == "1" ? "une recommandation" : "\(a["count"]) recommandations") + " (\(a["citing"]))"
            let facts = a.has("facts") ? "la référence du vocabulaire pour « \(a["facts"]) »" : nil
            let citing = [recommendations, facts].compactMap { $0 }.joined(separator: " et par ")
            return "document « \(a["document"]) » daté de \(a["date"]), plus de \(a["years"]) ans avant la date de la base (\(a["reference"]), Rules/version.json) : vérifiez qu'il dit toujours vrai ou citez un document plus récent ; cité par \(citing)"
        case "regles.fait-inutilise": return "fait « \(a["fact"]) » cité par aucune recommandation : citez-le sous « ## Repères » ou retirez-le du registre"
        case "regles.fichier-ignore":
            return "fichier ignoré : le dossier des recommandations ne lit que les fichiers « \(a["extension"]) », un par recommandation (voir Rules/README.md)"
        default: return "problème dans la recommandation (\(code))"
        }
    }

    /// What `check` finds by analysing the rule base as a whole.
    static func lint(_ code: String, _ a: Arguments) -> String {
        let id = a["id"]
        switch code {
        case "lint.jamais-vraie": return "la condition de « \(id) » ne peut jamais être vraie, quel que soit le profil : la recommandation ne sortira jamais"
        case "lint.toujours-vraie": return "la condition de « \(id) » est vraie pour tout profil : écrivez « true » si c'est voulu"
        case "lint.bonus-jamais": return "le bonus « \(a["reason"]) » de « \(id) » ne s'applique jamais"
        case "lint.raison-deux-points":
            return "la raison « \(a["reason"]) » de « \(id) » porte un deux-points, que la feuille de route change en « — » ou en « , » après « pourquoi » : écrivez-la en une phrase, par une relative"
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
    static func ruleTest(_ code: String, _ a: Arguments) -> String {
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
            case "liste-de-textes": return "« says » associe une recommandation à une liste de passages (des textes), pas à \(kind(a["found"]))"
            case "texte": return "un passage (texte) que la fiche doit dire était attendu, pas \(kind(a["found"]))"
            default: return "« expect » ne contient aucune attente"
            }
        default: return "problème dans le test (\(code))"
        }
    }

    /// What a section of a recommendation holds: « un paragraphe », « une liste à puces « - » »…
    static func expectedSection(_ kind: String) -> String {
        switch kind {
        case "paragraphe": return "un paragraphe"
        case "liste-numerotee": return "une liste numérotée « 1. », « 2. »…"
        case "exemples": return "une sous-partie « ### Territoire » par exemple"
        default: return "une liste à puces « - »"
        }
    }
}
