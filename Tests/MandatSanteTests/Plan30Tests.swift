import Foundation
import MandatSante
import RuleKit
import Testing

/// Every declared priority gets an action of its own before a served one gets another; a deadline kept in the room of
/// lighter, lower-scored undated actions, the next phases carrying the rest (session 30, issue 12).
@Suite("Planification : chaque priorité de l'équipe a son action ; une échéance tenue dans la place d'actions moins bien notées (session 30)")
struct Plan30Tests {
    /// The example `name` planned from December 2026 with `assignments` (as `--set`), and its document.
    static func plan(_ name: String, setting assignments: [String]) throws -> (Roadmap, RoadmapDocument) {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let loaded = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        let profile = try ProfileLoader.override(loaded, with: assignments).get()
        let roadmap = try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12))
        return (roadmap, RoadmapPresenter(ruleBase: ruleBase).document(roadmap))
    }

    // The two cases reader 29 named (the seaside bourg's housing priority, the ZAC bourg's sports equipment) stayed « à
    // envisager ensuite » for want of room until session 31: each now takes the place of the lighter action kept for
    // its score alone, the mandate carrying half a unit more than the team's capacity (`Plan31Tests`).
}

/// Deadlines kept in the room of lighter, lower-scored actions (session 30, item 3).
extension Plan30Tests {
    /// The school yard « oasis », due by the mid-mandate review, went to 2029–2032 behind the agents' training (76,
    /// light, undated) in the growing belt and behind the seniors' council (75, light, undated) in the PVD town: it now
    /// takes the mid-mandate phase, that action following it after the review; page 1 no longer says it misses its
    /// deadline, and says the period carries more than the team.
    @Test("ceinture en croissance et petite ville PVD : la cour « oasis » tient son échéance, la formation des agents ou le conseil des aînés la suit après le bilan")
    func schoolYardsKeepTheirDeadline() throws {
        for (name, holder) in [("ceinture-croissance-hors-zonage", "formation-cnfpt-agents"), ("petite-ville-pvd-msp", "conseil-aines-sante")] {
            let (roadmap, document) = try Plan24Tests.plan(name)
            let yard = try #require(roadmap.item("ecole-cour-oasis"))
            #expect(yard.phaseIndex == roadmap.calendar.reviewPhase && yard.missedDeadline == nil, "\(name)")
            #expect(yard.deadline?.before == YearMonth(year: 2029, month: 3), "\(name)")
            let moved = try #require(roadmap.item(holder))
            #expect(moved.phaseIndex == roadmap.calendar.phases.count - 1 && moved.selection == .merit, "\(name)")
            #expect(moved.score.total <= yard.score.total, "\(name)")
            #expect(moved.placement == .capacity(wanted: roadmap.calendar.reviewPhase), "\(name)")
            let card = try #require(document.cards.first { $0.id == holder })
            #expect(Plan24Tests.plain(card.placement).contains("la place est prise par les actions"), "\(name) : \(Plan24Tests.plain(card.placement))")
            #expect(!roadmap.items.contains { $0.missedDeadline != nil }, "\(name)")
        }
    }

    /// On the examples and the generated territories: deadlines missed for want of room, counted (2,145 generated
    /// territories and 27 examples): not more than after session 30's stage (it only moves a dated action earlier and
    /// lower-scored undated actions later, within the next phases' room).
    @Test("profils d'exemple et territoires générés : moins d'échéances manquées qu'avant la session 30")
    func fewerMissedDeadlines() throws {
        var missed = 0
        // An action that entered after its deadline in the place of lighter ones, its first step now (plan37b: the
        // bourg's medical office), was out of the roadmap before: no deadline the placement made it miss.
        func count(_ roadmap: Roadmap) -> Int {
            roadmap.items.filter { item in
                item.missedDeadline != nil && !roadmap.tradedPlaces.contains { $0.taker == item.recommendation.id }
            }.count
        }
        for name in try Plan27Tests.exampleNames() {
            let (roadmap, _) = try Plan24Tests.plan(name)
            missed += count(roadmap)
        }
        // The generated territories' roadmaps, planned once for the whole test process.
        for (_, _, roadmap) in try PlanningInvariantTests.planned() {
            missed += count(roadmap)
        }
        print("Plan30: missed deadlines on the examples and generated territories: \(missed)")
        #expect(missed <= Self.missedBound, "\(missed)")
    }

    /// 75 with the stage on the rule base of session 30's end, 79 with `keepDeadlinesInLighterRoom` switched off
    /// (measured once by hand): the stage keeps four more deadlines; the bound keeps them kept.
    static let missedBound = 75
}
