import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// `autres coûts:` in a recommendation's header: what an action costs depends on who carries it — a transport to
/// care organised by a town or an intercommunality, carried in a small commune by an association or the mobility
/// authority.
@Suite("Coûts sous condition")
struct CostVariantTests {
    static func rec(_ variants: [String]) -> Fixture.Rec {
        var rec = RuleBaseLoadingTests.valid
        rec.extraHeader = ["coût: moyen", "autres coûts:"] + variants.map { "  - \($0)" }
        return rec
    }

    @Test("le premier autre coût dont la condition tient remplace celui de l'en-tête sur la fiche et dans l'export")
    func firstHoldingVariantCosts() throws {
        let rec = Self.rec(["[si cpts] faible", "[si population >= 100] eleve"])
        let result = RuleBaseLoadingTests.loadWith([rec]).result
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let loaded = try #require(result.ruleBase?.recommendation("action-test"))
        #expect(loaded.costRange == .medium)
        #expect(loaded.costVariants.map(\.value) == [.low, .high])

        var withCPTS = Fixture.ProfileSpec()
        withCPTS.cpts = true
        let (base, roadmap) = try Fixture.plan(withCPTS, recs: Fixture.standard + [rec])
        let card = try #require(RoadmapPresenter(ruleBase: base).document(roadmap).card("action-test"))
        #expect(card.costRangeID == "faible")
        #expect(card.costRange == CostRange.low.label)

        let (_, plain) = try Fixture.plan(Fixture.ProfileSpec(), recs: Fixture.standard + [rec])
        #expect(RoadmapPresenter(ruleBase: base).document(plain).card("action-test")?.costRangeID == "eleve")

        var tiny = Fixture.ProfileSpec()
        tiny.population = 50
        let (_, none) = try Fixture.plan(tiny, recs: Fixture.standard + [rec])
        #expect(loaded.costRange(for: none.profile.facts) == .medium)
    }

    @Test("un autre coût sans condition, hors des valeurs de « coût », ou dont la condition est mal écrite : une erreur positionnée en français")
    func badVariantIsAPositionedError() throws {
        let (missing, missingText) = RuleBaseLoadingTests.loadWith([Self.rec(["faible"])])
        #expect(missing.diagnostics.map(\.code) == ["regles.cout-sans-condition"])
        let first = try #require(missing.diagnostics.first)
        #expect(first.location.lineColumn == Fixture.location(of: "faible", in: missingText, occurrence: 2))
        #expect(first.message.contains("[si condition] faible"))
        #expect(missing.ruleBase?.recommendation("action-test") == nil)

        let (unknown, unknownText) = RuleBaseLoadingTests.loadWith([Self.rec(["[si cpts] gratuit"])])
        #expect(unknown.diagnostics.map(\.code) == ["regles.valeur-inconnue"])
        let value = try #require(unknown.diagnostics.first)
        #expect(value.location.lineColumn == Fixture.location(of: "gratuit", in: unknownText))
        #expect(value.message.contains("autres coûts") && value.message.contains("faible"), "\(value.message)")

        let (badCondition, badText) = RuleBaseLoadingTests.loadWith([Self.rec(["[si ctps] faible"])])
        #expect(badCondition.diagnostics.map(\.code) == ["expression.fait-inconnu"])
        #expect(badCondition.diagnostics.first?.location.lineColumn == Fixture.location(of: "ctps", in: badText))
    }

    @Test("le transport vers les soins : faible pour une commune de moins de 1 500 habitants, que porte une association ou l'autorité organisatrice de la mobilité ; moyen pour une intercommunalité, sur la fiche, la page 1 et le tableur")
    func transportCostFollowsItsCarrier() throws {
        let small = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        let card = try #require(small.card("acces-soins-transport"))
        #expect(card.costRangeID == "faible")
        #expect(card.carrierID == "partenaire")
        if let decision = small.synthesis.decisions.first(where: { $0.id == "acces-soins-transport" }) {
            #expect(decision.costRange == card.costRange)
        }
        let row = CSVRoadmapRenderer().render(small).split(separator: "\n").first { $0.contains("acces-soins-transport") }
        #expect(row?.contains(CostRange.low.label) == true, "\(row ?? "")")

        let epci = try ExampleSynthesisTests.document("communaute-communes-rurale")
        if let epciCard = epci.card("acces-soins-transport") {
            #expect(epciCard.costRangeID == "moyen")
        }
    }
}
