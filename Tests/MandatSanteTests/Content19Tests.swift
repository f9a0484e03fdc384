import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 19 (issue 14, content): the last cards that cited only the white paper name public sources; the two
/// youth mental-health cards are one; a small commune's optional CCAS is said so.
@Suite("Contenu 19 : sources publiques des dernières fiches, santé mentale des jeunes fusionnée, CCAS facultatif")
struct Content19Tests {
    static let formerlyWhitePaperOnly = ["ecole-cour-oasis", "sante-mentale-jeunes", "bien-vieillir-petite-commune", "evenements-extremes-continuite-services"]

    @Test("les quatre dernières fiches qui ne citaient que le livre blanc citent des documents publics datés, et plus le livre blanc")
    func publicSources() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        for id in Self.formerlyWhitePaperOnly {
            let recommendation = try #require(ruleBase.recommendation(id))
            let documents = Set(recommendation.sources.map(\.document))
            #expect(!documents.isEmpty && !documents.contains("livre-blanc-2026"), "\(id): \(documents)")
        }
        let oasis = try #require(ruleBase.recommendation("ecole-cour-oasis"))
        #expect(!oasis.why.contains("livre blanc") && oasis.why.contains("que Strasbourg ouvre au public l'été"))
        let events = try #require(ruleBase.recommendation("evenements-extremes-continuite-services"))
        #expect(events.why.contains("décret du 20 juin 2022") && events.why.contains("après chaque renouvellement général"))
        #expect(Set(events.sources.map(\.document)).isSuperset(of: ["localtis-plans-de-sauvegarde-2022", "decret-2022-907-plans-de-sauvegarde"]))
    }

    @Test("aucune fiche imprimée pour les profils d'exemple ne cite que le livre blanc : chacune renvoie à au moins un document public")
    func noPrintedCardCitesOnlyTheWhitePaper() throws {
        var whitePaperOnly: [String] = []
        for name in ExampleSynthesisTests.exampleNames {
            for card in try ExampleSynthesisTests.document(name).cards where Set(card.sources.map(\.document)).subtracting(["livre-blanc-2026"]).isEmpty {
                whitePaperOnly.append("\(name) : \(card.id)")
            }
        }
        #expect(whitePaperOnly.isEmpty, "\(whitePaperOnly)")
    }

    @Test("cour oasis : le conseil municipal des jeunes déclaré conçoit la cour avec les élèves ; sans lui, les élèves, enseignants et parents")
    func oasisYouthCouncil() throws {
        let document = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole", detail: true)
        let card = try #require(document.card("ecole-cour-oasis"))
        #expect(card.steps.contains { $0.hasPrefix("Associer le conseil municipal des jeunes, les élèves") }, "\(card.steps)")
        let without = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole", overrides: ["councils=conseil-aines"], detail: true)
        let plain = try #require(without.card("ecole-cour-oasis"))
        #expect(!plain.steps.contains { $0.contains("conseil municipal des jeunes") })
        #expect(plain.steps.contains { $0.hasPrefix("Associer élèves, enseignants, parents") })
    }

    @Test("village de 420 habitants : le bien vieillir s'organise avec les associations et le CCAS « si la commune en a gardé un », pas « avec le CCAS ou le CIAS » ; un bourg de 2 500 habitants a son CCAS")
    func optionalSocialActionCentre() throws {
        let village = try ExampleSynthesisTests.document("tres-petite-commune-rurale", detail: true)
        let card = try #require(village.card("bien-vieillir-petite-commune"))
        #expect(card.steps.contains { $0.hasPrefix("Organiser avec les associations, et le CCAS si la commune en a gardé un") }, "\(card.steps)")
        #expect(!card.steps.contains { $0.contains("Organiser avec le CCAS ou le CIAS") })
        #expect(card.partners.contains { $0.hasPrefix("CIAS de l'intercommunalité, ou CCAS si la commune en a gardé un") }, "\(card.partners)")
        let bourg = try ExampleSynthesisTests.document("tres-petite-commune-rurale", overrides: ["population=2500"], detail: true)
        let bourgCard = try #require(bourg.card("bien-vieillir-petite-commune"))
        #expect(bourgCard.steps.contains { $0.hasPrefix("Organiser avec le CCAS ou le CIAS") }, "\(bourgCard.steps)")
    }
}

/// Session 19, the ski resort's own health work: the mayor's rescue chain on the ski area, from the slopes to the
/// station's medical practice; the médicobus is not offered to a resort without many older residents.
@Suite("Contenu 19 : la station de ski, ses secours et son cabinet médical")
struct Content19StationTests {
    @Test("station de ski : la chaîne des secours du domaine skiable (pouvoirs de police du maire, loi Montagne article 96 bis, cabinet médical de la station) est dans la feuille de route, sourcée ; la saison en cours vérifie le circuit des blessés ; pas de médicobus")
    func skiResortRescueChain() throws {
        let document = try ExampleSynthesisTests.document("station-montagne-saisonniere", detail: true)
        let card = try #require(document.card("secours-domaine-skiable"))
        #expect(card.why.contains("pouvoirs de police du maire") && card.why.contains("cabinet médical de la station"))
        #expect(card.steps.contains { $0.contains("convention") && $0.contains("service des pistes") }, "\(card.steps)")
        #expect(card.steps.contains { $0.contains("circuit des blessés") && $0.contains("SAMU") })
        #expect(Set(card.sources.map(\.document)).isSuperset(of: ["cgct-l2212-2-police-municipale", "loi-montagne-article-96-bis"]))
        let season = try #require(document.card("saison-en-cours-urgences-et-orientation"))
        #expect(season.steps.contains { $0.contains("circuit des blessés du domaine skiable") })
        #expect(season.steps.contains { $0.contains("médecins correspondants du SAMU") })
        #expect(document.card("medicobus-aller-vers") == nil)
        let seaside = try ExampleSynthesisTests.document("station-balneaire-saisonniere", detail: true)
        #expect(seaside.card("secours-domaine-skiable") == nil)
        #expect(!(seaside.card("saison-en-cours-urgences-et-orientation")?.steps ?? []).contains { $0.contains("domaine skiable") })
    }
}

/// Session 19, wording a professional stopped at: the health referent presents himself to the local professionals, the
/// CPTS and the ARS délégation départementale (not the Ordre, not « l'ARS l'apprendra ») ; the tiger mosquito card
/// checks first whether the mosquito is settled.
@Suite("Contenu 19 : l'élu référent se présente lui-même, le moustique tigre se vérifie d'abord")
struct Content19WordingTests {
    @Test("élu référent : il se présente lui-même aux professionnels du secteur, à la CPTS et à la délégation départementale de l'ARS (à l'ARS outre-mer) ; ni l'Ordre des médecins ni « l'ARS l'apprendra »")
    func referentPresentsHimself() throws {
        let town = try #require(try ExampleSynthesisTests.document("village-rural-zip", detail: true).card("elu-referent-sante"))
        let first = try #require(town.steps.first)
        #expect(first.contains("l'élu se présente ensuite lui-même aux professionnels de santé du secteur et à la délégation départementale de l'ARS"), "\(first)")
        // No CPTS in this village: no « là où il y en a une » either; a territory with one names it.
        #expect(!town.steps.contains { $0.contains("là où il y en a une") })
        let withCPTS = try #require(try ExampleSynthesisTests.document("station-balneaire-saisonniere", detail: true).card("elu-referent-sante"))
        #expect(withCPTS.steps.first?.contains("à la CPTS du territoire et à la délégation départementale de l'ARS") == true, "\(withCPTS.steps)")
        #expect(!town.steps.contains { $0.contains("Ordre des médecins") || $0.contains("l'apprendra") })
        #expect(!town.partners.contains { $0.contains("Ordre des médecins") }, "\(town.partners)")
        let overseas = try #require(try ExampleSynthesisTests.document("commune-outre-mer-reunion", detail: true).card("elu-referent-sante"))
        #expect(overseas.steps.first?.contains("aux professionnels de santé du secteur et à l'ARS, à qui il demande un premier rendez-vous") == true, "\(overseas.steps)")
    }

    @Test("moustique tigre dans l'Hexagone : le titre dit de vérifier d'abord s'il est installé")
    func tigerMosquitoFirstChecks() throws {
        let card = try #require(try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole").card("moustique-tigre-hexagone"))
        #expect(card.title.hasPrefix("Vérifier si le moustique tigre est installé"), "\(card.title)")
    }
}

/// Session 19, the préfecture with its hospital: unscheduled care is organised with the hospital's emergency department
/// and the SAS; the atelier santé ville starts with the préfet's delegate and the ARS in the contrat de ville.
@Suite("Contenu 19 : la préfecture, ses urgences et son atelier santé ville")
struct Content19PrefectureTests {
    @Test("ville siège de l'hôpital : les soins non programmés se montent avec les urgences de l'hôpital et le SAS (réorientation des patients non urgents) ; ailleurs « l'hôpital »")
    func unscheduledCareWithTheEmergencyDepartment() throws {
        let city = try #require(try ExampleSynthesisTests.document("prefecture-hopital-support", detail: true).card("soins-non-programmes"))
        #expect(city.steps.first?.hasPrefix("Réunir la CPTS, les médecins du territoire, les urgences de l'hôpital, le service d'accès aux soins (SAS) et l'ARS") == true, "\(city.steps)")
        #expect(city.steps.first?.hasSuffix("et convenir de la réorientation des patients non urgents.") == true)
        #expect(city.partners.contains("urgences de l'hôpital et SAS") && !city.partners.contains("centre hospitalier"), "\(city.partners)")
        let without = try ExampleSynthesisTests.document("prefecture-hopital-support", overrides: ["hospitalRole=aucun", "hospital=false"], detail: true)
        if let card = without.card("soins-non-programmes") {
            #expect(card.steps.first?.contains("l'hôpital et l'ARS pour objectiver le besoin") == true, "\(card.steps)")
            #expect(card.partners.contains("centre hospitalier"))
        }
    }

    @Test("atelier santé ville à créer : le premier pas se fait avec le délégué du préfet et l'ARS, dans le contrat de ville « Quartiers 2030 »")
    func healthWorkshopWithThePrefect() throws {
        // The ville moyenne (the préfecture creates its ASV with its renewed CLS since rel38).
        let card = try #require(try ExampleSynthesisTests.document("ville-moyenne-qpv-cls", detail: true).card("asv-creer"))
        #expect(Content17Tests.plain(card.steps.first ?? "").hasPrefix("Convenir avec le délégué du préfet et l'ARS de la place de l'atelier santé ville dans le contrat de ville « Quartiers 2030 »"), "\(card.steps)")
        #expect(card.partners.first == "préfecture (délégué du préfet)")
    }
}
