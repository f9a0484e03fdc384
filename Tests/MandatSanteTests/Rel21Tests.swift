@testable import MandatSante
import Testing

/// Session 21, relations and missing steps (issues 12 and 14, reader20): what the example roadmaps now say.
@Suite("Relecture 20 : coordinations réunies au renouvellement du CLS, carte de chaleur avec le PLUi, pas manquants")
struct Rel21Tests {
    @Test("métropole : le renouvellement du CLS réunit CLS, CLSM et atelier santé ville et fait signer la CPTS ; ni gouvernance ni partenariat CPTS à part")
    func clsRenewalCarriesTheCoordinations() throws {
        let document = try ExampleSynthesisTests.document("metropole-cls-clsm")
        let renewal = try #require(document.card("cls-renouveler"))
        #expect(renewal.steps.contains { $0.hasPrefix("Donner au CLS, au CLSM et à l'atelier santé ville un seul comité de pilotage") }, "\(renewal.steps)")
        #expect(renewal.steps.contains { $0.hasPrefix("Inviter la CPTS à signer le nouveau contrat") }, "\(renewal.steps)")
        let roadmap = try PressingDeadlineTests.plan("metropole-cls-clsm")
        for id in ["gouvernance-coordinations-unique", "cpts-partenariat-collectivite"] {
            #expect(roadmap.leftOutReason(id) == .replaced(by: "cls-renouveler"), "\(id)")
        }
    }

    @Test("métropole : la carte des îlots de chaleur est demandée au diagnostic du PLUi ; la fiche îlots de chaleur part de cette carte")
    func heatMapWithThePlan() throws {
        let document = try ExampleSynthesisTests.document("metropole-cls-clsm", detail: true)
        let plan = try #require(document.card("urbanisme-favorable-sante-plu"))
        #expect(plan.steps.contains { $0.contains("portrait santé-environnement, carte des îlots de chaleur comprise") }, "\(plan.steps)")
        let heat = try #require(document.card("ilots-chaleur-ombre"))
        #expect(heat.steps.first?.hasPrefix("Partir de la carte des îlots de chaleur du document d'urbanisme") == true, "\(heat.steps)")
        #expect(!heat.steps.contains { $0.hasPrefix("Cartographier les îlots de chaleur") }, "\(heat.steps)")
    }

    @Test("zonage inconnu : sans CLS ni priorité de prévention, la prévention collective attend (son pas « sans diagnostic » est tenu par un test de règles) ; la CPTS à faire naître avec l'intercommunalité")
    func noDiagnosisAndCPTS() throws {
        let document = try ExampleSynthesisTests.document("commune-zonage-inconnu", detail: true)
        // reader38a: the prevention programme waits for the CLS the commune asks of its intercommunality; the step
        // « Sans diagnostic local, demander d'abord à l'ORS … » is pinned in Rules/tests/fiches.json.
        #expect(document.card("prevention-primaire-collective") == nil)
        #expect(document.entry("prevention-primaire-collective") != nil)
        let cpts = try #require(document.card("cpts-soutenir-emergence"))
        #expect(cpts.steps.contains { $0.hasPrefix("Porter la démarche avec l'intercommunalité et les communes voisines") }, "\(cpts.steps)")
        // Where a diagnosis exists or is in the roadmap, the step keeps its wording.
        let prefecture = try ExampleSynthesisTests.document("prefecture-hopital-support", detail: true)
        let withDiagnosis = try #require(prefecture.card("prevention-primaire-collective"))
        #expect(!withDiagnosis.steps.contains { $0.hasPrefix("Sans diagnostic local") }, "\(withDiagnosis.steps)")
    }

    @Test("soins de saison : conventions et soignants saisonniers arrêtés au début de l'automne avant l'hiver, au printemps avant l'été")
    func seasonalAgreementsEarly() throws {
        let mountain = try #require(try ExampleSynthesisTests.document("station-montagne-saisonniere").card("soins-saison-touristique"))
        #expect(mountain.steps.contains { $0.hasSuffix("au plus tard au début de l'automne qui précède l'hiver.") }, "\(mountain.steps)")
        let seaside = try #require(try ExampleSynthesisTests.document("station-balneaire-saisonniere").card("soins-saison-touristique"))
        #expect(seaside.steps.contains { $0.hasSuffix("au plus tard au printemps qui précède l'été.") }, "\(seaside.steps)")
    }

    @Test("ceinture en croissance : la maison de santé réserve un lot dans la ZAC déclarée")
    func zacReservesHealthPremises() throws {
        let msp = try #require(try ExampleSynthesisTests.document("ceinture-croissance-hors-zonage").card("msp-projet-de-sante"))
        #expect(msp.steps.contains { $0.hasPrefix("Réserver dans le programme de la ZAC ou du nouveau quartier un lot ou un rez-de-chaussée") }, "\(msp.steps)")
    }

    @Test("commune nouvelle : la question de la « zone rouge » est un pas de la démarche intercommunale, pas une action à part")
    func zoneRougeInTheIntercommunalCard() throws {
        let document = try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite")
        let intercommunal = try #require(document.card("agir-echelle-intercommunale"))
        #expect(intercommunal.steps.contains { $0.hasPrefix("Demander à l'ARS si l'intercommunalité figure parmi les") }, "\(intercommunal.steps)")
        #expect(document.card("zones-rouges-solidarite") == nil)
        // An intercommunality keeps the check as its own card.
        #expect(try ExampleSynthesisTests.document("communaute-communes-rurale").card("zones-rouges-solidarite") != nil)
    }
}
