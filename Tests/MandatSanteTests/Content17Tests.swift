import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 17 (issue 14, content): an existing atelier santé ville is built on; the hub hospital's city is not offered
/// rooms for the specialists who work at its hospital; each youth mental-health card has its own example; the
/// heat-wave register cites its law.
@Suite("Contenu 17 : l'ASV existant, la ville de l'hôpital support, santé mentale des jeunes, registre canicule")
struct Content17Tests {
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    @Test("banlieue à ASV : « Appuyer l'atelier santé ville existant » dans les trois premiers mois, à la place du financement du volet santé du contrat de ville ; sans ASV, on le crée")
    func existingHealthWorkshop() throws {
        let document = try ExampleSynthesisTests.document("banlieue-qpv-centre-sante", detail: true)
        let card = try #require(document.card("asv-appuyer-existant"))
        #expect(card.title == "Appuyer l'atelier santé ville existant et lui confier les actions des quartiers prioritaires")
        #expect(card.phaseID == document.cards[0].phaseID, "\(card.phaseTitle)")
        #expect(card.steps.first?.hasPrefix("Recevoir la coordinatrice ou le coordinateur de l'ASV") == true)
        #expect(card.steps.contains { $0.contains("volet quartiers prioritaires du CLS") })
        #expect(card.steps.contains { $0.contains("programmation du contrat de ville") })
        #expect(card.steps.contains { $0.contains("habitat indigne") && $0.contains("accès aux droits") })
        #expect(card.sources.map(\.document).contains("circulaire-quartiers-2030-2024"))
        #expect(card.inequalityEffectID == "reduit")
        #expect(document.card("politique-de-la-ville-sante") == nil && document.card("asv-creer") == nil)
        let without = try ExampleSynthesisTests.document("banlieue-qpv-centre-sante", overrides: ["asv=false"], detail: true)
        #expect(without.card("asv-appuyer-existant") == nil)
        #expect(without.card("asv-creer") != nil)
    }

    @Test("ville siège de l'hôpital support du GHT : ni « locaux dans la maison de santé » pour ses propres spécialistes, mais délais, postes partagés, logement des internes et consultations avancées dans les autres hôpitaux du GHT et les maisons de santé alentour ; sources nationales, pas l'ARS d'une autre région")
    func hubHospitalCity() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let card = try #require(document.card("specialistes-consultations-avancees"))
        #expect(card.title == "Améliorer avec l'hôpital l'accès à ses spécialistes : délais, postes partagés, consultations avancées")
        #expect(!card.steps.contains { $0.contains("dans la maison de santé") || $0.contains("logement communal") }, "\(card.steps)")
        #expect(card.steps.contains { $0.contains("délais de rendez-vous") && $0.contains("autres hôpitaux du GHT") })
        #expect(card.steps.contains { $0.contains("logement des internes") })
        let documents = Set(card.sources.map(\.document))
        #expect(documents.contains("convention-medicale-2024") && !documents.contains("vidal-teleexpertise"))
        #expect(documents.isDisjoint(with: ["ars-na-consultations-avancees", "ars-idf-asp-2025"]), "\(documents)")
        let board = try #require(document.card("hopital-conseil-surveillance"))
        #expect(board.steps.contains { $0.contains("comité territorial des élus locaux") && $0.contains("membre de droit") })
        #expect(board.sources.map(\.document).contains("csp-comite-elus-ght"))
        // A town whose hospital is not the hub still offers rooms in its maison de santé; the ARS page of its own
        // region is cited there, not elsewhere.
        let town = try ExampleSynthesisTests.document("prefecture-ght-specialistes", overrides: ["hospitalRole=centre-hospitalier", "region=Nouvelle-Aquitaine"], detail: true)
        let townCard = try #require(town.card("specialistes-consultations-avancees"))
        #expect(townCard.steps.contains { $0.contains("dans la maison de santé") })
        #expect(townCard.sources.map(\.document).contains("ars-na-consultations-avancees"))
    }

    @Test("santé mentale des jeunes : une seule action (compétences psychosociales et adultes relais, l'ancienne jeunes-sante-mentale-relais fondue dedans) ; Vénissieux (premiers secours en santé mentale pour les adultes au contact des jeunes) est raconté à une ville, pas à un village")
    func youthMentalHealthExample() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.recommendation("jeunes-sante-mentale-relais") == nil)
        let youth = try #require(ruleBase.recommendation("sante-mentale-jeunes"))
        #expect(youth.why.contains("stratégie nationale 2022-2037") && youth.why.contains("premiers secours en santé mentale"))
        let city = try Content16Tests.facts(Content16Tests.mainlandTown), village = try Content16Tests.facts(Content16Tests.mainlandVillage)
        #expect(try Content16Tests.examples("sante-mentale-jeunes", for: city) == ["Vénissieux (Métropole de Lyon)"])
        #expect(try Content16Tests.examples("sante-mentale-jeunes", for: village).isEmpty)
    }

    @Test("canicule : le registre cite sa base légale (loi du 30 juin 2004, CASF L121-6-1) et l'instruction nationale du 27 mai 2024 ; Montauroux (7 000 habitants) n'est raconté qu'aux communes de sa taille")
    func heatWaveRegister() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("canicule-personnes-vulnerables"))
        #expect(recommendation.why.contains("depuis la loi du 30 juin 2004"))
        let city = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let card = try #require(city.card("canicule-personnes-vulnerables"))
        let documents = Set(card.sources.map(\.document))
        #expect(documents.isSuperset(of: ["casf-l121-6-1-registre-2024", "instruction-vagues-de-chaleur-2024"]), "\(documents)")
        #expect(!card.examples.contains { $0.territory == "Montauroux (Var)" && $0.told })
        #expect(!documents.contains("europe1-montauroux-canicule-2023"))
        let town = try Content16Tests.facts(Fixture.ProfileSpec(name: "Bourg-Centre", population: 7_000, density: "petite-ville", medicalZoning: "zip"))
        #expect(try Content16Tests.examples("canicule-personnes-vulnerables", for: town) == ["Montauroux (Var)"])
        // Overseas, the Hexagon's instruction is not cited.
        let reunion = try Content16Tests.facts(Content16Tests.reunionTown)
        #expect(recommendation.factConditions["gestion-sanitaire-vagues-de-chaleur-2024"]?.evaluate(reunion) == .false)
        #expect(try Content16Tests.examples("canicule-personnes-vulnerables", for: reunion).isEmpty)
    }

    @Test("Saint-Pierre-et-Miquelon, sans intercommunalité : aucune fiche n'y nomme l'intercommunalité ni un CIAS parmi ses partenaires")
    func saintPierreEtMiquelonPartners() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let spec = Fixture.ProfileSpec(name: "Saint-Pierre", population: 5_500, density: "petite-ville", priorities: ["bien-vieillir", "acces-aux-soins"], engineeringStaff: 3, share75Plus: 12, outreMer: "saint-pierre-et-miquelon", medicalZoning: "zip")
        let facts = try Content16Tests.facts(spec)
        for recommendation in ruleBase.recommendations where recommendation.condition.evaluate(facts) == .true {
            let partners = recommendation.partners.texts(for: facts)
            #expect(!partners.contains { $0.hasPrefix("intercommunalité") || $0.contains("CIAS") }, "\(recommendation.id) : \(partners)")
        }
    }

    @Test("« agir seule » n'est pas dit où l'intercommunalité agit déjà ; pas de médicobus dans l'enjeu ; Cœur Côte Fleurie, communauté de communes littorale, n'est pas l'exemple d'une banlieue")
    func intercommunalScale() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("agir-echelle-intercommunale"))
        #expect(!recommendation.why.contains("médicobus"))
        let resort = try ExampleSynthesisTests.document("station-balneaire-saisonniere", detail: true)
        let title = try #require(resort.card("agir-echelle-intercommunale")?.title ?? resort.entry("agir-echelle-intercommunale")?.title)
        #expect(title == "Articuler la politique de santé de la commune avec la démarche de santé intercommunale")
        let suburb = try Content16Tests.facts(Fixture.ProfileSpec(name: "Banlieue", population: 30_000, density: "ceinture-urbaine", intercommunalHealth: true))
        #expect(try Content16Tests.examples("agir-echelle-intercommunale", for: suburb).isEmpty)
        let village = try Content16Tests.facts(Fixture.ProfileSpec(population: 900, density: "bourg-rural"))
        #expect(try Content16Tests.examples("agir-echelle-intercommunale", for: village) == ["Communauté de communes Cœur Côte Fleurie (Calvados)"])
        // A ski resort reads a mountain intercommunality's CLS, not a coastal one's.
        let mountain = try #require(try ExampleSynthesisTests.document("station-montagne-saisonniere", detail: true).card("agir-echelle-intercommunale"))
        #expect(mountain.examples.map(\.territory) == ["Communauté de communes Aubrac, Carladez et Viadène (Aveyron)"])
    }

    @Test("une seule lettre à l'ARS : l'ambition santé l'envoie en nommant l'élu référent et en demandant une réunion sur un CLS ; l'élu référent et le CLS y renvoient")
    func oneLetterToTheRegionalAgency() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let facts = try Content16Tests.facts(Fixture.ProfileSpec(name: "Ville-Neuve", population: 24_000, density: "centre-urbain-intermediaire", cls: "aucun", engineeringStaff: 3))
        let ambition = try #require(ruleBase.recommendation("ambition-politique-sante")).steps.texts(for: facts)
        #expect(ambition.contains { $0.hasPrefix("L'envoyer à l'ARS et à l'Assurance Maladie, en y nommant l'élu référent, pour demander une réunion sur un contrat local de santé") })
        let referent = try #require(ruleBase.recommendation("elu-referent-sante")).steps.texts(for: facts)
        #expect(referent.contains { $0.hasSuffix("à la délégation départementale de l'ARS, à qui il demande un premier rendez-vous.") })
        #expect(!referent.contains { $0.contains("par courrier à l'ARS") })
        let contract = try #require(ruleBase.recommendation("cls-engager")).steps.texts(for: facts)
        #expect(contract.contains { $0 == "Tenir avec l'ARS la réunion de cadrage du CLS demandée avec la déclaration d'ambition santé, ou la demander si ce n'est pas fait." })
        #expect(!contract.contains { $0.hasPrefix("Écrire à la direction de l'ARS pour annoncer") })
    }

    @Test("sources : ni la question écrite de 2010 ni son coût d'ASV de 2008, ni le blog qui reproduisait l'article sur Charenton-du-Cher ; le Programme Santé Grand Âge du cabinet avec logement est « à vérifier auprès de sa direction régionale »")
    func weakSources() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let documents = Set(ruleBase.sources.map(\.id))
        #expect(documents.isDisjoint(with: ["question-ecrite-asv-2010", "medecins-solidaires-charenton-2025", "vidal-teleexpertise"]))
        // Charenton-du-Cher illustrates the centre of volunteer doctors (Content18Tests), not the « zones rouges ».
        let charenton = try #require(ruleBase.recommendation("medecins-volontaires-relais")).examples.first { $0.territory == "Charenton-du-Cher (Cher)" }
        #expect(charenton?.source?.document == "rcf-charenton-deuxieme-medecin-2025")
        #expect(try #require(ruleBase.recommendation("zones-rouges-solidarite")).examples.isEmpty)
        let facts = try Content16Tests.facts(Content16Tests.mainlandVillage)
        let funding = try #require(ruleBase.recommendation("cabinet-medical-logement")).funding.texts(for: facts)
        #expect(funding.contains { $0.hasPrefix("Banque des Territoires – Programme Santé Grand Âge") && $0.hasSuffix("à vérifier auprès de sa direction régionale.") }, "\(funding)")
    }
}
