import Foundation
import MandatSante
import RuleKit
import Testing

/// A deferred card's reason is checked against the phases' figures, as a reader adds them up from the JSON: where a
/// phase on its way had room of its own for it, taken by an earlier phase's surplus, the reason names that surplus,
/// not the actions of the phase (« place prise par l'action 5 », which the reader finds false).
@Suite("Les raisons de report disent vrai au regard des capacités")
struct DeferralReasonTests {
    /// The items of `roadmap` deferred for want of room, with the first phase on their way that had, by its own
    /// actions, room for them when an earlier phase carries more than its capacity (its surplus took that room).
    /// A phase with room of its own and no earlier surplus (a start in April or November, where the short first
    /// phase keeps room that the planner's claims did not use) is not this wording's case: `roomy` is nil there.
    static func deferredDespiteRoom(_ roadmap: Roadmap) -> [(item: RoadmapItem, wanted: Int, roomy: Int?)] {
        let used = roadmap.halfUnitsUsed
        return roadmap.items.compactMap { item in
            guard case .capacity(let wanted) = item.placement, item.missedDeadline == nil else { return nil }
            let roomy = (wanted..<item.phaseIndex).first {
                2 * roadmap.capacity.unitsPerPhase[$0] - used[$0] >= Capacity.halfUnits(of: item.recommendation, inPhase: $0)
            }
            let surplus = roomy.map { phase in (0..<phase).contains { used[$0] > 2 * roadmap.capacity.unitsPerPhase[$0] } } ?? false
            return (item, wanted, surplus ? roomy : nil)
        }
    }

    @Test("une action reportée alors qu'une phase sur son chemin avait, par ses propres actions, la place dit le débordement de la phase antérieure qui l'a prise, jamais « place prise »")
    func placeTakenOnlyWhenTrue() throws {
        let documents = try PlanningInvariantTests.presented()
        var overflows = 0
        var taken = 0
        for (number, (profile, calendar, roadmap)) in try PlanningInvariantTests.planned().prefix(800).enumerated() {
            let cards = Dictionary(documents[number].cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (item, _, roomy) in Self.deferredDespiteRoom(roadmap) {
                // An action that took a lighter one's place says so after its cause (`Plan32Tests`): the cause is read before.
                let full = try #require(cards[item.recommendation.id]?.placementBrief)
                let brief = full.components(separatedBy: " ; elle prend alors la place de ").first ?? full
                if roomy != nil {
                    overflows += 1
                    #expect(!brief.contains("la place est prise") && brief.contains("car jusque-là l'équipe achève le travail prévu ") && brief.hasSuffix(", qui dépasse ce qu'elle peut porter dans ce délai"),
                            "\(profile.name) (\(calendar.start)) \(item.recommendation.id) : \(brief) ; utilisé \(roadmap.halfUnitsUsed), capacité \(roadmap.capacity.unitsPerPhase)")
                } else if brief.contains("la place est prise") {
                    taken += 1
                }
            }
        }
        #expect(overflows >= 5 && taken >= 20, "\(overflows) débordements, \(taken) places prises")
    }

    @Test("le débordement est nommé : la phase qui dépasse la capacité, et jusqu'à quand sa charge occupe la place")
    func overflowIsNamed() throws {
        let documents = try PlanningInvariantTests.presented()
        for (number, (_, _, roadmap)) in try PlanningInvariantTests.planned().prefix(800).enumerated() {
            guard let (item, wanted, roomy) = Self.deferredDespiteRoom(roadmap).first(where: { $0.roomy != nil }),
                  let roomy else { continue }
            let phases = roadmap.calendar.phases
            let overfilled = (0..<roomy).filter { roadmap.halfUnitsUsed[$0] > 2 * roadmap.capacity.unitsPerPhase[$0] }
            let card = try #require(documents[number].cards.first { $0.id == item.recommendation.id })
            // When it starts, then the period that overfills the team's capacity, said as a time, and that its load
            // takes the room up to then.
            _ = wanted
            let brief = Plan24Tests.plain(card.placementBrief ?? "")
            let start = phases[item.phaseIndex].start.shortFrench
            #expect(brief.hasPrefix("à partir de \(start), car ") || brief.hasPrefix("à partir d'\(start), car "), "\(brief)")
            _ = overfilled
            // What fills the team until then, said plainly (read40a: « … et déborde jusque-là » read as jargon).
            #expect(brief.contains("car jusque-là l'équipe achève le travail prévu d'ici ")
                    || brief.contains("car jusque-là l'équipe achève le travail prévu dans les "), "\(brief)")
            #expect(brief.hasSuffix(", qui dépasse ce qu'elle peut porter dans ce délai") && !brief.contains("déborde"), "\(brief)")
            // The detailed edition and the JSON give the same reason.
            #expect(card.placement == card.placementBrief)
            return
        }
        Issue.record("aucun report malgré une place libre parmi 800 territoires générés")
    }

    /// The items of `roadmap` deferred past a phase on their way that had, by its own actions, room for them while no
    /// earlier phase carries more than its capacity: with the first such phase.
    static func deferredPastOwnRoom(_ roadmap: Roadmap) -> [(item: RoadmapItem, wanted: Int, roomy: Int)] {
        let used = roadmap.halfUnitsUsed
        let capacity = roadmap.capacity.unitsPerPhase.map { 2 * $0 }
        return roadmap.items.compactMap { item in
            guard case .capacity(let wanted) = item.placement, item.missedDeadline == nil,
                  let roomy = (wanted..<item.phaseIndex).first(where: {
                      capacity[$0] - used[$0] >= Capacity.halfUnits(of: item.recommendation, inPhase: $0)
                  }), !(0..<roomy).contains(where: { used[$0] > capacity[$0] }) else { return nil }
            return (item, wanted, roomy)
        }
    }

    @Test("une action reportée au-delà d'une phase qui gardait, sans surplus antérieur, la place de son effort dit la vraie cause : les quatre actions du premier trimestre, l'ensemble qu'elle forme, ou le surplus d'une phase suivante — jamais « place prise » ni « capacité engagée » pour cette phase")
    func roomKeptIsExplained() throws {
        let documents = try PlanningInvariantTests.presented()
        var fourActions = 0, sets = 0, unexplained: [String] = []
        // All the generated territories: since the vocabulary fact cptsProject (session 23), fewer of the first 800
        // draws show a full first quarter.
        for (number, (profile, calendar, roadmap)) in try PlanningInvariantTests.planned().enumerated() {
            let deferred = Self.deferredPastOwnRoom(roadmap)
            guard !deferred.isEmpty else { continue }
            let cards = Dictionary(documents[number].cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (item, wanted, roomy) in deferred {
                let card = try #require(cards[item.recommendation.id])
                let brief = card.placementBrief ?? ""
                _ = wanted
                // The same reason in the short card, the detailed card and the JSON.
                #expect(card.placement == card.placementBrief, "\(profile.name) \(item.recommendation.id)")
                if roomy == 0, brief.contains(" la place est limitée à quatre actions") {
                    fourActions += 1
                } else if !item.together.isEmpty, brief.contains("dans une même phase, et aucune n'en a autant") {
                    sets += 1
                } else if !brief.contains("prend la place restante")
                            || brief.contains("la place est prise") || brief.hasSuffix("jusque-là le temps de l'équipe est déjà pris") {
                    unexplained.append("\(profile.name) (\(calendar.start)) \(item.recommendation.id) : \(brief) ; utilisé \(roadmap.halfUnitsUsed), capacité \(roadmap.capacity.unitsPerPhase)")
                }
            }
        }
        #expect(unexplained.isEmpty, "\(unexplained.count) : \(unexplained.prefix(3).joined(separator: " | "))")
        #expect(fourActions >= 3 && sets >= 1, "\(fourActions) premiers trimestres pleins, \(sets) ensembles")
    }

    @Test("les territoires relevés : la lutte antivectorielle des territoires n° 575 et n° 1420, l'ASV de l'intercommunalité n° 109, les docteurs juniors du territoire n° 1642")
    func recordedTerritories() throws {
        // Re-pointed in session 23: the vocabulary fact cptsProject changed the generator's draws (seed 20 260 312);
        // the territories recorded before (n° 341, 330, 333) no longer show these cases.
        let cases = try PlanningInvariantTests.planned()
        let documents = try PlanningInvariantTests.presented()
        func card(_ number: Int, _ id: String) throws -> RoadmapDocument.Card {
            let profile = cases[number - 1].profile
            return try #require(documents[number - 1].cards.first { $0.id == id }, "\(profile.name) \(id)")
        }
        // The brief line with its no-break spaces as plain ones.
        func brief(_ number: Int, _ id: String) throws -> String {
            try card(number, id).placementBrief?.replacingOccurrences(of: "\u{00A0}", with: " ") ?? ""
        }
        // Start in December 2026: the first quarter holds four actions; the vector control waits for its four places.
        let vectors = try brief(575, "lutte-antivectorielle-outre-mer")
        #expect(vectors.hasPrefix("à partir de mars 2027, car dans les trois prochains mois la place est limitée à quatre actions"), "\(vectors)")
        // Start in January 2029: a first phase up to the review, four actions.
        let late = try brief(1420, "lutte-antivectorielle-outre-mer")
        #expect(late.hasPrefix("à partir d") && late.contains(" la place est limitée à quatre actions"), "\(late)")
        // The ASV, due by the review (« pour compter dans les contrats de ville qui courent jusqu'en 2030 »), says its date and why it waits past it.
        // What held the room until then, by number and why (session 24).
        let asv = try brief(109, "asv-creer")
        #expect(asv == "prévue d'ici mars 2029, pour compter dans les contrats de ville qui courent jusqu'en 2030 ; elle ne peut commencer qu'en avr. 2029, car "
            + "jusque-là la place est prise par les actions 4 (liée à l'action 5), 5 (décision fondatrice), 6 (tenue par une échéance) et 7 (priorité de l'équipe)", "\(asv)")
        // Start in March 2027: the junior doctors need, with what they go with, three units in one phase.
        #expect(try brief(1642, "docteurs-juniors")
                == "à partir d'avr. 2029, car avec l'action 7, qui va avec elle, elle demande 3 unités dans une même phase, et aucune n'en a autant jusque-là")
    }

    /// reader31b: the métropole's heat islands named eight actions that could not wait, of 2027 and 2028. Since
    /// session 37 (reader36) only what took its place is named: 2027 was loaded beyond what any of its actions frees,
    /// and 2028, the phase it could not enter, kept room of its own that 2027's surplus took: no action to name.
    @Test("les îlots de chaleur de la métropole ne nomment pas d'actions qui n'ont pas pris leur place")
    func manyPressingHoldersSaidAtOnce() throws {
        let (_, document) = try Plan24Tests.plan("metropole-cls-clsm")
        let heat = try #require(document.cards.first { $0.id == "ilots-chaleur-ombre" })
        let brief = heat.placementBrief?.replacingOccurrences(of: "\u{00A0}", with: " ") ?? ""
        #expect(brief == "à partir d'avr. 2029, car jusque-là le temps de l'équipe est déjà pris", "\(brief)")
    }
}
