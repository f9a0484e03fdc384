import Foundation
import MandatSante
import RuleKit
import Testing

/// A profile that does not say how many agents carry projects gets a modest estimate from its size, and the
/// document says so where it states the capacity: a town of 40,000 is not given a village's seven actions.
@Suite("Effectif non renseigné : estimé d'après la taille du territoire")
struct StaffEstimateTests {
    /// The example `name` without its `engineeringStaff`, planned from December 2026, and its document.
    static func planWithoutStaff(_ name: String) throws -> (Roadmap, RoadmapDocument) {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = try #require(FileManager.default.contents(atPath: root.appendingPathComponent("Profiles/\(name).json").path))
        var object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        #expect(object.removeValue(forKey: "engineeringStaff") != nil)
        let edited = try JSONSerialization.data(withJSONObject: object)
        let (loaded, diagnostics) = ProfileLoader.load(Array(edited), file: "\(name).json", vocabulary: ruleBase.vocabulary)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let profile = try #require(loaded)
        let roadmap = try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12))
        return (roadmap, RoadmapPresenter(ruleBase: ruleBase, detail: true).document(roadmap))
    }

    @Test("une préfecture de 40 000 habitants sans effectif : trois agents estimés, une feuille de route de ville, et le document le dit")
    func townGetsATownsCapacity() throws {
        let (roadmap, document) = try Self.planWithoutStaff("prefecture-hopital-support")
        #expect(roadmap.capacity.staff == 3)
        #expect(roadmap.capacity.isStaffEstimated)
        #expect(!roadmap.capacity.isSmallTeam)
        #expect(roadmap.items.count >= 10, "\(roadmap.items.count) actions")
        // Page 1 gives the estimate in agents; the effort units are in the portrait.
        #expect(document.synthesis.sizeNote.contains("(effectif non renseigné, estimé à 3\u{00A0}agents pour un territoire de cette taille)"),
                "\(document.synthesis.sizeNote)")
        // The portrait's line follows « Capacité : »: no second colon after the estimate.
        let line = try #require(document.portrait.lines.first { $0.label == "Capacité" })
        #expect(line.text.hasPrefix("effectif non renseigné, estimé à 3\u{00A0}agents pour un territoire de cette taille\u{00A0}; environ"), "\(line.text)")
    }

    @Test("un village de 420 habitants sans effectif : aucun agent supposé, une petite équipe, et les étapes d'une commune sans agent")
    func villageStaysASmallTeam() throws {
        let (roadmap, document) = try Self.planWithoutStaff("village-rural-zip")
        #expect(roadmap.capacity.staff == 0)
        #expect(roadmap.capacity.isSmallTeam)
        #expect(document.synthesis.sizeNote.contains("effectif non renseigné, aucun agent supposé pour un territoire de cette taille"), "\(document.synthesis.sizeNote)")
        // The estimate is what the conditions read: the pilotage takes its title for a commune without an agent,
        // where an undecided condition printed the default one (« un appui technique qui le seconde »).
        let pilotage = try #require(document.phases.flatMap(\.cards).first { $0.id == "elu-referent-sante" })
        #expect(pilotage.title.contains("un engagement voté par le conseil"), "\(pilotage.title)")
        // …while the facts the document lists leave the staff as the profile left it: not stated.
        let staff = try #require(document.data.facts.first { $0.name == "engineeringStaff" })
        #expect(staff.value == nil)
    }

    @Test("un effectif déclaré n'est pas une estimation, même à zéro")
    func statedStaffIsKept() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let (roadmap, _) = try Plan24Tests.plan("tres-petite-commune-rurale")
        #expect(roadmap.profile.estimatedFact == nil)
        #expect(!roadmap.capacity.isStaffEstimated)
        #expect(roadmap.capacity.staff == 0)
    }

    @Test("l'estimation par taille : modeste, croissante")
    func bands() {
        #expect([420, 9_999, 10_000, 19_999, 20_000, 49_999, 50_000, 99_999, 100_000, 1_500_000].map { Capacity.estimatedStaff(population: Double($0)) }
            == [0, 1, 2, 2, 3, 3, 5, 5, 8, 8])
        #expect([999, 1_000].map { Capacity.estimatedStaff(population: Double($0)) } == [0, 1])
    }
}
