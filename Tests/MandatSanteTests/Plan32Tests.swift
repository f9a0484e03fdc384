import Foundation
import MandatSante
import RuleKit
import Testing

/// What the consultant readers found in session 31 (issue 12): a deferral line states its real cause — an action
/// that took the place of a lighter one says so, a weaker action is named only where its room would have held the
/// action —, a pressing deadline takes the place of a priority's action that can wait, and page 1 says that the
/// coordinator the roadmap recruits carries part of the load rather than « prévoir un renfort ».
@Suite("Planification et document : la vraie cause d'un report, l'échéance pressante, le coordinateur (session 32)")
struct Plan32Tests {
    /// The villages' transport to care took the SAMU correspondents' place at the end of placement: its card says so,
    /// and never that a lighter action « tenait dans le temps restant » in a phase too short for its effort.
    @Test("villages : le transport vers les soins dit qu'il prend la place des médecins correspondants du SAMU",
          arguments: ["village-rural-zip", "village-departs-cabinet", "tres-petite-commune-rurale"])
    func transportSaysWhosePlaceItTakes(name: String) throws {
        let (roadmap, document) = try Plan24Tests.plan(name)
        let transport = try #require(roadmap.item("acces-soins-transport"), "\(name)")
        #expect(roadmap.tradedPlaces.contains { $0.taker == transport.recommendation.id && $0.given == ["medecins-correspondants-samu"] },
                "\(name) : \(roadmap.tradedPlaces)")
        let card = try #require(document.cards.first { $0.id == transport.recommendation.id })
        let brief = Plan24Tests.plain(card.placementBrief)
        #expect(brief.hasSuffix("; elle prend alors la place de « Faire couvrir les urgences vitales par des médecins correspondants du SAMU, là où le SMUR est à plus de trente minutes », plus légère et moins bien notée, à envisager ensuite"),
                "\(name) : \(brief)")
        #expect(!brief.contains("tenait dans le temps restant"), "\(name) : \(brief)")
        #expect(brief.hasPrefix("à partir d'avr. 2029, car jusque-là le temps de l'équipe est déjà pris"), "\(name) : \(brief)")
    }

    /// The ZAC bourg's sports equipment and the seaside housing: each card says whose place it takes (Guadeloupe's
    /// specialists no longer give theirs: `Plan33Tests`).
    @Test("bourg de la ZAC, station balnéaire : la fiche de l'action qui prend la place d'une plus légère le dit",
          arguments: [("bourg-rural-zac-msp", "equipement-sportif-sport-sante", "cpts-partenariat-collectivite", true),
                      ("station-balneaire-saisonniere", "logement-saisonniers-professionnels", "medicobus-aller-vers", false)])
    func takerCardSaysWhosePlace(name: String, taker: String, given: String, lower: Bool) throws {
        let (roadmap, document) = try Plan24Tests.plan(name)
        let entry = try #require(roadmap.notPlaced(given), "\(name)")
        let card = try #require(document.cards.first { $0.id == taker }, "\(name)")
        let brief = Plan24Tests.plain(card.placementBrief)
        let title = Plan24Tests.plain(entry.recommendation.title(for: roadmap.profile.facts))
        #expect(brief.hasSuffix("; elle prend alors la place de « \(title) », plus légère\(lower ? " et moins bien notée" : ""), à envisager ensuite"),
                "\(name) : \(brief)")
        #expect(Plan24Tests.plain(card.placement).hasSuffix("à envisager ensuite"), "\(name)")
    }

    /// The seaside resort: the junior doctors (100, due by December 2027 before the expected departures) keep their
    /// deadline in 2027; the seniors' « bien vieillir » (107, a priority's action without deadline) starts in January
    /// 2028, before the review. No deadline is missed there, and the fin-d-année phase stays under its ceiling.
    @Test("station balnéaire : les docteurs juniors tiennent leur échéance, le bien vieillir commence en janv. 2028")
    func pressingDeadlineTakesAPriorityPlaceThatCanWait() throws {
        let (roadmap, document) = try Plan24Tests.plan("station-balneaire-saisonniere")
        let juniors = try #require(roadmap.item("docteurs-juniors"))
        let seniors = try #require(roadmap.item("bien-vieillir-petite-commune"))
        #expect(juniors.phaseIndex == 1 && juniors.missedDeadline == nil && juniors.deadline != nil)
        #expect(seniors.phaseIndex == 2 && seniors.phaseIndex <= roadmap.calendar.reviewPhase)
        #expect(seniors.selection == .priority("bien-vieillir"))
        #expect(!roadmap.items.contains { $0.missedDeadline != nil })
        let ceiling = Capacity.ceilingHalves(capacity: 2 * roadmap.capacity.unitsPerPhase[1])
        #expect(roadmap.halfUnitsUsed[1] <= ceiling)
        // Page 1 no longer tells the executive that the junior doctors will miss their deadline.
        #expect(!Plan24Tests.plain(document.synthesis.sizeNote).contains("manquera son échéance"))
        let card = try #require(document.cards.first { $0.id == seniors.recommendation.id })
        #expect(Plan24Tests.plain(card.placementBrief).contains("le reste à partir de janv. 2028, car d'ici fin 2027"), "\(card.placementBrief ?? "")")
    }

    /// Guadeloupe: the roadmap recruits a health coordinator in 2027 (action 5); page 1 says it carries part of the
    /// load, not « prévoir un renfort ». A town that recruits none is still told to plan a reinforcement.
    @Test("commune de Guadeloupe : le poste de coordination recruté porte une part de la charge, pas « prévoir un renfort »")
    func coordinatorCarriesPartOfTheLoad() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-antilles-dengue")
        let coordinator = try #require(roadmap.item("cls-coordinateur"))
        let size = Plan24Tests.plain(document.synthesis.sizeNote)
        // Named among the founding decisions that cannot wait, its number is not said again.
        #expect(size.contains("les décisions fondatrices (actions \(coordinator.rank) "), "\(size)")
        #expect(size.contains("passent d'abord ; le poste de coordination du CLS portera une part de la charge."), "\(size)")
        #expect(!size.contains("prévoir un renfort"), "\(size)")
    }

    /// The small PVD town: the ZAC raised the health strand of Petites villes de demain (+10, placed before the review);
    /// page 1's third finding says so, rather than the seniors' council as a « point d'appui ».
    @Test("petite ville PVD : le troisième constat est la zone d'action complémentaire, pas le conseil des aînés")
    func thirdFindingDrivesTheRoadmap() throws {
        let (roadmap, document) = try Plan24Tests.plan("petite-ville-pvd-msp")
        let strand = try #require(roadmap.item("petites-villes-de-demain-sante"))
        let findings = document.synthesis.findings.map(Plan24Tests.plain)
        #expect(findings.count == 3, "\(findings)")
        #expect(findings.last == "Territoire en zone d'action complémentaire (ZAC) — l'action \(strand.rank) y répond.", "\(findings)")
        #expect(!findings.contains { $0.contains("point d'appui") }, "\(findings)")
    }
}
