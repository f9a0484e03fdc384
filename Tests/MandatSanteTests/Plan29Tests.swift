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
        #expect(Plan24Tests.plain(card.placement) == "premier pas dès maintenant, car le contrat local de santé se prépare en ce moment, et la CPTS doit pouvoir y faire entrer ses missions avant sa signature ; le reste à partir de janv. 2028, car d'ici fin 2027 la place va à l'action \(clsm.rank), réponse à la priorité « santé mentale » de l'équipe")
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
                // A companion whose own deadline is later, moved from a phase above its ceiling, meets it (plan36).
                if case .smoothed = moved.placement {
                    #expect(moved.deadline != nil && moved.missedDeadline == nil && !moved.recommendation.isFoundation, "\(label) : \(moved.recommendation.id)")
                    continue
                }
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
        for (number, (_, calendar, roadmap)) in try PlanningInvariantTests.planned().enumerated() {
            check(roadmap, "n° \(number + 1) (\(calendar.start))")
        }
        #expect(checked >= 1)
    }
}

/// A dated action left out for want of room while lighter, lower-scored actions kept for their score alone stay
/// (reader 28c, P2): it would take their room — they going later or « à envisager ensuite » — when that room, with
/// the room left, holds it. Until plan39 the rural community's PLU (98, effort moyen, due before the PLU's arrêt) was
/// left out while the seniors' health programme (90, faible, no deadline) was kept at the end; it now keeps its
/// deadline in that programme's place (`Plan39Tests`).
extension Plan29Tests {

    /// The room a left-out action could take from the phases its horizon allows: what is left there, and what the
    /// actions kept for their score alone hold there — scored lower, with no deadline, neither a prerequisite nor a
    /// companion of another action.
    static func lowerScoredRoom(for entry: LeftOutRecommendation, in roadmap: Roadmap) -> Int {
        let earliest = roadmap.calendar.phaseIndex(for: entry.recommendation.horizon)
        let linked = Set(roadmap.items.flatMap { $0.prerequisites + $0.together })
        var room = 0
        for phase in earliest..<roadmap.calendar.phases.count {
            room += max(0, roadmap.halfUnitsLeft[phase])
            for item in roadmap.items(inPhase: phase) where item.selection == .merit && item.deadline == nil
                && item.score.total < entry.score.total && item.together.isEmpty && !linked.contains(item.recommendation.id) {
                room += item.halfUnits
            }
        }
        return room
    }

    /// On the examples and the generated territories: no action due by a phase of the mandate (its deadline holding
    /// there) is left out for want of room while the room of the lower-scored actions kept for their score alone,
    /// with the room left, would hold it — counted over the whole mandate from its earliest phase: an upper bound on
    /// what taking their room could give (it ignores the first quarter's count, the end reserve, and the order of the
    /// phases), so a case found is to be read before it is called a defect.
    @Test("profils d'exemple et territoires générés : une action datée laissée de côté alors que la place des actions moins bien notées retenues pour leur seul score la tiendrait — au plus 61 cas, une borne haute")
    func datedLeftOutDoesNotFitInLowerScoredRoom() throws {
        var found: [String] = []
        func check(_ roadmap: Roadmap, _ label: String) {
            for entry in roadmap.considerLater {
                guard case .noCapacity = entry.reason, case .byHorizon? = entry.recommendation.deadline else { continue }
                if let condition = entry.recommendation.deadlineCondition, condition.evaluate(roadmap.profile.facts) != .true { continue }
                let needed = Capacity.halfUnits(of: entry.recommendation, inPhase: 1)
                let room = Self.lowerScoredRoom(for: entry, in: roadmap)
                if room >= needed { found.append("\(label) : \(entry.recommendation.id) (\(entry.score.total), \(needed) demi-unités ; \(room) possibles)") }
            }
        }
        for name in try Plan27Tests.exampleNames() {
            let (roadmap, _) = try Plan24Tests.plan(name)
            check(roadmap, name)
        }
        for (number, (_, calendar, roadmap)) in try PlanningInvariantTests.planned().enumerated() {
            check(roadmap, "n° \(number + 1) (\(calendar.start))")
        }
        // 61 cases, one example (La Réunion's urban renewal, 85, whose room the earlier phases' overfill takes). A final
        // stage giving such an action the room of lower-scored actions kept for their score alone was tried in
        // session 29: 47 left, but it made a PLU miss its deadline behind a better action (n° 1690) and broke the
        // merit invariant; not kept. Not more than today: 62 since reader29c's scores (the welcome of doctors, the bus
        // beside a neighbouring MSP, the project reflex of a Villages d'avenir laureate) moved one generated
        // territory; the examples still show only La Réunion's. Since plan39 (`keepDeadlinesOverLighter`: the dated action
        // takes lighter, lower-scored actions' place, the trade adding at most a tenth to the mandate) 58, La Réunion's
        // renewal placed; what is left is room a trade cannot use (too little of it, or held by actions scored too near).
        // 61 since content40 (the health grid no longer for a PLU revision alone, French Guiana's hospital centre, the
        // school purchases' bonus): three generated territories more, none of the examples.
        print("Plan29: dated actions left out beside lower-scored room: \(found.count)")
        #expect(found.count <= 61, "\(found.count) : \(found.prefix(8).joined(separator: " | "))")
    }
}
