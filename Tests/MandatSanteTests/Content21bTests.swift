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

    @Test("Mayotte après Chido : la loi de programmation pour la refondation nommée sur l'eau (plan eau, 2025-2031) et sur le cabinet (crédits de reconstruction), la loi d'urgence citée ; le CHM parmi les partenaires ; le rapport de la chambre régionale des comptes cité pour la PMI de Mayotte (en repère), la source nationale de la DREES sous « Sources » ; l'instruction ORSEC Eau potable a une adresse ; Mayotte, toute en zone d'intervention prioritaire, figure parmi les zones rouges")
    func mayotteAfterChido() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let mayotte = try Content16Tests.facts(Fixture.ProfileSpec(name: "Mayotte-Sud", population: 3_000, density: "bourg-rural", outreMer: "mayotte"))
        let reunion = try Content16Tests.facts(Content16Tests.reunionTown)
        let water = try #require(ruleBase.recommendation("eau-potable-coupures-outre-mer"))
        #expect(water.steps.texts(for: mayotte).contains { $0.contains("plan eau Mayotte") && $0.contains("refondation de Mayotte") })
        #expect(!water.steps.texts(for: reunion).contains { $0.contains("Mayotte") })
        let document = try ExampleSynthesisTests.document("village-mayotte-zip", detail: true)
        let waterCard = try #require(document.card("eau-potable-coupures-outre-mer"))
        #expect(waterCard.facts.map(\.id).contains("mayotte-refondation-2025"))
        let cabinet = try #require(document.card("cabinet-medical-logement"))
        #expect(Set(cabinet.facts.map(\.id)).isSuperset(of: ["mayotte-loi-urgence-2025", "mayotte-refondation-2025"]))
        #expect(cabinet.funding.contains { $0.contains("reconstruire après le cyclone Chido") })
        #expect(cabinet.partners.prefix(2).contains("Centre hospitalier de Mayotte (CHM)"), "\(cabinet.partners)")
        for id in ["docteurs-juniors", "medicobus-aller-vers"] {
            let recommendation = try #require(ruleBase.recommendation(id))
            #expect(recommendation.partners.texts(for: mayotte).contains("Centre hospitalier de Mayotte (CHM)"), "\(id)")
            #expect(!recommendation.partners.texts(for: reunion).contains { $0.contains("CHM") }, "\(id)")
        }
        let mch = try #require(document.card("sante-enfant-pmi-vaccination"))
        #expect(Content16Tests.documents(mch).isSuperset(of: ["drees-pmi-2023", "la1ere-pmi-mayotte-crc-2023"]) && !Content16Tests.documents(mch).contains("zinfos-crc-pmi-mayotte-2023"))
        #expect(ruleBase.sources.first { $0.id == "instruction-orsec-eau-potable-2017" }?.url != nil)
        let red = try #require(ruleBase.recommendation("zones-rouges-solidarite"))
        #expect(red.title(for: mayotte).contains("dont Mayotte fait partie") && red.title(for: reunion).hasPrefix("Vérifier si l'intercommunalité figure"))
        #expect(red.boosts.contains { $0.reason.contains("toute l'île est en zone d'intervention prioritaire") && $0.condition.evaluate(mayotte) == .true })
        #expect(!red.steps.texts(for: mayotte).contains { $0.contains("si l'intercommunalité figure") })
    }

    @Test("la très petite commune : « ARS » et non « autorité de santé » (qui se lit Haute Autorité de santé), pas de Cerema sous 3 500 habitants ; la fonction de médecin correspondant du SAMU présentée aux médecins à faire venir seulement quand la commune en cherche ; le diagnostic en marchant parcourt aussi les hameaux d'un habitat dispersé")
    func veryRuralCommune() throws {
        let document = try ExampleSynthesisTests.document("tres-petite-commune-rurale", detail: true)
        // With no agent, the outside support comes through the intercommunal approach (one step of that card),
        // not a separate survey; a village with one agent keeps the survey, with its small-commune title.
        #expect(document.card("mobiliser-ressources-existantes") == nil)
        let intercommunal = try #require(document.card("agir-echelle-intercommunale"))
        #expect(intercommunal.steps.contains { $0.hasPrefix("Faute d'agent") && $0.contains("observatoire régional de santé") }, "\(intercommunal.steps)")
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let resourcesRule = try #require(ruleBase.recommendation("mobiliser-ressources-existantes"))
        let villageWithAgent = try Content16Tests.facts(Fixture.ProfileSpec(population: 150, density: "rural-tres-disperse", engineeringStaff: 1))
        #expect(resourcesRule.condition.evaluate(villageWithAgent) == .true)
        #expect(resourcesRule.title(for: villageWithAgent) == "Repérer et mobiliser les appuis existants : ARS, ORS, promotion de la santé, intercommunalité")
        #expect(!resourcesRule.steps.texts(for: villageWithAgent).contains { $0.contains("Cerema") })
        let town = try Content16Tests.facts(Content16Tests.mainlandTown)
        #expect(resourcesRule.title(for: town).contains("ARS, ORS, Cerema"))
        #expect(!resourcesRule.title.contains("autorité de santé"))
        // The SAMU card waits « à envisager ensuite » here since plan31: its steps read for the same village.
        let samuRule = try #require(ruleBase.recommendation("medecins-correspondants-samu"))
        #expect(!samuRule.steps.texts(for: villageWithAgent).contains { $0.contains("faire venir") })
        let seeking = try Content16Tests.facts(Fixture.ProfileSpec(population: 150, density: "rural-tres-disperse", plannedProjects: ["maison-de-sante"]))
        #expect(samuRule.steps.texts(for: seeking).contains { $0.contains("aux médecins que la commune cherche à faire venir") })
        let elders = try #require(document.card("bien-vieillir-petite-commune"))
        #expect(elders.steps.contains { $0.contains("parcourir le bourg ou les hameaux") }, "\(elders.steps)")
        let bourg = try #require(try ExampleSynthesisTests.document("bourg-rural-zac-msp", detail: true).card("bien-vieillir-petite-commune"))
        #expect(bourg.steps.contains { $0.contains("parcourir la commune avec") }, "\(bourg.steps)")
    }

    @Test("la ville moyenne à deux quartiers prioritaires : le diagnostic en marchant dans un des quartiers prioritaires ; pas d'« annuaire des soins » (réponse rapide de village) dans une ville de 10 000 habitants ou plus ; l'OPAH-RU du centre, volet habitat d'Action cœur de ville, nommée pour l'habitat indigne avec sa source")
    func mediumTownWithPriorityDistricts() throws {
        let document = try ExampleSynthesisTests.document("ville-moyenne-qpv-cls", detail: true)
        let participation = try #require(document.card("participation-habitants-diagnostic"))
        #expect(participation.steps.contains { $0.hasPrefix("Parcourir à pied un des quartiers prioritaires") })
        #expect(!participation.steps.contains { $0.contains("le centre ou un quartier") })
        let ambition = try #require(document.card("ambition-politique-sante"))
        #expect(!ambition.steps.contains { $0.contains("annuaire des soins") } && ambition.steps.contains { $0.contains("diffuser les numéros de garde") })
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let village = try Content16Tests.facts(Content16Tests.mainlandVillage)
        #expect(try #require(ruleBase.recommendation("ambition-politique-sante")).steps.texts(for: village).contains { $0.contains("annuaire des soins") })
        let habitat = try #require(document.card("habitat-indigne-precarite-energetique"))
        #expect(habitat.steps.contains { $0.contains("OPAH de renouvellement urbain (OPAH-RU) du centre-ville") && $0.contains("Action cœur de ville") })
        #expect(habitat.facts.map(\.id).contains("action-coeur-de-ville-anah-opah") && Content16Tests.documents(habitat).contains("dreal-pdl-action-coeur-de-ville"))
        let town = try Content16Tests.facts(Content16Tests.mainlandTown)
        let steps = try #require(ruleBase.recommendation("habitat-indigne-precarite-energetique")).steps.texts(for: town)
        #expect(steps.contains { $0.hasPrefix("Étudier une opération programmée") } && !steps.contains { $0.contains("OPAH-RU") })
    }

    @Test("CC rurale et préfecture : les zones rouges « selon la liste en vigueur » ; la stratégie bien vieillir financée d'abord par la Conférence des financeurs et les caisses de retraite, le Programme Santé Grand Âge ensuite ; les soins non programmés : l'ARS pour le fonctionnement que les consultations ne couvrent pas, comme à Albi ; les assistants spécialistes « selon la campagne en cours »")
    func ruralIntercommunalityAndPrefecture() throws {
        let rural = try ExampleSynthesisTests.document("communaute-communes-rurale", detail: true)
        let red = try #require(rural.card("zones-rouges-solidarite"))
        #expect(red.steps.first?.contains("selon la liste en vigueur") == true, "\(red.steps)")
        let ageing = try #require(rural.card("bien-vieillir-strategie-territoriale"))
        #expect(ageing.funding.first?.hasPrefix("Conférence des financeurs de la prévention de la perte d'autonomie (conseil départemental) et caisses de retraite") == true, "\(ageing.funding)")
        #expect(ageing.funding.contains { $0.hasPrefix("Banque des Territoires – Programme Santé Grand Âge") })
        let prefecture = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let unscheduled = try #require(prefecture.card("soins-non-programmes"))
        let first = unscheduled.funding.first ?? ""
        #expect(first.hasPrefix("Assurance Maladie – les consultations") && first.contains("ARS (FIR) – le fonctionnement qu'elles ne couvrent pas"), "\(unscheduled.funding)")
        #expect(unscheduled.examples.contains { ($0.what + $0.text).contains("l'ARS Occitanie finance les trois quarts du fonctionnement") })
        let specialists = try #require(prefecture.card("specialistes-consultations-avancees"))
        #expect(specialists.funding.contains { $0.contains("selon la campagne en cours") } && !specialists.funding.contains { $0.contains("2024-2026") })
    }
}
