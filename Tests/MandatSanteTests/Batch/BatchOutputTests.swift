import MandatSante
import RuleKit
import Testing

@Suite("sorties d'un traitement par lots")
struct BatchOutputTests {
    @Test("nom de fichier : numéro de ligne sur trois chiffres au moins, nom sans accents ni signes", arguments: [
        (3, "Village de X", "003-village-de-x.txt"),
        (12, "Métropole du Val d'Ormont (exemple)", "012-metropole-du-val-d-ormont-exemple.txt"),
        (1234, "Œuvre & Cœur-sur-Loire", "1234-oeuvre-coeur-sur-loire.txt"),
        (5, "«  »", "005-territoire.txt"),
    ])
    func fileNames(line: Int, name: String, expected: String) {
        #expect(BatchFileName.name(line: line, territory: name, format: .text) == expected)
    }

    @Test("chaque format garde son extension habituelle")
    func fileExtensions() {
        #expect(BatchFileName.name(line: 2, territory: "A", format: .markdown) == "002-a.md")
        #expect(BatchFileName.slug(String(repeating: "abc ", count: 40)).count <= BatchFileName.maximumSlugLength)
    }

    @Test("les tableaux : BOM, en-têtes, « ; », CRLF ; synthese.csv une ligne par territoire, actions.csv une par action, leviers.csv une par levier ; textes protégés")
    func tables() throws {
        var spec = Fixture.bourg
        spec.name = "Bourg; dit \"le haut\""
        let (base, roadmap) = try Fixture.plan(spec)
        let document = RoadmapPresenter(ruleBase: base).document(roadmap)
        let territory = BatchTables.Territory(line: 9, profile: roadmap.profile, vocabulary: base.vocabulary)
        let kind = try #require(base.vocabulary.fact(named: "kind")?.choices.first { $0.id == spec.kind }?.label)
        #expect(territory.kind == kind && !territory.population.isEmpty)
        let levers = base.levers
        #expect(BatchTables.header(.synthesis, levers: levers) == "\u{FEFF}ligne;code INSEE;territoire;type;population;actions;" + levers.map(\.title).joined(separator: ";") + ";actions dans l'ordre;identifiants dans l'ordre\r\n")
        #expect(BatchTables.header(.errors, levers: levers) == "\u{FEFF}ligne;colonne;territoire;code;message\r\n")
        let rows = BatchTables.rows(document, territory: territory, levers: levers)
        let quotedName = "\"Bourg; dit \"\"le haut\"\"\""
        let items = roadmap.items
        #expect(rows.synthesis.hasPrefix("9;;\(quotedName);\(kind);\(territory.population);\(items.count);"))
        #expect(rows.synthesis.hasSuffix(";" + items.map(\.recommendation.id).joined(separator: " | ") + "\r\n"))
        for lever in levers {
            let count = items.filter { $0.recommendation.lever == lever.id }.count
            #expect(rows.levers.contains("\(quotedName);\(kind);\(territory.population);\(lever.title);\(lever.id);\(count);") == (count > 0), "\(lever.id)")
        }
        let actions = rows.actions.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(actions.count == items.count + 1)
        let first = try #require(items.first)
        let card = try #require(document.cards.first)
        #expect(actions.first == "9;;\(quotedName);\(kind);\(territory.population);1;\(roadmap.calendar.phases[first.phaseIndex].title);\(card.period);\(first.recommendation.id);\(first.recommendation.title);\(card.leverTitle);\(card.carrier);\(card.deadline ?? "");\(card.effort);\(card.costRange ?? "");\(first.score.total)")
    }

    @Test("nombres pour un tableur français : entiers sans séparateur, virgule décimale")
    func numbers() {
        #expect(BatchTables.number(12_400) == "12400")
        #expect(BatchTables.number(15.5) == "15,5")
        #expect(BatchTables.number(.infinity) == "")
    }

    @Test("le résumé compte les lignes, classe les recommandations par fréquence puis par identifiant, et par levier")
    func summary() throws {
        let ruleBase = try Fixture.ruleBase()
        func territory(_ ids: [String]) -> BatchTerritory {
            BatchTerritory(line: 2, name: "T", fileName: "t.txt", roadmap: [], rows: .init(synthesis: "", actions: "", levers: ""),
                           selections: ids.map { BatchTerritory.Selection(id: $0, lever: ruleBase.recommendation($0)?.lever ?? "?") })
        }
        var summary = BatchSummary()
        summary.add(territory(["diagnostic-partage", "cpts-soutenir"]))
        summary.add(territory(["diagnostic-partage", "cls-engager"]))
        summary.add(territory(["diagnostic-partage", "cpts-soutenir", "cls-engager"]))
        summary.add(territory(["bilan-mandat"]))
        summary.addFailedRow()
        #expect(summary.mostSelected(ruleBase.recommendations.map(\.id), limit: 3).map(\.id) == ["diagnostic-partage", "cls-engager", "cpts-soutenir"])
        let text = Fixture.flattened(summary.render(ruleBase: ruleBase, input: "t.csv", startMonth: "décembre 2026", format: .text))
        #expect(text.contains("5 lignes de territoire lues : 4 feuilles de route écrites, 1 ligne en erreur"))
        #expect(text.contains("1. Établir un diagnostic local de santé partagé [diagnostic-partage] 3 territoires sur 4 (75 %)"))
        #expect(text.contains("Coordination territoriale : au moins une action pour 4 territoires sur 4 (100 %)"))
        #expect(text.contains("Offre de soins : au moins une action pour 2 territoires sur 4 (50 %)"))
    }
}
