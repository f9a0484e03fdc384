import Foundation
import MandatSante
import RuleKit
import Testing

/// What the consultant readers found in session 32 (issue 12): what is light and due soon starts in the first
/// months when they have room left; a trade never takes out the only action answering a situation of the territory.
@Suite("Planification : le léger et proche dans les premiers mois, la seule réponse à un constat (session 33)")
struct Plan33Tests {
    /// The métropole: the first three months held the two founding decisions (one unit of three) while 2027 was
    /// overfilled (11 units for 9). The help to the communes for the summer 2027 heat plan (light, due June 2027) starts now.
    @Test("métropole : l'appui aux communes pour l'été 2027 commence dans les trois prochains mois")
    func lightAndDueSoonStartsInTheFirstMonths() throws {
        let (roadmap, document) = try Plan24Tests.plan("metropole-cls-clsm")
        let heat = try #require(roadmap.item("canicule-appui-communes"))
        #expect(heat.phaseIndex == 0, "\(heat.phaseIndex)")
        #expect(heat.deadline != nil && heat.missedDeadline == nil)
        #expect(roadmap.items.filter { $0.phaseIndex == 0 }.count <= Capacity.firstPhaseActions)
        #expect(roadmap.halfUnitsLeft[0] >= 0)
        // The next phase keeps new actions, and carries a unit less than before (it held 11 units for 9).
        #expect(roadmap.items.contains { $0.phaseIndex == 1 })
        #expect(roadmap.halfUnitsUsed[1] == 20, "\(roadmap.halfUnitsUsed)")
        // Page 1 lists it among the decisions to take first, with its season.
        let decision = try #require(document.synthesis.decisions.first { $0.rank == heat.rank })
        #expect(Plan24Tests.plain(decision.when).contains("avant l'été 2027"), "\(decision.when)")
    }

    /// Guadeloupe: the specialists' outreach with the hospital (80, light) is the only action whose condition needs
    /// « des médecins spécialistes manquent »: the collective prevention (96) no longer takes its place, and page 1's
    /// finding names it.
    @Test("commune de Guadeloupe : la seule action qui répond au manque de spécialistes reste, et la page 1 la nomme")
    func onlyAnswerToAFindingStays() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-antilles-dengue")
        let specialists = try #require(roadmap.item("specialistes-consultations-avancees"))
        #expect(!roadmap.tradedPlaces.contains { $0.given.contains(specialists.recommendation.id) }, "\(roadmap.tradedPlaces)")
        #expect(specialists.phaseIndex == roadmap.calendar.phases.count - 1)
        #expect(roadmap.tradedPlaces.isEmpty, "\(roadmap.tradedPlaces)")
        let card = try #require(document.cards.first { $0.id == specialists.recommendation.id })
        #expect(card.forYou.map(Plan24Tests.plain).contains("des médecins spécialistes manquent"), "\(card.forYou)")
        // Page 1's specialist finding names it among the actions that answer it.
        let findings = document.synthesis.findings.map(Plan24Tests.plain)
        let line = try #require(findings.first { $0.hasPrefix("Des médecins spécialistes manquent") }, "\(findings)")
        #expect(line.contains("\(specialists.rank) y répond"), "\(line)")
    }
}
