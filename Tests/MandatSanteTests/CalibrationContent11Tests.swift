import Foundation
import MandatSante
import RuleKit
import Testing

/// Calibration from the consultant's reading (reader 10, findings 8, 13, 21): the heat-wave plan where heat is a
/// risk, the zone-rouge check where it can be one, costs and funders that match the action.
@Suite("Calibrage : plan canicule, zones rouges, coûts et financeurs")
struct CalibrationContent11Tests {
    @Test("sans exposition à la chaleur, pas de plan canicule en tête : la station balnéaire, le bourg, le village et la préfecture ouvrent sur d'autres actions ; exposée, la ceinture urbaine le garde dans les trois premiers mois", arguments: [
        "tres-petite-commune-rurale", "bourg-cls-pays", "bourg-rural-zac-msp", "village-departs-cabinet", "station-balneaire-saisonniere", "prefecture-hopital-support",
    ])
    func heatPlanFollowsExposure(_ name: String) throws {
        let document = try ExampleSynthesisTests.document(name)
        #expect(document.card("canicule-personnes-vulnerables") == nil, "\(name)")
        #expect(!document.synthesis.decisions.contains { $0.id == "canicule-personnes-vulnerables" }, "\(name)")
        let exposed = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole")
        let plan = try #require(exposed.card("canicule-personnes-vulnerables"))
        #expect(plan.phaseID == "premiers-mois" && plan.deadline != nil, "\(plan.phaseID)")
    }

    @Test("dans un village sans exposition à la chaleur, le registre des personnes vulnérables reste dit, par l'élu référent aînés de l'action bien vieillir")
    func registerStaysVisible() throws {
        let village = try ExampleSynthesisTests.document("tres-petite-commune-rurale", detail: true)
        let elders = try #require(village.card("bien-vieillir-petite-commune"))
        #expect(elders.steps.contains { $0.contains("registre des personnes vulnérables") }, "\(elders.steps)")
    }

    @Test("une préfecture urbaine ne vérifie pas d'abord si elle est en « zone rouge » (des intercommunalités rurales, loin des grandes agglomérations) ; un village en ZIP, si")
    func zoneRougeForRuralTerritories() throws {
        let prefecture = try ExampleSynthesisTests.document("prefecture-hopital-support")
        #expect(prefecture.cards.first { $0.id == "zones-rouges-solidarite" }?.phaseID != "premiers-mois")
        let village = try ExampleSynthesisTests.document("village-rural-zip")
        #expect(village.card("zones-rouges-solidarite")?.phaseID == "premiers-mois")
    }

    @Test("conforter la maison de santé coûte plus qu'une réunion et nomme les financeurs de son extension ; rapprocher ville et hôpital, qui coûte du temps, n'a pas de financeur d'investissement")
    func costsMatchFunders() throws {
        let document = try ExampleSynthesisTests.document("prefecture-hopital-support")
        let msp = try #require(document.card("msp-conforter-existante"))
        #expect(msp.costRangeID == "moyen", "\(String(describing: msp.costRangeID))")
        #expect(msp.funding.first?.hasPrefix("État – subventions DETR ou DSIL") == true, "\(msp.funding)")
        let detailed = try ExampleSynthesisTests.document("prefecture-hopital-support", detail: true)
        #expect(detailed.card("msp-conforter-existante")?.funding.contains { $0.hasPrefix("Région") } == true)
        let cooperation = try #require(document.card("cooperation-ville-hopital"))
        #expect(cooperation.funding.isEmpty, "\(cooperation.funding)")
    }
}
