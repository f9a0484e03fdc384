import MandatSante
import RuleKit
import Testing

@Suite("Planification")
struct PlannerTests {
    typealias Rec = Fixture.Rec

    static func phases(_ roadmap: Roadmap) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: roadmap.items.map { ($0.recommendation.id, $0.phaseIndex) })
    }

    /// Every selected prerequisite ranks before its dependent and is never in a later phase.
    static func expectPrerequisitesFirst(_ roadmap: Roadmap, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for item in roadmap.items {
            for prerequisite in item.recommendation.after {
                guard let before = roadmap.item(prerequisite) else { continue }
                #expect(before.rank < item.rank, "\(prerequisite) avant \(item.recommendation.id)", sourceLocation: sourceLocation)
                #expect(before.phaseIndex <= item.phaseIndex, "\(prerequisite) pas plus tard que \(item.recommendation.id)", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: Selection and score

    @Test("seules les recommandations dont la condition tient sont retenues")
    func selectionByCondition() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune)
        #expect(roadmap.ids == ["sante-mentale-relais", "diagnostic-partage", "petite-commune-mutualiser", "bilan-mandat"])
        #expect(roadmap.items.map(\.rank) == [1, 2, 3, 4])
        #expect(roadmap.leftOutReason("cpts-soutenir") == .conditionNotMet(.false))
        #expect(roadmap.leftOutReason("cls-engager") == .conditionNotMet(.false))
        #expect(roadmap.leftOutReason("cls-renouveler") == .conditionNotMet(.false))
        // Every recommendation is either placed or left out, exactly once.
        let all = roadmap.ids + roadmap.leftOut.map(\.recommendation.id)
        #expect(all.sorted() == Fixture.standard.map(\.id).sorted())
        #expect(roadmap.evaluations.count == Fixture.standard.count)
        #expect(roadmap.evaluations["cpts-soutenir"]?.truth == .false)
        #expect(roadmap.evaluations["diagnostic-partage"]?.truth == .true)
    }

    @Test("le score est la priorité plus les bonus qui s'appliquent, termes gardés dans l'ordre")
    func scoreTerms() throws {
        var spec = Fixture.smallCommune
        spec.population = 5_000
        spec.priorities = ["acces-aux-soins"]
        let (_, roadmap) = try Fixture.plan(spec)
        let item = try #require(roadmap.item("cpts-soutenir"))
        #expect(item.scoreTerms.map(\.points) == [70, 15, 10])
        #expect(item.scoreTerms.map(\.reason) == [
            "priorité de base",
            "l'accès aux soins est une priorité de l'équipe",
            "habitat dispersé : l'accès aux soins est critique",
        ])
        #expect(item.score.total == 95)
        #expect(roadmap.evaluations["cpts-soutenir"]?.missedBoosts.isEmpty == true)

        // Only the boosts that hold count; the others are kept as missed.
        let (_, bourg) = try Fixture.plan(Fixture.bourg)
        let partial = try #require(bourg.item("cpts-soutenir"))
        #expect(partial.scoreTerms.map(\.points) == [70, 15])
        #expect(partial.score.total == 85)
        #expect(bourg.evaluations["cpts-soutenir"]?.missedBoosts.map(\.points) == [10])
    }

    @Test("une recommandation non retenue garde son score calculé")
    func leftOutScore() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune)
        let cpts = try #require(roadmap.leftOut.first { $0.recommendation.id == "cpts-soutenir" })
        #expect(cpts.score.total == 80)
    }

    // MARK: Conflicts

    @Test("replaces retire la recommandation remplacée et l'enregistre")
    func replaces() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.bourg)
        #expect(roadmap.item("cls-engager") == nil)
        #expect(roadmap.leftOutReason("cls-engager") == .replaced(by: "cls-renouveler"))
        let renew = try #require(roadmap.item("cls-renouveler"))
        #expect(renew.supersedes == ["cls-engager"])
        // Replaced even though it scores better (60 against 58).
        #expect(roadmap.evaluations["cls-engager"]?.score.total == 60)
        #expect(renew.score.total == 58)
    }

    @Test("excludes garde la mieux classée des deux, dans les deux sens")
    func excludes() throws {
        // Small commune: the relays get +20 (75) and beat the CLSM (65), although the CLSM declares the exclusion.
        let (_, small) = try Fixture.plan(Fixture.smallCommune)
        #expect(small.item("clsm-creer") == nil)
        #expect(small.leftOutReason("clsm-creer") == .excluded(by: "sante-mentale-relais"))
        #expect(small.item("sante-mentale-relais")?.supersedes == ["clsm-creer"])

        // Larger territory: the CLSM (65) beats the relays (55).
        let (_, bourg) = try Fixture.plan(Fixture.bourg)
        #expect(bourg.item("sante-mentale-relais") == nil)
        #expect(bourg.leftOutReason("sante-mentale-relais") == .excluded(by: "clsm-creer"))
        #expect(bourg.item("clsm-creer")?.supersedes == ["sante-mentale-relais"])
    }

    // MARK: Order

    @Test("un préalable passe toujours avant ce qui en dépend, même moins bien noté")
    func prerequisiteFirst() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.bourg)
        #expect(roadmap.ids == ["seniors-canicule", "diagnostic-partage", "cpts-soutenir", "cls-renouveler", "clsm-creer", "bilan-mandat"])
        let diagnostic = try #require(roadmap.item("diagnostic-partage"))
        let cpts = try #require(roadmap.item("cpts-soutenir"))
        #expect(cpts.score.total > diagnostic.score.total)
        #expect(diagnostic.rank < cpts.rank)
        // The CPTS wanted the 100 days, but waits for its diagnostic in the first year.
        #expect(diagnostic.phaseIndex == 1)
        #expect(cpts.phaseIndex == 1)
        #expect(cpts.placement == .prerequisite("diagnostic-partage"))
        #expect(cpts.prerequisites == ["diagnostic-partage"])
        // A prerequisite is as urgent as what waits for it: the diagnostic (50) and the CPTS (85) come before the
        // renewal of the CLS (58) in the same phase.
        let renewal = try #require(roadmap.item("cls-renouveler"))
        #expect(renewal.phaseIndex == 1)
        #expect(diagnostic.score.total < renewal.score.total)
        #expect(cpts.rank < renewal.rank)
        Self.expectPrerequisitesFirst(roadmap)
    }

    @Test("un préalable retardé par la capacité entraîne ce qui en dépend")
    func prerequisiteDelayedByCapacity() throws {
        // The 100 days of a small commune hold 5 units: the big project (3) leaves no room for the prerequisite (3).
        let recs = [
            Rec(id: "gros-chantier", title: "Gros chantier", when: "population >= 1", priority: 99, horizon: "100-jours", effort: "fort"),
            Rec(id: "prealable", title: "Préalable", when: "population >= 1", priority: 40, horizon: "100-jours", effort: "fort"),
            Rec(id: "suite", title: "Suite", when: "population >= 1", priority: 95, horizon: "100-jours", after: ["prealable"]),
        ]
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: recs)
        try #require(roadmap.capacity.unitsPerPhase.first == Capacity.minimumFirstHundredDays)
        #expect(roadmap.ids == ["gros-chantier", "prealable", "suite"])
        #expect(Self.phases(roadmap) == ["gros-chantier": 0, "prealable": 1, "suite": 1])
        #expect(roadmap.item("prealable")?.placement == .capacity(wanted: 0))
        #expect(roadmap.item("suite")?.placement == .prerequisite("prealable"))
        Self.expectPrerequisitesFirst(roadmap)
    }

    @Test("l'ordre des préalables tient pour des profils variés",
          arguments: [Fixture.smallCommune, Fixture.bourg,
                      Fixture.ProfileSpec(population: 5_000, priorities: ["acces-aux-soins"], engineeringStaff: 0)])
    func prerequisitesAlwaysFirst(spec: Fixture.ProfileSpec) throws {
        for start in [(2026, 12), (2028, 6), (2031, 11)] {
            let (_, roadmap) = try Fixture.plan(spec, start: start)
            Self.expectPrerequisitesFirst(roadmap)
            #expect(roadmap.items.map(\.phaseIndex) == roadmap.items.map(\.phaseIndex).sorted())
        }
    }

    @Test("à score égal, l'identifiant départage")
    func tiesBrokenByID() throws {
        let recs = [
            Rec(id: "delta", title: "Delta", when: "population >= 1"),
            Rec(id: "beta", title: "Beta", when: "population >= 1"),
            Rec(id: "gamma", title: "Gamma", when: "population >= 1", boosts: [Fixture.boost("population >= 100", 10, "assez grand")]),
            Rec(id: "alpha", title: "Alpha", when: "population >= 1"),
        ]
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: recs)
        #expect(roadmap.ids == ["gamma", "alpha", "beta", "delta"])
        #expect(roadmap.items.map(\.score.total) == [60, 50, 50, 50])
    }

    @Test("un préalable qui ne s'applique pas (ici remplacé) est ignoré")
    func inapplicablePrerequisiteIgnored() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.bourg)
        let review = try #require(roadmap.item("bilan-mandat"))
        #expect(review.prerequisites.isEmpty)
        #expect(review.placement == .horizon)
    }

    // MARK: Phases

    @Test("l'horizon fixe la phase la plus précoce")
    func horizonSetsEarliestPhase() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.bourg)
        #expect(Self.phases(roadmap) == [
            "seniors-canicule": 0, "cls-renouveler": 1, "diagnostic-partage": 1, "cpts-soutenir": 1,
            "clsm-creer": 2, "bilan-mandat": 3,
        ])
        for id in ["seniors-canicule", "cls-renouveler", "diagnostic-partage", "clsm-creer", "bilan-mandat"] {
            #expect(roadmap.item(id)?.placement == .horizon, "\(id)")
        }
        // The planner reads the size and the staff from the profile.
        #expect(roadmap.capacity == Capacity(population: 12_000, engineeringStaff: 2, phases: roadmap.calendar.phases))
        #expect(roadmap.unitsUsed == [1, 5, 3, 1])
    }

    @Test("sans phase de mi-mandat (début tardif), une action de mi-mandat va à la phase suivante")
    func horizonWithMergedPhases() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.bourg, start: (2028, 6))
        #expect(roadmap.calendar.phases.map(\.horizon) == [.hundredDays, .firstYear, .endOfMandate])
        let clsm = try #require(roadmap.item("clsm-creer"))
        #expect(clsm.phaseIndex == 2)
        #expect(clsm.placement == .horizon)
    }

    @Test("la capacité reporte les moins bien classées, écarte ce qui ne tient pas et ce qui en dépend")
    func capacity() throws {
        // From November 2031 a small commune has two phases: the 100 days (5 units) and one more month (4).
        let recs = [
            Rec(id: "p1", title: "P1", when: "population >= 1", priority: 90, horizon: "100-jours", effort: "fort"),
            Rec(id: "p2", title: "P2", when: "population >= 1", priority: 80, horizon: "100-jours", effort: "fort"),
            Rec(id: "p3", title: "P3", when: "population >= 1", priority: 70, horizon: "100-jours", effort: "moyen"),
            Rec(id: "p4", title: "P4", when: "population >= 1", priority: 75, horizon: "100-jours", effort: "faible", after: ["p3"]),
            Rec(id: "p5", title: "P5", when: "population >= 1", priority: 60, horizon: "100-jours", effort: "fort"),
            Rec(id: "p6", title: "P6", when: "population >= 1", priority: 50, horizon: "100-jours", effort: "faible"),
        ]
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: recs, start: (2031, 11))
        try #require(roadmap.capacity.unitsPerPhase == [5, 4])
        // p1 takes 3 of the 100 days' 5 units; p2 (3) spills to the next phase; p3 (2), urgent because p4
        // waits for it, takes the last 2 units of the 100 days; p4 follows in the next phase; p5 and p6 no
        // longer fit anywhere.
        #expect(roadmap.ids == ["p1", "p3", "p2", "p4"])
        #expect(roadmap.item("p1")?.phaseIndex == 0)
        #expect(roadmap.item("p1")?.placement == .horizon)
        #expect(roadmap.item("p3")?.phaseIndex == 0)
        #expect(roadmap.item("p2")?.phaseIndex == 1)
        #expect(roadmap.item("p2")?.placement == .capacity(wanted: 0))
        #expect(roadmap.item("p4")?.phaseIndex == 1)
        #expect(roadmap.item("p4")?.placement == .capacity(wanted: 0))
        #expect(roadmap.leftOutReason("p5") == .noCapacity)
        #expect(roadmap.leftOutReason("p6") == .noCapacity)
        // Left out sorted by reason group, then score.
        #expect(roadmap.leftOut.map(\.recommendation.id) == ["p5", "p6"])
        #expect(roadmap.unitsUsed == [5, 4])
    }

    @Test("une action ne glisse que d'une phase faute de capacité ; au-delà elle est écartée")
    func limitedDelay() throws {
        let recs = (1...3).map { index in
            Rec(id: "rapide-\(index)", title: "Rapide \(index)", when: "population >= 1", priority: 90 - index,
                horizon: "100-jours", effort: "fort")
        }
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: recs)
        try #require(roadmap.capacity.unitsPerPhase[0] < 6 && roadmap.capacity.unitsPerPhase[1] < 6)
        #expect(roadmap.ids == ["rapide-1", "rapide-2"])
        #expect(roadmap.items.map(\.phaseIndex) == [0, 1])
        // Mid-mandate still has room, but a quick win there is no quick win.
        #expect(roadmap.capacity.unitsPerPhase[2] >= 3)
        #expect(roadmap.leftOutReason("rapide-3") == .noCapacity)
    }

    @Test("top garde les N premiers rangs et signale les autres")
    func top() throws {
        let (_, full) = try Fixture.plan(Fixture.bourg)
        let (_, roadmap) = try Fixture.plan(Fixture.bourg, top: 3)
        #expect(roadmap.ids == Array(full.ids.prefix(3)))
        #expect(roadmap.items.map(\.rank) == [1, 2, 3])
        for id in full.ids.dropFirst(3) {
            #expect(roadmap.leftOutReason(id) == .beyondTop(3), "\(id)")
        }
        #expect(roadmap.leftOut.map(\.recommendation.id) == [
            "cls-engager", "sante-mentale-relais", "clsm-creer", "cls-renouveler", "bilan-mandat", "petite-commune-mutualiser",
        ])
        #expect(roadmap.unitsUsed == [1, 3, 0, 0])
    }

    @Test("un fait facultatif absent rend la condition inconnue : la recommandation est écartée")
    func absentOptionalFact() throws {
        let (_, absent) = try Fixture.plan(Fixture.smallCommune)
        #expect(absent.item("seniors-canicule") == nil)
        #expect(absent.leftOutReason("seniors-canicule") == .conditionNotMet(.unknown))
        #expect(absent.evaluations["seniors-canicule"]?.truth == .unknown)

        var low = Fixture.smallCommune
        low.share75Plus = 10
        #expect(try Fixture.plan(low).roadmap.leftOutReason("seniors-canicule") == .conditionNotMet(.false))

        var high = Fixture.smallCommune
        high.share75Plus = 12
        #expect(try Fixture.plan(high).roadmap.item("seniors-canicule")?.phaseIndex == 0)
    }

    @Test("un bonus sur un fait absent ne s'applique pas")
    func boostOnAbsentFact() throws {
        let recs = [Rec(id: "action", title: "Action", when: "population >= 1", priority: 40,
                        boosts: [Fixture.boost("share75Plus >= 12", 20, "population âgée")])]
        let (_, absent) = try Fixture.plan(Fixture.smallCommune, recs: recs)
        #expect(absent.item("action")?.score.total == 40)
        var old = Fixture.smallCommune
        old.share75Plus = 20
        #expect(try Fixture.plan(old, recs: recs).roadmap.item("action")?.score.total == 60)
    }

    @Test("planifier deux fois donne la même feuille de route, quel que soit l'ordre des fichiers")
    func determinism() throws {
        func signature(_ roadmap: Roadmap) -> [String] {
            roadmap.items.map { "\($0.rank) \($0.recommendation.id) \($0.phaseIndex) \($0.placement)" }
                + roadmap.leftOut.map { "\($0.recommendation.id) \($0.reason)" }
        }
        for spec in [Fixture.smallCommune, Fixture.bourg] {
            let (base, first) = try Fixture.plan(spec)
            let profile = try Fixture.profile(spec, in: base)
            let second = Planner(ruleBase: base).plan(profile, calendar: try Fixture.calendar(2026, 12))
            #expect(signature(first) == signature(second))

            // The same recommendations split over two files given in another order.
            let half = Fixture.standard.count / 2
            let split = Fixture.load([
                ("Rules/recommendations/z.json", Fixture.recommendationsFile(Array(Fixture.standard[half...]))),
                ("Rules/recommendations/a.json", Fixture.recommendationsFile(Array(Fixture.standard[..<half]))),
            ])
            #expect(split.diagnostics.isEmpty)
            let splitBase = try #require(split.ruleBase)
            let third = Planner(ruleBase: splitBase).plan(try Fixture.profile(spec, in: splitBase), calendar: try Fixture.calendar(2026, 12))
            #expect(signature(first) == signature(third))

            // A replica, made for another thread, plans the same and shares no recommendation object.
            let replica = Planner(ruleBase: base).replica()
            let fourth = replica.plan(profile, calendar: try Fixture.calendar(2026, 12))
            #expect(signature(first) == signature(fourth))
            #expect(first.items.map { $0.score.terms(of: $0.recommendation) } == fourth.items.map(\.scoreTerms))
            for (original, copy) in zip(first.items, fourth.items) {
                #expect(original.recommendation !== copy.recommendation)
            }
        }
    }
}
