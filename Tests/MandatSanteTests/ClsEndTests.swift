import Foundation
import MandatSante
import RuleKit
import Testing

/// A CLS in force that ends during the mandate is renewed during it (`clsEnd`): its evaluation and the next contract
/// are an action of the roadmap, dated before its end; a CLS that ends at the close of the mandate has its
/// evaluation put on the 2029 calendar.
@Suite("Échéance d'un CLS en vigueur")
struct ClsEndTests {
    @Test("Valmont, CLS en vigueur à échéance en 2028 ou 2029 : son évaluation et le contrat suivant sont une décision datée d'avant l'échéance ; sans échéance renseignée, le renouvellement n'est pas proposé")
    func renewalDuringTheMandate() throws {
        let renewing = try ExampleSynthesisTests.document("ville-moyenne-qpv-cls", overrides: ["clsEnd=mi-mandat"])
        let card = try #require(renewing.cards.first { $0.id == "cls-renouveler" })
        // Valmont has priority districts and no ASV: the next contract creates it (rel38), and the title says so.
        #expect(card.title == "Évaluer le contrat local de santé qui s'achève en cours de mandat et préparer le suivant, avec un atelier santé ville pour les quartiers prioritaires")
        #expect(!renewing.cards.contains { $0.id == "asv-creer" })
        #expect(card.deadline.map(Content17Tests.plain)?.contains("avant l'échéance du CLS en vigueur") == true, "\(card.deadline ?? "")")
        #expect(card.forYou.map(Content17Tests.plain).contains("CLS à échéance en 2028 ou en 2029"), "\(card.forYou)")
        #expect(renewing.synthesis.decisions.contains { $0.title == card.title })
        let unknown = try ExampleSynthesisTests.document("ville-moyenne-qpv-cls")
        #expect(!unknown.cards.contains { $0.id == "cls-renouveler" })
    }

    @Test("CLS à échéance entre 2030 et mars 2032 : la carte qui l'élargit commence par inscrire son évaluation au calendrier de 2029")
    func evaluationOnTheCalendar() throws {
        let document = try ExampleSynthesisTests.document("ville-moyenne-qpv-cls", overrides: ["clsEnd=fin-de-mandat"], detail: true)
        let card = try #require(document.cards.first { $0.id == "cls-approfondir" })
        #expect(card.steps.first.map(Content17Tests.plain)?.hasPrefix("Inscrire au calendrier de 2029 l'évaluation du CLS") == true, "\(card.steps)")
        #expect(!document.cards.contains { $0.id == "cls-renouveler" })
    }
}
