import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 21 (issue 14, content): dated sources for the figures, partners and wording that fit the territory.
@Suite("Contenu 21 : sources datées, partenaires et mots du territoire")
struct Content21Tests {
    @Test("sources : la participation d'une ville au déficit de son centre de santé (Montluçon, 2024 ; 31 centres, 2023) ; l'arrêté de méthode du zonage de 2017 dans sa version en vigueur ; le code de la construction en vigueur")
    func datedSources() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let suburb = try ExampleSynthesisTests.document("banlieue-centre-sante-deficit", detail: true)
        let centre = try #require(suburb.card("centre-sante-consolider"))
        #expect(Content16Tests.documents(centre).isSuperset(of: ["rjfm-montlucon-centre-sante-2024", "quotidien-medecin-centres-sante-deficit-2023"]), "\(Content16Tests.documents(centre))")
        #expect(ruleBase.fact("centre-sante-deficit-montlucon")?.statement.contains("190 000 €") == true)
        let zoning = try #require(ruleBase.source("arrete-zonage-medecins-2025"))
        #expect(zoning.title.hasPrefix("Arrêté du 13 novembre 2017") && zoning.title.hasSuffix("version en vigueur"), "\(zoning.title)")
        #expect(zoning.url == "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000036021089")
        #expect(!ruleBase.recommendations.contains { $0.steps.contains { $0.text.contains("9 mai 2025") } })
        let housing = try #require(ruleBase.source("cch-l301-4-1-logement-saisonniers"))
        #expect(housing.title.hasSuffix("version en vigueur") && housing.note?.hasPrefix("Version en vigueur depuis le 30 décembre 2016") == true)
        #expect(ruleBase.source("anmsm-frais-de-secours")?.note?.contains("Gardé") == true)
        // The 2021 Concours pluripro article gave way to the April 2024 FMIS circular (content33).
        #expect(ruleBase.source("concours-pluripro-financement-exercice-coordonne-2021") == nil)
        #expect(ruleBase.source("circulaire-fmis-maisons-de-sante-2024")?.date?.description == "2024-04-08")
    }

    @Test("l'intercommunalité rurale : ni l'exemple d'une agglomération de près de 90 000 habitants pour son diagnostic, ni la seule CPAM parmi les partenaires du CLS, du diagnostic, du médicobus et de l'accompagnement numérique : la MSA avec elle")
    func ruralPartners() throws {
        let rural = try ExampleSynthesisTests.document("communaute-communes-rurale", detail: true)
        let diagnosis = try #require(rural.card("diagnostic-sante-partage"))
        #expect(!diagnosis.examples.contains { $0.territory.hasPrefix("Vienne Condrieu") }, "\(diagnosis.examples.map(\.territory))")
        for id in ["diagnostic-sante-partage", "cls-engager", "medicobus-aller-vers"] {
            if let card = rural.card(id) {
                #expect(card.partners.contains("Assurance Maladie (CPAM) et MSA") && !card.partners.contains("Assurance Maladie (CPAM)"), "\(id) \(card.partners)")
            }
        }
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let town = try Content16Tests.facts(Content16Tests.mainlandTown)
        for id in ["diagnostic-sante-partage", "cls-engager", "medicobus-aller-vers", "inclusion-numerique-sante"] {
            let partners = try #require(ruleBase.recommendation(id)).partners.texts(for: town)
            #expect(partners.contains("Assurance Maladie (CPAM)") && !partners.contains { $0.contains("MSA") }, "\(id) \(partners)")
        }
    }

    @Test("la métropole : le conseil métropolitain, jamais le conseil communautaire, dans les pas qui nomment l'assemblée ; l'exemple d'un poste de coordination créé par une métropole (Grand Besançon, 2025) plutôt que celui d'une ville ; le budget mobilité de l'autorité organisatrice avant la Banque des Territoires")
    func metropoleBodies() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let metropole = Fixture.ProfileSpec(name: "Métropole du Fleuve", kind: "metropole", population: 520_000, density: "grand-centre-urbain", engineeringStaff: 20)
        let community = Fixture.ProfileSpec(name: "Communauté du Val", kind: "communaute-de-communes", population: 24_000)
        for id in ["centre-sante-consolider", "hopital-conseil-surveillance", "aides-installation-medecins", "asv-appuyer-existant", "pat-engager"] {
            let steps = try SizeAdaptedStepsTests.steps(id, for: metropole)
            #expect(steps.contains { $0.contains("conseil métropolitain") } && !steps.contains { $0.contains("conseil communautaire") }, "\(id) \(steps)")
            let epci = try SizeAdaptedStepsTests.steps(id, for: community)
            #expect(!epci.contains { $0.contains("conseil métropolitain") }, "\(id) \(epci)")
        }
        let document = try ExampleSynthesisTests.document("metropole-cls-clsm", detail: true)
        let coordination = try #require(document.card("coordination-securiser-poste"))
        #expect(coordination.examples.map(\.territory) == ["Grand Besançon Métropole (Doubs)"], "\(coordination.examples.map(\.territory))")
        let town = try #require(try ExampleSynthesisTests.document("ville-moyenne-qpv-cls", detail: true).card("coordination-securiser-poste"))
        #expect(!town.examples.contains { $0.territory.hasPrefix("Grand Besançon") })
        // An agglomeration carrying its CLS reads an intercommunal coordination post (Grand Besançon since content40, a CLS
        // renewal before), not a city's ASV (Cergy) (reader31b).
        let agglomeration = try #require(try ExampleSynthesisTests.document("agglomeration-porteuse-cls", detail: true).card("coordination-securiser-poste"))
        #expect(agglomeration.examples.map(\.territory) == ["Grand Besançon Métropole (Doubs)"], "\(agglomeration.examples.map(\.territory))")
        let mobility = try #require(ruleBase.recommendation("mobilites-actives-sante")).funding.texts(for: try Content16Tests.facts(metropole))
        #expect(mobility.first?.hasPrefix("Budget mobilité de la métropole") == true, "\(mobility)")
        let townMobility = try #require(ruleBase.recommendation("mobilites-actives-sante")).funding.texts(for: try Content16Tests.facts(Content16Tests.mainlandTown))
        #expect(!townMobility.contains { $0.hasPrefix("Budget mobilité") })
    }

    @Test("outre-mer : la CAF là où elle existe (La Réunion), la CSSM à Mayotte, ni l'une ni l'autre dans le Pacifique, pour l'accès aux droits, la petite enfance et les achats sans perturbateurs endocriniens")
    func familyBenefitsFund() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let reunion = try Content16Tests.facts(Content16Tests.reunionTown)
        let mayotte = try Content16Tests.facts(Fixture.ProfileSpec(name: "Mamoudzou-Est", population: 12_000, density: "centre-urbain-intermediaire", outreMer: "mayotte"))
        let pacific = try Content16Tests.facts(Fixture.ProfileSpec(name: "Nouméa-Sud", population: 12_000, density: "centre-urbain-intermediaire", outreMer: "pacifique"))
        for id in ["acces-aux-droits-sante", "petite-enfance-milieux-favorables", "perturbateurs-endocriniens-achats"] {
            let recommendation = try #require(ruleBase.recommendation(id))
            let lines = { (facts: FactValues) in recommendation.partners.texts(for: facts) + recommendation.steps.texts(for: facts) }
            #expect(lines(reunion).contains { $0.contains("CAF") }, "\(id)")
            #expect(!lines(mayotte).contains { Set($0.split { !$0.isLetter }.map(String.init)).contains("CAF") } && lines(mayotte).contains { $0.contains("(CSSM)") }, "\(id) \(lines(mayotte))")
            #expect(!lines(pacific).contains { Set($0.split { !$0.isLetter }.map(String.init)).contains("CAF") }, "\(id) \(lines(pacific))")
        }
    }

    @Test("« Pourquoi » : une raison écrite dans la base ne porte plus de deux-points, qui en faisait deux à la suite (« Pourquoi : zone d'intervention prioritaire : … »)")
    func oneColonPerReason() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let reasons = Set(ruleBase.recommendations.flatMap { $0.boosts.map { Fix20Tests.plain($0.reason) } })
        #expect(reasons.contains("zone d'intervention prioritaire, où l'accès aux soins est critique"))
        for name in ["prefecture-ght-specialistes", "communaute-communes-rurale", "metropole-cls-clsm", "station-montagne-saisonniere", "ville-moyenne-qpv-cls", "agglomeration-porteuse-cls"] {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            for card in document.cards {
                for reason in card.forYou.map(Fix20Tests.plain) where reasons.contains(reason) {
                    #expect(!reason.contains(" : "), "\(name) \(card.id) \(reason)")
                }
            }
        }
    }

    @Test("le seul agent d'une commune de plus de 1 000 habitants : des journées courtes du CNFPT, pas un cycle ; une équipe de plusieurs agents garde les formations du CNFPT en santé publique")
    func singleAgentTraining() throws {
        let alone = Fixture.ProfileSpec(name: "Val-Nouveau", population: 5_400, density: "bourg-rural", engineeringStaff: 1)
        let team = Fixture.ProfileSpec(name: "Val-Nouveau", population: 5_400, density: "bourg-rural", engineeringStaff: 3)
        let aloneSteps = try SizeAdaptedStepsTests.steps("elu-referent-sante", for: alone)
        #expect(aloneSteps.contains { $0.contains("journées courtes du CNFPT") } && !aloneSteps.contains { $0.contains("formations du CNFPT en santé publique") }, "\(aloneSteps)")
        let teamSteps = try SizeAdaptedStepsTests.steps("elu-referent-sante", for: team)
        #expect(teamSteps.contains { $0.contains("formations du CNFPT en santé publique") } && !teamSteps.contains { $0.contains("journées courtes") }, "\(teamSteps)")
    }
}
