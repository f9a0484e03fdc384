import MandatSante
import RuleKit
import Testing

/// A page kept up to date that shows no date of publication says when it was read (`consulted`), and the roadmap
/// prints « consulté en décembre 2026 » — never the reading month as if the page had been published then; the
/// warning about documents older than five years reads the date of publication only.
@Suite("sources consultées : une page sans date de publication dit quand elle a été lue")
struct ConsultedSourceTests {
    static let sources = """
    {
      "sources": [
        { "id": "livre-blanc-2026", "title": "Livre blanc", "publisher": "Éditeur", "date": "2026-07", "url": "https://example.org" },
        { "id": "page-lue", "title": "Page tenue à jour", "publisher": "Observatoire", "consulted": "2016-12", "url": "https://example.org/p" }
      ]
    }
    """

    @Test("« consulted » sans « date » se charge ; sans l'un ni l'autre, la date manque ; une lecture ancienne n'est pas un document ancien")
    func consultedLoads() throws {
        let recs = [SourceRegisterTests.rec(facts: ["acces-40"], source: "page-lue")]
        let result = SourceRegisterTests.load(recs, sources: Self.sources, facts: """
        { "facts": [ { "id": "acces-40", "statement": "Un fait.", "source": "page-lue", "section": "Page entière" } ] }
        """)
        let document = try #require(result.ruleBase?.source("page-lue"), "\(result.diagnostics.map(\.message))")
        #expect(document.date == nil)
        #expect(document.consulted == SourceDate("2016-12"))
        #expect(SourceRegisterTests.only("regles.source-ancienne", in: result).isEmpty)
        let undated = Self.sources.replacingOccurrences(of: #""consulted": "2016-12", "#, with: "")
        let missing = SourceRegisterTests.load(recs, sources: undated).diagnostics.filter { $0.code == "json.champ-manquant" }
        #expect(missing.count == 1 && missing.first?.position == "Rules/sources.json:4:5" && missing.first?.message.contains("date") == true,
                "\(missing.map(\.position))")
    }

    @Test("les pages sans date du registre : « consulté en décembre 2026 » dans la liste des sources ; aucun exemple ne cite une page sans date de publication (content38b)")
    func renderedAsConsulted() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let page = try #require(ruleBase.source("what-works-for-health"))
        #expect(page.date == nil && page.consulted == SourceDate("2026-12"))
        // The last examples that cited an undated page (Semoy, the Gévaudan, the ORS of Provence-Alpes-Côte d'Azur)
        // were replaced by dated ones or removed: an example tells what a territory did, and when it was reported.
        for id in ["semoy-pole-sante", "cc-gevaudan-sante", "ors-paca-urbanisme-collectivites"] {
            #expect(ruleBase.source(id) == nil, "\(id)")
        }
        var seen = 0
        for name in CalibrationReadingTests.examples {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            for example in document.cards.flatMap(\.examples) {
                guard let id = example.source?.document, let cited = ruleBase.source(id) else { continue }
                #expect(cited.date != nil, "\(name) : \(id)")
                let text = example.text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
                #expect(!text.contains("consulté en"), "\(name) : \(text)")
            }
            for entry in document.bibliography {
                guard let cited = ruleBase.source(entry.document), cited.date == nil else { continue }
                seen += 1
                let title = entry.title.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
                #expect(title.contains("consulté en décembre 2026"), "\(name) : \(title)")
                #expect(!title.contains(", décembre 2026)"), "\(name) : \(title)")
            }
        }
        #expect(seen > 0)
    }

    @Test("Mayotte : la ligne de l'université de La Réunion repose sur un document daté (la subdivision d'internat Océan Indien), cité là seulement")
    func mayotteUniversitySourced() throws {
        let mayotte = try #require(try ExampleSynthesisTests.document("village-mayotte-zip", detail: true).card("docteurs-juniors"))
        #expect(mayotte.steps.contains { $0.contains("faculté de santé de l'université de La Réunion") })
        #expect(mayotte.sources.contains { $0.document == "clisp-subdivision-ocean-indien-2024" && $0.date == "2024-07-25" })
        // The faculty's current name (« UFR Santé » until its renaming) rests on a dated article (rel38).
        #expect(mayotte.sources.contains { $0.document == "la1ere-faculte-sante-reunion-2023" && $0.date == "2023-08-17" })
        let mainland = try #require(try ExampleSynthesisTests.document("bourg-rural-zac-msp", detail: true).card("docteurs-juniors"))
        #expect(!mainland.sources.contains { $0.document == "clisp-subdivision-ocean-indien-2024" })
        #expect(!mainland.sources.contains { $0.document == "la1ere-faculte-sante-reunion-2023" })
    }

    @Test("un document de plus de cinq ans à la date de la base le dit dans la liste des sources de l'édition détaillée, celle du consultant ; l'édition courte, pour les élus, n'imprime que son année ; une page consultée ou un document récent, jamais")
    func oldDocumentsSaySoInTheDetailedEdition() throws {
        let caveat = "Plus de cinq ans : à vérifier."
        for detail in [false, true] {
            let document = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation", detail: detail)
            func title(_ id: String) throws -> String {
                let entry = try #require(document.bibliography.first { $0.document == id }, "\(id), détail \(detail)")
                return entry.title.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            }
            // The 2016 CNFPT–DGS convention this test read was replaced by a dated 2025 document (session 16): the
            // 2019 interprofessional agreement on CPTS is the old document this roadmap still cites.
            let agreement = try title("aci-cpts-2019")
            #expect(agreement.contains(caveat) == detail, "détail \(detail) : \(agreement)")
            #expect(agreement.contains("2019"), "détail \(detail) : \(agreement)")
            #expect(!document.bibliography.contains { $0.document == "convention-cnfpt-dgs-2016" })
            // The undated ANRU page on health in the city-renewal projects, the consulted page this roadmap cited, is
            // no longer cited (content32): what the card took from it had no dated public source.
            #expect(!document.bibliography.contains { $0.document == "anru-urbanisme-favorable-sante" })
            let old = try document.bibliography.map { try title($0.document) }.filter { $0.contains(caveat) }
            #expect(detail ? old.count >= 2 : old.isEmpty, "détail \(detail) : \(old)")
        }
    }
}
