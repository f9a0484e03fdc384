import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// `- [si condition] document : section` under `## Sources`: a document that only a conditional line uses is cited,
/// and numbered in the roadmap's list of sources, only where that line is printed.
@Suite("Sources sous condition")
struct ConditionalSourceTests {
    /// The test recommendation, citing a second section of the white paper only where `condition` holds.
    static func rec(_ lines: [String]) -> Fixture.Rec {
        var rec = RuleBaseLoadingTests.valid
        rec.extraBody = lines.map { "- \($0)" }
        return rec
    }

    @Test("une source sous condition n'est citée, et numérotée, que là où sa condition tient")
    func citedWhereItsConditionHolds() throws {
        let rec = Self.rec(["[si cpts] livre-blanc-2026 : Chapitre 2"])
        let result = RuleBaseLoadingTests.loadWith([rec]).result
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let loaded = try #require(result.ruleBase?.recommendation("action-test"))
        #expect(loaded.sources.map(\.section) == ["Chapitre 1", "Chapitre 2"])
        #expect(loaded.sourceCondition(at: 0) == nil && loaded.sourceCondition(at: 1) != nil)

        var withCPTS = Fixture.ProfileSpec()
        withCPTS.cpts = true
        let (base, roadmap) = try Fixture.plan(withCPTS, recs: Fixture.standard + [rec])
        let card = try #require(RoadmapPresenter(ruleBase: base).document(roadmap).card("action-test"))
        #expect(card.sources.map(\.section) == ["Chapitre 1", "Chapitre 2"])

        let (_, plain) = try Fixture.plan(Fixture.ProfileSpec(), recs: Fixture.standard + [rec])
        let document = RoadmapPresenter(ruleBase: base).document(plain)
        let plainCard = try #require(document.card("action-test"))
        #expect(plainCard.sources.map(\.section) == ["Chapitre 1"])
        #expect(plainCard.sourceNumbers.count == plainCard.sources.count)
        // The list of sources numbers only what the cards cite: no gap, nothing uncited.
        let cited = Set(document.phases.flatMap(\.cards).flatMap(\.sourceNumbers))
        #expect(cited == Set(1...document.bibliography.count))
    }

    @Test("une condition de source mal écrite est une erreur positionnée, comme celle d'un premier pas")
    func badConditionIsPositioned() throws {
        let (result, text) = RuleBaseLoadingTests.loadWith([Self.rec(["[si ctps] livre-blanc-2026 : Chapitre 2"])])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(\.code) == ["expression.fait-inconnu"], "\(result.diagnostics.map(\.summary))")
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "ctps", in: text))
        #expect(diagnostic.message.contains("« ctps »") && diagnostic.message.contains("cpts"), "\(diagnostic.message)")
        #expect(result.ruleBase?.recommendation("action-test") == nil)

        let (unclosed, _) = RuleBaseLoadingTests.loadWith([Self.rec(["[si cpts livre-blanc-2026 : Chapitre 2"])])
        #expect(unclosed.diagnostics.map(\.code) == ["regles.condition-de-ligne"])
    }

    @Test("une partie « Sources » dont chaque ligne a une condition est refusée : toute fiche cite un document")
    func oneSourceWithoutCondition() throws {
        var rec = Self.rec([])
        rec.omitted = ["Sources"]
        rec.extraBody = ["", "## Sources", "", "- [si cpts] livre-blanc-2026 : Chapitre 1"]
        let (result, text) = RuleBaseLoadingTests.loadWith([rec])
        #expect(result.diagnostics.map(\.code) == ["regles.sources-toutes-conditionnelles"])
        #expect(result.diagnostics.first?.location.lineColumn == Fixture.location(of: "Sources", in: text))
        #expect(result.diagnostics.first?.message.contains("sans condition") == true)
    }

    @Test("la très petite commune hors zone d'intervention prioritaire et sans départ de médecin : la démarche intercommunale ne cite pas « Un médecin près de chez vous », dont elle n'imprime pas le pas")
    func smallCommuneCitesWhatItPrints() throws {
        let document = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        let card = try #require(document.card("agir-echelle-intercommunale"))
        #expect(!card.steps.contains { $0.contains("Un médecin près de chez vous") })
        #expect(!card.sources.contains { $0.document == "localtis-un-medecin-pres-de-chez-vous-2025" })
        #expect(!document.bibliography.contains { $0.document == "localtis-un-medecin-pres-de-chez-vous-2025" })
        // In a ZIP village the step is printed, and its document cited.
        let zip = try ExampleSynthesisTests.document("village-rural-zip")
        let zipCard = try #require(zip.card("agir-echelle-intercommunale"))
        #expect(zipCard.steps.contains { $0.contains("Un médecin près de chez vous") })
        #expect(zipCard.sources.contains { $0.document == "localtis-un-medecin-pres-de-chez-vous-2025" })
    }
}
