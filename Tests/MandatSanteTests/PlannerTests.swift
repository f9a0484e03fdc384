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

    // MARK: Level of government

    static let levels = [
        Rec(id: "conseils-quartier", title: "Associer les conseils de quartier", when: "population >= 1", carrier: "commune"),
        Rec(id: "pcaet", title: "Mettre la santé dans le plan climat", when: "population >= 1", carrier: "intercommunalite"),
        Rec(id: "diagnostic", title: "Établir un diagnostic", when: "population >= 1", carrier: "territoire"),
        Rec(id: "cpts", title: "Soutenir la CPTS", when: "population >= 1", carrier: "partenaire"),
    ]

    @Test("une intercommunalité ne reçoit pas d'instrument communal")
    func communalInstrument() throws {
        var epci = Fixture.bourg
        epci.cls = nil
        let (_, roadmap) = try Fixture.plan(epci, recs: Self.levels)
        #expect(roadmap.leftOutReason("conseils-quartier") == .wrongLevel(.communalInstrument))
        #expect(Set(roadmap.ids) == ["pcaet", "diagnostic", "cpts"])
    }

    @Test("une commune dont l'intercommunalité porte la santé ne reçoit pas ce que porte l'intercommunalité")
    func carriedByIntercommunality() throws {
        var commune = Fixture.smallCommune
        commune.intercommunalHealth = true
        let (_, carried) = try Fixture.plan(commune, recs: Self.levels)
        #expect(carried.leftOutReason("pcaet") == .wrongLevel(.carriedByIntercommunality))
        #expect(Set(carried.ids) == ["conseils-quartier", "diagnostic", "cpts"])
        // Without it, the commune raises the matter with its intercommunality: the action stays.
        commune.intercommunalHealth = false
        #expect(Set(try Fixture.plan(commune, recs: Self.levels).roadmap.ids) == Set(Self.levels.map(\.id)))
    }

    // MARK: Relations

    @Test("after ordonne seulement : un préalable absent est à faire d'abord ou supposé fait")
    func afterOnlyOrders() throws {
        // `bilan-mandat` comes after `cls-engager`, which does not apply to a small commune: it stays.
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune)
        let bilan = try #require(roadmap.item("bilan-mandat"))
        #expect(bilan.assumedPrerequisites == ["cls-engager"])
        #expect(bilan.prerequisites.isEmpty)
    }

    @Test("un préalable réclame sa place avant ce qui en dépend, qui vient après lui")
    func prerequisiteFirst() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.bourg)
        #expect(roadmap.ids == ["seniors-canicule", "diagnostic-partage", "cpts-soutenir", "clsm-creer", "cls-renouveler", "bilan-mandat"])
        let diagnostic = try #require(roadmap.item("diagnostic-partage"))
        let cpts = try #require(roadmap.item("cpts-soutenir"))
        // Better scored and of an earlier horizon, the CPTS waits for the diagnostic it needs.
        #expect(cpts.score.total > diagnostic.score.total)
        #expect(cpts.phaseIndex == diagnostic.phaseIndex)
        #expect(cpts.placement == .prerequisite("diagnostic-partage"))
        #expect(cpts.prerequisites == ["diagnostic-partage"])
        Self.expectPrerequisitesFirst(roadmap)
    }

    static let together = [
        Rec(id: "cls", title: "Engager un contrat local de santé", when: "population >= 1", priority: 90, horizon: "annee-1", effort: "fort"),
        Rec(id: "coordinateur", title: "Recruter le coordinateur du CLS", when: "population >= 1", priority: 40, horizon: "100-jours",
            together: ["cls"]),
        Rec(id: "enquete", title: "Interroger les habitants", when: "population >= 1", priority: 30, horizon: "mi-mandat", together: ["cls"]),
    ]

    @Test("together place les actions qui vont ensemble dans la même phase, au pas de la plus tardive")
    func togetherSamePhase() throws {
        let (_, roadmap) = try Fixture.plan(Fixture.bourg, recs: Self.together)
        let phases = Set(roadmap.items.map(\.phaseIndex))
        #expect(roadmap.items.count == 3)
        #expect(phases == [roadmap.calendar.reviewPhase])
        // The best scored comes first in the phase; each says whom it goes with.
        #expect(roadmap.ids == ["cls", "coordinateur", "enquete"])
        #expect(roadmap.item("cls")?.placement == .together("enquete"))
        #expect(roadmap.item("enquete")?.placement == .horizon)
        #expect(roadmap.item("coordinateur")?.together == ["cls"])
        #expect(roadmap.item("cls")?.together == ["coordinateur", "enquete"])
    }

    @Test("together ne lie que ce qui est retenu : seule, l'action garde son horizon")
    func togetherAlone() throws {
        var recs = Self.together
        recs[0].when = "population >= 1000000"
        // Alone, a quick act of merit keeps its first-quarter horizon; one scored under 60 would wait
        // (`Capacity.firstPhaseMerit`, tested in TeamAndFirstQuarterTests).
        recs[1].priority = 60
        let (_, roadmap) = try Fixture.plan(Fixture.bourg, recs: recs)
        #expect(roadmap.phaseID("coordinateur") == "premiers-mois")
        #expect(roadmap.item("coordinateur")?.placement == .horizon)
        #expect(roadmap.item("coordinateur")?.together == [])
    }

    // MARK: Claims on the team's time

    @Test("les fondations passent d'abord, puis la meilleure action de chaque priorité déclarée, puis le mérite")
    func claimOrder() throws {
        let recs = [
            Rec(id: "referent", title: "Désigner un élu référent", when: "population >= 1", priority: 20, horizon: "100-jours",
                lever: "methode", foundation: true),
            Rec(id: "forte", title: "Une action très bien notée", when: "population >= 1", priority: 95, horizon: "100-jours", effort: "moyen"),
            Rec(id: "soins", title: "Une action d'accès aux soins", when: "population >= 1", priority: 30, horizon: "100-jours",
                serves: ["acces-aux-soins"]),
            Rec(id: "soins-tardive", title: "Une autre, plus tardive", when: "population >= 1", priority: 90, horizon: "mi-mandat",
                serves: ["acces-aux-soins"]),
        ]
        var spec = Fixture.bourg
        spec.priorities = ["acces-aux-soins"]
        let (_, roadmap) = try Fixture.plan(spec, recs: recs)
        // Two units in the first phase: the foundation and the priority's early action, quick acts of half a
        // unit each, claim them before the best-scored action (two units), which waits for the next phase.
        #expect(roadmap.phaseID("referent") == "premiers-mois")
        #expect(roadmap.phaseID("soins") == "premiers-mois")
        #expect(roadmap.phaseID("forte") == "fin-d-annee")
        #expect(roadmap.item("forte")?.placement == .capacity(wanted: 0))
        #expect(roadmap.item("referent")?.selection == .foundation)
        #expect(roadmap.item("soins")?.selection == .priority("acces-aux-soins"))
        #expect(roadmap.item("soins-tardive")?.selection == .merit)
        #expect(roadmap.ids.prefix(2) == ["referent", "soins"])
    }

    static func crowded(_ count: Int, effort: String = "moyen") -> [Rec] {
        (1...count).map { Rec(id: "action-\($0 < 10 ? "0" : "")\($0)", title: "Action \($0)", when: "population >= 1",
                              priority: 100 - $0, effort: effort) }
    }

    @Test("ce qui ne tient pas dans la capacité est à envisager ensuite, les mieux notées d'abord")
    func considerLater() throws {
        // A small commune with one agent holds 2 + 2 + 2 + 1 units; twelve medium actions (2 units) from the first
        // year on: two fit. In a town of two agents (2 + 4 + 4 + 3), five.
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: Self.crowded(12))
        #expect(roadmap.capacity.unitsPerPhase == [2, 2, 2, 1])
        #expect(roadmap.ids == ["action-01", "action-02"])
        #expect(roadmap.considerLater.map(\.recommendation.id) == (3...12).map { "action-\($0 < 10 ? "0" : "")\($0)" })
        #expect(roadmap.considerLater.allSatisfy { $0.reason == .noCapacity })
        #expect(roadmap.leftOut.isEmpty)
        #expect(roadmap.item("action-02")?.placement == .capacity(wanted: 1))
        let (_, town) = try Fixture.plan(Fixture.bourg, recs: Self.crowded(12))
        #expect(town.capacity.unitsPerPhase == [2, 4, 4, 3])
        #expect(town.ids == (1...5).map { "action-0\($0)" })
    }

    @Test("une action rapide prend une demi-unité dans les premiers mois, une unité ensuite ; la première phase tient au plus quatre actions")
    func quickActsTakeHalfAUnit() throws {
        // Six quick acts (light, first months) and three light actions of the first year, in a small commune
        // (2 + 2 + 2 + 1 units).
        let quick = (1...6).map { Rec(id: "rapide-\($0)", title: "Acte rapide \($0)", when: "population >= 1",
                                      priority: 100 - $0, horizon: "100-jours", effort: "faible") }
        let light = (1...3).map { Rec(id: "legere-\($0)", title: "Action légère \($0)", when: "population >= 1",
                                      priority: 80 - $0, effort: "faible") }
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: quick + light)
        // Four quick acts fill the first months (two units); the next two, past them, take a whole unit each
        // like any light action and fill 2027; the light actions come after.
        #expect(roadmap.items(inPhase: 0).map(\.recommendation.id) == ["rapide-1", "rapide-2", "rapide-3", "rapide-4"])
        #expect(roadmap.items(inPhase: 1).map(\.recommendation.id) == ["rapide-5", "rapide-6"])
        #expect(roadmap.items(inPhase: 2).map(\.recommendation.id) == ["legere-1", "legere-2"])
        #expect(roadmap.items(inPhase: 3).map(\.recommendation.id) == ["legere-3"])
        #expect(roadmap.halfUnitsUsed == [4, 4, 4, 2])
        #expect(roadmap.unitsUsed == [2, 2, 2, 1])
    }

    @Test("jamais une action écartée faute de place quand une moins bien notée, d'effort égal ou plus fort, tient sa place")
    func meritFirst() throws {
        // Light and heavy actions mixed: whatever is kept for lack of room for a better one is lighter than it.
        let recs = (1...14).map { index in
            Rec(id: "a\(index < 10 ? "0" : "")\(index)", title: "Action \(index)", when: "population >= 1",
                priority: 100 - 3 * index, horizon: index % 3 == 0 ? "mi-mandat" : "annee-1",
                effort: ["faible", "moyen", "fort"][index % 3])
        }
        for spec in [Fixture.smallCommune, Fixture.bourg] {
            let (_, roadmap) = try Fixture.plan(spec, recs: recs)
            #expect(!roadmap.considerLater.isEmpty)
            for later in roadmap.considerLater {
                let window = roadmap.calendar.phaseIndex(for: later.recommendation.horizon)...
                for item in roadmap.items where window.contains(item.phaseIndex) && item.score.total < later.score.total {
                    #expect(Capacity.halfUnits(of: item.recommendation, inPhase: item.phaseIndex)
                                < Capacity.halfUnits(of: later.recommendation, inPhase: item.phaseIndex),
                            "\(item.recommendation.id) (\(item.score.total)) gardée, \(later.recommendation.id) (\(later.score.total)) écartée")
                }
            }
        }
    }

    @Test("le nombre d'actions de méthode est borné par la capacité ; les fondations passent toujours")
    func methodLimit() throws {
        let recs = [
            Rec(id: "fondation", title: "Fixer l'ambition", when: "population >= 1", priority: 10, horizon: "100-jours",
                lever: "methode", foundation: true),
        ] + (1...5).map { Rec(id: "methode-\($0)", title: "Méthode \($0)", when: "population >= 1", priority: 90 - $0, lever: "methode") }
            + [Rec(id: "action", title: "Une action", when: "population >= 1", priority: 20)]
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: recs)
        #expect(roadmap.capacity.methodLimit == 2)
        #expect(roadmap.ids.sorted() == ["action", "fondation", "methode-1"])
        #expect(roadmap.considerLater.map(\.recommendation.id) == ["methode-2", "methode-3", "methode-4", "methode-5"])
        #expect(roadmap.considerLater.allSatisfy { $0.reason == .methodLimit(2) })
    }

    // MARK: Deadlines

    @Test("une échéance saisonnière place l'action avant l'été qu'elle prépare, ou le suivant s'il n'y a plus de place")
    func seasonalDeadline() throws {
        let heat = Rec(id: "canicule", title: "Préparer la saison chaude", when: "population >= 1", priority: 40, deadline: "avant-saison-chaude")
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: [heat])
        let item = try #require(roadmap.item("canicule"))
        #expect(roadmap.phaseID("canicule") == "fin-d-annee")
        #expect(item.deadline == ScheduledDeadline(before: YearMonth(year: 2027, month: 6), kind: .season(.mainland)))

        // Phases before summer 2027 full of foundations: it aims at summer 2028. Merit decides what is in (the
        // better scored actions all are); once in, its deadline decides when, ahead of them.
        let foundations = Self.crowded(2, effort: "faible").map { rec -> Rec in
            var rec = rec
            rec.foundation = true
            return rec
        }
        let (_, crowded) = try Fixture.plan(Fixture.smallCommune, recs: foundations + [heat] + Self.crowded(2, effort: "faible").map { rec -> Rec in
            var rec = rec
            rec.id = "meilleure-" + rec.id
            return rec
        })
        #expect(crowded.item("canicule")?.deadline?.before == YearMonth(year: 2028, month: 6))
        #expect(crowded.phaseID("canicule") == "mi-mandat")
        #expect(crowded.items.filter { $0.recommendation.id.hasPrefix("meilleure-") }.count == 2)

        // In the austral summer, the season starts in November.
        var reunion = Fixture.smallCommune
        reunion.outreMer = "reunion"
        let (_, austral) = try Fixture.plan(reunion, recs: [heat])
        #expect(austral.item("canicule")?.deadline?.before == YearMonth(year: 2027, month: 11))

        // Before the rains: the hot season in mainland France.
        let vectors = Rec(id: "moustiques", title: "Lutter contre les moustiques", when: "population >= 1", priority: 40,
                          deadline: "avant-saison-des-pluies")
        let (_, mainland) = try Fixture.plan(Fixture.smallCommune, recs: [vectors])
        #expect(mainland.item("moustiques")?.deadline == ScheduledDeadline(before: YearMonth(year: 2027, month: 6), kind: .season(.mainland)))

        // French Guiana: no summer; the heat comes with the dry season, from July, and the rains come back in
        // December (Météo-France Guyane).
        var guyane = Fixture.smallCommune
        guyane.outreMer = "guyane"
        let (guyaneBase, seasons) = try Fixture.plan(guyane, recs: [heat, vectors])
        #expect(seasons.item("canicule")?.deadline?.before == YearMonth(year: 2027, month: 7))
        #expect(seasons.item("moustiques")?.deadline?.before == YearMonth(year: 2027, month: 12))
        let document = RoadmapPresenter(ruleBase: guyaneBase, detail: false).document(seasons)
        #expect(document.card("canicule")?.deadline == "avant la saison sèche 2027 (juil. 2027)")
        // The roadmap starts in December: this rainy season has begun, its first steps are for now.
        #expect(document.card("moustiques")?.deadline == "la saison des pluies 2026-2027 a commencé\u{00A0}: premiers gestes dès maintenant, le reste avant déc. 2027")
        #expect(document.card("canicule")?.deadline?.contains("été") == false)
    }

    @Test("une échéance touristique suit la saison de pointe du profil : l'hiver, l'été, la plus proche des deux ; aucune quand elle est inconnue")
    func peakSeasonDeadline() throws {
        let care = Rec(id: "soins-saison", title: "Dimensionner les soins de saison", when: "population >= 1", priority: 40,
                       deadline: "avant-saison-touristique")
        var resort = Fixture.smallCommune
        resort.peakSeason = "hiver"
        let (_, winter) = try Fixture.plan(resort, recs: [care])
        // From December 2026, the season about to open is too close: the next one, in December 2027.
        #expect(winter.item("soins-saison")?.deadline?.before == YearMonth(year: 2027, month: 12))
        #expect(winter.phaseID("soins-saison") == "fin-d-annee")
        // The calendar marks the winters, not the summers; the card names the season it is due before.
        let winterDocument = try PresentationTests.document(resort, recs: [care])
        #expect(winterDocument.phases[1].milestones == ["la saison d'hiver 2027-2028"])
        #expect(winterDocument.card("soins-saison")?.deadline == "avant la saison d'hiver 2027-2028 (déc. 2027)")

        resort.peakSeason = "ete"
        let (_, summer) = try Fixture.plan(resort, recs: [care])
        #expect(summer.item("soins-saison")?.deadline == ScheduledDeadline(before: YearMonth(year: 2027, month: 7), kind: .season(HotSeason.summerPeak)))

        // Both peaks: the first season it can still be ready for, here the summer; from May 2027, the winter.
        resort.peakSeason = "les-deux"
        let (_, both) = try Fixture.plan(resort, recs: [care])
        #expect(both.item("soins-saison")?.deadline?.before == YearMonth(year: 2027, month: 7))
        let (_, later) = try Fixture.plan(resort, recs: [care], start: (2027, 5))
        #expect(later.item("soins-saison")?.deadline?.before == YearMonth(year: 2027, month: 12))

        // Unknown peak: placed like any action, with no deadline, and the calendar marks the summers.
        resort.peakSeason = nil
        let (_, unknown) = try Fixture.plan(resort, recs: [care])
        #expect(unknown.item("soins-saison") != nil)
        #expect(unknown.item("soins-saison")?.deadline == nil)
    }

    @Test("une échéance datée passée ou intenable écarte l'action en le disant")
    func statedDeadline() throws {
        let dated = Rec(id: "prs", title: "Contribuer au projet régional de santé", when: "population >= 1", priority: 40,
                        deadline: "2027-01 : avant l'adoption du projet régional de santé")
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: [dated])
        // Its horizon (the first year) starts in March 2027, after the deadline.
        #expect(roadmap.leftOutReason("prs") == .deadlineMissed(YearMonth(year: 2027, month: 1)))

        var early = dated
        early.horizon = "100-jours"
        let (_, met) = try Fixture.plan(Fixture.smallCommune, recs: [early])
        #expect(met.phaseID("prs") == "premiers-mois")
        #expect(met.item("prs")?.deadline == ScheduledDeadline(before: YearMonth(year: 2027, month: 1), kind: .stated("avant l'adoption du projet régional de santé")))
    }

    @Test("une action datée prend sa place avant l'échéance en repoussant une action moins bien notée, jamais une fondation ni l'action d'une priorité après le bilan de mi-mandat")
    func deadlineDisplacesLowerMerit() throws {
        // A town of two agents holds 3 units in 2027. The foundation (1) and the team's priority (2)
        // claim them first; the PLU action, better scored, must be done before January 2028.
        let recs = [
            Rec(id: "fondation", title: "Fixer l'ambition", when: "population >= 1", priority: 10, horizon: "annee-1",
                lever: "methode", foundation: true),
            Rec(id: "soins", title: "Une action d'accès aux soins", when: "population >= 1", priority: 30, effort: "moyen",
                serves: ["acces-aux-soins"]),
            Rec(id: "plu", title: "Mettre la santé dans le PLU", when: "population >= 1", priority: 90, effort: "moyen",
                deadline: "2028-01 : avant l'arrêt du projet de PLU"),
        ]
        var spec = Fixture.bourg
        spec.priorities = ["acces-aux-soins"]
        let (_, roadmap) = try Fixture.plan(spec, recs: recs)
        // Placed before its deadline; the priority's action stays in the first two phases, borrowing from the
        // next one what it has left before the mid-mandate review.
        #expect(roadmap.phaseID("plu") == "fin-d-annee")
        #expect(roadmap.item("plu")?.deadline?.before == YearMonth(year: 2028, month: 1))
        #expect(roadmap.phaseID("soins") == "fin-d-annee")
        #expect(roadmap.item("soins")?.selection == .priority("acces-aux-soins"))
        #expect(roadmap.phaseID("fondation") == "fin-d-annee")
        #expect(roadmap.considerLater.isEmpty && roadmap.leftOut.isEmpty)

        // Worse scored than what holds its window, it displaces nothing: its deadline cannot be kept.
        var weak = recs
        weak[2].priority = 20
        let (_, kept) = try Fixture.plan(spec, recs: weak)
        #expect(kept.phaseID("soins") == "fin-d-annee")
        #expect(kept.leftOutReason("plu") == .deadlineMissed(YearMonth(year: 2028, month: 1)))

        // Nor is a team priority's action pushed past the mid-mandate review for it: with the next phase held by
        // a foundation, the deadline cannot be kept and the priority's action stays a first decision.
        var reviewHeld = recs
        // (Two foundations fill it: with room left before the review, the priority's action would borrow it and
        // both would stay in 2027.)
        reviewHeld.append(Rec(id: "suivi", title: "Suivre le mandat", when: "population >= 1", priority: 10, horizon: "mi-mandat",
                              effort: "fort", lever: "methode", foundation: true))
        reviewHeld.append(Rec(id: "bilan", title: "Préparer le bilan", when: "population >= 1", priority: 10, horizon: "mi-mandat",
                              effort: "faible", lever: "methode", foundation: true))
        let (_, review) = try Fixture.plan(spec, recs: reviewHeld)
        #expect(review.phaseID("suivi") == "mi-mandat")
        #expect(review.phaseID("soins") == "fin-d-annee")
        #expect(review.leftOutReason("plu") == .deadlineMissed(YearMonth(year: 2028, month: 1)))

        // A foundation is never moved for it: with the window held by foundations, the deadline is missed.
        var founded = recs
        founded[1].foundation = true
        let (_, foundations) = try Fixture.plan(spec, recs: founded)
        #expect(foundations.phaseID("soins") == "fin-d-annee")
        #expect(foundations.leftOutReason("plu") == .deadlineMissed(YearMonth(year: 2028, month: 1)))

        // A deadline given as a horizon: by the end of the phase standing for it, whatever the start.
        var byPhase = recs
        byPhase[2].deadline = "annee-1 : avant l'arrêt du projet de PLU"
        let (_, fromDecember) = try Fixture.plan(spec, recs: byPhase)
        #expect(fromDecember.phaseID("plu") == "fin-d-annee")
        #expect(fromDecember.phaseID("soins") == "fin-d-annee")
        #expect(fromDecember.item("plu")?.deadline == ScheduledDeadline(before: YearMonth(year: 2027, month: 12), kind: .phaseEnd("avant l'arrêt du projet de PLU")))
        let (lateBase, late) = try Fixture.plan(spec, recs: [byPhase[2]], start: (2031, 6))
        let lateDocument = RoadmapPresenter(ruleBase: lateBase, detail: false).document(late)
        #expect(lateDocument.card("plu")?.deadline == "d'ici févr. 2032, avant l'arrêt du projet de PLU")
        // Held by foundations, it misses its deadline for want of room (no month passed): it takes the earliest
        // phase after it where the team has room, and says it was due before.
        byPhase[1].foundation = true
        let (_, held) = try Fixture.plan(spec, recs: byPhase)
        #expect(held.phaseID("plu") == "mi-mandat")
        #expect(held.item("plu")?.deadline == nil)
        #expect(held.item("plu")?.missedDeadline == ScheduledDeadline(before: YearMonth(year: 2027, month: 12), kind: .phaseEnd("avant l'arrêt du projet de PLU")))
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

            // The same recommendation files given in another order.
            let split = Fixture.load(Fixture.recommendationFiles(Fixture.standard).reversed())
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
