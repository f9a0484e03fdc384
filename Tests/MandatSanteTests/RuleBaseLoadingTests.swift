@testable import MandatSante
import RuleKit
import Testing

@Suite("Chargement de la base de règles")
struct RuleBaseLoadingTests {
    typealias Rec = Fixture.Rec

    /// A valid recommendation to alter in each test.
    static let valid = Rec(id: "action-test", title: "Mener une action de test", when: "population >= 1")

    /// Loads the standard set and `extra`; returns the diagnostics and the text of the last file of `extra`.
    static func loadWith(_ extra: [Rec]) -> (result: RuleBaseLoader.Result, text: String) {
        (Fixture.load(Fixture.standard + extra), extra.last?.markdown ?? "")
    }

    /// The position of the `identifiant` field, where a recommendation is said to be written.
    static let recommendationLocation = SourceLocation(line: 2, column: 1)

    @Test("la base standard se charge sans diagnostic, un fichier par recommandation, dans l'ordre des chemins")
    func standardLoads() throws {
        let base = try Fixture.ruleBase()
        #expect(base.recommendations.map(\.id) == Fixture.standard.map(\.id).sorted())
        #expect(base.levers.map(\.id) == ["offre-de-soins", "methode", "coordination"])
        #expect(base.levers.map(\.isMethod) == [false, true, false])
        #expect(base.sources.map(\.id) == ["livre-blanc-2026"])
        #expect(base.vocabulary.factNames.contains("share75Plus"))
        let cpts = try #require(base.recommendation("cpts-soutenir"))
        #expect(cpts.location == SourceLocation(file: "Rules/recommendations/cpts-soutenir.md", line: 2, column: 1))
        #expect(cpts.file == "Rules/recommendations/cpts-soutenir.md")
        #expect(cpts.boosts.map(\.points) == [15, 10])
        #expect(cpts.boosts.map(\.reason) == ["l'accès aux soins est une priorité de l'équipe", "habitat dispersé : l'accès aux soins est critique"])
        #expect(cpts.horizon == .hundredDays && cpts.effort == .medium)
        #expect(cpts.after == ["diagnostic-partage"])
        #expect(cpts.why == Rec(id: "x", title: "x", when: "true").why)
        #expect(cpts.steps.allTexts == ["Réunir les acteurs concernés.", "Écrire un plan d'action partagé."])
        #expect(cpts.sources.map { "\($0.document) : \($0.section)" } == ["livre-blanc-2026 : Chapitre 1"])
    }

    @Test("un fichier qui n'est pas en .md dans le dossier des recommandations est signalé et ignoré")
    func otherFilesWarned() throws {
        let result = Fixture.load(Fixture.recommendationFiles(Fixture.standard) + [("Rules/recommendations/ancien.json", "{}")])
        #expect(result.diagnostics.map(\.code) == ["regles.fichier-ignore"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.position == "Rules/recommendations/ancien.json")
        #expect(try #require(result.ruleBase).recommendations.count == Fixture.standard.count)
    }

    // MARK: Conditions

    @Test("une faute de frappe dans une condition est signalée à sa ligne et sa colonne du .md, avec une suggestion")
    func typoInCondition() throws {
        var rec = Self.valid
        rec.when = "kind == 'commune' and popualtion < 3500"
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "expression.fait-inconnu")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == rec.path)
        // Line 4 is `condition: kind == 'commune' and popualtion < 3500`.
        #expect(diagnostic.location.lineColumn == SourceLocation(line: 4, column: 34))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "popualtion", in: text))
        #expect(diagnostic.position == "\(rec.path):4:34")
        #expect(diagnostic.message == "fait inconnu « popualtion » ; vouliez-vous dire « population » ?")
        // The recommendation with an invalid condition is not in the base.
        #expect(try #require(result.ruleBase).recommendation("action-test") == nil)
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
    }

    @Test("une faute dans la condition d'une ligne « [si …] » est signalée dans la ligne")
    func typoInConditionalLine() throws {
        var rec = Self.valid
        rec.steps = ["Réunir les élus.", "[si populaton >= 3500] Confier le suivi au DGS."]
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.map(\.code) == ["expression.fait-inconnu"], "\(result.diagnostics.map(\.summary))")
        #expect(result.diagnostics.first?.location.lineColumn == Fixture.location(of: "populaton", in: text))
    }

    @Test("un bonus mal écrit est signalé avec la forme attendue")
    func malformedBoost() throws {
        var rec = Self.valid
        rec.extraHeader = ["bonus:", "  - 10 si cpts : une CPTS existe"]
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.map(\.code) == ["regles.bonus"], "\(result.diagnostics.map(\.summary))")
        #expect(result.diagnostics.first?.message.hasPrefix("bonus illisible « 10 si cpts : une CPTS existe » : un bonus s'écrit « +10 si condition : raison »") == true)
        #expect(result.diagnostics.first?.location.lineColumn == Fixture.location(of: "10 si cpts", in: text))
    }

    @Test("un bonus qui « appuie » une recommandation inconnue : refusé à l'identifiant ; « (appuie ) » sans identifiant, illisible")
    func boostSupportingUnknown() throws {
        var rec = Self.valid
        rec.extraHeader = ["bonus:", "  - +10 si cpts (appuie cpts-soutenir-emergenc) : une CPTS existe"]
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.map(\.code) == ["regles.reference-inconnue"], "\(result.diagnostics.map(\.summary))")
        #expect(result.diagnostics.first?.message.contains("cite une recommandation inconnue « cpts-soutenir-emergenc »") == true)
        #expect(result.diagnostics.first?.location.lineColumn == Fixture.location(of: "cpts-soutenir-emergenc)", in: text))
        rec.extraHeader = ["bonus:", "  - +10 si cpts (appuie ) : une CPTS existe"]
        #expect(Self.loadWith([rec]).0.diagnostics.map(\.code) == ["regles.bonus"])
    }

    @Test("plus de 64 bonus sur une recommandation : refusé, avec le nombre permis")
    func tooManyBoosts() throws {
        var rec = Self.valid
        rec.boosts = Array(repeating: Fixture.boost("cpts", 1, "raison"), count: Score.maximumBoosts + 1)
        let (result, _) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first { $0.code == "regles.trop-de-bonus" })
        #expect(diagnostic.message == "65 bonus ; 64 au plus sont permis")
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

    // MARK: Header and sections

    @Test("un champ obligatoire manquant est signalé sur l'en-tête")
    func missingField() throws {
        var rec = Self.valid
        rec.omitted = ["priorité"]
        let (result, _) = Self.loadWith([rec])
        #expect(result.diagnostics.map(\.message) == ["champ obligatoire « priorité » manquant dans l'en-tête"])
        #expect(result.diagnostics.first?.location.lineColumn == SourceLocation(line: 1, column: 1))
        #expect(try #require(result.ruleBase).recommendation("action-test") == nil)
    }

    @Test("un champ inconnu est signalé avec le champ connu le plus proche")
    func unknownField() throws {
        var rec = Self.valid
        rec.extraHeader = ["priorite: 12"]
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.champ-inconnu")
        #expect(diagnostic.message.hasPrefix("champ inconnu « priorite » dans l'en-tête ; vouliez-vous dire « priorité » ?"))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "priorite:", in: text))
    }

    @Test("une partie obligatoire manquante, une partie en double, une partie inconnue")
    func sections() throws {
        var missing = Self.valid
        missing.omitted = ["Premiers pas"]
        let (missingResult, _) = Self.loadWith([missing])
        #expect(missingResult.diagnostics.map(\.message) == ["partie obligatoire « ## Premiers pas » manquante"])

        var twice = Self.valid
        twice.extraBody = ["", "## Pourquoi", "", "Encore."]
        let (twiceResult, twiceText) = Self.loadWith([twice])
        #expect(twiceResult.diagnostics.map(\.code) == ["regles.section-en-double"])
        #expect(twiceResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "## Pourquoi", in: twiceText, occurrence: 2).map { $0.advanced(by: 3) })
        #expect(twiceResult.diagnostics.first?.notes.count == 1)

        var unknown = Self.valid
        unknown.extraBody = ["", "## Partenaire", "", "- Mairie"]
        let (unknownResult, _) = Self.loadWith([unknown])
        #expect(unknownResult.diagnostics.map(\.code) == ["regles.section-inconnue"])
        #expect(unknownResult.diagnostics.first?.message.hasPrefix("partie inconnue « Partenaire » ; vouliez-vous dire « Partenaires » ?") == true)
    }

    @Test("une liste là où un paragraphe est attendu, un paragraphe là où une liste est attendue")
    func wrongShape() throws {
        var list = Self.valid
        list.why = "- Parce que."
        let (listResult, _) = Self.loadWith([list])
        #expect(listResult.diagnostics.map(\.message) == ["la partie « Pourquoi » attend un paragraphe de texte, pas une liste"])

        var bullets = Self.valid
        bullets.omitted = ["Premiers pas"]
        bullets.extraBody = ["", "## Premiers pas", "", "- Réunir.", "- Écrire."]
        let (bulletsResult, _) = Self.loadWith([bullets])
        #expect(bulletsResult.diagnostics.map(\.message) == ["la partie « Premiers pas » attend une liste numérotée « 1. », « 2. »… et rien d'autre"])
    }

    @Test("le nombre de premiers pas doit être entre 2 et 6", arguments: [1, 7])
    func stepsCount(count: Int) throws {
        var rec = Self.valid
        rec.steps = (1...count).map { "Étape numéro \($0)." }
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.nombre-elements")
        #expect(diagnostic.message == "la partie « Premiers pas » compte \(count) élément(s) ; de 2 à 6 étaient attendus")
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "1. Étape", in: text))
    }

    @Test("les versions d'un même pas pour d'autres territoires comptent pour un, en chaîne ; deux pas qui peuvent s'imprimer ensemble comptent pour deux")
    func stepVersions() throws {
        let others = ["Troisième pas.", "Quatrième pas.", "Cinquième pas.", "Sixième pas."]
        // Mainland, other overseas territories, the Pacific: three versions of one step, at most one printed.
        var chain = Self.valid
        chain.steps = ["Premier pas.", "[si not cpts] Deuxième pas, ici.", "[si cpts and not intercommunalHealth] Deuxième pas, là.",
                       "[si cpts and intercommunalHealth] Deuxième pas, ailleurs."] + others
        #expect(Self.loadWith([chain]).result.diagnostics.isEmpty, "\(Self.loadWith([chain]).result.diagnostics.map(\.summary))")
        #expect(RecommendationReader.topLevelClauses("(cpts or intercommunalHealth) and not cpts") == ["(cpts or intercommunalHealth)", "not cpts"])
        #expect(RecommendationReader.topLevelClauses("cpts and intercommunalHealth or not cpts") == ["cpts and intercommunalHealth or not cpts"])
        // A refinement is no version: both lines print where the CPTS and the CLSM exist.
        for second in ["[si cpts] Deuxième pas.", "[si intercommunalHealth] Deuxième pas."] {
            var both = Self.valid
            both.steps = ["Premier pas.", second, "[si cpts and intercommunalHealth] Deuxième pas, précisé."] + others
            let diagnostic = try #require(Self.loadWith([both]).result.diagnostics.first)
            #expect(diagnostic.message == "la partie « Premiers pas » compte 7 élément(s) ; de 2 à 6 étaient attendus", "\(second)")
        }
    }

    @Test("un fichier dont le nom n'est pas l'identifiant est signalé")
    func fileName() throws {
        let rec = Self.valid
        let result = Fixture.load(Fixture.recommendationFiles(Fixture.standard) + [("Rules/recommendations/action.md", rec.markdown)])
        #expect(result.diagnostics.map(\.message) == ["le fichier s'appelle « action.md » mais la recommandation « action-test » : nommez-le « action-test.md »"])
        #expect(result.diagnostics.first?.location.lineColumn == SourceLocation(line: 2, column: 14))
    }

    @Test("un fichier qui n'est pas en UTF-8 est signalé à l'octet fautif")
    func notUTF8() throws {
        var bytes = Array(Self.valid.markdown.utf8)
        bytes.insert(0xE9, at: bytes.count - 3)
        let files = Fixture.files([]).withRecommendations([RuleFile(path: Self.valid.path, bytes: bytes)])
        let result = RuleBaseLoader.load(files)
        #expect(result.diagnostics.map(\.code) == ["markdown.utf8"])
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
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "offre-de-soin", in: text))
    }

    @Test("un document source inconnu est signalé et la recommandation est écartée")
    func unknownSourceDocument() throws {
        var rec = Self.valid
        rec.sourceDocument = "livre-blanc-2025"
        let (result, text) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first { $0.code == "regles.source-inconnue" })
        #expect(diagnostic.message.hasPrefix("document source inconnu « livre-blanc-2025 » ; vouliez-vous dire « livre-blanc-2026 » ?"))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "livre-blanc-2025", in: text))
        #expect(try #require(result.ruleBase).recommendation("action-test") == nil)
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
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "annee-2", in: text))
        #expect(try #require(result.ruleBase).recommendation("action-test") == nil)
    }

    // MARK: Between recommendations

    @Test("un identifiant déjà pris ne peut venir que d'un fichier mal nommé : l'erreur le dit, la première définition reste")
    func duplicateID() throws {
        let first = Rec(id: "doublon", title: "Première version", when: "population >= 1")
        let second = Rec(id: "doublon", title: "Seconde version", when: "population >= 1")
        let result = Fixture.load([("Rules/recommendations/doublon.md", first.markdown), ("Rules/recommendations/doublon-2.md", second.markdown)])
        #expect(result.diagnostics.map(\.code) == ["regles.nom-de-fichier"], "\(result.diagnostics.map(\.summary))")
        #expect(result.diagnostics.first?.file == "Rules/recommendations/doublon-2.md")
        #expect(try #require(result.ruleBase).recommendation("doublon")?.title == "Première version")
    }

    @Test("une référence inconnue dans après, remplace ou écarte est signalée avec une suggestion",
          arguments: ["après", "remplace", "écarte"])
    func unknownReference(field: String) throws {
        var rec = Self.valid
        switch field {
        case "après": rec.after = ["diagnostic-partag"]
        case "remplace": rec.replaces = ["diagnostic-partag"]
        default: rec.excludes = ["diagnostic-partag"]
        }
        let (result, text) = Self.loadWith([rec])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.reference-inconnue")
        #expect(diagnostic.message == "« \(field) » de « action-test » cite une recommandation inconnue « diagnostic-partag » ; vouliez-vous dire « diagnostic-partage » ?")
        // At the id in the list, not merely at the recommendation.
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "diagnostic-partag", in: text))
    }

    @Test("un cycle de dépendances est signalé avec son chemin")
    func dependencyCycle() throws {
        let a = Rec(id: "cycle-a", title: "A", when: "population >= 1", after: ["cycle-b"])
        let b = Rec(id: "cycle-b", title: "B", when: "population >= 1", after: ["cycle-a"])
        let (result, _) = Self.loadWith([a, b])
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.summary))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.cycle")
        #expect(diagnostic.message == "cycle de dépendances « après » : cycle-a → cycle-b → cycle-a")
        #expect(diagnostic.location.lineColumn == Self.recommendationLocation)
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
        #expect(diagnostic.message == "cycle de remplacements « remplace » : remplace-a → remplace-b → remplace-c → remplace-a")
        #expect(diagnostic.location.lineColumn == Self.recommendationLocation)
        // Two that replace each other keep their own message, not a second one.
        let (mutual, _) = Self.loadWith([Rec(id: "remplace-a", title: "A", when: "population >= 1", replaces: ["remplace-b"]),
                                         Rec(id: "remplace-b", title: "B", when: "population >= 1", replaces: ["remplace-a"])])
        #expect(mutual.diagnostics.map(\.code) == ["regles.remplacement-mutuel"])
    }

    @Test("avec : une référence inconnue, un cercle, un accompagnement qui écarte, des groupes qui s'attendent")
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
        deadline.deadline = "2028-13 : avant le PRS"
        let (deadlineResult, deadlineText) = Self.loadWith([deadline])
        #expect(deadlineResult.diagnostics.map(\.code) == ["regles.echeance"])
        #expect(deadlineResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "2028-13", in: deadlineText))

        var season = Self.valid
        season.deadline = "avant-l-ete"
        let seasonResult = Self.loadWith([season]).result
        #expect(seasonResult.diagnostics.map(\.code) == ["regles.echeance"])
        #expect(seasonResult.diagnostics.first?.message.contains("« avant-saison-touristique »") == true)
        season.deadline = "avant-saison-touristique"
        #expect(Self.loadWith([season]).result.diagnostics.isEmpty)

        // A horizon instead of a month: by the end of its phase; without a reason, refused like a month.
        var phase = Self.valid
        phase.deadline = "mi-mandat : avant l'arrêt du projet de PLU"
        let phaseResult = Self.loadWith([phase]).result
        #expect(phaseResult.diagnostics.isEmpty)
        #expect(phaseResult.ruleBase?.recommendation("action-test")?.deadline == .byHorizon(.midMandate, reason: "avant l'arrêt du projet de PLU"))
        phase.deadline = "mi-mandat : "
        #expect(Self.loadWith([phase]).result.diagnostics.map(\.code) == ["regles.echeance"])
        phase.deadline = "mi-mandats : avant l'arrêt"
        #expect(Self.loadWith([phase]).result.diagnostics.first?.message.contains("ni un horizon") == true)

        var carrier = Self.valid
        carrier.carrier = "comune"
        let (carrierResult, carrierText) = Self.loadWith([carrier])
        #expect(carrierResult.diagnostics.map(\.message) == ["« porteur » vaut « comune » ; vouliez-vous dire « commune » ? (valeurs permises : commune, intercommunalite, territoire, partenaire)"])
        #expect(carrierResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "comune", in: carrierText))

        var serves = Self.valid
        serves.serves = ["acces-au-soin"]
        #expect(Self.loadWith([serves]).result.diagnostics.map(\.code) == ["regles.priorite-inconnue"])
    }

    @Test("coût, niveau de preuve et effet sur les inégalités : lus, et une valeur hors liste signalée à sa colonne avec une suggestion")
    func weighingFields() throws {
        var rec = Self.valid
        rec.extraHeader = ["coût: moyen", "niveau de preuve: avis-d-experts", "effet sur les inégalités: reduit"]
        let (result, _) = Self.loadWith([rec])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
        let base = try #require(result.ruleBase)
        let read = try #require(base.recommendation("action-test"))
        #expect(read.costRange == .medium && read.evidenceLevel == .expertOpinion && read.inequalityEffect == .reduces)

        var evidence = Self.valid
        evidence.extraHeader = ["niveau de preuve: demontré"]
        let (evidenceResult, evidenceText) = Self.loadWith([evidence])
        #expect(evidenceResult.diagnostics.map(\.message) == ["« niveau de preuve » vaut « demontré » ; vouliez-vous dire « demontre » ? (valeurs permises : demontre, probable, avis-d-experts, insuffisant, mitige)"])
        #expect(evidenceResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "demontré", in: evidenceText))
        #expect(try #require(evidenceResult.ruleBase).recommendation("action-test") == nil)

        var inequality = Self.valid
        inequality.extraHeader = ["effet sur les inégalités: reduits"]
        let (inequalityResult, inequalityText) = Self.loadWith([inequality])
        #expect(inequalityResult.diagnostics.map(\.code) == ["regles.valeur-inconnue"])
        #expect(inequalityResult.diagnostics.first?.message.contains("vouliez-vous dire « reduit » ?") == true)
        #expect(inequalityResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "reduits", in: inequalityText))
    }

    @Test("une recommandation qui se cite elle-même est signalée")
    func selfReference() throws {
        var rec = Self.valid
        rec.excludes = ["action-test"]
        let (result, _) = Self.loadWith([rec])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "regles.reference-a-soi")
        #expect(diagnostic.message == "« écarte » de « action-test » se cite elle-même")
    }

    @Test("tous les problèmes sont rassemblés en une fois, triés par fichier et position")
    func allDiagnosticsAtOnce() throws {
        let typo = Rec(id: "faute", title: "Faute", when: "popualtion < 3500")
        var lever = Rec(id: "levier", title: "Levier", when: "population >= 1")
        lever.lever = "coordinaton"
        var horizon = Rec(id: "horizon", title: "Horizon", when: "population >= 1")
        horizon.horizon = "annee-2"
        horizon.extraHeader = ["partenaires: Mairie"]
        var steps = Rec(id: "etapes", title: "Étapes", when: "population >= 1")
        steps.omitted = ["Premiers pas"]
        let reference = Rec(id: "reference", title: "Référence", when: "population >= 1", after: ["diagnostic-partag"])

        let result = Fixture.load(Fixture.standard + [reference, horizon, typo, lever, steps])
        let diagnostics = result.diagnostics
        #expect(diagnostics == diagnostics.sorted())
        let summary = diagnostics.map { "\($0.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.location.column) \($0.code)" }
        #expect(summary == [
            "etapes.md:11:3 regles.section-manquante",
            "faute.md:4:12 expression.fait-inconnu",
            "horizon.md:6:10 regles.valeur-inconnue",
            "horizon.md:9:1 regles.champ-inconnu",
            "levier.md:3:9 regles.levier-inconnu",
            "reference.md:9:8 regles.reference-inconnue",
        ], "\(diagnostics.map(\.summary))")
        // Each comes as a code and its arguments, worded by the French catalogue, not as a sentence made on the spot.
        #expect(diagnostics.allSatisfy { $0.arguments["message"] == nil }, "\(diagnostics.map(\.code))")
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("levier inconnu « coordinaton » ; vouliez-vous dire « ") })
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("partie obligatoire « ## Premiers pas » manquante") })
        // The valid recommendations are still loaded.
        let base = try #require(result.ruleBase)
        #expect(base.recommendation("reference") != nil)
        #expect(base.recommendation("cpts-soutenir") != nil)
        #expect(base.recommendation("faute") == nil)
    }
}

extension RuleFiles {
    /// The same files with other recommendation files.
    func withRecommendations(_ recommendations: [RuleFile]) -> RuleFiles {
        var copy = self
        copy.recommendations = recommendations
        return copy
    }
}
