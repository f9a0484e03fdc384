import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 16 (issue 14, content): no example, paragraph or source written for another territory; the State's
/// active-mobility fund with what became of it; the funding of an existing coordinator's post; Saint-Pierre-et-Miquelon
/// without an intercommunality and without « l'ARS » in its zoning reasons.
@Suite("Contenu 16 : exemples et sources du bon territoire, fonds mobilités actives, financement de la coordination")
struct Content16Tests {
    static func facts(_ spec: Fixture.ProfileSpec) throws -> FactValues {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        return try Fixture.profile(spec, in: ruleBase).facts
    }

    /// The territories of the recommendation's examples that are told to a territory with `facts`.
    static func examples(_ id: String, for facts: FactValues) throws -> [String] {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        return try #require(ruleBase.recommendation(id)).examples
            .filter { $0.condition.map { $0.evaluate(facts) == .true } ?? true }.map(\.territory)
    }

    static func documents(_ card: RoadmapDocument.Card) -> Set<String> { Set(card.sources.map(\.document)) }

    static let mainlandVillage = Fixture.ProfileSpec(population: 420, medicalZoning: "zip")
    static let mainlandTown = Fixture.ProfileSpec(name: "Bourg-Centre", population: 24_000, density: "centre-urbain-intermediaire", engineeringStaff: 3, medicalZoning: "zip")
    static let reunionTown = Fixture.ProfileSpec(name: "Saint-Pierre", population: 24_000, density: "centre-urbain-intermediaire", engineeringStaff: 3, outreMer: "reunion", medicalZoning: "zip")

    @Test("l'eau potable : à Mayotte ni texte ni document de la Guadeloupe, en Guadeloupe aucun document de Mayotte ; le cadre national cité partout")
    func drinkingWater() throws {
        let mayotte = try #require(try ExampleSynthesisTests.document("village-mayotte-zip", detail: true).card("eau-potable-coupures-outre-mer"))
        #expect(!mayotte.why.contains("Guadeloupe") && !mayotte.why.contains("Mayotte"), "\(mayotte.why)")
        #expect(mayotte.why.hasPrefix("Ici, les coupures d'eau ne sont pas des accidents rares"))
        #expect(!Self.documents(mayotte).contains("afp-guadeloupe-eau-2024"))
        #expect(Self.documents(mayotte).isSuperset(of: ["tf1info-mayotte-eau-2023", "imazpress-mayotte-cholera-2024", "instruction-orsec-eau-potable-2017"]))
        let guadeloupe = try #require(try ExampleSynthesisTests.document("commune-antilles-dengue", detail: true).card("eau-potable-coupures-outre-mer"))
        #expect(Self.documents(guadeloupe) == ["afp-guadeloupe-eau-2024", "instruction-orsec-eau-potable-2017", "afp-smgeag-coupures-2025"], "\(Self.documents(guadeloupe))")
    }

    @Test("le médicobus : ni « âgés » pour tous, ni l'appel de l'ARS Pays de la Loire à Mayotte ou à une station, ni la Normandie outre-mer ; le village de l'Hexagone les garde")
    func medicalBus() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(try #require(ruleBase.recommendation("medicobus-aller-vers")).why.contains("âgés") == false)
        let mayotte = try #require(try ExampleSynthesisTests.document("village-mayotte-zip", detail: true).card("medicobus-aller-vers"))
        #expect(!Self.documents(mayotte).contains("ars-pdl-medicobus-2023") && !Self.documents(mayotte).contains("ars-normandie-huit-medicobus"))
        #expect(!mayotte.examples.contains { $0.told })
        // The mountain resort, its two agents counted (plan19), holds the cabinet médical avec logement; the mobile unit
        // is not proposed to a winter resort without many older residents (content19). One with 15 % of residents
        // aged 75 or more and one agent keeps the bus, and still does not cite the Pays de la Loire.
        let station = try ExampleSynthesisTests.document("station-montagne-saisonniere", detail: true)
        #expect(station.card("medicobus-aller-vers") == nil && station.card("cabinet-medical-logement") != nil)
        let resort = try #require(try ExampleSynthesisTests.document("station-montagne-saisonniere", overrides: ["engineeringStaff=1", "share75Plus=15"], detail: true)
            .card("medicobus-aller-vers"))
        #expect(!Self.documents(resort).contains("ars-pdl-medicobus-2023"))
        let village = try #require(try ExampleSynthesisTests.document("village-rural-zip", detail: true).card("medicobus-aller-vers"))
        #expect(Self.documents(village).isSuperset(of: ["ars-pdl-medicobus-2023", "ars-normandie-huit-medicobus"]))
    }

    @Test("un exemple de l'Hexagone qui nomme la CPAM, une Région, un été caniculaire de juillet ou l'ARS n'est pas raconté outre-mer ; La Réunion garde les siens")
    func mainlandExamplesOverseas() throws {
        let mainland = try Self.facts(Self.mainlandTown), reunion = try Self.facts(Self.reunionTown)
        for (id, territory) in [("acces-aux-droits-sante", "Communauté d'agglomération du Grand Narbonne (Aude)"),
                                ("depistages-aller-vers", "Communauté d'agglomération du Grand Narbonne (Aude)"),
                                ("cpts-soutenir-emergence", "Cèze Cévennes (Gard)"),
                                ("region-partenaire-sante", "Saint-Hilaire-de-Brethmas (Gard)"),
                                ("medicobus-aller-vers", "Normandie (ARS)")] {
            #expect(try Self.examples(id, for: mainland).contains(territory), "\(id)")
            #expect(try !Self.examples(id, for: reunion).contains(territory), "\(id)")
        }
        #expect(try Self.examples("lutte-antivectorielle-outre-mer", for: reunion) == ["Saint-Benoît (La Réunion)"])
        // The ARS of Nouvelle-Aquitaine funding health impact assessments is no model where there is no ARS.
        let pacific = try Self.facts(Fixture.ProfileSpec(name: "Nouméa-Sud", population: 24_000, density: "centre-urbain-intermediaire", outreMer: "pacifique"))
        for id in ["ars-fir-financement", "cls-approfondir", "eis-ecole", "evaluer-projets-sante"] {
            #expect(try Self.examples(id, for: pacific).isEmpty, "\(id)")
            #expect(try Self.examples(id, for: reunion) == ["Nouvelle-Aquitaine (ARS)"], "\(id)")
        }
    }

    @Test("une ville ou une agglomération n'est pas l'exemple d'un village : Nantes, Melun, La Rochelle, l'appel ARS–DREAL de PACA et Polariss")
    func urbanExamplesForVillages() throws {
        let village = try Self.facts(Self.mainlandVillage), town = try Self.facts(Self.mainlandTown)
        for (id, territory) in [("espaces-sans-tabac", "Nantes (Loire-Atlantique)"),
                                ("aides-installation-medecins", "Communauté d'agglomération Melun Val de Seine (Seine-et-Marne)"),
                                ("prevention-primaire-collective", "Communauté d'agglomération de La Rochelle (Charente-Maritime)"),
                                ("mobiliser-ressources-existantes", "Provence-Alpes-Côte d'Azur (ARS et DREAL)")] {
            #expect(try !Self.examples(id, for: village).contains(territory), "\(id)")
        }
        for (id, territory) in [("espaces-sans-tabac", "Nantes (Loire-Atlantique)"),
                                ("aides-installation-medecins", "Communauté d'agglomération Melun Val de Seine (Seine-et-Marne)")] {
            #expect(try Self.examples(id, for: town).contains(territory), "\(id)")
        }
        // La Rochelle's CLS is an agglomeration's: told to an intercommunality, not to a commune of any size;
        // the ARS–DREAL call of Provence-Alpes-Côte d'Azur (content38b) only in its own region, elsewhere the generic step stands.
        var agglomeration = Self.mainlandTown
        agglomeration.kind = "communaute-d-agglomeration"
        #expect(try Self.examples("prevention-primaire-collective", for: Self.facts(agglomeration)).contains("Communauté d'agglomération de La Rochelle (Charente-Maritime)"))
        #expect(try !Self.examples("prevention-primaire-collective", for: town).contains("Communauté d'agglomération de La Rochelle (Charente-Maritime)"))
        var provence = Self.mainlandTown
        provence.region = "Provence-Alpes-Côte d'Azur"
        #expect(try Self.examples("mobiliser-ressources-existantes", for: Self.facts(provence)).contains("Provence-Alpes-Côte d'Azur (ARS et DREAL)"))
        #expect(try !Self.examples("mobiliser-ressources-existantes", for: town).contains("Provence-Alpes-Côte d'Azur (ARS et DREAL)"))
        // Polariss (Bordeaux) is told first to a town of Nouvelle-Aquitaine, never to a village nor to a town elsewhere.
        var aquitaine = Self.mainlandTown
        aquitaine.region = "Nouvelle-Aquitaine"
        #expect(try Self.examples("mobiliser-ressources-existantes", for: Self.facts(aquitaine)).first == "Nouvelle-Aquitaine (centre Polariss)")
        #expect(try !Self.examples("mobiliser-ressources-existantes", for: town).contains("Nouvelle-Aquitaine (centre Polariss)"))
        #expect(try !Self.examples("mobiliser-ressources-existantes", for: village).contains("Nouvelle-Aquitaine (centre Polariss)"))
        let document = try ExampleSynthesisTests.document("tres-petite-commune-rurale", detail: true)
        // The smoke-free spaces left this roadmap for the SAMU correspondents, and the survey of outside support
        // for the intercommunal approach that relays it (no agent); the cards still in it tell no city.
        #expect(document.card("mobiliser-ressources-existantes") == nil)
        for id in ["espaces-sans-tabac", "mobiliser-ressources-existantes"] where document.card(id) != nil {
            #expect(try Content15Tests.told(id, in: document).isEmpty, "\(id)")
        }
    }

    @Test("la Région comme partenaire : à Mayotte, en Martinique et à Saint-Pierre-et-Miquelon, aucun pas ne nomme la Région ni l'Occitanie")
    func regionWhereThereIsNone() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("region-partenaire-sante"))
        for (outreMer, place) in [("mayotte", "Mayotte"), ("antilles", "Martinique"), ("saint-pierre-et-miquelon", "Saint-Pierre-et-Miquelon")] {
            var spec = Self.mainlandTown
            spec.outreMer = outreMer
            spec.departement = place
            spec.region = place
            let facts = try Self.facts(spec)
            let steps = recommendation.steps.texts(for: facts)
            #expect(steps.count <= 6)
            #expect(!steps.contains { $0.contains("élu régional") || $0.contains("à la Région") || $0.contains("avec la Région") || $0.contains("Occitanie") }, "\(outreMer) : \(steps)")
            #expect(recommendation.factConditions["region-occitanie-medecins-salaries-2025"]?.evaluate(facts) == .false)
        }
        let mainland = recommendation.steps.texts(for: try Self.facts(Self.mainlandTown))
        #expect(mainland.contains { $0.hasPrefix("Demander un rendez-vous à l'élu régional") })
        #expect(mainland.contains { $0.contains("comme le fait l'Occitanie") })
    }

    @Test("Saint-Pierre-et-Miquelon : pas d'intercommunalité à rejoindre ; les raisons du zonage inconnu ne renvoient pas à « l'ARS »")
    func saintPierreEtMiquelon() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let spec = Fixture.ProfileSpec(name: "Miquelon", population: 600, outreMer: "saint-pierre-et-miquelon")
        let facts = try Self.facts(spec)
        #expect(try #require(ruleBase.recommendation("agir-echelle-intercommunale")).condition.evaluate(facts) == .false)
        for id in ["aides-installation-medecins", "centre-sante-salaries", "msp-projet-de-sante"] {
            let reasons = try #require(ruleBase.recommendation(id)).boosts.filter { $0.condition.evaluate(facts) == .true }.map(\.reason)
            #expect(reasons.contains { $0.hasPrefix("le zonage") && $0.contains("n'est pas encore connu") }, "\(id)")
            #expect(!reasons.contains { $0.contains("ARS") }, "\(id) : \(reasons)")
        }
        #expect(try #require(ruleBase.recommendation("zonage-medecins-verifier")).why.hasPrefix("Le zonage médecins classe chaque territoire"))
        // Nor is it told to share with, or to propose to, an intercommunality it does not have.
        for id in ["zonage-medecins-verifier", "medicobus-aller-vers"] {
            let steps = try #require(ruleBase.recommendation(id)).steps.texts(for: facts)
            #expect(!steps.contains { $0.contains("intercommunalité") }, "\(id) : \(steps)")
            #expect(steps.count >= 3 && steps.count <= 6, "\(id)")
            let mainland = try #require(ruleBase.recommendation(id)).steps.texts(for: try Self.facts(Self.mainlandVillage))
            #expect(mainland.contains { $0.contains("intercommunalité") }, "\(id)")
        }
    }

    @Test("les mobilités actives : le Fonds mobilités actives de l'État, avec ce qu'il en est advenu en 2025 (source datée), hors du Pacifique")
    func activeMobilityFund() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("mobilites-actives-sante"))
        let mainland = recommendation.funding.texts(for: try Self.facts(Self.mainlandTown))
        #expect(mainland.contains { $0.hasPrefix("État – Fonds mobilités actives") && $0.contains("aucun appel à projets en 2025") })
        #expect(mainland.contains { $0.hasPrefix("Banque des Territoires") })
        let pacific = recommendation.funding.texts(for: try Self.facts(Fixture.ProfileSpec(name: "Nouméa-Sud", population: 24_000, density: "centre-urbain-intermediaire", outreMer: "pacifique")))
        #expect(!pacific.contains { $0.contains("Fonds mobilités actives") })
        #expect(recommendation.evidence?.factIDs.contains("fonds-mobilites-actives-2025") == true)
        #expect(ruleBase.fact("fonds-mobilites-actives-2025")?.source.document == "senat-qe-02454-plan-velo-2025")
        #expect(ruleBase.source("senat-qe-02454-plan-velo-2025")?.date?.description == "2025-02-13")
        #expect(ruleBase.source("ecologie-fonds-mobilites-actives-2024")?.date?.description == "2024-06-10")
    }

    @Test("la coordination existante : un pas sur la part du poste que finance l'ARS (l'ATS, l'autorité de santé du Pacifique), au plus six pas")
    func coordinatorFunding() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("coordination-securiser-poste"))
        for (outreMer, start) in [(nil, "Faire le point avec l'ARS sur sa part du financement du poste"),
                                  ("saint-pierre-et-miquelon", "Faire le point avec l'administration territoriale de santé (ATS) sur sa part du financement du poste"),
                                  ("pacifique", "Faire le point avec l'autorité de santé du territoire sur sa part du financement du poste")] {
            var spec = Self.mainlandTown
            spec.outreMer = outreMer
            let steps = recommendation.steps.texts(for: try Self.facts(spec))
            #expect(steps.count <= 6, "\(String(describing: outreMer))")
            #expect(steps.filter { $0.contains("part du financement du poste") }.count == 1, "\(String(describing: outreMer))")
            #expect(steps.contains { $0.hasPrefix(start) }, "\(String(describing: outreMer)) : \(steps)")
            // The funding step comes before the post's future is examined.
            let funding = try #require(steps.firstIndex { $0.contains("part du financement du poste") })
            let future = try #require(steps.firstIndex { $0.hasPrefix("Examiner la pérennisation du poste") })
            #expect(funding < future)
        }
        #expect(recommendation.evidence?.factIDs.contains("ars-ara-cls-financement-paritaire") == true)
        #expect(ruleBase.source("ars-ara-cls-essentiel")?.note?.contains("chaque ARS fixe les siennes") == true)
    }

    @Test("le CNFPT : la convention de 2016 remplacée par une source nationale datée (la cotisation et le programme bâti sur les plans de formation, juin 2022) ; la convention de juillet 2025 entre l'ARS et le CNFPT de Provence-Alpes-Côte d'Azur n'est plus qu'un repère de cette région")
    func cnfptSource() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.source("convention-cnfpt-dgs-2016") == nil)
        let recommendation = try #require(ruleBase.recommendation("formation-cnfpt-agents"))
        #expect(!recommendation.why.contains("2016") && !recommendation.why.contains("Provence") && recommendation.why.contains("cotisation obligatoire"), "\(recommendation.why)")
        // The Caen article (June 2022) sources the State's invitation to generalise mental-health first aid (content37).
        #expect(recommendation.sources.map(\.document) == ["gazette-caen-clsm-pssm-2022", "gazette-cnfpt-cotisation-2022"])
        #expect(recommendation.evidence?.factIDs == ["ars-paca-cnfpt-sante-environnement-2025", "pssm-formation-secouriste"])
        #expect(ruleBase.source("gazette-cnfpt-cotisation-2022")?.date?.description == "2022-06")
        #expect(ruleBase.source("ars-paca-cnfpt-convention-2025")?.date?.description == "2025-07")
        #expect(try #require(ruleBase.recommendation("eis-projets")).sources.allSatisfy { $0.document != "convention-cnfpt-dgs-2016" })
    }
}
