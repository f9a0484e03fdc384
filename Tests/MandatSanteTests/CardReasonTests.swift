import Foundation
@testable import MandatSante
import Testing

/// A card says why it is here, never by a bare size: the size, which the header already gives, is left out of a
/// card's reasons in the default edition, even when it is the only one (read35); the detailed edition keeps it.
@Suite("Pourquoi : jamais une taille seule")
struct CardReasonTests {
    @Test("commune au zonage inconnu : les perturbateurs endocriniens disent leur raison (les écoles à la charge de la commune), jamais la taille seule dans l'édition courante ; l'édition détaillée la garde")
    func sizeAloneIsSaid() throws {
        // (Until content40 this card had no other reason than the size, and no « Pourquoi » in the default edition;
        // it now says that the commune runs its public schools.)
        let (_, document) = try Plan24Tests.plan("commune-zonage-inconnu")
        let card = try #require(document.cards.first { $0.id == "perturbateurs-endocriniens-achats" })
        let school = "la commune a ses écoles publiques à sa charge, de leurs locaux à leur fonctionnement, et peut y commencer par ses achats et leur entretien"
        #expect(card.forYou.map(Plan24Tests.plain) == [school, "commune de 6 500 habitants"], "\(card.forYou)")
        let outlined = try #require(document.phases.first { $0.cards.contains { $0.id == card.id } }?.outlined)
        #expect(DocumentLabels.forYou(card, edition: CardEdition(detail: false, outlined: outlined)).map(Plan24Tests.plain) == [school])
        #expect(DocumentLabels.forYou(card, edition: CardEdition(detail: true, outlined: outlined)).map(Plan24Tests.plain) == [school, "commune de 6 500 habitants"])
    }

    @Test("tous les exemples : aucune fiche sans « Pourquoi » qui ait une autre raison que la taille, et la taille n'est jamais redite")
    func noCardWithoutReason() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        for name in names {
            let (_, document) = try Plan24Tests.plan(name)
            for phase in document.phases {
                for card in phase.cards {
                    let shown = DocumentLabels.forYou(card, edition: CardEdition(detail: false, outlined: phase.outlined))
                    #expect(!shown.isEmpty || card.forYou == [card.sizeReason], "\(name) : « \(card.title) » sans raison")
                    if let size = card.sizeReason { #expect(!shown.contains(size), "\(name) : « \(card.title) » redit la taille") }
                }
            }
        }
    }
}
