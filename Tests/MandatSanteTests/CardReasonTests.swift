import Foundation
@testable import MandatSante
import Testing

/// Every card says why it is here: the size, which the header already gives, is left out of a card's reasons
/// only when it has others.
@Suite("Pourquoi : jamais vide, la taille seulement quand il n'y a rien d'autre")
struct CardReasonTests {
    @Test("commune au zonage inconnu : la prévention primaire, sans autre raison, dit la taille qui la justifie")
    func sizeAloneIsSaid() throws {
        // (The resort's réflexe santé now has its Villages d'avenir reason, reader29c.)
        let (_, document) = try Plan24Tests.plan("commune-zonage-inconnu")
        let card = try #require(document.cards.first { $0.id == "prevention-primaire-collective" })
        #expect(card.forYou.map(Plan24Tests.plain) == ["commune de 6 500 habitants"])
        let outlined = try #require(document.phases.first { $0.cards.contains { $0.id == card.id } }?.outlined)
        let edition = CardEdition(detail: false, outlined: outlined)
        #expect(DocumentLabels.forYou(card, edition: edition).map(Plan24Tests.plain) == ["commune de 6 500 habitants"])
    }

    @Test("tous les exemples : aucune fiche sans « Pourquoi », et la taille n'est redite qu'à défaut d'autre raison")
    func noCardWithoutReason() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        for name in names {
            let (_, document) = try Plan24Tests.plan(name)
            for phase in document.phases {
                for card in phase.cards {
                    let shown = DocumentLabels.forYou(card, edition: CardEdition(detail: false, outlined: phase.outlined))
                    #expect(!shown.isEmpty, "\(name) : « \(card.title) » sans raison")
                    if let size = card.sizeReason, shown.contains(size) { #expect(shown == [size], "\(name) : « \(card.title) » redit la taille") }
                }
            }
        }
    }
}
