import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 20 (issue 14, content): examples that fit the territory, overseas housing, the right bodies named.
@Suite("Contenu 20 : exemples du même type de territoire, habitat outre-mer")
struct Content20Tests {
    @Test("l'habitat outre-mer : ni « mal chauffés » ni l'exemple de Montpellier ; la RHI et le plan Logement outre-mer nommés ; l'ADIL de Mayotte")
    func overseasHousing() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let habitat = try #require(ruleBase.recommendation("habitat-indigne-precarite-energetique"))
        let reunion = try Content16Tests.facts(Content16Tests.reunionTown)
        let mayotte = try Content16Tests.facts(Fixture.ProfileSpec(name: "Mayotte-Sud", population: 3_000, density: "bourg-rural", outreMer: "mayotte"))
        let mainland = try Content16Tests.facts(Content16Tests.mainlandTown)
        for facts in [reunion, mayotte] {
            #expect(habitat.boosts.filter { $0.reason.contains("mal chauffés") }.allSatisfy { $0.condition.evaluate(facts) == .false })
            #expect(try !Content16Tests.examples("habitat-indigne-precarite-energetique", for: facts).contains("Montpellier (Hérault)"))
            #expect(habitat.steps.texts(for: facts).contains { $0.contains("(RHI ou RHS)") && $0.contains("plan Logement outre-mer") })
            #expect(habitat.funding.texts(for: facts).contains { $0.hasPrefix("État – résorption de l'habitat insalubre ou spontané") })
        }
        #expect(try Content16Tests.examples("habitat-indigne-precarite-energetique", for: mainland) == ["Montpellier (Hérault)"])
        #expect(!habitat.steps.texts(for: mainland).contains { $0.contains("RHI") })
        #expect(habitat.partners.texts(for: mayotte).contains("ADIL de Mayotte, agréée en février 2025"))
        #expect(!habitat.partners.texts(for: mayotte).contains("ADIL"))
        #expect(habitat.partners.texts(for: reunion).contains("ADIL"))
        // Mayotte has no CAF: its social security fund (CSSM) pays the family benefits.
        #expect(!habitat.steps.texts(for: mayotte).contains { $0.contains("CAF") } && !habitat.partners.texts(for: mayotte).contains { $0.contains("CAF") })
        #expect(habitat.partners.texts(for: mayotte).contains("caisse de sécurité sociale de Mayotte (CSSM) et bailleurs sociaux"))
    }

    @Test("les bonnes instances : le comité syndical du pays, l'intercommunalité plutôt que son conseil pour une commune, la coordination de l'ASV comme appui de l'élu")
    func rightBodies() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let pays = try #require(try ExampleSynthesisTests.document("bourg-cls-pays").card("agir-echelle-intercommunale"))
        #expect(pays.steps.contains { $0.contains("délégués de l'intercommunalité au comité syndical") }, "\(pays.steps)")
        let town = try Content16Tests.facts(Content16Tests.mainlandTown)
        let aids = try #require(ruleBase.recommendation("aides-installation-medecins")).steps.texts(for: town)
        #expect(aids.contains { $0.hasPrefix("Proposer à l'intercommunalité un règlement d'aides commun") })
        #expect(!aids.contains { $0.contains("conseil communautaire") })
        // content38: the example profile now declares its ASV's coordinator (healthCoordinator), whose post the roadmap
        // secures; without the post declared, the élu's card still leans on the ASV's coordination.
        let suburb = try ExampleSynthesisTests.document("banlieue-centre-sante-deficit", overrides: ["healthCoordinator=false"])
        let pilot = try #require(suburb.card("elu-referent-sante"))
        #expect(pilot.steps.first?.hasPrefix("S'appuyer sur la coordinatrice ou le coordinateur de l'atelier santé ville") == true, "\(pilot.steps)")
        #expect(!pilot.steps.contains { $0.hasPrefix("Désigner l'agent qui seconde l'élu") })
    }

    @Test("le village : la DETR d'abord pour le cabinet, Villages d'avenir pour la lauréate, la Région et le Département à vérifier ; la MSA parmi les partenaires ; la secrétaire de mairie formée avec les secrétaires de mairie")
    func villageFunding() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let village = try Content16Tests.facts(Fixture.ProfileSpec(population: 420, engineeringStaff: 1, programmes: ["villages-d-avenir"]))
        let funding = try #require(ruleBase.recommendation("cabinet-medical-logement")).funding.texts(for: village)
        #expect(funding.first?.hasPrefix("État – dotation d'équipement des territoires ruraux (DETR)") == true, "\(funding)")
        #expect(funding.contains { $0.hasPrefix("État – Villages d'avenir") })
        #expect(funding.contains { $0.hasPrefix("Région et Département") && $0.hasSuffix("à vérifier.") })
        for id in ["elu-referent-sante", "ambition-politique-sante", "cabinet-medical-logement"] {
            #expect(try #require(ruleBase.recommendation(id)).partners.texts(for: village).contains("Assurance Maladie (CPAM) et MSA"), "\(id)")
        }
        let steps = try #require(ruleBase.recommendation("elu-referent-sante")).steps.texts(for: village)
        #expect(steps.contains { $0.contains("formations des secrétaires généraux de mairie (CNFPT, association départementale des maires)") }, "\(steps)")
        let town = try Content16Tests.facts(Content16Tests.mainlandTown)
        let townPartners = try #require(ruleBase.recommendation("elu-referent-sante")).partners.texts(for: town)
        #expect(!townPartners.contains { $0.contains("MSA") })
    }

    @Test("consolider un centre municipal de santé : de 100 000 € à 1 M€ par an à l'ordre de grandeur de la participation de la ville, avec le déficit de L'Huisserie et l'accord national des centres de santé en sources")
    func healthCentreCost() throws {
        let suburb = try ExampleSynthesisTests.document("banlieue-centre-sante-deficit", detail: true)
        let centre = try #require(suburb.card("centre-sante-consolider"))
        #expect(centre.costRangeID == "eleve", "\(String(describing: centre.costRangeID))")
        #expect(Content16Tests.documents(centre).isSuperset(of: ["concours-pluripro-crc-lhuisserie-2024", "ameli-avenant-4-centres-sante-2023"]), "\(Content16Tests.documents(centre))")
    }
}
