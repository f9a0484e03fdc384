@testable import MandatSante
import RuleKit
import Testing

/// reader28b's content findings: the short edition prints no « Repères », so a step that names the State's « zones
/// rouges » scheme cites its document on the card itself, not only through a fact the short edition leaves out; a
/// health centre that exists hears of the France Santé label among its first three steps, never in the Pacific.
@Suite("Relecture 28b : les « zones rouges » citent leur document dans l'édition courte ; le label France Santé parmi les premiers pas de la maison de santé")
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

    @Test("maison de santé existante : le label France Santé parmi les trois premiers pas, avec l'article d'Egora ; pas dans le Pacifique")
    func franceSanteAmongFirstSteps() throws {
        let document = try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite")
        let card = try #require(document.card("msp-conforter-existante"))
        #expect(card.steps.prefix(3).contains { $0.hasPrefix("Informer l'équipe des critères du label France Santé") }, "\(card.steps)")
        #expect(card.sources.contains { $0.document == "egora-france-sante-2025" })
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        var spec = Fixture.ProfileSpec(name: "Nouméa-Sud", population: 12_000, density: "centre-urbain-intermediaire", outreMer: "pacifique")
        spec.msp = true
        let pacific = try #require(ruleBase.recommendation("msp-conforter-existante")).steps.texts(for: try Content16Tests.facts(spec))
        #expect(!pacific.contains { $0.contains("France Santé") }, "\(pacific)")
    }
}
