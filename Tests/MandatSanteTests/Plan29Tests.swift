import Foundation
import MandatSante
import RuleKit
import Testing

/// The team's priorities first (session 29, issue 12): a declared priority's action claims its first-year room before
/// a `together` companion kept for its score alone, which follows its set a phase later and says so.
@Suite("Planification : la priorité de l'équipe avant le compagnon d'un ensemble (session 29)")
struct Plan29Tests {
    /// The agglomeration preparing its CLS declared mental health its first priority: the CLSM (98) was action 9 from
    /// January 2028, the CPTS partnership (78) that goes with the CLS holding a 2027 place. The CLSM now starts in
    /// 2027 beside the CLS; the partnership follows a phase later, its card saying why.
    @Test("agglomération au CLS en préparation : le CLSM (priorité 1) en 2027, le partenariat CPTS qui va avec le CLS décalé d'une phase")
    func firstPriorityBeforeCompanion() throws {
        let (roadmap, document) = try Plan24Tests.plan("agglomeration-qpv-cls-en-preparation")
        let clsm = try #require(roadmap.item("clsm-creer"))
        let cpts = try #require(roadmap.item("cpts-partenariat-collectivite"))
        let cls = try #require(roadmap.item("cls-engager"))
        #expect(clsm.phaseIndex == 1 && cls.phaseIndex == 1)
        #expect(cpts.phaseIndex == 2)
        #expect(cpts.placement == .yielded(from: 1, to: "clsm-creer", priority: "sante-mentale"))
        // The page 1 no longer says the first priority waits.
        let priorities = Plan24Tests.plain(document.synthesis.priorities)
        #expect(priorities.contains("santé mentale (action \(clsm.rank))"), "\(priorities)")
        #expect(!priorities.contains("santé mentale (action \(clsm.rank), à partir"), "\(priorities)")
        // The partnership's card: moved for the CLSM, with the CLS as room allows.
        let card = try #require(document.cards.first { $0.id == "cpts-partenariat-collectivite" })
        #expect(Plan24Tests.plain(card.placement) == "décalée de « D'ici fin 2027 » pour faire place à l'action \(clsm.rank), réponse à la priorité « santé mentale » de l'équipe")
        #expect(card.briefRelations.map(Plan24Tests.plain) == ["avec l'action \(cls.rank), dès que la place le permet"])
        // The CLS's card says the same of it.
        let clsCard = try #require(document.cards.first { $0.id == "cls-engager" })
        #expect(clsCard.briefRelations.map(Plan24Tests.plain).contains("avec l'action \(cpts.rank), dès que la place le permet"))
        #expect(roadmap.items.count == 13)
    }

    /// On the examples and the generated territories: actions that go together share a phase, except a companion
    /// that made room for a declared priority's action — kept for its score alone, neither a foundation nor dated, in
    /// a later phase than its set, saying which priority's action it made room for (placed in the phase it left).
    @Test("profils d'exemple et territoires générés : un compagnon hors de la phase de son ensemble l'est pour l'action d'une priorité, et seulement lui")
    func companionsApartOnlyForAPriority() throws {
        var checked = 0
        func check(_ roadmap: Roadmap, _ label: String) {
            for item in roadmap.items {
                let apart = item.together.compactMap(roadmap.item).filter { $0.phaseIndex != item.phaseIndex }
                guard !apart.isEmpty else { continue }
                // The one that moved is the later one; its set stays in the phase it left.
                guard let moved = ([item] + apart).max(by: { $0.phaseIndex < $1.phaseIndex }) else { continue }
                checked += 1
                guard case .yielded(let from, let to, let priority?) = moved.placement else {
                    Issue.record("\(label) : \(moved.recommendation.id) hors de la phase de son ensemble sans avoir fait place à une priorité (\(moved.placement))")
                    continue
                }
                #expect(moved.selection == .merit && !moved.recommendation.isFoundation && moved.deadline == nil, "\(label) : \(moved.recommendation.id)")
                let chosen = roadmap.item(to)
                #expect(chosen?.phaseIndex == from && chosen?.selection == .priority(priority), "\(label) : \(to)")
            }
        }
        for name in try Plan27Tests.exampleNames() {
            let (roadmap, _) = try Plan24Tests.plan(name)
            check(roadmap, name)
        }
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let planner = Planner(ruleBase: ruleBase)
        for (number, (profile, calendar)) in try PlanningInvariantTests.cases().enumerated() {
            check(planner.plan(profile, calendar: calendar), "n° \(number + 1) (\(calendar.start))")
        }
        #expect(checked >= 1)
    }
}
