import Foundation
@testable import MandatSante
import Testing

/// A consultant's reading of five whole roadmaps (reader15): the evidence read as evidence, the right carrier and
/// steps for the territory, examples that fit it, no jargon of the model in the élus' edition.
@Suite("Relecture 15 : preuves, porteurs, exemples et taille")
struct ContentReading15Tests {
    @Test("le niveau de preuve se lit après « Preuve : » : « modérée », « solide », jamais « probable » ni « démontré »")
    func evidenceReadsAsEvidence() {
        #expect(EvidenceLevel.allCases.map(WeighingWording.evidence) == ["solide", "modérée", "avis d'experts", "insuffisante", "contradictoire"])
    }

    @Test("la PMI et la vaccination : portées par la PMI et l'ARS, la commune en appui, pas « la commune »")
    func maternalHealthCarriedByThePMI() throws {
        let card = try #require(try ExampleSynthesisTests.document("village-mayotte-zip").card("sante-enfant-pmi-vaccination"))
        #expect(card.carrierID == "partenaire")
        #expect(card.carrier == "la protection maternelle et infantile (PMI) et l'ARS, avec l'appui de la commune", "\(card.carrier)")
    }

    @Test("une commune sans agent : le temps des seuls élus, un élu référent sans arrêté ni courrier à l'Ordre, pas d'accueil des professionnels sans installation en vue")
    func communeWithoutStaff() throws {
        let document = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        let pilot = try #require(document.card("elu-referent-sante"))
        #expect(pilot.costRange == "temps d'élus")
        #expect(pilot.steps.first?.hasPrefix("Confier la santé à une adjointe ou un adjoint (ou la garder au maire)") == true, "\(pilot.steps)")
        #expect(!pilot.steps.contains { $0.contains("Ordre des médecins") }, "\(pilot.steps)")
        #expect(document.card("accueil-installation-professionnels") == nil)
        let town = try #require(try ExampleSynthesisTests.document("village-rural-zip").card("elu-referent-sante"))
        #expect(town.costRange == "temps d'élus et d'agents")
    }

    @Test("une métropole ne lit pas l'exemple d'une communauté de communes pour son PLUi (celui de Dunkerque, sans source datée, est retiré : content38), et l'exemple normand n'est pas montré à Mayotte")
    func examplesFitTheTerritory() throws {
        let metropole = try #require(try ExampleSynthesisTests.document("metropole-cls-clsm", detail: true).card("urbanisme-favorable-sante-plu"))
        #expect(metropole.examples.isEmpty, "\(metropole.examples.map(\.territory))")
        let town = try #require(try ExampleSynthesisTests.document("ville-moyenne-qpv-cls", detail: true).card("urbanisme-favorable-sante-plu"))
        #expect(town.examples.map(\.territory) == ["Communauté de communes Cœur Côte Fleurie (Calvados)"])
        let mayotte = try #require(try ExampleSynthesisTests.document("village-mayotte-zip", detail: true).card("agir-echelle-intercommunale"))
        #expect(!mayotte.examples.contains { $0.territory.contains("Cœur Côte Fleurie") })
    }

    @Test("la saison de pointe se lit après son libellé : « l'hiver », sans « pointe » répété")
    func peakSeasonReads() throws {
        let document = try ExampleSynthesisTests.document("station-montagne-saisonniere")
        let line = document.synthesis.findings.joined(separator: "\n") + document.portrait.lines.map(\.text).joined(separator: "\n")
        #expect(!line.contains("pointe en hiver"), "\(line)")
    }

    @Test("à Mayotte, le cabinet avec logement passe par le CHM, premier offreur de soins de l'île, avec sa source publique ; ailleurs, ni le CHM ni cette source")
    func mayottePrimaryCareIsTheHospital() throws {
        let mayotte = try #require(try ExampleSynthesisTests.document("village-mayotte-zip", detail: true).card("cabinet-medical-logement"))
        #expect(mayotte.steps.contains { $0.hasPrefix("Rencontrer le Centre hospitalier de Mayotte (CHM)") }, "\(mayotte.steps)")
        #expect(mayotte.facts.contains { $0.source.document == "ars-mayotte-systeme-de-sante" })
        let village = try #require(try ExampleSynthesisTests.document("village-rural-zip", detail: true).card("cabinet-medical-logement"))
        #expect(!village.steps.contains { $0.contains("CHM") })
        #expect(!village.facts.contains { $0.source.document == "ars-mayotte-systeme-de-sante" })
    }
}
