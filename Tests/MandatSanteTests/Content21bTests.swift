import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 21 (issue 14, content): a consultant's findings of the day — national sources for national mechanisms,
/// Mayotte after Chido, the very small commune, the medium town with priority districts, the rural intercommunality.
@Suite("Contenu 21b : sources nationales, Mayotte après Chido, tailles et territoires")
struct Content21bTests {
    @Test("une préfecture d'Occitanie ne lit plus de page d'ARS d'une autre région : le SAS, les premiers secours en santé mentale et les SISM ont des sources nationales ; la page des consultations avancées de Nouvelle-Aquitaine n'est plus rattachée à la coopération ville-hôpital")
    func nationalSourcesForNationalMechanisms() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let otherRegions: Set<String> = ["ars-idf-sas", "ars-na-consultations-avancees", "ars-paca-premiers-secours-sante-mentale", "ars-idf-sism-2024", "ars-hdf-habitat-indigne-elus"]
        #expect(Fix20Tests.documents(document).isDisjoint(with: otherRegions), "\(Fix20Tests.documents(document).intersection(otherRegions))")
        let unscheduled = try #require(document.card("soins-non-programmes"))
        #expect(Content16Tests.documents(unscheduled).contains("ministere-sante-sas-generalisation-2024"))
        let youth = try #require(document.card("sante-mentale-jeunes"))
        #expect(Content16Tests.documents(youth).isSuperset(of: ["santementale-pssm-module-jeunes-2026", "sism-2025-semaines-sante-mentale"]))
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(try #require(ruleBase.recommendation("cooperation-ville-hopital")).sources.allSatisfy { $0.document != "ars-na-consultations-avancees" })
        #expect(try #require(ruleBase.recommendation("habitat-indigne-precarite-energetique")).sources.allSatisfy { $0.document != "ars-hdf-habitat-indigne-elus" })
    }
}
