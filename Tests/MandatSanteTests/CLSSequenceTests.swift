import Foundation
import MandatSante
import RuleKit
import Testing

/// The professional sequence of a CLS with a coordinator to recruit: the coordinator recruited, the diagnostic he
/// leads, then the CLS signed (plan17, item 3). Stated by `après` alone: no « avec » group, hence no cycle.
@Suite("Le CLS s'engage dans l'ordre du métier : coordinateur recruté, diagnostic qu'il conduit, CLS signé")
struct CLSSequenceTests {
    @Test("communauté de communes rurale : le coordinateur, puis le diagnostic, puis le CLS, tous en 2027, et les cartes le disent")
    func ruralCommunityRecruitsThenDiagnosesThenSigns() throws {
        let roadmap = try PressingDeadlineTests.plan("communaute-communes-rurale")
        let coordinator = try #require(roadmap.item("cls-coordinateur"))
        let diagnostic = try #require(roadmap.item("diagnostic-sante-partage"))
        let contract = try #require(roadmap.item("cls-engager"))
        #expect(coordinator.rank < diagnostic.rank && diagnostic.rank < contract.rank)
        #expect([coordinator, diagnostic, contract].map(\.phaseIndex) == [1, 1, 1])
        #expect(diagnostic.prerequisites.contains("cls-coordinateur"))
        #expect(Set(contract.prerequisites).isSuperset(of: ["cls-coordinateur", "diagnostic-sante-partage"]))
        #expect(coordinator.together.isEmpty && contract.together.isEmpty)

        let document = try ExampleSynthesisTests.document("communaute-communes-rurale")
        func relations(_ id: String) throws -> [String] {
            try #require(document.cards.first { $0.id == id }).briefRelations.map(MiddlePhaseTests.plain)
        }
        // By their numbers, one « après » for both.
        #expect(try relations("diagnostic-sante-partage") == ["après l'action \(coordinator.rank)"])
        #expect(try relations("cls-engager") == ["après les actions \(coordinator.rank) et \(diagnostic.rank)"])
        #expect(try relations("cls-coordinateur").allSatisfy { !$0.contains("avec") && !$0.contains("après") })
    }

    @Test("Guadeloupe : le coordinateur en 2027 avec la préparation de l'hivernage 2027, le diagnostic qu'il conduit et le CLS signé en 2028 (2027 dépasse déjà la capacité de l'équipe), avant le bilan")
    func guadeloupeKeepsTheHurricaneSeason() throws {
        let roadmap = try PressingDeadlineTests.plan("commune-antilles-dengue")
        let phase = { (id: String) in roadmap.item(id)?.phaseIndex ?? -1 }
        #expect(phase("cls-coordinateur") == 1)
        #expect(phase("diagnostic-sante-partage") == roadmap.calendar.reviewPhase)
        #expect(roadmap.item("diagnostic-sante-partage")?.placement == .smoothed(from: 1))
        #expect(phase("cls-engager") == roadmap.calendar.reviewPhase)
        let hurricanes = try #require(roadmap.item("evenements-extremes-continuite-services"))
        #expect(hurricanes.phaseIndex == 1)
        #expect(hurricanes.deadline?.before == YearMonth(year: 2027, month: 6))
    }
}
