import Foundation
import MandatSante
import RuleKit
import Testing

/// What session 39 changed in the planner (issue 12, « Deadlines … that the planner respects »): an action whose
/// deadline is a phase of the mandate keeps it in the place of lighter, lower-scored actions even where the mandate
/// already carries what cannot wait (`PhasePlacement.keepDeadlinesOverLighter`).
@Suite("Planification : une échéance tenue à la place d'actions plus légères, même dans un mandat chargé (session 39)")
struct Plan39Tests {
    /// The rural community of communes: health in the PLUi (98, medium, due before the project's arrêt, i.e. by the
    /// review) was « à envisager ensuite » while the mobile unit (107, light) held 2028 and the Programme Santé Grand Âge
    /// (90, light) the end of the mandate. The PLUi strand now starts in 2028, the mobile unit, which can wait, in April
    /// 2029, and the programme gives its place — each card says why.
    @Test("communauté de communes rurale : la santé dans le PLUi (98) en 2028, avant l'arrêt du projet ; le bus de santé (107) en avril 2029 ; le programme grand âge (90) lui cède sa place")
    func ruralPLUiKeepsItsDeadline() throws {
        let (roadmap, document) = try Plan24Tests.plan("communaute-communes-rurale")
        let review = roadmap.calendar.reviewPhase, last = roadmap.calendar.phases.count - 1
        let plu = try #require(roadmap.item("urbanisme-favorable-sante-plu"))
        #expect(plu.phaseIndex == review && plu.missedDeadline == nil)
        #expect(plu.deadline?.before == YearMonth(year: 2029, month: 3))
        let bus = try #require(roadmap.item("medicobus-aller-vers"))
        #expect(bus.phaseIndex == last && bus.selection == .merit)
        #expect(roadmap.item("programme-sante-grand-age") == nil)
        #expect(roadmap.tradedPlaces.map(\.taker) == ["urbanisme-favorable-sante-plu"])
        #expect(roadmap.tradedPlaces.first?.given == ["programme-sante-grand-age"])
        // The PLUi card says it is due before the arrêt and whose place it took; the programme's line says to which action.
        let card = try #require(document.card("urbanisme-favorable-sante-plu"))
        #expect(Plan24Tests.plain(card.deadline).contains("avant l'arrêt du projet de document d'urbanisme"), "\(card.deadline ?? "")")
        #expect(Plan24Tests.plain(card.placementBrief).hasSuffix("elle prend alors la place de « Solliciter le Programme Santé Grand Âge de la Banque des "
                + "Territoires pour les projets de soins et d'autonomie », plus légère et moins bien notée, à envisager ensuite"), "\(card.placementBrief ?? "")")
        let programme = try #require(document.considerLater.first { $0.id == "programme-sante-grand-age" })
        #expect(Plan24Tests.plain(programme.reason) == "s'applique, mais cède sa place à l'action \(plu.rank), mieux notée (98 contre 90), d'un effort moyen : "
                + "l'équipe ne peut pas porter les deux", "\(programme.reason)")
        // The mandate carries at most a tenth more than before the trade (one unit here).
        #expect(roadmap.overCapacityHalves <= 2 * Capacity.tradeOverrunHalves(mandateHalves: 2 * roadmap.capacity.totalUnits), "\(roadmap.overCapacityHalves)")
    }

    /// La Réunion: the health strand of the urban renewal project (85, medium, due before the design of its last
    /// operations, by the review) was « à envisager ensuite » while the junior doctors (80, light, no departures
    /// expected, hence no deadline) held 2028. It now takes their place in 2028; the junior doctors say to which action.
    @Test("commune de La Réunion : le renouvellement urbain (85, daté) en 2028 à la place des docteurs juniors (80, plus légers), qui le disent")
    func reunionUrbanRenewalKeepsItsDeadline() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-outre-mer-reunion")
        let review = roadmap.calendar.reviewPhase
        let renewal = try #require(roadmap.item("renouvellement-urbain-sante"))
        #expect(renewal.phaseIndex == review && renewal.missedDeadline == nil && renewal.deadline?.before == YearMonth(year: 2029, month: 3))
        #expect(roadmap.item("docteurs-juniors") == nil)
        #expect(roadmap.tradedPlaces.contains { $0.taker == "renouvellement-urbain-sante" && $0.given == ["docteurs-juniors"] })
        let juniors = try #require(document.considerLater.first { $0.id == "docteurs-juniors" })
        #expect(Plan24Tests.plain(juniors.reason) == "s'applique, mais cède sa place dans « Jusqu'au bilan de mi-mandat » à l'action \(renewal.rank), "
                + "mieux notée (85 contre 80), d'un effort moyen : l'équipe ne peut pas porter les deux", "\(juniors.reason)")
        // The better-scored actions kept for their score alone stay: the trade puts nothing better out.
        for id in ["nutrition-diabete-obesite-reunion", "prevention-primaire-collective", "acces-aux-droits-sante", "habitat-indigne-precarite-energetique"] {
            #expect(roadmap.item(id) != nil, "\(id)")
        }
    }

    /// On the examples and the generated territories: every trade made for a deadline keeps it (the taker placed by its
    /// deadline's phase, unless its first step starts now), gives only lighter actions scored at least `Capacity.betterBy` below it, none of which is dated,
    /// a foundation or a priority's action.
    @Test("profils d'exemple et territoires générés : un échange pour une échéance la tient, et ne cède que des actions plus légères, moins bien notées, retenues pour leur seul score")
    func deadlineTradesKeepTheirDeadline() throws {
        var trades = 0
        func check(_ roadmap: Roadmap, _ label: String) {
            for trade in roadmap.tradedPlaces {
                guard let taker = roadmap.item(trade.taker), taker.deadline != nil || taker.missedDeadline != nil else { continue }
                trades += 1
                // Past it only when its first step starts now (`giveLightRoomToBetter`): the step before, the rest after.
                let startsNow = taker.recommendation.startNow?.holds(for: roadmap.profile.facts, startingIn: roadmap.calendar.start) == true
                #expect(taker.missedDeadline == nil || startsNow, "\(label) : \(trade.taker) manque son échéance")
                for id in trade.given {
                    guard let entry = roadmap.considerLater.first(where: { $0.recommendation.id == id }) else {
                        Issue.record("\(label) : \(id) n'est pas à envisager ensuite")
                        continue
                    }
                    #expect(entry.score.total + Capacity.betterBy <= taker.score.total || { if case .priority = taker.selection { true } else { false } }(),
                            "\(label) : \(id)")
                    #expect(!entry.recommendation.isFoundation, "\(label) : \(id)")
                }
            }
        }
        for name in try Plan27Tests.exampleNames() { check(try Plan24Tests.plan(name).0, name) }
        for (number, (_, calendar, roadmap)) in try PlanningInvariantTests.planned().enumerated() {
            check(roadmap, "n° \(number + 1) (\(calendar.start))")
        }
        print("Plan39: trades for a deadline on the examples and generated territories: \(trades)")
        #expect(trades >= 2)
    }
}

/// A quick win (`pullQuickWinsForward`) starts before the review only where what can wait in the phase, itself included,
/// fits the team's capacity for it: what overfills a phase is only what cannot wait (session 39).
@Suite("Planification : une action rapide avancée avant le bilan ne surcharge pas une phase de ce qui peut attendre (session 39)")
struct Plan39QuickWinTests {
    /// Generated commune n° 262 (a start in April 2026, one agent): its year to March 2027 holds one unit, taken by the
    /// Programme Santé Grand Âge (100, a quick win itself); the specialists' outreach (95, light) no longer doubles it and
    /// starts in the next phase, under its ceiling. N° 631 (a start in January 2028): the « bien vieillir » of a small
    /// commune (92) starts after the review rather than overfill 2028 beside what already fills it.
    @Test("territoires générés n° 262 et 631 : l'action rapide attend la phase qui la tient dans la capacité de l'équipe")
    func quickWinWaitsForCapacity() throws {
        let planned = try PlanningInvariantTests.planned()
        let (_, _, commune262) = planned[261]
        #expect(commune262.calendar.start == YearMonth(year: 2026, month: 4))
        #expect(commune262.item("programme-sante-grand-age")?.phaseIndex == 1)
        #expect(commune262.item("specialistes-consultations-avancees")?.phaseIndex == 2)
        #expect(commune262.halfUnitsUsed[1] <= 2 * commune262.capacity.unitsPerPhase[1])
        let (_, _, commune631) = planned[630]
        #expect(commune631.item("bien-vieillir-petite-commune")?.phaseIndex == commune631.calendar.phases.count - 1)
        #expect(commune631.halfUnitsUsed[1] <= 2 * commune631.capacity.unitsPerPhase[1])
        // A village whose last doctor leaves still gets its bus in 2027, beside its priority's volunteer doctors' centre.
        let village = try PressingDeadlineTests.plan("village-departs-cabinet")
        #expect(village.item("medicobus-aller-vers")?.phaseIndex == 1)
    }
}
