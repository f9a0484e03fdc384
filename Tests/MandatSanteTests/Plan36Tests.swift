import Foundation
import MandatSante
import RuleKit
import Testing

/// What session 36 changed in the planner and its wording (issue 12): a phase holds what the team can carry when a
/// companion's own deadline lets it wait, and page 1 says a priority's first step taken now.
@Suite("Planification : la charge de chaque phase et le premier pas des priorités (session 36)")
struct Plan36Tests {
    /// read35: the agglomeration's « D'ici fin 2027 » held ten units for a capacity of seven — the coordinator, the
    /// diagnostic and the CLS (foundations), the CLSM (santé mentale), the junior doctors (due by December 2027) and
    /// the MSP's extension they go with (due by March 2029). The extension starts in January 2028, still before the
    /// expected departures; 2027 holds no more than its ceiling.
    @Test("agglomération en préparation de CLS : l'extension de la maison de santé en janv. 2028, avant son échéance ; 2027 sous son plafond")
    func companionDueLaterWaits() throws {
        let (roadmap, document) = try Plan24Tests.plan("agglomeration-qpv-cls-en-preparation")
        let msp = try #require(roadmap.item("msp-conforter-existante"))
        let juniors = try #require(roadmap.item("docteurs-juniors"))
        #expect(juniors.phaseIndex == 1 && msp.phaseIndex == 2)
        #expect(msp.placement == .smoothed(from: 1))
        #expect(msp.missedDeadline == nil && msp.deadline?.before == YearMonth(year: 2029, month: 3))
        // The CLS and its foundations, the CLSM, stay in 2027.
        for id in ["cls-coordinateur", "diagnostic-sante-partage", "cls-engager", "clsm-creer"] {
            #expect(roadmap.item(id)?.phaseIndex == 1, "\(id)")
        }
        let used = roadmap.halfUnitsUsed[1], capacity = 2 * roadmap.capacity.unitsPerPhase[1]
        #expect(used <= Capacity.ceilingHalves(capacity: capacity), "\(used) / \(capacity)")
        let card = try #require(document.cards.first { $0.id == "msp-conforter-existante" })
        #expect(Plan24Tests.plain(card.placementBrief) == "à partir de janv. 2028, car d'ici fin 2027 le temps de l'équipe est déjà pris", "\(card.placementBrief ?? "")")
        // The junior doctors' card says the extension follows.
        let juniorsCard = try #require(document.cards.first { $0.id == "docteurs-juniors" })
        #expect(juniorsCard.relations.contains { Plan24Tests.plain($0).contains("dès que la place le permet") }, "\(juniorsCard.relations)")
        // Page 1 names the overload that remains, to the review.
        #expect(Plan24Tests.plain(document.synthesis.sizeNote).contains("D'ici le bilan de mi-mandat, l'équipe ne peut pas tout porter"), "\(document.synthesis.sizeNote)")
    }

    /// Over the example profiles and the generated territories: an action moved on from a phase above its ceiling
    /// (`smoothed`) still meets its own deadline, and never goes before an action that waits for it.
    @Test("une action qui attend une phase plus légère tient toujours son échéance et reste avant ce qui l'attend")
    func smoothedActionsKeepTheirDeadlines() throws {
        var wrong: [String] = []
        var moved = 0
        func check(_ name: String, _ roadmap: Roadmap) {
            for item in roadmap.items {
                guard case .smoothed = item.placement else { continue }
                moved += 1
                if item.missedDeadline != nil { wrong.append("\(name) \(item.recommendation.id) manque son échéance") }
                for other in roadmap.items where other.prerequisites.contains(item.recommendation.id) && other.phaseIndex < item.phaseIndex {
                    wrong.append("\(name) \(item.recommendation.id) après \(other.recommendation.id) qui l'attend")
                }
            }
        }
        for name in Plan34Tests.examples { check(name, try Plan24Tests.plan(name).0) }
        for (number, (profile, _, roadmap)) in try PlanningInvariantTests.planned().enumerated() {
            check("\(profile.name) (n° \(number + 1))", roadmap)
        }
        #expect(wrong.isEmpty, "\(wrong.count) : \(wrong.prefix(3).joined(separator: " | "))")
        #expect(moved >= 1)
    }
}

/// Page 1's priorities line says a first step taken now rather than « faute de place plus tôt » (read35).
@Suite("Page 1 : une priorité dont le premier pas commence dès maintenant le dit (session 36)")
struct Plan36PrioritiesTests {
    @Test("commune nouvelle : le bien vieillir dit le premier pas de l'action 8 dès maintenant ; la station balnéaire, celui de son action logement")
    func firstStepNowIsSaid() throws {
        let (_, nouvelle) = try Plan24Tests.plan("commune-nouvelle-hopital-proximite")
        let line = Plan24Tests.plain(nouvelle.synthesis.priorities ?? "")
        #expect(line.hasSuffix("bien vieillir et autonomie (actions 7 et 8, à partir de janv. 2028, avec un premier pas de l'action 8 dès maintenant)"), "\(line)")
        // Not « le reste à partir de janv. 2028 »: action 8's rest comes after the review (reader38c).
        #expect(!line.contains("le reste"), "\(line)")
        #expect(!line.contains("faute de place plus tôt"), "\(line)")
        let (_, station) = try Plan24Tests.plan("station-balneaire-saisonniere")
        let stationLine = Plan24Tests.plain(station.synthesis.priorities ?? "")
        #expect(stationLine.hasSuffix("habitat et logement (action 8 : premier pas dès maintenant, le reste après le bilan de mi-mandat)"), "\(stationLine)")
    }
}
