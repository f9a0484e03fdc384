import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// What a consultant found in the example roadmaps (session 25): a boost written « (appuie X) » added its points
/// although the roadmap left X « à envisager » — the metropolis's CNFPT training ranked at 100 through the ragweed
/// action it does not keep. Such a boost counts only where the roadmap keeps X (a second placement pass).
@Suite("Planification : un bonus qui appuie une action ne compte que si la feuille de route la garde (session 26)")
struct Plan26Tests {
    static func plan(_ name: String) throws -> (Roadmap, RoadmapDocument) { try Plan24Tests.plan(name) }
    static func plain(_ text: String?) -> String { Content17Tests.plain(text ?? "") }

    /// An example profile with some facts changed, planned from December 2026.
    static func plan(_ name: String, changing change: (inout [String: Any]) -> Void) throws -> Roadmap {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let original = try #require(FileManager.default.contents(atPath: path))
        var object = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        change(&object)
        let bytes = try JSONSerialization.data(withJSONObject: object)
        let profile = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        return try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12))
    }

    /// The applied boosts of `roadmap`'s kept and to-consider entries that support an action it does not keep.
    static func unsupportedBoosts(_ roadmap: Roadmap) -> [String] {
        let entries = roadmap.items.map { ($0.recommendation, $0.score) } + roadmap.considerLater.map { ($0.recommendation, $0.score) }
        return entries.flatMap { recommendation, score in
            recommendation.boosts.indices.compactMap { index in
                guard score.applies(boost: index), let supported = recommendation.boosts[index].supports?.text,
                      roadmap.item(supported) == nil else { return nil }
                return "\(recommendation.id) +\(recommendation.boosts[index].points) (appuie \(supported))"
            }
        }
    }

    /// The metropolis leaves the ragweed action to consider later: the CNFPT training scores 85 (65 + 10 + 10),
    /// not 100, and `explain` says the ragweed boost holds but is not counted.
    @Test("métropole : la formation CNFPT vaut 85, sans le bonus de l'ambroisie laissée à envisager ensuite")
    func metropolisTrainingWithoutRagweed() throws {
        let (roadmap, document) = try Self.plan("metropole-cls-clsm")
        #expect(roadmap.item("ambroisie-lutte") == nil)
        #expect(roadmap.considerLater.contains { $0.recommendation.id == "ambroisie-lutte" })
        let training = try #require(roadmap.item("formation-cnfpt-agents"))
        #expect(training.score.total == 85)
        #expect(!training.score.terms(of: training.recommendation).contains { $0.reason.contains("ambroisie") })
        let card = try #require(document.cards.first { $0.id == "formation-cnfpt-agents" })
        #expect(!card.forYou.contains { Self.plain($0).contains("ambroisie") })
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let lines = Explanation(recommendationID: "formation-cnfpt-agents", roadmap: roadmap, document: document, ruleBase: ruleBase).lines
        #expect(lines.contains { $0.hasPrefix("  ✓ +15 si ambroisie → vrai, non compté : l'action qu'il appuie, [ambroisie-lutte], n'est pas retenue") })
        #expect(lines.contains { $0.hasPrefix("Score : 65 (priorité de base) + 10 ") && $0.hasSuffix("= 85") })
        #expect(Self.unsupportedBoosts(roadmap).isEmpty)
    }

    /// The rural community of communes, whose ragweed action is not kept either: its CNFPT training, to consider
    /// later, is worth its base priority (65), no longer 80, and leaves the first six entries of that list.
    @Test("communauté de communes rurale : la formation CNFPT à envisager ensuite vaut 65, sans le bonus de l'ambroisie")
    func ruralTrainingToConsiderLater() throws {
        let (roadmap, document) = try Self.plan("communaute-communes-rurale")
        #expect(roadmap.item("ambroisie-lutte") == nil)
        let training = try #require(roadmap.considerLater.first { $0.recommendation.id == "formation-cnfpt-agents" })
        #expect(training.score.total == 65)
        #expect(!document.shownConsiderLater.entries.contains { $0.id == "formation-cnfpt-agents" })
    }

    /// Where the roadmap keeps the ragweed action (the urban community, ragweed reported), the boost counts.
    @Test("ambroisie retenue : le bonus de la formation CNFPT qui l'appuie compte")
    func supportedBoostCountsWhereKept() throws {
        let roadmap = try Self.plan("communaute-urbaine-cls-clsm-plui") { $0["ambroisie"] = true }
        #expect(roadmap.item("ambroisie-lutte") != nil)
        let training = try #require(roadmap.item("formation-cnfpt-agents"))
        let ragweed = try #require(training.recommendation.boosts.firstIndex { $0.supports?.text == "ambroisie-lutte" })
        #expect(training.score.applies(boost: ragweed))
        #expect(training.score.total == 80)
    }

    /// On every example profile, no kept or to-consider entry counts a boost for an action the roadmap leaves out.
    @Test("profils d'exemple : aucun bonus compté pour une action que la feuille de route ne garde pas")
    func examplesCountNoUnsupportedBoost() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count >= 27)
        for name in names {
            let (roadmap, _) = try Self.plan(name)
            #expect(Self.unsupportedBoosts(roadmap).isEmpty, "\(name) : \(Self.unsupportedBoosts(roadmap))")
        }
    }

    /// On the generated territories: the second pass is final, so a boost whose action only that pass leaves out
    /// may still count (documented). Measured at session 26: none of the 2,000 (44 keep a supported action).
    @Test("territoires générés : un bonus compté pour une action laissée de côté reste l'exception du second passage")
    func generatedUnsupportedBoostsAreRare() throws {
        var (withSupport, residual) = (0, 0)
        // The generated territories' roadmaps, planned once for the whole test process.
        for (_, _, roadmap) in try PlanningInvariantTests.planned() {
            if roadmap.item("ambroisie-lutte") != nil || roadmap.item("bien-vieillir-strategie-territoriale") != nil { withSupport += 1 }
            if !Self.unsupportedBoosts(roadmap).isEmpty { residual += 1 }
        }
        #expect(withSupport > 0)
        #expect(residual <= PlanningInvariantTests.profileCount / 100, "\(residual)")
    }
}
