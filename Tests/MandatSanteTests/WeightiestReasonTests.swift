@testable import MandatSante
import Testing

/// A card keeps two reasons outside the detailed edition: the weightiest boost is one of them, not pushed out by the
/// condition's plain findings (reader38a: the volunteer doctors' centre of a village losing its doctors said only
/// « aucune MSP ; aucun centre de santé », its +25 for the departures cut off).
@Suite("Pourquoi : la raison qui pèse le plus est parmi les deux qu'une fiche garde")
struct WeightiestReasonTests {
    @Test("village en ZIP qui perd ses médecins : le centre de médecins volontaires et le cabinet avec logement disent les départs attendus, après l'absence de MSP")
    func departuresAreSaid() throws {
        let (_, document) = try Plan24Tests.plan("village-rural-zip")
        for id in ["medecins-volontaires-relais", "cabinet-medical-logement"] {
            let card = try #require(document.cards.first { $0.id == id }, "\(id)")
            let outlined = try #require(document.phases.first { $0.cards.contains { $0.id == id } }?.outlined)
            let shown = DocumentLabels.forYou(card, edition: CardEdition(detail: false, outlined: outlined)).map(Plan24Tests.plain)
            #expect(shown == ["aucune maison de santé pluriprofessionnelle (MSP)",
                              "des départs de médecins généralistes sont attendus d'ici cinq ans"], "\(id): \(shown)")
            // The detailed edition keeps every reason, the centre's absence among them.
            let full = DocumentLabels.forYou(card, edition: CardEdition(detail: true, outlined: outlined)).map(Plan24Tests.plain)
            #expect(full.contains("aucun centre de santé"), "\(id): \(full)")
        }
    }

}
