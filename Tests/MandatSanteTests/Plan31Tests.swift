import Foundation
import MandatSante
import RuleKit
import Testing

/// Merit before lightness (session 31, issue 12): an action waiting for room takes the place of lighter actions kept
/// for their score alone that it clearly outscores — or, for a declared priority with no action of its own, that score
/// up to ten points more — the mandate then carrying at most a tenth more than the team's capacity, which page 1 says;
/// what gave its place says so on its « à envisager ensuite » line. And the CLS sequence when 2027 is full.
@Suite("Planification : le mérite avant la légèreté, la priorité sans action à elle (session 31)")
struct Plan31Tests {
    /// The reader's three cases: the taker placed in the last phase, what gave its place first « à envisager ensuite »,
    /// its line naming the taker, page 1 saying how far past its capacity the team is loaded.
    @Test("bourg de la ZAC, station balnéaire : l'action mieux notée ou la priorité sans action prend la place d'une plus légère, et le document le dit",
          arguments: [("bourg-rural-zac-msp", "equipement-sportif-sport-sante", "cpts-partenariat-collectivite", "sport-sante", 1,
                       "le partenariat avec la CPTS"),
                      ("station-balneaire-saisonniere", "logement-saisonniers-professionnels", "medicobus-aller-vers", "habitat", 1,
                       // Named by its short title (read37), as page 1 names an action that has one.
                       "l'unité médicale mobile")])
    func betterActionTakesTheLighterPlace(name: String, taker: String, given: String, priority: String?, halves: Int, givenTitle: String) throws {
        let (roadmap, document) = try Plan24Tests.plan(name)
        let placed = try #require(roadmap.item(taker), "\(name) : \(taker) n'est pas retenue")
        let last = roadmap.calendar.phases.count - 1
        #expect(placed.phaseIndex == last, "\(name)")
        #expect(roadmap.tradedPlaces.map { TradedPlace(taker: $0.taker, given: $0.given) } == [TradedPlace(taker: taker, given: [given])], "\(name) : \(roadmap.tradedPlaces)")
        #expect(roadmap.item(given) == nil, "\(name)")
        let entry = try #require(roadmap.considerLater.first, "\(name)")
        #expect(entry.recommendation.id == given && entry.reason == .noCapacity, "\(name)")
        #expect(Capacity.halfUnits(of: entry.recommendation, inPhase: last) < placed.halfUnits, "\(name) : plus légère")
        if let priority {
            #expect(placed.selection == .priority(priority), "\(name)")
        } else {
            #expect(placed.selection == .merit && placed.score.total >= entry.score.total + Capacity.betterBy, "\(name)")
        }
        #expect(roadmap.overCapacityHalves == halves, "\(name)")
        // Its line says what took its place; page 1 says the load.
        let line = Plan24Tests.plain(try #require(document.considerLater.first?.line, "\(name)"))
        #expect(line.hasSuffix("sa place va à l'action \(placed.rank), " + (placed.score.total > entry.score.total ? "mieux notée" : "qui répond à la priorité « habitat et logement » de l'équipe")), "\(name) : \(line)")
        let size = Plan24Tests.plain(document.synthesis.sizeNote)
        // Said as an élu reads it (plan35): « un peu » for half a unit or one, never « unité d'effort » on page 1.
        // Both have a heavy period whose sentence says the team cannot carry it all (since plan39): the trade
        // ends on what gave its place, without saying the overload twice.
        #expect(size.contains("prend la place d'une action plus légère, \(givenTitle), à envisager ensuite."), "\(name) : \(size)")
        #expect(size.contains("l'équipe ne peut pas tout porter") && !size.contains("la charge du mandat"), "\(name) : \(size)")
        #expect(!size.contains("unité d'effort") && !size.contains("demi-unité"), "\(name) : \(size)")
        #expect(size.contains("L'action \(placed.rank)"), "\(name) : \(size)")
        // The waiting entry's detailed reason says to which action it gave its place.
        let reason = Plan24Tests.plain(try #require(document.considerLater.first).reason)
        #expect(reason.isEmpty || reason.contains("cède sa place dans « \(roadmap.calendar.phases[last].title) » à l'action \(placed.rank)"), "\(name) : \(reason)")
    }

    /// The seaside resort's housing priority and the ZAC bourg's sport-santé now have an action of their own; page 1 no
    /// longer says the housing priority waits « à envisager ensuite ».
    @Test("station balnéaire : la priorité « habitat et logement » a son action ; bourg de la ZAC : le sport-santé aussi")
    func prioritiesGetAnActionOfTheirOwn() throws {
        let (station, stationDocument) = try Plan24Tests.plan("station-balneaire-saisonniere")
        let housing = try #require(station.item("logement-saisonniers-professionnels"))
        let priorities = Plan24Tests.plain(stationDocument.synthesis.priorities)
        #expect(priorities.contains("habitat et logement (action \(housing.rank)"), "\(priorities)")
        #expect(!priorities.contains("action à envisager ensuite"), "\(priorities)")
        let (bourg, bourgDocument) = try Plan24Tests.plan("bourg-rural-zac-msp")
        let sport = try #require(bourg.item("equipement-sportif-sport-sante"))
        let card = try #require(bourgDocument.cards.first { $0.id == sport.recommendation.id })
        #expect(card.selection == "répond à la priorité « activité physique et sport-santé » de l'équipe")
    }

    /// Guadeloupe: the coordinator is recruited in 2027, the diagnostic it prepares and the CLS follow in 2028 — 2027
    /// holds the coordinator, the hurricane plan due before the 2027 hivernage, the junior doctors due by December 2027
    /// with the MSP that hosts them and the water priority, six units for four: bringing the CLS (two units) and the
    /// diagnostic (two) forward would double the year. The coordinator's card says the sequence and why.
    @Test("commune de Guadeloupe : le coordinateur en 2027, le diagnostic et le CLS en 2028 faute de place, et sa fiche le dit")
    func coordinatorSaysWhyItsClsFollows() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-antilles-dengue")
        let coordinator = try #require(roadmap.item("cls-coordinateur"))
        let diagnostic = try #require(roadmap.item("diagnostic-sante-partage"))
        let cls = try #require(roadmap.item("cls-engager"))
        #expect(coordinator.phaseIndex == 1 && diagnostic.phaseIndex == 2 && cls.phaseIndex == 2)
        #expect(roadmap.halfUnitsUsed[1] > 2 * roadmap.capacity.unitsPerPhase[1], "2027 est déjà au-delà de sa capacité")
        let card = try #require(document.cards.first { $0.id == "cls-coordinateur" })
        #expect(card.briefRelations.map(Plan24Tests.plain) == ["avant les actions \(diagnostic.rank) et \(cls.rank), qui suivent à partir de janv. 2028, faute de place plus tôt"],
                "\(card.briefRelations)")
        let clsCard = try #require(document.cards.first { $0.id == "cls-engager" })
        #expect(Plan24Tests.plain(clsCard.placementBrief).hasPrefix("à partir de janv. 2028, car d'ici fin 2027 la place est prise par les actions"))
    }

    /// On the examples and the generated territories: every trade takes the place of lighter actions it outscores by ten
    /// points (or, for a priority with no action of its own, that score at most ten more), and the mandate carries at
    /// most `Capacity.tradeOverrunHalves` more than its capacity — a tenth more for each trade that keeps a deadline, which
    /// is bounded by what it adds (plan39).
    @Test("profils d'exemple et territoires générés : chaque échange est borné par la marge de score et le dépassement d'un dixième")
    func tradesAreBounded() throws {
        var trades = 0
        func check(_ roadmap: Roadmap, _ label: String) {
            let mandate = roadmap.capacity.unitsPerPhase.reduce(0, +) * 2
            if !roadmap.tradedPlaces.isEmpty {
                // A trade for a deadline adds at most a tenth to what the mandate already carried (plan39,
                // `keepDeadlinesOverLighter`): one more tenth for each.
                let dated = roadmap.tradedPlaces.filter { roadmap.item($0.taker)?.deadline != nil }.count
                #expect(roadmap.overCapacityHalves <= Capacity.tradeOverrunHalves(mandateHalves: mandate) * (1 + dated) + 1,
                        "\(label) : \(roadmap.overCapacityHalves)")
            }
            for trade in roadmap.tradedPlaces {
                trades += 1
                guard let taker = roadmap.item(trade.taker) else {
                    Issue.record("\(label) : \(trade.taker) n'est pas retenue")
                    continue
                }
                for id in trade.given {
                    guard let entry = roadmap.considerLater.first(where: { $0.recommendation.id == id }) else {
                        Issue.record("\(label) : \(id) n'est pas à envisager ensuite")
                        continue
                    }
                    let isPriority = { if case .priority = taker.selection { true } else { false } }()
                    #expect(taker.score.total >= entry.score.total + Capacity.betterBy
                            || (isPriority && taker.score.total + Capacity.clearlyBetter >= entry.score.total), "\(label) : \(trade)")
                    #expect(Capacity.halfUnits(of: entry.recommendation, inPhase: taker.phaseIndex) < taker.halfUnits, "\(label) : \(trade)")
                }
            }
        }
        for name in try Plan27Tests.exampleNames() {
            let (roadmap, _) = try Plan24Tests.plan(name)
            check(roadmap, name)
        }
        // The generated territories' roadmaps, planned once for the whole test process.
        for (profile, calendar, roadmap) in try PlanningInvariantTests.planned() {
            check(roadmap, "\(profile.name) (début \(calendar.start))")
        }
        print("Plan31: trades on the examples and generated territories: \(trades)")
        #expect(trades > 0)
    }
}
