import MandatSante
import RuleKit
import Testing

@Suite("Chargement de la base de règles")
struct RuleBaseLoadingTests {
    typealias Rec = Fixture.Rec

    /// A valid recommendation to alter in each test.
    static let valid = Rec(id: "action-test", title: "Mener une action de test", when: "population >= 1")

    /// Loads the standard set followed by `extra`, and returns the diagnostics with the file text.
    static func loadWith(_ extra: [Rec]) -> (result: RuleBaseLoader.Result, text: String) {
        let recs = Fixture.standard + extra
        return (Fixture.load(recs), Fixture.recommendationsFile(recs))
    }

    /// The line of the `index`-th recommendation of `Fixture.standard + extra`, which starts at column 5.
    static func recommendationLocation(_ index: Int) -> SourceLocation {
        SourceLocation(line: index + 3, column: 5)
    }

    @Test("la base standard se charge sans diagnostic, dans l'ordre des fichiers")
    func standardLoads() throws {
        let base = try Fixture.ruleBase()
        #expect(base.recommendations.map(\.id) == Fixture.standard.map(\.id))
        #expect(base.levers.map(\.id) == ["offre-de-soins", "methode", "coordination"])
        #expect(base.levers.map(\.isMethod) == [false, true, false])
        #expect(base.sources.map(\.id) == ["livre-blanc-2026"])
        #expect(base.vocabulary.factNames.contains("share75Plus"))
        let cpts = try #require(base.recommendation("cpts-soutenir"))
        #expect(cpts.location == SourceLocation(line: 4, column: 5))
        #expect(cpts.file == Fixture.standardPath)
        #expect(cpts.boosts.map(\.points) == [15, 10])
        #expect(cpts.horizon == .hundredDays && cpts.effort == .medium)
    }

    @Test("les fichiers de recommandations sont lus dans l'ordre de leur chemin")
    func filesReadInPathOrder() throws {
        let first = Rec(id: "premiere", title: "Première", when: "population >= 1")
        let second = Rec(id: "seconde", title: "Seconde", when: "population >= 1")
        let result = Fixture.load([
            ("Rules/recommendations/b.json", Fixture.recommendationsFile([second])),
            ("Rules/recommendations/a.json", Fixture.recommendationsFile([first])),
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.ruleBase).recommendations.map(\.id) == ["premiere", "seconde"])
    }

    // MARK: Conditions

    @Test("une faute de frappe dans une condition est signalée à sa ligne et sa colonne, avec une suggestion")
    func typoInCondition() throws {
        // Line 7 is `      "when": "popualtion < 3500",`: the opening quote is column 15, the fact starts at column 16.
        let text = """
        {
          "recommendations": [
            {
              "id": "petites-communes",
              "title": "Agir dans les petites communes",
              "lever": "coordination",
              "when": "popualtion < 3500",
              "priority": 50,
              "horizon": "annee-1",
              "effort": "faible",
              "carrier": "commune",
              "why": "Parce que les petites communes manquent de moyens.",
              "steps": ["Réunir les élus.", "Choisir une action."],
              "partners": ["ARS"],
              "sources": [{ "document": "livre-blanc-2026", "section": "Chapitre 1" }],
              "indicators": ["Nombre de réunions."]
            }
          ]
        }
        """
        let path = "Rules/recommendations/petites-communes.json"
        let result = Fixture.load([(path, text)])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "expression.fait-inconnu")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == path)
        #expect(diagnostic.location.lineColumn == SourceLocation(line: 7, column: 16))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "popualtion", in: text))
        #expect(diagnostic.position == "\(path):7:16")
        #expect(diagnostic.message == "fait inconnu « popualtion » ; vouliez-vous dire « population » ?")
        #expect(diagnostic.message.contains("vouliez-vous dire « population » ?"))
        // The recommendation with an invalid condition is not in the base.
        #expect(try #require(result.ruleBase).recommendation("petites-communes") == nil)
    }

    @Test("la position d'une faute reste exacte après des caractères échappés dans la condition")
    func typoAfterEscapes() throws {
        // `\"` takes two columns in the file but one character in the condition.
        let text = #"""
        {
          "recommendations": [
            {
              "id": "petites-communes",
              "title": "Agir dans les petites communes",
              "lever": "coordination",
              "when": "kind == \"commune\" and popualtion < 3500",
              "priority": 50,
              "horizon": "annee-1",
              "effort": "faible",
              "carrier": "commune",
              "why": "Parce que les petites communes manquent de moyens.",
              "steps": ["Réunir les élus.", "Choisir une action."],
              "partners": ["ARS"],
              "sources": [{ "document": "livre-blanc-2026", "section": "Chapitre 1" }],
              "indicators": ["Nombre de réunions."]
            }
          ]
        }
        """#
        let result = Fixture.load([("Rules/recommendations/x.json", text)])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == "expression.fait-inconnu")
        #expect(diagnostic.location.lineColumn == SourceLocation(line: 7, column: 40))
    }

    @Test("une faute dans la condition d'un bonus est signalée dans le bonus")
    func typoInBoost() throws {
        var rec = Self.valid
        rec.boosts = [Fixture.boost("'sante-mentale' in priorites", 10, "raison")]
        let (result, text) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        #expect(diagnostic.code == "expression.fait-inconnu")
        #expect(diagnostic.message.contains("vouliez-vous dire « priorities » ?"))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "priorites", in: text))
        #expect(diagnostic.location.line == Self.recommendationLocation(Fixture.standard.count).line)
    }

    @Test("plus de 64 bonus sur une recommandation : refusé, avec le nombre permis")
    func tooManyBoosts() throws {
        var rec = Self.valid
        rec.boosts = Array(repeating: Fixture.boost("cpts", 1, "raison"), count: Score.maximumBoosts + 1)
        let (result, _) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first { $0.code == "regles.trop-de-bonus" })
        #expect(diagnostic.message.hasSuffix("a 65 bonus ; 64 au plus sont permis"))
    }

    @Test("une valeur inconnue dans une condition est signalée avec les valeurs permises")
    func unknownValueInCondition() throws {
        var rec = Self.valid
        rec.when = "density == 'rural-dispersé'"
        let (result, text) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "expression.valeur-inconnue")
        #expect(diagnostic.message.contains("vouliez-vous dire « rural-disperse » ?"))
        #expect(diagnostic.message.contains("valeurs permises : urbain, bourg-rural, rural-disperse"))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "'rural-dispersé'", in: text))
    }

    // MARK: Fields

    @Test("un champ obligatoire manquant est signalé sur la recommandation")
    func missingSteps() throws {
        var rec = Self.valid
        rec.omitted = ["steps"]
        let (result, _) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "json.champ-manquant")
        #expect(diagnostic.message == "champ obligatoire « steps » manquant dans la recommandation « action-test »")
        #expect(diagnostic.location.lineColumn == Self.recommendationLocation(Fixture.standard.count))
        #expect(try #require(result.ruleBase).recommendation("action-test") == nil)
    }

    @Test("le nombre de premiers pas doit être entre 2 et 6", arguments: [0, 1, 7])
    func stepsCount(count: Int) throws {
        var rec = Self.valid
        rec.steps = (1...max(count, 1)).map { "Étape numéro \($0)." }.prefix(count).map { $0 }
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "json.nombre-elements")
        #expect(diagnostic.message == "« steps » compte \(count) élément(s) ; de 2 à 6 étaient attendus dans la recommandation « action-test »")
        let key = try #require(Fixture.location(of: "\"steps\": [", in: text, occurrence: Fixture.standard.count + 1))
        #expect(diagnostic.location.lineColumn == key.advanced(by: "\"steps\": ".count))
    }

    @Test("un levier inconnu est signalé avec le levier le plus proche")
    func unknownLever() throws {
        var rec = Self.valid
        rec.lever = "offre-de-soin"
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.levier-inconnu")
        #expect(diagnostic.message == "levier inconnu « offre-de-soin » ; vouliez-vous dire « offre-de-soins » ?")
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "\"offre-de-soin\"", in: text))
    }

    @Test("un document source inconnu est signalé et la recommandation est écartée")
    func unknownSourceDocument() throws {
        var rec = Self.valid
        rec.sourceDocument = "livre-blanc-2025"
        let (result, text) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first { $0.code == "regles.source-inconnue" })
        #expect(diagnostic.message.hasPrefix("document source inconnu « livre-blanc-2025 » ; vouliez-vous dire « livre-blanc-2026 » ?"))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "\"livre-blanc-2025\"", in: text))
        #expect(try #require(result.ruleBase).recommendation("action-test") == nil)
    }

    @Test("un champ inconnu est signalé avec le champ connu le plus proche")
    func unknownField() throws {
        var rec = Self.valid
        rec.extra = [("partner", "[\"Mairie\"]")]
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "json.champ-inconnu")
        #expect(diagnostic.message == "champ inconnu « partner » dans la recommandation « action-test » ; vouliez-vous dire « partners » ?")
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "\"partner\"", in: text))
    }

    @Test("un horizon invalide est signalé avec les valeurs permises")
    func invalidHorizon() throws {
        var rec = Self.valid
        rec.horizon = "annee-2"
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.valeur-inconnue")
        #expect(diagnostic.message == "« horizon » vaut « annee-2 » ; vouliez-vous dire « annee-1 » ? (valeurs permises : 100-jours, annee-1, mi-mandat, fin-mandat)")
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "\"annee-2\"", in: text))
        #expect(try #require(result.ruleBase).recommendation("action-test") == nil)
    }

    // MARK: Between recommendations

    @Test("un identifiant en double est signalé avec une note vers la première définition")
    func duplicateID() throws {
        let first = Rec(id: "doublon", title: "Première version", when: "population >= 1")
        let second = Rec(id: "doublon", title: "Seconde version", when: "population >= 1")
        let other = Rec(id: "autre", title: "Autre", when: "population >= 1")
        let result = Fixture.load([
            ("Rules/recommendations/b.json", Fixture.recommendationsFile([other, second])),
            ("Rules/recommendations/a.json", Fixture.recommendationsFile([first])),
        ])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.doublon")
        #expect(diagnostic.message == "identifiant « doublon » déjà utilisé")
        #expect(diagnostic.file == "Rules/recommendations/b.json")
        #expect(diagnostic.location.lineColumn == SourceLocation(line: 4, column: 5))
        #expect(diagnostic.notes.map { FrenchDiagnostics().message($0.code, $0.arguments) } == ["première définition : Rules/recommendations/a.json:3:5"])
        // The first definition is the one the base answers with.
        #expect(try #require(result.ruleBase).recommendation("doublon")?.title == "Première version")
    }

    @Test("une référence inconnue dans after, replaces ou excludes est signalée avec une suggestion",
          arguments: ["after", "replaces", "excludes"])
    func unknownReference(field: String) throws {
        var rec = Self.valid
        switch field {
        case "after": rec.after = ["diagnostic-partag"]
        case "replaces": rec.replaces = ["diagnostic-partag"]
        default: rec.excludes = ["diagnostic-partag"]
        }
        let (result, _) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.reference-inconnue")
        #expect(diagnostic.message == "« \(field) » de « action-test » cite une recommandation inconnue « diagnostic-partag » ; vouliez-vous dire « diagnostic-partage » ?")
        // At the id in the list, not merely at the recommendation.
        let (_, text) = Self.loadWith([rec])
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "\"diagnostic-partag\"", in: text))
    }

    @Test("un cycle de dépendances est signalé avec son chemin")
    func dependencyCycle() throws {
        let a = Rec(id: "cycle-a", title: "A", when: "population >= 1", after: ["cycle-b"])
        let b = Rec(id: "cycle-b", title: "B", when: "population >= 1", after: ["cycle-a"])
        let (result, _) = Self.loadWith([a, b])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.cycle")
        #expect(diagnostic.message == "cycle de dépendances « after » : cycle-a → cycle-b → cycle-a")
        #expect(diagnostic.location.lineColumn == Self.recommendationLocation(Fixture.standard.count))
        #expect(!diagnostic.notes.isEmpty)
    }

    @Test("un cycle de remplacements de trois recommandations ou plus est signalé avec son chemin")
    func replacementCycle() throws {
        let a = Rec(id: "remplace-a", title: "A", when: "population >= 1", replaces: ["remplace-b"])
        let b = Rec(id: "remplace-b", title: "B", when: "population >= 1", replaces: ["remplace-c"])
        let c = Rec(id: "remplace-c", title: "C", when: "population >= 1", replaces: ["remplace-a"])
        let (result, _) = Self.loadWith([a, b, c])
        #expect(result.diagnostics.map(\.code) == ["regles.remplacement-circulaire"], "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "cycle de remplacements « replaces » : remplace-a → remplace-b → remplace-c → remplace-a")
        #expect(diagnostic.location.lineColumn == Self.recommendationLocation(Fixture.standard.count))
        // Two that replace each other keep their own message, not a second one.
        let (mutual, _) = Self.loadWith([Rec(id: "remplace-a", title: "A", when: "population >= 1", replaces: ["remplace-b"]),
                                         Rec(id: "remplace-b", title: "B", when: "population >= 1", replaces: ["remplace-a"])])
        #expect(mutual.diagnostics.map(\.code) == ["regles.remplacement-mutuel"])
    }

    @Test("together : une référence inconnue, un cercle, un accompagnement qui écarte, des groupes qui s'attendent")
    func togetherErrors() throws {
        let unknown = Rec(id: "seul", title: "Seul", when: "population >= 1", together: ["introuvable"])
        #expect(Self.loadWith([unknown]).result.diagnostics.map(\.code) == ["regles.reference-inconnue"])

        let a = Rec(id: "ensemble-a", title: "A", when: "population >= 1", together: ["ensemble-b"])
        let b = Rec(id: "ensemble-b", title: "B", when: "population >= 1", together: ["ensemble-a"])
        #expect(Self.loadWith([a, b]).result.diagnostics.map(\.code) == ["regles.ensemble-circulaire"])

        let c = Rec(id: "ensemble-c", title: "C", when: "population >= 1", together: ["ensemble-d"], excludes: ["ensemble-d"])
        let d = Rec(id: "ensemble-d", title: "D", when: "population >= 1")
        #expect(Self.loadWith([c, d]).result.diagnostics.map(\.code) == ["regles.ensemble-incompatible"])

        // e with f, g with h; f after g and h after e: neither group can come first.
        let e = Rec(id: "groupe-e", title: "E", when: "population >= 1", together: ["groupe-f"])
        let f = Rec(id: "groupe-f", title: "F", when: "population >= 1", after: ["groupe-g"])
        let g = Rec(id: "groupe-g", title: "G", when: "population >= 1", together: ["groupe-h"])
        let h = Rec(id: "groupe-h", title: "H", when: "population >= 1", after: ["groupe-e"])
        #expect(Self.loadWith([e, f, g, h]).result.diagnostics.map(\.code) == ["regles.ensemble-cycle"])
    }

    @Test("une échéance illisible, un porteur hors du vocabulaire, une priorité servie inconnue : erreurs positionnées")
    func newFieldErrors() throws {
        var deadline = Self.valid
        deadline.deadline = #"{ "before": "2028-13", "reason": "avant le PRS" }"#
        let (deadlineResult, deadlineText) = Self.loadWith([deadline])
        #expect(deadlineResult.diagnostics.map(\.code) == ["regles.echeance"])
        #expect(deadlineResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "\"2028-13\"", in: deadlineText))

        var season = Self.valid
        season.deadline = "avant-l-ete"
        #expect(Self.loadWith([season]).result.diagnostics.map(\.code) == ["regles.echeance"])

        var carrier = Self.valid
        carrier.carrier = "comune"
        let (carrierResult, carrierText) = Self.loadWith([carrier])
        #expect(carrierResult.diagnostics.map(\.message) == ["« carrier » vaut « comune » ; vouliez-vous dire « commune » ? (valeurs permises : commune, intercommunalite, territoire, partenaire)"])
        #expect(carrierResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "\"comune\"", in: carrierText))

        var serves = Self.valid
        serves.serves = ["acces-au-soin"]
        #expect(Self.loadWith([serves]).result.diagnostics.map(\.code) == ["regles.priorite-inconnue"])
    }

    @Test("une recommandation qui se cite elle-même est signalée")
    func selfReference() throws {
        var rec = Self.valid
        rec.excludes = ["action-test"]
        let (result, _) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.reference-a-soi")
        #expect(diagnostic.message == "« excludes » de « action-test » se cite elle-même")
    }

    @Test("tous les problèmes sont rassemblés en une fois, triés par fichier et position")
    func allDiagnosticsAtOnce() throws {
        var typo = Rec(id: "faute", title: "Faute", when: "popualtion < 3500")
        typo.priority = 50
        var lever = Rec(id: "levier", title: "Levier", when: "population >= 1")
        lever.lever = "coordinaton"
        var horizon = Rec(id: "horizon", title: "Horizon", when: "population >= 1")
        horizon.horizon = "annee-2"
        var steps = Rec(id: "etapes", title: "Étapes", when: "population >= 1")
        steps.omitted = ["steps"]
        let reference = Rec(id: "reference", title: "Référence", when: "population >= 1", after: ["diagnostic-partag"])
        let first = Rec(id: "diagnostic-partage", title: "Doublon", when: "population >= 1")

        let bText = Fixture.recommendationsFile([reference, horizon, typo, lever])
        let aText = Fixture.recommendationsFile([first, steps])
        let result = Fixture.load([
            ("Rules/recommendations/b.json", bText),
            ("Rules/recommendations/a.json", aText),
            (Fixture.standardPath, Fixture.recommendationsFile(Fixture.standard)),
        ])
        let diagnostics = result.diagnostics
        #expect(diagnostics == diagnostics.sorted())
        let summary = diagnostics.map { "\($0.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.location.column) \($0.code)" }
        #expect(summary == [
            "a.json:4:5 json.champ-manquant",
            "b.json:3:\(Fixture.location(of: "\"diagnostic-partag\"", in: bText)?.column ?? 0) regles.reference-inconnue",
            "b.json:4:\(Fixture.location(of: "\"annee-2\"", in: bText)?.column ?? 0) regles.valeur-inconnue",
            "b.json:5:\(Fixture.location(of: "popualtion", in: bText)?.column ?? 0) expression.fait-inconnu",
            "b.json:6:\(Fixture.location(of: "\"coordinaton\"", in: bText)?.column ?? 0) regles.levier-inconnu",
            "standard.json:3:5 regles.doublon",
        ], "\(diagnostics.map(\.summary))")
        // The valid recommendations are still loaded.
        let base = try #require(result.ruleBase)
        #expect(base.recommendation("reference") != nil)
        #expect(base.recommendation("cpts-soutenir") != nil)
        #expect(base.recommendation("faute") == nil)
    }
}
