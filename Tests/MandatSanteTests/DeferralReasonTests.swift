import Foundation
import MandatSante
import RuleKit
import Testing

/// A deferred card's reason is checked against the phases' figures, as a reader adds them up from the JSON: where a
/// phase on its way had room of its own for it, taken by an earlier phase's surplus, the reason names that surplus,
/// not the actions of the phase (« place prise par l'action 5 », which the reader finds false).
@Suite("Les raisons de report disent vrai au regard des capacités")
struct DeferralReasonTests {
    /// The items of `roadmap` deferred for want of room, with the first phase on their way that had, by its own
    /// actions, room for them when an earlier phase carries more than its capacity (its surplus took that room).
    /// A phase with room of its own and no earlier surplus (a start in April or November, where the short first
    /// phase keeps room that the planner's claims did not use) is not this wording's case: `roomy` is nil there.
    static func deferredDespiteRoom(_ roadmap: Roadmap) -> [(item: RoadmapItem, wanted: Int, roomy: Int?)] {
        let used = roadmap.halfUnitsUsed
        return roadmap.items.compactMap { item in
            guard case .capacity(let wanted) = item.placement, item.missedDeadline == nil else { return nil }
            let roomy = (wanted..<item.phaseIndex).first {
                2 * roadmap.capacity.unitsPerPhase[$0] - used[$0] >= Capacity.halfUnits(of: item.recommendation, inPhase: $0)
            }
            let surplus = roomy.map { phase in (0..<phase).contains { used[$0] > 2 * roadmap.capacity.unitsPerPhase[$0] } } ?? false
            return (item, wanted, surplus ? roomy : nil)
        }
    }

    @Test("une action reportée alors qu'une phase sur son chemin avait, par ses propres actions, la place dit le débordement de la phase antérieure qui l'a prise, jamais « place prise »")
    func placeTakenOnlyWhenTrue() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let planner = Planner(ruleBase: ruleBase)
        let presenter = RoadmapPresenter(ruleBase: ruleBase)
        var overflows = 0
        var taken = 0
        for (profile, calendar) in try PlanningInvariantTests.cases().prefix(800) {
            let roadmap = planner.plan(profile, calendar: calendar)
            let cards = Dictionary(presenter.document(roadmap).cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (item, _, roomy) in Self.deferredDespiteRoom(roadmap) {
                let brief = try #require(cards[item.recommendation.id]?.placementBrief)
                if roomy != nil {
                    overflows += 1
                    #expect(!brief.contains("place prise") && brief.contains("surplus occupe la place restante"),
                            "\(profile.name) (\(calendar.start)) \(item.recommendation.id) : \(brief) ; utilisé \(roadmap.halfUnitsUsed), capacité \(roadmap.capacity.unitsPerPhase)")
                } else if brief.contains("place prise") {
                    taken += 1
                }
            }
        }
        #expect(overflows >= 5 && taken >= 20, "\(overflows) débordements, \(taken) places prises")
    }

    @Test("le débordement est nommé : la phase qui dépasse la capacité, et jusqu'à quand sa charge occupe la place")
    func overflowIsNamed() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let planner = Planner(ruleBase: ruleBase)
        let presenter = RoadmapPresenter(ruleBase: ruleBase)
        for (profile, calendar) in try PlanningInvariantTests.cases().prefix(800) {
            let roadmap = planner.plan(profile, calendar: calendar)
            guard let (item, wanted, roomy) = Self.deferredDespiteRoom(roadmap).first(where: { $0.roomy != nil }),
                  let roomy else { continue }
            let phases = roadmap.calendar.phases
            let overfilled = (0..<roomy).filter { roadmap.halfUnitsUsed[$0] > 2 * roadmap.capacity.unitsPerPhase[$0] }
            let card = try #require(presenter.document(roadmap).cards.first { $0.id == item.recommendation.id })
            let until = phases[item.phaseIndex - 1].end.adding(months: -1).shortFrench
            let named = overfilled == [wanted] ? "cette phase dépasse" : "« \(phases[overfilled[0]].title) »"
            #expect(card.placementBrief?.hasPrefix("reportée de « \(phases[wanted].title) » : ") == true)
            #expect(card.placementBrief?.contains(named) == true, "\(card.placementBrief ?? "")")
            #expect(card.placementBrief?.hasSuffix("jusqu'à \(until)") == true, "\(card.placementBrief ?? "")")
            // The detailed edition and the JSON give the same reason.
            #expect(card.placement == card.placementBrief)
            return
        }
        Issue.record("aucun report malgré une place libre parmi 800 territoires générés")
    }
}
