import Foundation
import MandatSante
import RuleKit
import Testing

/// What plan40 changed in the planner (issue 12, « Deadlines … that the planner respects »): a dated action that
/// missed its deadline for want of room takes the phase of the action chosen for a declared priority it outscores,
/// undated, which starts later but stays in the roadmap (`PhasePlacement.keepDeadlinesOverPriorities`).
@Suite("Planification : une échéance tenue devant l'action d'une priorité moins bien notée, qui commence plus tard (plan40)")
struct Plan40Tests {
    /// The bourg of the last pharmacy (one agent, 2 + 2 + 2 + 1 units): the secondary office with housing for a doctor
    /// (115, medium, due by March 2029, before the expected GP departures) started in April 2029 and page 1 said it
    /// would miss its deadline, while transport to care (89, medium, undated, the « mobilités » priority's action) held
    /// the review's phase. The office now starts in January 2028, the transport in April 2029; page 1 says the
    /// priority is served after the review, and no deadline is missed.
    @Test("bourg de la dernière pharmacie : le cabinet médical avec logement (115, dû d'ici mars 2029) en janvier 2028, le transport vers les soins (89, priorité « mobilités ») en avril 2029, toujours dans la feuille de route")
    func officeKeepsItsDeadlineAheadOfTransport() throws {
        let (roadmap, document) = try Plan24Tests.plan("bourg-derniere-pharmacie")
        let review = roadmap.calendar.reviewPhase, last = roadmap.calendar.phases.count - 1
        let office = try #require(roadmap.item("cabinet-medical-logement"))
        #expect(office.phaseIndex == review && office.missedDeadline == nil, "\(office.phaseIndex)")
        #expect(office.deadline?.before == YearMonth(year: 2029, month: 3))
        let transport = try #require(roadmap.item("acces-soins-transport"))
        #expect(transport.phaseIndex == last && transport.selection == .priority("mobilites") && transport.deadline == nil,
                "\(transport.phaseIndex) \(transport.selection)")
        #expect(transport.placement == .capacity(wanted: 1), "\(transport.placement)")
        #expect(office.rank < transport.rank)
        // Nothing else moves: the same eight actions, the mandate's load unchanged.
        #expect(roadmap.items.count == 8 && roadmap.items.allSatisfy { $0.missedDeadline == nil })
        // Page 1: no missed deadline any more; the priority is said to be served after the review, by its action.
        let note = Plan24Tests.plain(document.synthesis.sizeNote)
        #expect(!note.contains("manquera son échéance"), "\(note)")
        let priorities = Plan24Tests.plain(document.synthesis.priorities)
        // Room, not a choice, holds it there: said as before the review (« faute de place plus tôt »).
        #expect(priorities.contains("mobilités (action \(transport.rank), après le bilan de mi-mandat, faute de place plus tôt)"), "\(priorities)")
        #expect(!document.synthesis.decisions.contains { $0.id == "acces-soins-transport" })
        // The transport's card says from when, and that the team's time is taken until then.
        let card = try #require(document.card("acces-soins-transport"))
        #expect(Plan24Tests.plain(card.placement).hasPrefix("à partir d'avr. 2029"), "\(card.placement ?? "")")
    }

    /// The seaside resort from March 2027: the secondary office (105, due by March 2029) still misses its deadline —
    /// the review's phase is held by the « bien vieillir » priority's action (107), better scored: a priority's action
    /// gives its phase only to a dated action that outscores it by `Capacity.betterBy` points at least.
    @Test("station balnéaire, départ en mars 2027 : le cabinet (105) ne passe pas devant le bien vieillir (107, priorité de l'équipe), mieux noté")
    func betterPriorityKeepsItsPhase() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let roadmap = try Self.plan("station-balneaire-saisonniere", start: (2027, 3), ruleBase: ruleBase)
        let office = try #require(roadmap.item("cabinet-medical-logement"))
        let seniors = try #require(roadmap.item("bien-vieillir-petite-commune"))
        #expect(office.missedDeadline?.before == YearMonth(year: 2029, month: 3), "\(office.phaseIndex)")
        #expect(seniors.phaseIndex == roadmap.calendar.reviewPhase && seniors.score.total > office.score.total)
    }

    /// The rule's invariant on the examples (from December 2026) and the 2,000 generated territories: no action alone in
    /// its unit misses its deadline while the action chosen for a declared priority, of the same effort, undated, alone,
    /// waited for by no placed action and scored at least `Capacity.betterBy` below it, holds a phase (after the first
    /// months) that its horizon and prerequisites allow and that meets the deadline — the two could have swapped.
    @Test("aucune échéance manquée quand l'action d'une priorité, de même effort, sans échéance et moins bien notée d'au moins 2 points, tient une phase qui l'aurait tenue")
    func noDeadlineMissedBehindAWeakerPriority() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        var problems: [String] = []
        for name in try Plan27Tests.exampleNames() {
            let (roadmap, _) = try Plan24Tests.plan(name)
            problems += Self.swapsLeft(roadmap, ruleBase).map { "\(name) : \($0)" }
        }
        #expect(problems.isEmpty, "\(problems)")
        try PlanningInvariantTests().forEveryRoadmap(nil, Self.swapsLeft)
    }

    static func swapsLeft(_ roadmap: Roadmap, _ ruleBase: RuleBase) -> [String] {
        let calendar = roadmap.calendar
        var phaseOf: [String: Int] = [:]
        for item in roadmap.items { phaseOf[item.recommendation.id] = item.phaseIndex }
        var problems: [String] = []
        for late in roadmap.items where late.together.isEmpty {
            guard let missed = late.missedDeadline else { continue }
            let recommendation = late.recommendation
            var earliest = max(1, calendar.phaseIndex(for: recommendation.horizon))
            for prerequisite in recommendation.after { earliest = max(earliest, phaseOf[prerequisite] ?? 0) }
            for holder in roadmap.items where holder.together.isEmpty && holder.deadline == nil && holder.missedDeadline == nil {
                guard case .priority = holder.selection, !holder.recommendation.isFoundation,
                      holder.score.total + Capacity.betterBy <= late.score.total,
                      holder.phaseIndex >= earliest, holder.phaseIndex < late.phaseIndex,
                      calendar.phases[holder.phaseIndex].end <= missed.before.adding(months: 1),
                      holder.halfUnits == late.halfUnits,
                      !roadmap.items.contains(where: { $0.recommendation.after.contains(holder.recommendation.id) })
                else { continue }
                problems.append("« \(recommendation.id) » (\(late.score.total)) manque son échéance en phase \(late.phaseIndex) "
                    + "derrière « \(holder.recommendation.id) » (\(holder.score.total), priorité) en phase \(holder.phaseIndex)")
            }
        }
        return problems
    }

    static func plan(_ name: String, start: (Int, Int), ruleBase: RuleBase) throws -> Roadmap {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let profile = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        return try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(start.0, start.1))
    }
}
