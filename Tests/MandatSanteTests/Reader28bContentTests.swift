@testable import MandatSante
import RuleKit
import Testing

/// reader28b's content findings: the short edition prints no « Repères », so a step that names the State's « zones
/// rouges » scheme cites its document on the card itself, not only through a fact the short edition leaves out.
@Suite("Relecture 28b : les « zones rouges » citent leur document dans l'édition courte")
struct Reader28bContentTests {
    @Test("petite ville en zone d'intervention prioritaire et commune nouvelle : l'étape des « zones rouges » s'imprime avec l'article de Localtis parmi les sources de la fiche")
    func redZonesCiteTheirDocument() throws {
        for name in ["petite-ville-zip-msp-voisine", "commune-nouvelle-hopital-proximite"] {
            let document = try ExampleSynthesisTests.document(name)
            let card = try #require(document.card("agir-echelle-intercommunale"), "\(name)")
            #expect(card.steps.contains { Content17Tests.plain($0).contains("« zones rouges »") }, "\(name): \(card.steps)")
            #expect(card.sources.contains { $0.document == "localtis-un-medecin-pres-de-chez-vous-2025" }, "\(name)")
        }
    }
}
