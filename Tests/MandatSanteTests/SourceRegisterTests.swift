import MandatSante
import RuleKit
import Testing

/// The documents of `sources.json`, the register of facts (`facts.json`) recommendations cite under `## Repères`,
/// and what `check` says about them: every problem at its position, in French.
@Suite("sources et registre des faits")
struct SourceRegisterTests {
    static let sources = """
    {
      "sources": [
        { "id": "livre-blanc-2026", "title": "Livre blanc sur la santé des territoires", "shortTitle": "Livre blanc",
          "publisher": "Éditeur d'essai", "date": "2026-07", "url": "https://example.org/livre-blanc" },
        { "id": "rapport-2020", "title": "Rapport ancien", "publisher": "Sénat", "date": "2020-06",
          "access": "Au service des archives du Sénat" },
        { "id": "rapport-2022", "title": "Rapport récent", "publisher": "INSEE", "date": "2022-01", "url": "https://example.org/rapport" },
        { "id": "inutilise-1999", "title": "Document que rien ne cite", "publisher": "OMS", "date": "1999", "url": "https://example.org/oms" }
      ]
    }
    """

    static let facts = """
    {
      "facts": [
        { "id": "acces-40", "statement": "40 % des habitants déclarent des difficultés d'accès aux soins.", "source": "livre-blanc-2026", "section": "Chapitre 2" },
        { "id": "ancien", "statement": "Un chiffre de 2020.", "source": "rapport-2020", "section": "Partie 1" },
        { "id": "seul", "statement": "Un fait que rien ne cite.", "source": "rapport-2022", "section": "Annexe" }
      ]
    }
    """

    static let version = #"{ "version": "2026.12", "date": "2026-12-01" }"#

    /// A recommendation whose `## Repères` lists `facts` (or holds `paragraph`).
    static func rec(_ id: String = "acces-aux-soins", facts: [String] = ["acces-40", "ancien"], paragraph: String? = nil,
                    source: String = "livre-blanc-2026") -> Fixture.Rec {
        var rec = Fixture.Rec(id: id, title: "Agir pour l'accès aux soins", when: "population >= 1")
        rec.sourceDocument = source
        rec.extraBody = ["", "## Repères", ""] + (paragraph.map { [$0] } ?? facts.map { "- \($0)" })
        return rec
    }

    static func load(_ recs: [Fixture.Rec], sources: String = sources, facts: String = facts, version: String? = version) -> RuleBaseLoader.Result {
        RuleBaseLoader.load(Fixture.files(Fixture.recommendationFiles(recs), sources: sources, facts: facts, version: version))
    }

    static func only(_ code: String, in result: RuleBaseLoader.Result) -> [Diagnostic] {
        result.diagnostics.filter { $0.code == code }
    }

    @Test("une date de source s'écrit AAAA, AAAA-MM ou AAAA-MM-JJ, avec un vrai mois et un vrai jour")
    func sourceDates() {
        #expect(SourceDate("2021")?.description == "2021")
        #expect(SourceDate("2021-10")?.month == 10)
        #expect(SourceDate("2024-02-29")?.day == 29)
        for wrong in ["2021-13", "2023-02-29", "21-10", "2021/10", "2021-1", "octobre 2021", "", "2021-10-"] {
            #expect(SourceDate(wrong) == nil, "\(wrong)")
        }
        // A month stands for its last day: October 2021 ends before 1 December 2021, not before 31 October 2021.
        #expect(SourceDate("2021-10")!.endsBefore(SourceDate("2021-12-01")!))
        #expect(!SourceDate("2021-10")!.endsBefore(SourceDate("2021-10-31")!))
        #expect(SourceDate("2026-12-01")!.shifted(years: 5).description == "2021-12-01")
    }

    @Test("les faits cités sous « Repères » se chargent, et le registre sait quelles recommandations les utilisent")
    func factsLoad() throws {
        let result = Self.load([Self.rec()])
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.map(\.message))")
        let ruleBase = try #require(result.ruleBase)
        #expect(ruleBase.recommendation("acces-aux-soins")?.evidence == .facts(["acces-40", "ancien"]))
        #expect(ruleBase.users(of: "acces-40") == ["acces-aux-soins"])
        #expect(ruleBase.users(of: "seul").isEmpty)
        #expect(ruleBase.fact("ancien")?.source.document == "rapport-2020")
        #expect(ruleBase.fact("ancien")?.source.section == "Partie 1")
        #expect(ruleBase.version.date == SourceDate("2026-12-01"))
        #expect(ruleBase.source("rapport-2020")?.publisher == "Sénat")
    }

    @Test("un document cité daté de plus de cinq ans avant la date de la base est signalé à sa date, avec qui le cite")
    func oldDocumentWarned() throws {
        let result = Self.load([Self.rec()])
        let warnings = Self.only("regles.source-ancienne", in: result)
        try #require(warnings.count == 1, "\(warnings.map(\.message))")
        let warning = warnings[0]
        #expect(warning.severity == .warning)
        // The position of « 2020-06 » in the sources file: line 5, its opening quote after `"date": `.
        #expect(warning.position == "Rules/sources.json:5:86")
        #expect(warning.message.contains("« rapport-2020 » daté de 2020-06, plus de 5 ans avant la date de la base (2026-12-01"))
        #expect(warning.message.contains("cité par une recommandation (acces-aux-soins)"))
        // 2022-01 is recent enough; a document of 1999 nobody cites is not worth a warning.
        #expect(!result.diagnostics.contains { $0.message.contains("rapport-2022") && $0.code == "regles.source-ancienne" })
        #expect(!result.diagnostics.contains { $0.message.contains("inutilise-1999") })
    }

    @Test("sans date de la base, aucun document n'est jugé ancien : la sortie ne dépend jamais de l'horloge")
    func noReferenceDateNoWarning() {
        let result = Self.load([Self.rec()], version: #"{ "version": "2026.12" }"#)
        #expect(Self.only("regles.source-ancienne", in: result).isEmpty)
    }

    @Test("un fait du registre que rien ne cite est signalé à sa place dans facts.json")
    func unusedFactWarned() throws {
        let warnings = Self.only("regles.fait-inutilise", in: Self.load([Self.rec()]))
        try #require(warnings.count == 1)
        #expect(warnings[0].position == "Rules/facts.json:5:5")
        #expect(warnings[0].message.contains("« seul » cité par aucune recommandation"))
    }

    @Test("un repère qui n'est pas dans le registre est une erreur à sa ligne, avec le fait le plus proche")
    func unknownFactInEvidence() throws {
        let result = Self.load([Self.rec(facts: ["acces-40", "acces-41"])])
        let errors = Self.only("regles.fait-inconnu", in: result)
        try #require(errors.count == 1)
        #expect(errors[0].severity == .error)
        #expect(errors[0].position.hasPrefix("Rules/recommendations/acces-aux-soins.md:"))
        #expect(errors[0].position.hasSuffix(":3"))
        #expect(errors[0].message.contains("fait « acces-41 » absent du registre Rules/facts.json"))
        #expect(errors[0].message.contains("« acces-40 »"))
    }

    @Test("des repères écrits en paragraphe sont lus, avec un avertissement : leurs chiffres ne renvoient à aucune source")
    func paragraphEvidenceWarned() throws {
        let result = Self.load([Self.rec(paragraph: "Un chiffre sans source.")])
        let warnings = Self.only("regles.reperes-hors-registre", in: result)
        try #require(warnings.count == 1)
        #expect(warnings[0].severity == .warning)
        #expect(warnings[0].message.contains("écrivez chaque fait dans le registre Rules/facts.json"))
        #expect(result.ruleBase?.recommendation("acces-aux-soins")?.evidence == .paragraph("Un chiffre sans source."))
    }

    @Test("une source sans date, avec une date mal écrite ou sans adresse ni accès est refusée à sa place")
    func invalidSources() throws {
        let sources = """
        {
          "sources": [
            { "id": "livre-blanc-2026", "title": "Livre blanc", "publisher": "Éditeur", "url": "https://example.org" },
            { "id": "rapport-2020", "title": "Rapport", "publisher": "Sénat", "date": "2020-13", "url": "https://example.org/r" },
            { "id": "rapport-2022", "title": "Rapport", "publisher": "INSEE", "date": "2022" },
            { "id": "rapport-web", "title": "Rapport", "publisher": "INSEE", "date": "2022", "url": "www.example.org" }
          ]
        }
        """
        let result = Self.load([Self.rec(facts: ["acces-40"])], sources: sources, facts: #"{ "facts": [] }"#)
        let missing = result.diagnostics.filter { $0.code == "json.champ-manquant" }
        #expect(missing.count == 1)
        #expect(missing.first?.position == "Rules/sources.json:3:5")
        #expect(missing.first?.message.contains("date") == true)
        let malformed = Self.only("regles.date", in: result)
        #expect(malformed.count == 1)
        #expect(malformed.first?.position == "Rules/sources.json:4:79")
        #expect(malformed.first?.message.contains("date « 2020-13 » illisible : AAAA, AAAA-MM ou AAAA-MM-JJ était attendu") == true)
        let noAccess = Self.only("regles.source-acces", in: result)
        #expect(noAccess.count == 1)
        #expect(noAccess.first?.message.contains("la source « rapport-2022 » ne dit pas où la trouver") == true)
        let address = Self.only("regles.source-adresse", in: result)
        #expect(address.first?.message.contains("adresse « www.example.org » illisible") == true)
    }

    @Test("une loi ou un décret dont la forme courte perd son numéro est refusé à la place de la forme courte ; un autre document qui cite une loi ne l'est pas")
    func legalTextKeepsItsNumber() throws {
        let sources = """
        {
          "sources": [
            { "id": "livre-blanc-2026", "title": "Livre blanc", "publisher": "Éditeur", "date": "2026-07", "url": "https://example.org" },
            { "id": "lfss", "title": "Loi n° 2022-1616 du 23 décembre 2022 de financement de la sécurité sociale pour 2023", "shortTitle": "Loi de financement pour 2023", "publisher": "Journal officiel", "date": "2022-12-23", "url": "https://example.org/l" },
            { "id": "decret", "title": "Décret n° 2025-582 du 27 juin 2025 relatif aux espaces sans tabac", "shortTitle": "Décret n° 2025-582 sur les espaces sans tabac", "publisher": "Journal officiel", "date": "2025-06-27", "url": "https://example.org/d" },
            { "id": "page", "title": "Convention (loi n° 2016-1888 du 28 décembre 2016)", "shortTitle": "Logement des saisonniers", "publisher": "Préfecture", "date": "2022", "url": "https://example.org/p" }
          ]
        }
        """
        let result = Self.load([Self.rec(facts: ["acces-40"])], sources: sources, facts: #"{ "facts": [] }"#)
        let errors = Self.only("regles.source-numero", in: result)
        #expect(errors.count == 1)
        #expect(errors.first?.position == "Rules/sources.json:4:132")
        #expect(errors.first?.message.contains("la source « lfss » est un texte officiel") == true)
        #expect(errors.first?.message.contains("« n° 2022-1616 »") == true)
    }

    @Test("un fait qui cite un document absent de sources.json est refusé à sa place, avec le document le plus proche")
    func factWithUnknownSource() throws {
        let facts = #"{ "facts": [ { "id": "acces-40", "statement": "Un fait.", "source": "livre-blanc-2025", "section": "1" } ] }"#
        let errors = Self.only("regles.source-inconnue", in: Self.load([Self.rec(facts: [])], facts: facts))
        try #require(errors.count == 1)
        #expect(errors[0].position == "Rules/facts.json:1:69")
        #expect(errors[0].message.contains("document source inconnu « livre-blanc-2025 »"))
        #expect(errors[0].message.contains("« livre-blanc-2026 »"))
    }

    @Test("la feuille de route imprime chaque repère avec le numéro de son document, et le document avec son éditeur et sa date")
    func renderedSources() throws {
        let result = Self.load([Self.rec()])
        let ruleBase = try #require(result.ruleBase)
        let profile = try Fixture.profile(Fixture.bourg, in: ruleBase)
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: try Fixture.calendar(2026, 12))
        let document = RoadmapPresenter(ruleBase: ruleBase, detail: true).document(roadmap)
        let card = try #require(document.card("acces-aux-soins"))
        let nbsp = "\u{00A0}"
        // The Sources list of the file names the white paper; the register adds the 2020 report of the second fact.
        #expect(document.bibliography.map(\.document) == ["livre-blanc-2026", "rapport-2020"])
        #expect(card.evidence == "40\(nbsp)% des habitants déclarent des difficultés d'accès aux soins\(nbsp)[1]. Un chiffre de 2020\(nbsp)[2].")
        #expect(card.sources.map(\.section) == ["Chapitre 1", "Chapitre 2", "Partie 1"])
        #expect(card.facts.map(\.source.publisher) == ["Éditeur d'essai", "Sénat"])
        #expect(document.bibliography[0].title == "Livre blanc sur la santé des territoires, Éditeur d'essai, juillet 2026. https://example.org/livre-blanc")
        #expect(document.bibliography[1].title.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            == "Rapport ancien, Sénat, juin 2020. Plus de cinq ans : à vérifier. Au service des archives du Sénat.")
        // The default edition prints no « Repères »: it lists the action's own documents, in short (title, publisher,
        // date, address), and not the 2020 report that only a fact cites.
        let short = RoadmapPresenter(ruleBase: ruleBase).document(roadmap)
        #expect(short.bibliography.map(\.title) == ["Livre blanc (Éditeur d'essai, juillet 2026). https://example.org/livre-blanc"])
        #expect(short.card("acces-aux-soins")?.sources.map(\.document) == ["livre-blanc-2026"])
        let text = TextRoadmapRenderer().render(document)
        let json = JSONRoadmapRenderer().render(document)
        for output in [text, json, MarkdownRoadmapRenderer().render(document), HTMLRoadmapRenderer().render(document)] {
            #expect(!output.contains("facts.json"))
            #expect(!output.contains("registre"))
        }
        #expect(json.contains(#""publisher": "Sénat""#))
        #expect(json.contains(#""date": "2020-06""#))
        #expect(json.contains(#""id": "ancien""#))
    }

    @Test("l'édition courte donne l'adresse d'un document sans adresse propre avec la phrase qui dit à qui elle est")
    func addressFromAccess() throws {
        let sources = """
        { "sources": [
          { "id": "livre-blanc-2026", "title": "Communiqué sur les zones prioritaires", "shortTitle": "Les zones prioritaires",
            "publisher": "Ministère de la Santé", "date": "2025-06-27",
            "access": "Communiqué publié sur le site du ministère ; la liste est reproduite par Le Quotidien du médecin : https://example.org/liste, page consultée en 2026" }
        ] }
        """
        let facts = #"{ "facts": [ { "id": "acces-40", "statement": "Un fait.", "source": "livre-blanc-2026", "section": "Chapitre 2" } ] }"#
        let result = Self.load([Self.rec(facts: ["acces-40"])], sources: sources, facts: facts)
        let ruleBase = try #require(result.ruleBase, "\(result.diagnostics.map(\.message))")
        let roadmap = Planner(ruleBase: ruleBase).plan(try Fixture.profile(Fixture.bourg, in: ruleBase), calendar: try Fixture.calendar(2026, 12))
        let short = RoadmapPresenter(ruleBase: ruleBase).document(roadmap)
        // Not the bare address, which would hand the ministry's communiqué over as the newspaper's page.
        #expect(short.bibliography.map(\.title) == ["Les zones prioritaires (Ministère de la Santé, 27\u{00A0}juin 2025). La liste est reproduite par Le Quotidien du médecin\u{00A0}: https://example.org/liste"])
    }

    @Test("un repère « [si condition] » n'est imprimé, ni son document listé, que pour les territoires où la condition tient")
    func conditionalFact() throws {
        let result = Self.load([Self.rec(facts: ["acces-40", "[si peakSeason in ['hiver', 'les-deux']] ancien"])])
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.map(\.message))")
        let ruleBase = try #require(result.ruleBase)
        // Both facts are the recommendation's, whatever the territory: the register and the age check see both.
        #expect(ruleBase.recommendation("acces-aux-soins")?.evidence == .facts(["acces-40", "ancien"]))
        #expect(ruleBase.users(of: "ancien") == ["acces-aux-soins"])
        #expect(Self.only("regles.source-ancienne", in: result).count == 1)
        let nbsp = "\u{00A0}"
        for (season, printed) in [("ete", false), ("hiver", true), ("les-deux", true), (nil, false)] as [(String?, Bool)] {
            var spec = Fixture.bourg
            spec.peakSeason = season
            let profile = try Fixture.profile(spec, in: ruleBase)
            let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: try Fixture.calendar(2026, 12))
            let document = RoadmapPresenter(ruleBase: ruleBase, detail: true).document(roadmap)
            let card = try #require(document.card("acces-aux-soins"))
            #expect(card.facts.map(\.id) == (printed ? ["acces-40", "ancien"] : ["acces-40"]), "\(season ?? "inconnue")")
            // The 2020 report only that fact cites is listed where the fact is printed, nowhere else.
            #expect(document.bibliography.map(\.document).contains("rapport-2020") == printed, "\(season ?? "inconnue")")
            #expect(card.evidence?.contains("Un chiffre de 2020") == printed)
            #expect(card.evidence?.hasPrefix("40\(nbsp)% des habitants") == true)
        }
        // The catalogue exports every fact, and the condition of the conditional one.
        let export = RuleBaseExport.json(ruleBase).rendered()
        #expect(export.contains(#""ancien": {"#) || export.contains(#""ancien":{"#), "\(export)")
        #expect(export.contains("peakSeason in ['hiver', 'les-deux']"))
    }

    @Test("un repère « [si condition] » dont la condition est fausse ou le fait inconnu est refusé à sa place")
    func conditionalFactErrors() throws {
        let unknown = Self.only("expression.fait-inconnu", in: Self.load([Self.rec(facts: ["[si peakSaison == 'hiver'] ancien"])]))
        try #require(unknown.count == 1)
        #expect(unknown[0].position.hasPrefix("Rules/recommendations/acces-aux-soins.md:"))
        let missing = Self.only("regles.fait-inconnu", in: Self.load([Self.rec(facts: ["[si peakSeason == 'hiver'] ancient"])]))
        try #require(missing.count == 1)
        #expect(missing[0].message.contains("« ancien »"))
    }

    @Test("un exemple imprime le numéro et la date de son propre document, qui rejoint la liste des sources")
    func exampleNamesItsSource() throws {
        var rec = Self.rec(facts: ["acces-40"])
        rec.extraBody += ["", "## Exemple", "", "### Vierzon (Cher)", "",
                          "La ville a confié son centre de santé à un groupement d'intérêt public.", "",
                          "Source : rapport-2022 : Annexe"]
        let result = Self.load([rec])
        let ruleBase = try #require(result.ruleBase)
        let profile = try Fixture.profile(Fixture.bourg, in: ruleBase)
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: try Fixture.calendar(2026, 12))
        let nbsp = "\u{00A0}"
        for detail in [false, true] {
            let document = RoadmapPresenter(ruleBase: ruleBase, detail: detail).document(roadmap)
            let card = try #require(document.card("acces-aux-soins"))
            // The example's 2022 report is not among the action's sources: it joins them, after the white paper.
            #expect(document.bibliography.map(\.document) == ["livre-blanc-2026", "rapport-2022"])
            let example = try #require(card.examples.first)
            #expect(example.sourceNumber == 2)
            // The territory, then what it did: no second colon after the card's « Exemple : », no capital after a colon.
            #expect(example.text == "Vierzon (Cher). La ville a confié son centre de santé à un groupement d'intérêt public (source\(nbsp)[2], janvier\(nbsp)2022).")
            let text = TextRoadmapRenderer().render(document)
            #expect(text.contains("(source\(nbsp)[2], janvier\(nbsp)2022)"))
            let markdown = MarkdownRoadmapRenderer().render(document)
            // Markdown escapes the brackets of the number, as it does for every bracket of the text.
            #expect(markdown.contains("(source\(nbsp)\\[2\\], janvier\(nbsp)2022)."))
            // The example line reads as French in every format: one colon, after its label (print29, item 10).
            let html = HTMLRoadmapRenderer().render(document)
            #expect(text.contains("Exemple : Vierzon (Cher). La ville a confié son centre de santé"))
            #expect(markdown.contains("**Exemple**\(nbsp): Vierzon (Cher). La ville a confié son centre de santé"))
            #expect(html.contains("<strong>Exemple</strong>\(nbsp): Vierzon (Cher). La ville a confié son centre de santé"))
            for rendered in [text, markdown, html] { #expect(!rendered.contains("(Cher)\(nbsp):") && !rendered.contains("(Cher) :")) }
        }
    }

    @Test("un exemple sans ligne « Source : » se charge, avec un avertissement à son titre")
    func exampleWithoutSourceIsFlagged() throws {
        var rec = Self.rec(facts: ["acces-40"])
        rec.extraBody += ["", "## Exemple", "", "### Vierzon (Cher)", "", "La ville a confié son centre de santé à un groupement."]
        let result = Self.load([rec])
        let warnings = Self.only("regles.exemple-sans-source", in: result)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("l'exemple « Vierzon (Cher) » ne dit pas d'où il vient") == true)
        #expect(result.ruleBase?.recommendations.first?.examples.first?.source == nil)
    }
}
