import Foundation
import MandatSante
import RuleKit
import Testing

/// What session 37 changed in the planner and its wording (issue 12): a declared priority held out of the first
/// year by a prerequisite starts by the mid-mandate review.
@Suite("Planification : les priorités avant le bilan, et ce qui tient vraiment la place (session 37)")
struct Plan37Tests {
    /// read36: in the ZIP commune of French Guiana whose team declared access to care, the CPTS (97, light) waited
    /// for April 2029 behind the diagnostic it draws on (2028). It starts with it, before the review; page 1 says so.
    @Test("Guyane : la CPTS, réponse à l'accès aux soins, commence en 2028 avec le diagnostic, avant le bilan de mi-mandat")
    func priorityStartsByReview() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-guyane-croissance")
        let cpts = try #require(roadmap.item("cpts-soutenir-emergence"))
        let diagnostic = try #require(roadmap.item("diagnostic-sante-partage"))
        let review = roadmap.calendar.reviewPhase
        #expect(cpts.phaseIndex == review && diagnostic.phaseIndex == review && diagnostic.rank < cpts.rank)
        #expect(cpts.placement == .prerequisite("diagnostic-sante-partage"), "\(cpts.placement)")
        // Under the phase's ceiling; the mandate's total does not grow.
        let used = roadmap.halfUnitsUsed[review], capacity = 2 * roadmap.capacity.unitsPerPhase[review]
        #expect(used <= Capacity.ceilingHalves(capacity: capacity), "\(used) / \(capacity)")
        let total: Int = roadmap.halfUnitsUsed.reduce(0, +), mandate: Int = roadmap.capacity.unitsPerPhase.reduce(0, +)
        #expect(total <= 2 * mandate + 1, "\(total) / \(mandate)")
        // The last phase still starts an action.
        #expect(roadmap.items.contains { $0.phaseIndex == roadmap.calendar.phases.count - 1 })
        let priorities = Plan24Tests.plain(document.synthesis.priorities)
        #expect(priorities.contains("accès aux soins (action \(cpts.rank), à partir de janv. 2028, après l'action \(diagnostic.rank))"), "\(priorities)")
        #expect(!priorities.contains("après le bilan de mi-mandat"), "\(priorities)")
        #expect(document.synthesis.decisions.contains { $0.id == "cpts-soutenir-emergence" })
    }

    /// Over the example profiles: every declared priority that a concrete action of the roadmap serves has one
    /// started by the mid-mandate review, unless none could start there (the review's phase at its ceiling).
    @Test("profils d'exemple : chaque priorité servie l'est avant le bilan de mi-mandat quand la phase du bilan a la place")
    func everyServedPriorityStartsByReview() throws {
        var late: [String] = []
        for name in Plan34Tests.examples {
            let (roadmap, _) = try Plan24Tests.plan(name)
            let review = roadmap.calendar.reviewPhase
            guard review >= 1, case .set(let declared)? = roadmap.profile.value(roadmap.profile.vocabulary.factName(.priorities)) else { continue }
            let capacity = 2 * roadmap.capacity.unitsPerPhase[review]
            for priority in declared {
                let serving = roadmap.items.filter { $0.recommendation.serves.contains(priority) }
                guard let first = serving.map(\.phaseIndex).min(), first > review else { continue }
                let room = Capacity.ceilingHalves(capacity: capacity) - roadmap.halfUnitsUsed[review]
                if serving.contains(where: { $0.halfUnits <= room }) { late.append("\(name) \(priority)") }
            }
        }
        #expect(late.isEmpty, "\(late)")
    }
}
