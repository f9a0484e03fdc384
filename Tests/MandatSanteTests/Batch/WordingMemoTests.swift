import Foundation
import MandatSante
import ProfileGeneration
import RuleKit
import Testing

/// A batch's presenter keeps wording across territories that share the values it reads (`WordingMemo`): what it
/// hands to one territory must be what that territory would get alone, or the key misses a fact it reads.
@Suite("Mise en mots gardée d'un territoire à l'autre")
struct WordingMemoTests {
    @Test("400 territoires générés : chaque feuille de route JSON d'un lot est celle du territoire seul")
    func keptWordingIsTheTerritorysOwn() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let profiles = try ProfileGenerator(vocabulary: ruleBase.vocabulary, seed: 20_261_202).profiles(count: 400)
        let planner = Planner(ruleBase: ruleBase)
        let batch = RoadmapPresenter(ruleBase: ruleBase, cachesWording: true)
        let alone = RoadmapPresenter(ruleBase: ruleBase)
        let renderer = JSONRoadmapRenderer()
        var differing: [String] = []
        // Twice over the same territories: the second pass reads everything from what the first kept.
        for pass in 0..<2 {
            for (index, profile) in profiles.enumerated() {
                let calendar = try MandateCalendar(start: MandateCalendar.mandateStart.adding(months: (index * 37) % 71))
                let roadmap = planner.plan(profile, calendar: calendar)
                if renderer.render(batch.document(roadmap)) != renderer.render(alone.document(roadmap)) {
                    differing.append("\(profile.name) (passage \(pass + 1))")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) feuilles de route diffèrent, dont \(differing.prefix(5).joined(separator: ", "))")
    }
}
