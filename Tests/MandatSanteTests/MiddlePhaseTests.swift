import Foundation
import MandatSante
import RuleKit
import Testing

/// A middle phase whose room the overfill of the phase before took whole does not stay without a new action while
/// the last years start the actions that could have started in it (plan17, item 1).
@Suite("Une phase du milieu n'est pas vide quand la fin du mandat commence des actions qui pouvaient y commencer")
struct MiddlePhaseTests {
    @Test("communauté de communes rurale en ZIP : le transport vers les soins (priorité mobilités) et la santé dans le PLUi (due avant l'arrêt du projet) en 2028, avant le bilan de mi-mandat ; le bus de santé commence la fin du mandat")
    func ruralCommunityStartsIn2028() throws {
        let roadmap = try PressingDeadlineTests.plan("communaute-communes-rurale")
        let review = roadmap.calendar.reviewPhase
        #expect(roadmap.calendar.phases[review].id == "mi-mandat")
        // 2027 is what the foundations (the coordinator, the diagnostic he leads, then the CLS), the emergence of
        // the CPTS and the pressing MSP with its junior doctors fill.
        #expect(roadmap.items(inPhase: 1).map(\.recommendation.id) == [
            "cls-coordinateur", "diagnostic-sante-partage", "cls-engager", "cpts-soutenir-emergence",
            "msp-conforter-existante", "docteurs-juniors",
        ])
        // The phase up to the review starts the « bien vieillir » strategy (a priority smoothed out of 2027, above its
        // ceiling: nine units for five), the transport (the team's priority) and, since plan39, health in the PLUi, due
        // before the project's arrêt (`keepDeadlinesOverLighter`): the mobile unit, which can wait, starts after it.
        #expect(roadmap.items(inPhase: review).map(\.recommendation.id) == [
            "bien-vieillir-strategie-territoriale", "acces-soins-transport", "urbanisme-favorable-sante-plu",
        ])
        #expect(roadmap.item("bien-vieillir-strategie-territoriale")?.placement == .smoothed(from: 1))
        // The last phase keeps a new action.
        #expect(!roadmap.items(inPhase: roadmap.calendar.phases.count - 1).isEmpty)

        let document = try ExampleSynthesisTests.document("communaute-communes-rurale")
        // The mobile unit's card says what holds the months up to the review: the priorities' actions and the dated PLUi.
        let bus = try #require(document.cards.first { $0.id == "medicobus-aller-vers" })
        let note = Self.plain(try #require(bus.placementBrief))
        #expect(note == "à partir d'avr. 2029, car d'ici le bilan de mi-mandat la place est prise par les actions 10 et 11 (priorités de l'équipe) "
                + "et 12 (tenue par une échéance)", "\(note)")
        // The priorities line dates the mobilités action from January 2028, no longer after the review; the
        // transport is the priority's decision of page 1.
        let priorities = Self.plain(try #require(document.synthesis.priorities))
        #expect(priorities.contains("mobilités (action 11, à partir de janv. 2028, faute de place plus tôt)"), "\(priorities)")
        #expect(!priorities.contains("après le bilan de mi-mandat"))
        #expect(document.synthesis.decisions.map(\.id).contains("acces-soins-transport"))
    }

    /// `text` with its non-breaking spaces (inside « », before « : », inside dates) as plain ones.
    static func plain(_ text: String) -> String {
        String(text.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
    }

    /// A placed action of a phase after `phase` that could have started in it: its horizon and its placed
    /// prerequisites allow it, it is not timed for a season, it goes with no other action and its effort fits the
    /// phase's own units. The last phase's only action stays there.
    static func couldStart(in phase: Int, _ item: RoadmapItem, of roadmap: Roadmap) -> Bool {
        let calendar = roadmap.calendar
        let last = calendar.phases.count - 1
        guard item.phaseIndex > phase, item.together.isEmpty,
              calendar.phaseIndex(for: item.recommendation.horizon) <= phase,
              !(item.phaseIndex == last && roadmap.items(inPhase: last).count == 1),
              item.prerequisites.allSatisfy({ (roadmap.item($0)?.phaseIndex ?? -1) <= phase }) else { return false }
        if case .season? = item.deadline?.kind { return false }
        return Capacity.halfUnits(of: item.recommendation, inPhase: phase) <= 2 * roadmap.capacity.unitsPerPhase[phase]
    }

    @Test("sur les profils d'exemple et 2 000 territoires générés : pas de phase du milieu sans action nouvelle quand une action d'une phase plus tardive pouvait y commencer")
    func noEmptyMiddlePhase() throws {
        let check: (Roadmap, RuleBase) -> [String] = { roadmap, _ in
            let last = roadmap.calendar.phases.count - 1
            guard last >= 2 else { return [] }
            return (1..<last).compactMap { phase in
                guard roadmap.capacity.unitsPerPhase[phase] >= 1, roadmap.items(inPhase: phase).isEmpty,
                      let waiting = roadmap.items.first(where: { Self.couldStart(in: phase, $0, of: roadmap) }) else { return nil }
                return "« \(roadmap.calendar.phases[phase].title) » sans action nouvelle alors que « \(waiting.recommendation.id) » (phase \(waiting.phaseIndex)) pouvait y commencer"
            }
        }
        try PlanningInvariantTests().forEveryRoadmap(nil, check)
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var problems: [String] = []
        for name in names {
            let roadmap = try PressingDeadlineTests.plan(String(name.dropLast(5)))
            problems += check(roadmap, ruleBase).map { "\(name) : \($0)" }
        }
        #expect(problems.isEmpty, "\(problems)")
    }
}
