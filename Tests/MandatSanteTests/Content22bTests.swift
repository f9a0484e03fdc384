import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 22 (issues 12 and 14, content): relations, merits and cards a consultant flagged — the préfecture's
/// residents' voice and junior doctors, the medium town's atelier santé ville, the school-yard pair, Mayotte's
/// cyclone season.
@Suite("Contenu 22b : relations, mérites et fiches relevés par la lecture de consultant")
struct Content22bTests {
    @Test("préfecture : le recueil de la parole des habitants, tenu par la stratégie bien vieillir qui le suit, dit pourquoi il est là")
    func prefectureVoiceSaysWhy() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let voice = try #require(document.card("participation-habitants-diagnostic"))
        #expect(voice.forYou.contains { Content17Tests.plain($0).contains("nourrit la stratégie « bien vieillir »") }, "\(voice.forYou)")
        let strategy = try #require(document.card("bien-vieillir-strategie-territoriale"))
        #expect(strategy.rank > voice.rank)
    }

    @Test("préfecture hors zonage : les docteurs juniors, que la loi affecte en priorité là où l'offre de soins est insuffisante, se demandent d'abord au département de médecine générale ; ailleurs, le premier pas reste la prise de contact")
    func juniorDoctorsOutsideZoning() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let juniors = try #require(document.card("docteurs-juniors"))
        #expect(juniors.steps.first?.contains("si le territoire, hors zonage, recevra des docteurs juniors") == true, "\(juniors.steps)")
        #expect(Content16Tests.documents(juniors).contains("lfss-2023-article-37"))
        let zip = try #require(try ExampleSynthesisTests.document("communaute-communes-rurale").card("docteurs-juniors"))
        #expect(zip.steps.first?.hasPrefix("Contacter le département de médecine générale") == true && !zip.steps.contains { $0.contains("hors zonage") })
    }

    @Test("Mayotte deux ans après Chido : la fiche de l'eau, placée en 2027, prépare aussi la saison cyclonique (titre, pas d'avant novembre, hébergements d'urgence sourcés) ; La Réunion et la Guadeloupe gardent la fiche de l'eau telle quelle")
    func mayotteCycloneSeasonInTheFirstYear() throws {
        let document = try ExampleSynthesisTests.document("village-mayotte-zip", detail: true)
        let water = try #require(document.card("eau-potable-coupures-outre-mer"))
        #expect(water.title.contains("saison cyclonique"), "\(water.title)")
        #expect(water.phaseID == "fin-d-annee")
        #expect(water.steps.prefix(3).contains { $0.hasPrefix("Avant la prochaine saison cyclonique, qui s'ouvre en novembre") }, "\(water.steps)")
        #expect(!water.steps.contains { Content17Tests.plain($0).hasPrefix("Inscrire un volet « coupure d'eau potable »") })
        #expect(water.facts.map(\.id).contains("mayotte-chido-hebergements-2024"))
        let guadeloupe = try #require(try ExampleSynthesisTests.document("commune-antilles-dengue", detail: true).card("eau-potable-coupures-outre-mer"))
        #expect(!guadeloupe.title.contains("cyclonique") && !guadeloupe.steps.contains { $0.contains("saison cyclonique") })
        #expect(guadeloupe.steps.contains { Content17Tests.plain($0).hasPrefix("Inscrire un volet « coupure d'eau potable »") })
    }

    @Test("une CPTS en projet chez les professionnels (cptsProject) : la fiche soutient leur projet au lieu d'en susciter un, et le portrait le dit ; sans projet, la fiche garde la réunion d'information")
    func cptsInProject() throws {
        let document = try ExampleSynthesisTests.document("communaute-communes-rurale", detail: true)
        let cpts = try #require(document.card("cpts-soutenir-emergence"))
        #expect(cpts.title == "Soutenir le projet de CPTS que préparent les professionnels du bassin de vie")
        #expect(cpts.steps.contains { $0.hasPrefix("Rencontrer les professionnels qui portent le projet de CPTS") } && !cpts.steps.contains { $0.hasPrefix("Inviter l'URPS médecins") })
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("cpts-soutenir-emergence"))
        let without = try Content16Tests.facts(Content16Tests.mainlandTown)
        #expect(recommendation.steps.texts(for: without).contains { $0.hasPrefix("Inviter l'URPS médecins") })
    }
}
