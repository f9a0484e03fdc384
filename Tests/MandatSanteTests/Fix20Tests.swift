import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 20 (issue 14, content, reader20): sources of the profile's region or national ones, the MSP's funders by
/// who pays, a truthful zoning source, a métropole's own words, the resort's trade, the commune nouvelle's communes
/// déléguées, reasons worded from what holds.
@Suite("Contenu fix20 : sources de la bonne région, financeurs de la MSP, zonage, métropole, station, commune nouvelle")
struct Fix20Tests {
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    static func documents(_ document: RoadmapDocument) -> Set<String> { Set(document.bibliography.map(\.document)) }

    @Test("aucune page de l'ARS Occitanie ni de la préfecture des Hautes-Alpes pour le Rhône ou la Savoie ; la convention des saisonniers cite la loi, avec le Département et Action Logement")
    func sourcesOfTheRightRegion() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.source("paps-occitanie-aides-installation-2026") == nil)
        #expect(ruleBase.source("prefecture-hautes-alpes-saisonniers-2022") == nil)
        #expect(ruleBase.fact("aides-assurance-maladie-zac-2026")?.source.document == "convention-medicale-2024")
        #expect(ruleBase.fact("logement-saisonniers-loi-montagne")?.source.document == "cch-l301-4-1-logement-saisonniers")
        for name in ["ceinture-croissance-hors-zonage", "station-montagne-saisonniere"] {
            for detail in [false, true] {
                let document = try ExampleSynthesisTests.document(name, detail: detail)
                #expect(!document.bibliography.contains { Self.plain($0.title).contains("ARS Occitanie, portail") }, "\(name), détail \(detail)")
                #expect(!document.bibliography.contains { Self.plain($0.title).contains("Hautes-Alpes") }, "\(name), détail \(detail)")
            }
        }
        let station = try #require(try ExampleSynthesisTests.document("station-montagne-saisonniere").card("logement-saisonniers-professionnels"))
        #expect(station.partners.first.map(Self.plain)?.contains("conseil départemental et Action Logement") == true, "\(station.partners)")
    }

    @Test("la convention de l'ARS et du CNFPT de Provence-Alpes-Côte d'Azur : limitée à la santé-environnement, son fait imprimé dans cette région seulement, sans modules de santé mentale ni d'EIS prêtés")
    func cnfptConventionIsRegional() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let card = try #require(ruleBase.recommendation("formation-cnfpt-agents"))
        // Since session 22 the convention is no longer told in the card's « Pourquoi » (national text: the CNFPT levy),
        // only as a Repère of its region.
        #expect(!card.why.contains("Provence") && card.why.contains("cotisation obligatoire"), "\(card.why)")
        let steps = card.steps.texts(for: try Content16Tests.facts(Content16Tests.mainlandTown))
        // The mental-health first aid a town's agents get is the State's invitation since 2022 (content37), not a module
        // the regional convention lends.
        #expect(!steps.contains { ($0.contains("santé mentale") && $0.contains("convention")) || $0.contains("évaluation d'impact") }, "\(steps)")
        #expect(steps.contains { $0.contains("premiers secours en santé mentale") && $0.contains("que l'État invite depuis 2022") }, "\(steps)")
        let metropole = try #require(try ExampleSynthesisTests.document("metropole-cls-clsm", detail: true).card("formation-cnfpt-agents"))
        #expect(!metropole.facts.contains { $0.id == "ars-paca-cnfpt-sante-environnement-2025" })
    }

    @Test("la maison de santé d'une commune jeune : pas le Programme Santé Grand Âge, mais la DETR ou la DSIL selon qui porte l'immobilier, la Région et le Département, l'ARS (FMIS) ; la CPTS du territoire parmi les partenaires")
    func mspFundersAndPartners() throws {
        let card = try #require(try ExampleSynthesisTests.document("ceinture-croissance-hors-zonage", detail: true).card("msp-projet-de-sante"))
        let funding = card.funding.map(Self.plain)
        #expect(!funding.contains { $0.contains("Programme Santé Grand Âge") }, "\(funding)")
        #expect(funding.first?.hasPrefix("État – DETR ou DSIL si la commune ou l'intercommunalité porte l'immobilier") == true, "\(funding)")
        #expect(funding.contains { $0.hasPrefix("Région et Département") && $0.hasSuffix("à vérifier.") })
        #expect(funding.contains { $0.hasPrefix("ARS – fonds pour la modernisation et l'investissement en santé (FMIS)") })
        #expect(card.partners.contains { $0.hasPrefix("CPTS du territoire") }, "\(card.partners)")
        // An ageing territory still reads the Banque des Territoires' programme.
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        var aged = Content16Tests.mainlandTown
        aged.share75Plus = 16
        let agedFunding = try #require(ruleBase.recommendation("msp-projet-de-sante")).funding.texts(for: try Content16Tests.facts(aged))
        #expect(agedFunding.contains { $0.hasPrefix("Banque des Territoires – Programme Santé Grand Âge") }, "\(agedFunding)")
    }

    @Test("le zonage : l'arrêté de méthode du zonage (modifié en mai 2025) et le communiqué de la DREES de décembre 2022 sur l'APL, plus l'article titré sur les « zones rouges »")
    func zoningSources() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.source("quotidien-medecin-zonage-2025") == nil)
        #expect(ruleBase.fact("zonage-medecins-2025")?.source.document == "arrete-zonage-medecins-2025")
        let card = try #require(try ExampleSynthesisTests.document("commune-zonage-inconnu", detail: true).card("zonage-medecins-verifier"))
        #expect(Set(card.sources.map(\.document)).isSuperset(of: ["arrete-zonage-medecins-2025", "drees-apl-2022"]))
        // The reason is worded from what holds: residents without a médecin traitant, no announced departures.
        #expect(!card.forYou.contains { Self.plain($0).contains("ou des départs sont annoncés") }, "\(card.forYou)")
        #expect(card.forYou.contains { Self.plain($0).contains("des habitants sont sans médecin traitant") }, "\(card.forYou)")
        let welcome = try #require(try ExampleSynthesisTests.document("commune-zonage-inconnu", detail: true).card("accueil-installation-professionnels"))
        #expect(welcome.steps.contains { $0.hasSuffix("qui dépendront du zonage que l'ARS confirmera.") }, "\(welcome.steps)")
    }

    @Test("la métropole : le conseil métropolitain, pas « à commencer par le maire » ni d'annuaire des soins ; le renouvellement de Saint-Nazaire Agglo d'après son actualité datée (avril 2024), ni Cergy ni Vienne Condrieu ; le renouvellement urbain cite l'ANRU et le report à fin 2027")
    func metropoleWording() throws {
        let document = try ExampleSynthesisTests.document("metropole-cls-clsm", detail: true)
        let ambition = try #require(document.card("ambition-politique-sante"))
        #expect(!Self.plain(ambition.why).contains("à commencer par le maire"))
        #expect(ambition.steps.contains { $0.contains("conseil métropolitain") } && !ambition.steps.contains { $0.contains("conseil communautaire") }, "\(ambition.steps)")
        #expect(!ambition.steps.contains { $0.contains("annuaire des soins") }, "\(ambition.steps)")
        let renewal = try #require(document.card("cls-renouveler"))
        #expect(renewal.examples.first.map { Self.plain($0.text) }?.contains("avril 2024") == true)
        #expect(!renewal.examples.contains { $0.text.contains("10 juin 2025") })
        #expect(!(document.card("coordination-securiser-poste")?.examples.contains { $0.territory.hasPrefix("Cergy") } ?? false))
        #expect(!(document.card("diagnostic-sante-partage")?.examples.contains { $0.territory.hasPrefix("Vienne Condrieu") } ?? false))
        let urban = try #require(document.card("renouvellement-urbain-sante"))
        #expect(urban.sources.map(\.document).contains("ministere-logement-npnru-prolongation-2025"))
        #expect(!urban.sources.contains { $0.document == "anru-urbanisme-favorable-sante" })
        #expect(!Self.documents(document).contains("anru-webinaire-sante-2022"))
        #expect(!(document.card("prevention-primaire-collective")?.sources.contains { $0.document == "what-works-for-health" } ?? false))
    }

    @Test("la station : le remboursement des frais de secours, la continuité des soins à l'intersaison avec Médecins de montagne, Villages d'avenir « s'il est en cours », la règle des dix ans pour tout professionnel de santé")
    func resortTrade() throws {
        let document = try ExampleSynthesisTests.document("station-montagne-saisonniere", detail: true)
        let rescue = try #require(document.card("secours-domaine-skiable"))
        #expect(rescue.steps.contains { $0.contains("rembourser aux personnes secourues") }, "\(rescue.steps)")
        #expect(rescue.sources.contains { $0.document == "anmsm-frais-de-secours" })
        let season = try #require(document.card("soins-saison-touristique"))
        #expect(season.steps.contains { $0.contains("continuité des soins des habitants à l'intersaison") }, "\(season.steps)")
        #expect(season.partners.contains { $0.hasPrefix("association Médecins de montagne") }, "\(season.partners)")
        let scale = try #require(document.card("agir-echelle-intercommunale"))
        #expect(scale.steps.contains { $0.hasPrefix("Si l'accompagnement Villages d'avenir de la commune est en cours") }, "\(scale.steps)")
        let surgery = try #require(document.card("cabinet-medical-logement"))
        #expect(surgery.cautions.contains { $0.contains("un professionnel de santé déjà aidé") }, "\(surgery.cautions)")
        // A seaside resort reads neither the off-season step nor the association of mountain doctors.
        let seaside = try ExampleSynthesisTests.document("station-balneaire-saisonniere", detail: true)
        if let summer = seaside.card("soins-saison-touristique") {
            #expect(!summer.partners.contains { $0.contains("Médecins de montagne") })
            #expect(!summer.steps.contains { $0.contains("intersaison") })
        }
    }

    @Test("la commune nouvelle : les mairies annexes et les maires délégués dans le repérage des aînés isolés et le pilotage santé ; l'extension de Sinceny dit la part restée à l'agglomération")
    func communeNouvelle() throws {
        let document = try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite", detail: true)
        let elders = try #require(document.card("isolement-aines-reperage"))
        #expect(elders.steps.first?.contains("recueillent les signalements dans les mairies annexes") == true, "\(elders.steps)")
        let referent = try #require(document.card("elu-referent-sante"))
        #expect(referent.steps.contains { $0.hasPrefix("Associer les maires délégués au suivi santé") }, "\(referent.steps)")
        let town = try #require(try ExampleSynthesisTests.document("village-rural-zip", detail: true).card("elu-referent-sante"))
        #expect(!town.steps.contains { $0.contains("maires délégués") })
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let sinceny = try #require(ruleBase.recommendation("msp-conforter-existante")).examples.first { $0.territory.contains("Chauny-Tergnier") }
        // What the source says (« financés notamment par l'État … et par la Région »), not our subtraction.
        #expect(sinceny.map { Self.plain($0.what) }?.contains("financés notamment par l'État (416 447 €) et par la Région Hauts-de-France (500 000 €)") == true)
        #expect(sinceny.map { Self.plain($0.what) }?.contains("restaient à sa charge") == false)
    }
}
