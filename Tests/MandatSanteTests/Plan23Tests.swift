import Foundation
import MandatSante
import RuleKit
import Testing

/// Planner defects revealed by the generator's draws once the vocabulary grew (`cptsProject`), each pinned on the
/// generated territory that showed it.
@Suite("Planification : défauts révélés par les tirages du générateur (session 23)")
struct Plan23Tests {
    /// Generated territory n° `number`, its roadmap and document: those the planning invariants planned and presented
    /// once for the whole test process (generating the 2,000 territories again for one of them cost as much).
    static func plan(_ number: Int) throws -> (Roadmap, RoadmapDocument) {
        (try PlanningInvariantTests.planned()[number - 1].roadmap, try PlanningInvariantTests.presented()[number - 1])
    }

    static func phase(_ roadmap: Roadmap, _ id: String) -> Int? {
        roadmap.items.first { $0.recommendation.id == id }?.phaseIndex
    }

    /// Intercommunality n° 9 (one agent, start March 2027): « D'ici fin 2027 » has one unit. The diagnostic the CLS
    /// is built on used to overfill it beside the coordinator, and the CLS, finding the next phase taken by that
    /// excess, piled on too: ten half-units for two. The diagnostic now waits for the next phase, the CLS after it.
    @Test("une petite équipe ne porte pas en sept mois le coordinateur, le diagnostic et le CLS : le diagnostic et le CLS viennent ensuite")
    func diagnosticWaitsBesideTheCoordinator() throws {
        let (roadmap, document) = try Self.plan(9)
        #expect(roadmap.calendar.start == YearMonth(year: 2027, month: 3))
        #expect(Self.phase(roadmap, "cls-coordinateur") == 1)
        #expect(Self.phase(roadmap, "diagnostic-sante-partage") == 2)
        // The CLS follows its diagnostic, at the end of the mandate for a team of one agent.
        #expect(Self.phase(roadmap, "cls-engager") == 3)
        #expect(roadmap.halfUnitsUsed[1] <= 2 * roadmap.capacity.unitsPerPhase[1], "\(roadmap.halfUnitsUsed)")
        let brief = document.cards.first { $0.id == "diagnostic-sante-partage" }?.placementBrief ?? ""
        #expect(brief.replacingOccurrences(of: "\u{00A0}", with: " ")
                == "à partir de janv. 2028, car d'ici fin 2027 la place est prise par l'action 5 (décision fondatrice)", "\(brief)")
    }

    /// Intercommunality n° 1677 (no agent, start August 2028): the same excess, carried to the end of the mandate,
    /// left « Jusqu'à la fin du mandat » empty while actions waited. The diagnostic and the CLS now start there.
    @Test("la fin du mandat n'est plus vidée par le surplus du diagnostic : il y commence avec le CLS")
    func lastPhaseNotEmptiedByThePrerequisite() throws {
        let (roadmap, _) = try Self.plan(1677)
        #expect(roadmap.calendar.start == YearMonth(year: 2028, month: 8))
        let last = roadmap.calendar.phases.count - 1
        #expect(Self.phase(roadmap, "cls-coordinateur") == 1)
        #expect(Self.phase(roadmap, "diagnostic-sante-partage") == last)
        #expect(Self.phase(roadmap, "cls-engager") == last)
        #expect(roadmap.halfUnitsUsed[1] <= 2 * roadmap.capacity.unitsPerPhase[1], "\(roadmap.halfUnitsUsed)")
    }

    /// Commune n° 143 (one agent, start March 2026): the centre de santé with its junior doctors (80 and 80) took,
    /// after every claim, the room of the housing action (88), with the urgency of the unscheduled care (110) that
    /// waits for them, although that care found no room itself; the hospital board (86) and the médicobus (82)
    /// then read « place prise … (priorité de l'équipe, ordre de placement) ». Merit wins now.
    @Test("un ensemble n'emprunte pas l'urgence d'une action restée hors de la feuille de route pour prendre la place de meilleures actions")
    func setDoesNotBorrowUrgencyOfAnUnplacedAction() throws {
        let (roadmap, document) = try Self.plan(143)
        #expect(roadmap.calendar.start == YearMonth(year: 2026, month: 3))
        // The housing action keeps its place; since transport to care gained +5 for very dispersed habitat far from a
        // hospital (89, content24c), it and the housing action (88) take the one agent's last units, before the
        // hospital board (86) and the médicobus (82), which wait: merit, not the set's borrowed urgency.
        #expect(Self.phase(roadmap, "acces-soins-transport") == 2)
        #expect(Self.phase(roadmap, "habitat-indigne-precarite-energetique") == 3)
        #expect(roadmap.considerLater.contains { $0.recommendation.id == "hopital-conseil-surveillance" })
        for id in ["centre-sante-consolider", "docteurs-juniors", "soins-non-programmes"] {
            #expect(Self.phase(roadmap, id) == nil, "\(id)")
            #expect(roadmap.considerLater.contains { $0.recommendation.id == id }, "\(id)")
        }
        for card in document.cards { #expect(!(card.placementBrief ?? "").contains("ordre de placement"), "\(card.id)") }
    }
}
