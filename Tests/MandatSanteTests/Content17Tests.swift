import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 17 (issue 14, content): an existing atelier santé ville is built on; the hub hospital's city is not offered
/// rooms for the specialists who work at its hospital; each youth mental-health card has its own example; the
/// heat-wave register cites its law.
@Suite("Contenu 17 : l'ASV existant, la ville de l'hôpital support, santé mentale des jeunes, registre canicule")
struct Content17Tests {
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    @Test("banlieue à ASV : « Appuyer l'atelier santé ville existant » dans les trois premiers mois, à la place du financement du volet santé du contrat de ville ; sans ASV, on le crée")
    func existingHealthWorkshop() throws {
        let document = try ExampleSynthesisTests.document("banlieue-qpv-centre-sante", detail: true)
        let card = try #require(document.card("asv-appuyer-existant"))
        #expect(card.title == "Appuyer l'atelier santé ville existant et lui confier les actions des quartiers prioritaires")
        #expect(card.phaseID == document.cards[0].phaseID, "\(card.phaseTitle)")
        #expect(card.steps.first?.hasPrefix("Recevoir la coordinatrice ou le coordinateur de l'ASV") == true)
        #expect(card.steps.contains { $0.contains("volet quartiers prioritaires du CLS") })
        #expect(card.steps.contains { $0.contains("programmation du contrat de ville") })
        #expect(card.steps.contains { $0.contains("habitat indigne") && $0.contains("accès aux droits") })
        #expect(card.sources.map(\.document).contains("circulaire-quartiers-2030-2024"))
        #expect(card.inequalityEffectID == "reduit")
        #expect(document.card("politique-de-la-ville-sante") == nil && document.card("asv-creer") == nil)
        let without = try ExampleSynthesisTests.document("banlieue-qpv-centre-sante", overrides: ["asv=false"], detail: true)
        #expect(without.card("asv-appuyer-existant") == nil)
        #expect(without.card("asv-creer") != nil)
    }
}
