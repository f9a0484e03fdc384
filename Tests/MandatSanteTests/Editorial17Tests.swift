import Foundation
@testable import MandatSante
import Testing

/// A shorter default edition (editorial17): what a reader has just read is not said again, and what says nothing
/// is not printed; the detailed edition and the JSON keep everything.
@Suite("Édition 17 : une édition par défaut plus courte, sans rien perdre de ce qu'il faut au lecteur")
struct Editorial17Tests {
    static func text(_ document: RoadmapDocument) -> String {
        Fixture.flattened(TextRoadmapRenderer().render(document))
    }

    @Test("l'enchaînement nomme une action de la feuille de route par son numéro ; l'édition détaillée garde le titre")
    func relationsByNumber() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let msp = try #require(document.card("msp-conforter-existante"))
        let juniors = try #require(document.cards.first { $0.together.contains("msp-conforter-existante") })
        #expect(msp.briefRelations == ["avec l'action\u{A0}\(juniors.rank)"], "\(msp.briefRelations)")
        #expect(msp.relations == ["avec « \(juniors.title) » (rang\u{A0}\(juniors.rank))"], "\(msp.relations)")
        let text = Self.text(document)
        #expect(text.contains("Enchaînement : avec l'action \(juniors.rank) Calendrier"))
        #expect(!text.contains("(rang "))
        let detailed = Self.text(try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true))
        #expect(detailed.contains("Enchaînement : avec « \(juniors.title) » (rang \(juniors.rank))"))
        // A card that follows two actions and goes with two others says all four by their numbers.
        let qpv = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation")
        #expect(qpv.cards.flatMap(\.briefRelations).contains { $0.hasPrefix("avec les actions\u{A0}") }, "\(qpv.cards.flatMap(\.briefRelations))")
        #expect(!qpv.cards.flatMap(\.briefRelations).contains { $0.contains("rang") })
    }
}
