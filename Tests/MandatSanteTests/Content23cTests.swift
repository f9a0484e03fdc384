import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 23 (issue 14, content): what the cards already said, made exact — the junior doctors' assignment rules still
/// to come, the elected member's support sized by the territory, the town-planning card naming the document the
/// profile declares, a municipal health centre as the Île-de-France example.
@Suite("Contenu 23c : docteurs juniors, appui de l'élu, PLU, centre municipal de santé")
struct Content23cTests {
    @Test("docteurs juniors : depuis novembre 2026, l'affectation se dit « selon les règles fixées par les textes et l'autorité de santé » (l'ARS, ou l'autorité du territoire outre-mer), l'accueil se prépare pour la rentrée suivante, un territoire sans maître de stage universitaire risque d'en être exclu, et la question écrite du Sénat est citée")
    func juniorDoctorsNotSettled() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let juniors = try #require(document.card("docteurs-juniors"))
        let why = Content17Tests.plain(juniors.why)
        #expect(why.contains("Leur affectation suit les règles fixées par les textes et l'autorité de santé"), "\(why)")
        #expect(why.contains("sans maître de stage universitaire sur place"), "\(why)")
        #expect(why.hasPrefix("Depuis novembre 2026") && why.contains("pour la rentrée suivante, chaque année en novembre"), "\(why)")
        #expect(Content16Tests.documents(juniors).contains("senat-qe-06899-docteurs-juniors-2025"))
    }

    @Test("élu référent : dans une agglomération de 90 000 habitants, une demi-journée par semaine ne suffit pas jusqu'au recrutement de la coordination ; dans une communauté de communes de 24 000 habitants, au moins une demi-journée")
    func referentSupportSizedByTerritory() throws {
        let agglomeration = try #require(try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation").card("elu-referent-sante"))
        let large = agglomeration.steps.map(Content17Tests.plain)
        #expect(large.contains { $0.contains("une demi-journée par semaine ne suffit pas") && $0.contains("jusqu'au recrutement d'une coordinatrice ou d'un coordinateur santé") }, "\(large)")
        let rural = try #require(try ExampleSynthesisTests.document("communaute-communes-rurale").card("elu-referent-sante"))
        let small = rural.steps.map(Content17Tests.plain)
        #expect(small.contains { $0.contains("au moins une demi-journée par semaine") }, "\(small)")
        #expect(!small.contains { $0.contains("ne suffit pas") || $0.contains("davantage dans une grande collectivité") })
    }

    @Test("document d'urbanisme : le titre nomme celui que le profil prépare, et le premier pas offre le débat sur le PADD quand la prescription est votée")
    func townPlanningTitleFollowsTheProfile() throws {
        let communeNouvelle = try #require(try ExampleSynthesisTests.document("commune-nouvelle-zac").card("urbanisme-favorable-sante-plu"))
        #expect(communeNouvelle.title == "Faire entrer la santé dans le PLU ou le PLUi en préparation", "\(communeNouvelle.title)")
        #expect(communeNouvelle.steps.first.map(Content17Tests.plain)?.contains("le débat sur le PADD") == true, "\(communeNouvelle.steps)")
        #expect(!communeNouvelle.steps.contains { $0.contains("PAS d'un SCoT") })
        let scot = try #require(try ExampleSynthesisTests.document("agglomeration-porteuse-cls").card("urbanisme-favorable-sante-plu"))
        #expect(scot.title == "Faire entrer la santé dans le SCoT ou le PLH en préparation", "\(scot.title)")
        #expect(!(scot.steps.first ?? "").contains("PADD"))
        let both = try #require(try ExampleSynthesisTests.document("communaute-urbaine-cls-clsm-plui").card("urbanisme-favorable-sante-plu"))
        #expect(both.title == "Faire entrer la santé dans le PLUi, le SCoT ou le PLH en préparation", "\(both.title)")
    }

    @Test("centre de santé de la collectivité : en Île-de-France, l'exemple est un centre municipal (Gennevilliers), pas le GIP de Vierzon")
    func municipalCentreExample() throws {
        for name in ["banlieue-centre-sante-deficit", "banlieue-qpv-centre-sante"] {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            let centre = try #require(document.card("centre-sante-consolider"))
            #expect(centre.examples.filter(\.told).map(\.territory) == ["Gennevilliers (Hauts-de-Seine)"], "\(name)")
            #expect(!Content16Tests.documents(centre).contains("crc-centre-sante-vierzon-2022"), "\(name)")
        }
    }
}
