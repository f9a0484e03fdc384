import Foundation
@testable import MandatSante
import Testing

/// A consultant's reading of five more whole roadmaps (reader17): instruments and funders that fit the kind and the
/// size of the territory.
@Suite("Relecture 17 : dispositifs et financeurs à la mesure du territoire")
struct ContentReading17Tests {
    @Test("les « zones rouges » sont surtout des intercommunalités rurales : une agglomération urbaine ne s'en voit pas proposer la vérification en tête, une communauté de communes rurale si")
    func zonesRougesAreRural() throws {
        let urban = try ExampleSynthesisTests.document("agglomeration-porteuse-cls")
        #expect(urban.card("zones-rouges-solidarite") == nil)
        let rural = try ExampleSynthesisTests.document("communaute-communes-rurale")
        #expect(rural.card("zones-rouges-solidarite") != nil)
    }

    @Test("la DETR est ouverte aux intercommunalités de 75 000 habitants au plus : la communauté de communes de 24 000 habitants la voit pour l'extension de sa maison de santé, l'agglomération de 90 000 et la ville de 55 000 la DSIL seule")
    func detrForSmallIntercommunalities() throws {
        let community = try #require(try ExampleSynthesisTests.document("communaute-communes-rurale").card("msp-conforter-existante"))
        #expect(community.funding.contains { $0.hasPrefix("État – subventions DETR ou DSIL") }, "\(community.funding)")
        for name in ["agglomeration-qpv-cls-en-preparation", "prefecture-ght-specialistes"] {
            let card = try #require(try ExampleSynthesisTests.document(name).card("msp-conforter-existante"))
            #expect(card.funding.contains { $0.hasPrefix("État – dotation de soutien à l'investissement local (DSIL)") }, "\(name) : \(card.funding)")
            #expect(!card.funding.contains { $0.hasPrefix("État – subventions DETR") }, "\(name)")
        }
    }

    @Test("un report dit vrai, et le même dans toutes les éditions : « place prise par » des actions d'une période seulement si cette période est pleine de ses propres actions ; la fiche détaillée et le JSON reprennent la raison de la fiche courte")
    func deferralsAreTrueAndOne() throws {
        var named = 0
        for name in ExampleSynthesisTests.exampleNames {
            let brief = try ExampleSynthesisTests.document(name)
            let detailed = try ExampleSynthesisTests.document(name, detail: true)
            for card in brief.cards {
                guard let reason = card.placementBrief else { continue }
                // The detailed card (what the JSON prints as its note) starts with the short one.
                let full = try #require(detailed.card(card.id)?.placement)
                #expect(full.hasPrefix(reason), "\(name) \(card.id) : « \(reason) » / « \(full) »")
                // « à partir de janv. 2028, car d'ici fin 2027 la place est prise par les actions 9 et 10 »: that period
                // is full of its own actions. An action whose first step starts now says so first (« premier pas dès
                // maintenant : … ; le reste à partir de … »). The period as a sentence says it (`ExecutiveSynthesis.during`).
                func during(_ title: String) -> String {
                    if title.hasPrefix("Jusqu'au ") { return "d'ici le " + title.dropFirst("Jusqu'au ".count) }
                    if title.hasPrefix("Jusqu'à ") { return "d'ici " + title.dropFirst("Jusqu'à ".count) }
                    if title.hasPrefix("Les ") { return "dans les " + title.dropFirst("Les ".count) }
                    return title.prefix(1).lowercased() + title.dropFirst()
                }
                guard reason.contains(" la place est prise par "), !reason.contains("jusque-là la place") else { continue }
                let wanted = try #require(brief.phases.first { reason.contains(", car \(during($0.title)) la place est prise par ") }, "\(name) \(card.id) : \(reason)")
                #expect(wanted.used >= wanted.capacity, "\(name) \(card.id) : \(wanted.title) \(wanted.used)/\(wanted.capacity)")
                named += 1
            }
        }
        #expect(named > 0)
    }

    @Test("une commune dont le CLS est porté par l'intercommunalité ne fixe pas son propre comité de pilotage avec l'ARS : sa coordination siège à celui du CLS intercommunal ; une ville qui porte son CLS, si")
    func coordinationSitsOnTheIntercommunalCommittee() throws {
        let suburb = try #require(try ExampleSynthesisTests.document("banlieue-qpv-centre-sante").card("coordination-securiser-poste"))
        #expect(suburb.steps.contains { $0.hasPrefix("Faire siéger la coordination communale et l'élu référent au comité de pilotage du CLS intercommunal") }, "\(suburb.steps)")
        #expect(!suburb.steps.contains { $0.contains("comité de pilotage annuel avec l'ARS") })
        let city = try #require(try ExampleSynthesisTests.document("prefecture-ght-specialistes").card("coordination-securiser-poste"))
        #expect(city.steps.contains { $0.hasPrefix("Fixer au moins un comité de pilotage annuel avec l'ARS") }, "\(city.steps)")
    }

    @Test("petite commune en ZIP près d'une maison de santé voisine : le cabinet se propose à la MSP voisine comme cabinet secondaire, le titre et la mise en garde disent la même chose")
    func surgeryNearAnMSPIsItsSecondarySite() throws {
        let card = try #require(try ExampleSynthesisTests.document("petite-ville-zip-msp-voisine").card("cabinet-medical-logement"))
        #expect(card.title == "Proposer à la maison de santé voisine un cabinet secondaire dans la commune, avec un logement pour le médecin")
        let village = try #require(try ExampleSynthesisTests.document("village-departs-cabinet").card("cabinet-medical-logement"))
        #expect(village.title == "Proposer un cabinet médical avec un logement pour faire venir un médecin dans la commune")
    }
}
