import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// `autres porteurs:` in a recommendation's header: who carries an action for some territories — unscheduled care,
/// carried by the territory's doctors in general, is opened by a collectivity in its own centre de santé.
@Suite("Porteurs sous condition")
struct CarrierVariantTests {
    static func rec(_ variants: [String], carrier: String = "partenaire") -> Fixture.Rec {
        var rec = RuleBaseLoadingTests.valid
        rec.carrier = carrier
        rec.extraHeader = ["autres porteurs:"] + variants.map { "  - \($0)" }
        return rec
    }

    @Test("le premier autre porteur dont la condition tient remplace le porteur de l'en-tête, sur la fiche et pour le niveau qu'écarte le planificateur")
    func firstHoldingVariantCarries() throws {
        let rec = Self.rec(["[si cpts] partenaire : la CPTS", "[si population >= 100] commune"])
        let result = RuleBaseLoadingTests.loadWith([rec]).result
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let loaded = try #require(result.ruleBase?.recommendation("action-test"))
        #expect(loaded.carrierVariants.map(\.carrier) == [.partner, .commune])
        #expect(loaded.carrierVariants.map(\.carriedBy) == ["la CPTS", nil])

        var withCPTS = Fixture.ProfileSpec()
        withCPTS.cpts = true
        let (base, roadmap) = try Fixture.plan(withCPTS, recs: Fixture.standard + [rec])
        let card = try #require(RoadmapPresenter(ruleBase: base).document(roadmap).card("action-test"))
        #expect(card.carrier == "la CPTS, avec l'appui de la commune")
        #expect(card.carrierID == "partenaire")

        let (_, commune) = try Fixture.plan(Fixture.ProfileSpec(), recs: Fixture.standard + [rec])
        let communeCard = try #require(RoadmapPresenter(ruleBase: base).document(commune).card("action-test"))
        #expect(communeCard.carrier == "la commune")
        #expect(communeCard.carrierID == "commune")

        // The same variant makes it a communal instrument, which an intercommunality is not given.
        var epci = Fixture.ProfileSpec()
        epci.kind = "communaute-de-communes"
        epci.population = 18_000
        let (_, intercommunal) = try Fixture.plan(epci, recs: Fixture.standard + [rec])
        #expect(intercommunal.item("action-test") == nil)
        #expect(intercommunal.leftOutReason("action-test") == .wrongLevel(.communalInstrument))

        // No variant holds: the header's carrier and its `porté par`.
        var tiny = Fixture.ProfileSpec()
        tiny.population = 50
        let (_, plain) = try Fixture.plan(tiny, recs: Fixture.standard + [rec])
        #expect(loaded.carrier(for: plain.profile.facts).carrier == .partner)
    }

    @Test("un autre porteur sans condition, hors des valeurs de « porteur », ou qui nomme un porteur autre qu'un partenaire : une erreur positionnée en français")
    func badVariantIsAPositionedError() throws {
        let (missing, missingText) = RuleBaseLoadingTests.loadWith([Self.rec(["territoire"])])
        #expect(missing.diagnostics.map(\.code) == ["regles.porteur-sans-condition"])
        let first = try #require(missing.diagnostics.first)
        #expect(first.location.lineColumn == Fixture.location(of: "territoire", in: missingText))
        #expect(first.message.contains("[si condition] territoire"))
        #expect(missing.ruleBase?.recommendation("action-test") == nil)

        let (unknown, unknownText) = RuleBaseLoadingTests.loadWith([Self.rec(["[si cpts] mairie"])])
        let value = try #require(unknown.diagnostics.first)
        #expect(unknown.diagnostics.map(\.code) == ["regles.valeur-inconnue"])
        #expect(value.location.lineColumn == Fixture.location(of: "mairie", in: unknownText))
        #expect(value.message.contains("autres porteurs") && value.message.contains("territoire"), "\(value.message)")

        let (named, namedText) = RuleBaseLoadingTests.loadWith([Self.rec(["[si cpts] commune : la mairie"])])
        let naming = try #require(named.diagnostics.first)
        #expect(named.diagnostics.map(\.code) == ["regles.porteur-nomme"])
        #expect(naming.location.lineColumn == Fixture.location(of: "la mairie", in: namedText))
        #expect(naming.message == "seul un partenaire se nomme après les deux-points ; « commune » désigne déjà qui porte l'action")
    }

    @Test("une banlieue qui gère son centre de santé ouvre elle-même les soins non programmés ; ailleurs, les médecins du territoire les portent")
    func unscheduledCareAtTheMunicipalCentre() throws {
        for name in ["banlieue-qpv-centre-sante", "banlieue-centre-sante-deficit"] {
            let card = try #require(ExampleSynthesisTests.document(name).card("soins-non-programmes"), "\(name)")
            #expect(card.carrier == "la commune", "\(name)")
        }
        let prefecture = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let elsewhere = try #require(prefecture.card("soins-non-programmes"))
        #expect(elsewhere.carrier.hasPrefix("les médecins et les professionnels de santé du territoire, avec l'appui de"), "\(elsewhere.carrier)")
    }
}
