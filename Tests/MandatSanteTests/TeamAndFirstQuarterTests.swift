import Foundation
import MandatSante
import RuleKit
import Testing

/// Session 19's planning review (issue 12, reader18): declared agents respected, the team's light priority in an
/// empty middle phase, weak actions kept for their merit alone out of the first quarter.
@Suite("Agents déclarés, priorité dans la phase du milieu, premier trimestre aux actions de mérite")
struct TeamAndFirstQuarterTests {
    /// The roadmap of the profile at `path`, relative to the package's root, from December 2026.
    static func plan(path: String, overrides: [String] = []) throws -> Roadmap {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent(path).path
        let bytes = try #require(FileManager.default.contents(atPath: file))
        let loaded = try #require(ProfileLoader.load(Array(bytes), file: file, vocabulary: ruleBase.vocabulary).0)
        let profile = try ProfileLoader.override(loaded, with: overrides).get()
        return try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12))
    }

    @Test("station de montagne (2 800 résidents, 2 agents) : les deux agents comptent, et le cabinet médical avec logement est dans la feuille de route avant le bilan de mi-mandat")
    func resortCountsItsTwoAgents() throws {
        let roadmap = try PressingDeadlineTests.plan("station-montagne-saisonniere")
        #expect(roadmap.capacity.staff == 2)
        #expect(!roadmap.capacity.isSmallTeam)
        // 0.8 for the elected team, 0.2 for a village's size, 0.6 for each of the two agents; the 25,000 of the
        // season add nothing (the resort's seasonal services are busy in the season itself).
        #expect(roadmap.capacity.yearlyTenths == 22)
        let seasonless = try PressingDeadlineTests.plan("station-montagne-saisonniere", overrides: ["seasonalPopulation=3000"])
        #expect(seasonless.capacity.yearlyTenths == 22)
        // GPs leave, no MSP, no hospital within 30 minutes: the cabinet with housing (105) by 2028 at the latest,
        // no longer « à envisager ensuite » behind the mobile unit.
        let cabinet = try #require(roadmap.item("cabinet-medical-logement"))
        #expect(cabinet.phaseIndex <= roadmap.calendar.reviewPhase)
        #expect(roadmap.calendar.phases[cabinet.phaseIndex].end <= YearMonth(year: 2029, month: 4))
        #expect(!roadmap.considerLater.contains { $0.recommendation.id == "cabinet-medical-logement" })
        // The page says two agents and no « small team » in which one counts.
        let document = try ExampleSynthesisTests.document("station-montagne-saisonniere")
        let line = MiddlePhaseTests.plain(try #require(document.portrait.lines.first { $0.label == "Capacité" }?.text))
        #expect(line.hasPrefix("2 agents pour porter des projets : environ 2,2 unités d'effort par an"), "\(line)")
        #expect(!line.contains("petite équipe") && !line.contains("un seul agent"), "\(line)")
        // A village of one agent is still a small team.
        let village = try PressingDeadlineTests.plan("village-rural-zip")
        #expect(village.capacity.isSmallTeam && village.capacity.yearlyTenths == 12)
    }

    @Test("village de Lozère sans agent, priorités accès aux soins et bien vieillir : le bien vieillir (effort faible) commence avant le bilan de mi-mandat plutôt que de laisser la phase du milieu sans action nouvelle")
    func lightPriorityFillsEmptyMiddlePhase() throws {
        let roadmap = try Self.plan(path: "Tests/Fixtures/profiles/lozere-sans-agent.json")
        let review = roadmap.calendar.reviewPhase
        #expect(roadmap.capacity.isSmallTeam && roadmap.capacity.staff == 0)
        // 2027 holds the volunteer doctors' centre, then the cabinet with housing that comes after it (three units for
        // two: the cabinet is the action of the team's priority « accès aux soins », served within the first two phases).
        #expect(roadmap.items(inPhase: 1).map(\.recommendation.id) == ["medecins-volontaires-relais", "cabinet-medical-logement"])
        // The priority « bien vieillir » starts in 2028, before the review: the middle phase is not « sans action
        // nouvelle » while the team's own priority waits for 2029–2032.
        #expect(roadmap.items(inPhase: review).map(\.recommendation.id) == ["bien-vieillir-petite-commune"])
        let item = try #require(roadmap.item("bien-vieillir-petite-commune"))
        #expect(item.selection == .priority("bien-vieillir"))
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let document = RoadmapPresenter(ruleBase: ruleBase).document(roadmap)
        let card = try #require(document.cards.first { $0.id == "bien-vieillir-petite-commune" })
        let note = MiddlePhaseTests.plain(try #require(card.placementBrief))
        #expect(note == "premier pas dès maintenant, car plus d'un habitant sur sept a 75 ans ou plus, et le registre des personnes vulnérables, que le maire doit tenir, se relance avant chaque été ; le reste à partir de janv. 2028, car d'ici fin 2027 la place est prise par les actions 4 (liée à l'action 5) et 5 (priorité de l'équipe)", "\(note)")
        #expect(!note.contains("est engagée"))
        // The end of the mandate carries on what was started: a small team carries no more than its capacity.
        #expect(roadmap.items(inPhase: roadmap.calendar.phases.count - 1).isEmpty)
        // Six actions: the « zone rouge » check is a step of the letter to the intercommunality (action 2).
        #expect(roadmap.items.count == 6)
    }

    @Test("une action retenue pour son seul mérite, sous 60, ne prend pas une des quatre places du premier trimestre : la vérification des « zones rouges » commence dans la phase suivante")
    func weakActionsWaitTheFirstQuarter() throws {
        for name in ["agglomeration-qpv-cls-en-preparation", "agglomeration-porteuse-cls", "tres-petite-commune-rurale"] {
            let roadmap = try PressingDeadlineTests.plan(name)
            let first = roadmap.items(inPhase: 0)
            #expect(!first.map(\.recommendation.id).contains("zones-rouges-solidarite"), "\(name) : \(first.map(\.recommendation.id))")
            for item in first where item.selection == .merit && item.deadline == nil && item.together.isEmpty {
                #expect(item.score.total >= Capacity.firstPhaseMerit, "\(name) : « \(item.recommendation.id) » (\(item.score.total)) au premier trimestre")
            }
        }
        // In a commune, the check is a step of the letter to the intercommunality, among the first acts.
        let village = try PressingDeadlineTests.plan("village-rural-zip")
        #expect(village.items(inPhase: 0).map(\.recommendation.id).contains("agir-echelle-intercommunale"))
        #expect(village.leftOutReason("zones-rouges-solidarite") == .replaced(by: "agir-echelle-intercommunale"))
        // The agglomeration's first quarter keeps its two founding decisions; the check, 45, waits (2027 is full:
        // it is « à envisager ensuite », from « D'ici fin 2027 », not from the first quarter).
        let agglomeration = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation")
        let entry = try #require(agglomeration.considerLater.first { $0.id == "zones-rouges-solidarite" })
        #expect(MiddlePhaseTests.plain(entry.reason).contains("de « D'ici fin 2027 » à la fin du mandat"), "\(entry.reason)")
    }

    @Test("l'exception des priorités au mérite d'abord, dite en une phrase : une action mieux notée laissée dehors par l'action d'une priorité de l'équipe est « à envisager ensuite faute de place, après les actions retenues pour les priorités de l'équipe »")
    func priorityExceptionSaid() throws {
        // Petite ville PVD: the junior doctors (80, light) wait while the walking and cycling action (77, medium),
        // the team's « sport-santé » priority, holds 2028.
        let roadmap = try PressingDeadlineTests.plan("petite-ville-pvd-msp")
        let mobility = try #require(roadmap.item("mobilites-actives-sante"))
        #expect(mobility.selection == .priority("sport-sante") && mobility.score.total < 80)
        let document = try ExampleSynthesisTests.document("petite-ville-pvd-msp")
        let entry = try #require(document.considerLater.first { $0.id == "docteurs-juniors" })
        #expect(entry.reason.hasPrefix("s'applique, mais est à envisager ensuite faute de place, après les actions retenues pour les priorités de l'équipe : "), "\(entry.reason)")
        // An action left out while no weaker priority action holds its window keeps the plain wording.
        let station = try ExampleSynthesisTests.document("station-montagne-saisonniere")
        for other in station.considerLater where other.reasonCode == "faute-de-capacite" {
            #expect(!other.reason.contains("après les actions retenues pour les priorités"), "\(other.id) : \(other.reason)")
        }
    }
}
