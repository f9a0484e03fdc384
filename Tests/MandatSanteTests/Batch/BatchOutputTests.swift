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

    @Test("synthese.csv : BOM, en-tête, « ; », CRLF, une ligne par action retenue, textes protégés")
    func synthesisRows() throws {
        var spec = Fixture.bourg
        spec.name = "Bourg; dit \"le haut\""
        let (base, roadmap) = try Fixture.plan(spec)
        let document = RoadmapPresenter(ruleBase: base).document(roadmap)
        #expect(BatchSynthesis.header == "\u{FEFF}territoire;ligne;rang;phase;identifiant;titre;score\r\n")
        let rows = BatchSynthesis.rows(document, line: 9).split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(rows.count == roadmap.items.count + 1)
        let first = try #require(roadmap.items.first)
        #expect(rows.first == "\"Bourg; dit \"\"le haut\"\"\";9;1;\(roadmap.calendar.phases[first.phaseIndex].title);\(first.recommendation.id);\(first.recommendation.title);\(first.score.total)")
    }

    @Test("le résumé compte les lignes, classe les recommandations par fréquence puis par identifiant, et par levier")
    func summary() throws {
        let ruleBase = try Fixture.ruleBase()
        func territory(_ ids: [String]) -> BatchTerritory {
            BatchTerritory(line: 2, name: "T", fileName: "t.txt", roadmap: "", synthesisRows: "",
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
