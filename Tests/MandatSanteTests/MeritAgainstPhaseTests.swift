import Foundation
import MandatSante
import RuleKit
import Testing

/// Merit against phase in the example roadmaps: a better scored action comes after a weaker one only when the
/// weaker one states why (a team priority, a deadline, a founding decision, what goes with one), and the better
/// one's card then says it.
@Suite("Le mérite et la phase dans les profils d'exemple")
struct MeritAgainstPhaseTests {
    static func roadmap(_ name: String) throws -> Roadmap {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let profile = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        return try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12))
    }

    @Test("aucun profil d'exemple ne place une action mieux notée après une moins bien notée, retenue pour son seul score, dont la place l'aurait tenue")
    func noExampleAgainstMerit() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        for name in ExampleSynthesisTests.exampleNames {
            let problems = PlanningInvariantTests.meritAgainstPhase(try Self.roadmap(name), ruleBase)
            #expect(problems.isEmpty, "\(name) : \(problems)")
        }
    }

    @Test("village en ZIP : l'accueil des professionnels fondu dans le cabinet avec logement (une fiche) ; le bus de santé (107), place libérée, dès 2027, sans report, son premier pas dès maintenant")
    func villageBusSaysWhy() throws {
        let roadmap = try Self.roadmap("village-rural-zip")
        let bus = try #require(roadmap.item("medicobus-aller-vers"))
        #expect(roadmap.item("accueil-installation-professionnels") == nil)
        #expect(roadmap.calendar.phases[bus.phaseIndex].id == "fin-d-annee")
        let document = try ExampleSynthesisTests.document("village-rural-zip")
        let card = try #require(document.cards.first { $0.id == "medicobus-aller-vers" })
        // No deferral; its first step starts now, the doctors leaving a ZIP without a house or centre of care (read37).
        let brief = MiddlePhaseTests.plain(card.placementBrief ?? "")
        #expect(brief.hasPrefix("premier pas dès maintenant, le reste d'ici déc. 2027, car des départs de médecins sont attendus"), "\(brief)")
        #expect(!brief.contains("à partir de"), "\(brief)")
    }

    @Test("ville moyenne en QPV avec un CLS : l'atelier santé ville (107), dû avant le bilan de mi-mandat pour compter dans les contrats de ville qui courent jusqu'en 2030, prend sa place et est confié à la coordinatrice en poste ; la grille santé des projets (80, sans échéance) est à envisager ensuite")
    func asvSaysWhy() throws {
        let roadmap = try Self.roadmap("ville-moyenne-qpv-cls")
        let asv = try #require(roadmap.item("asv-creer"))
        #expect(roadmap.phaseID("asv-creer") == "mi-mandat")
        #expect(asv.deadline?.before == YearMonth(year: 2029, month: 3))
        // Before the review, the weaker actions that stay hold their place by a deadline (the school's EIS, the urban
        // renewal project, the PLU and the residents' voice that feeds it) or a team priority (the CLSM); the health
        // screening of projects, with no deadline, no longer comes after the projects it should screen: since rel38 the
        // urban renewal project, which has its own card, does not raise it (80), and it is « à envisager ensuite ».
        let weaker = roadmap.items.filter { $0.phaseIndex > 0 && $0.phaseIndex <= asv.phaseIndex && $0.score.total < asv.score.total }
        #expect(weaker.allSatisfy { $0.deadline != nil || $0.selection != .merit }, "\(weaker.map(\.recommendation.id))")
        #expect(roadmap.item("reflexe-sante-projets") == nil)
        let card = try #require(try ExampleSynthesisTests.document("ville-moyenne-qpv-cls").cards.first { $0.id == "asv-creer" })
        #expect(card.deadline?.contains("contrats de ville qui courent jusqu'en 2030") == true, "\(card.deadline ?? "")")
        #expect(card.steps.contains { $0.hasPrefix("Confier l'ASV à la coordination santé en poste") } && !card.steps.contains { $0.hasPrefix("Recruter ou désigner") })
    }

    @Test("communauté de communes rurale : la résidence autonomie (95) à envisager ensuite dit ce qui a pris la place, sans nommer d'action plus légère qui n'y est plus, jamais « une action plus légère »")
    func leftOutNamesTheLighterAction() throws {
        let roadmap = try Self.roadmap("communaute-communes-rurale")
        // Since plan39 the programme (90, light) gave its place to health in the PLUi, due before the project's arrêt.
        #expect(roadmap.item("programme-sante-grand-age") == nil)
        let document = try ExampleSynthesisTests.document("communaute-communes-rurale")
        let residence = try #require(document.considerLater.first { $0.id == "residence-autonomie-habitat-inclusif" })
        // The weaker action kept in the first quarter, where an action of the coming year cannot start, is said as such (session 24).
        #expect(residence.reason.hasSuffix("une action mieux classée et des actions liées à une action prioritaire ; l'action\u{A0}3, moins bien notée, "
            + "est retenue dans « Les trois prochains mois », où celle-ci ne peut pas encore commencer"), "\(residence.reason)")
        #expect(!residence.reason.contains("qui a pris le reste"), "\(residence.reason)")
        for entry in document.considerLater { #expect(!entry.reason.contains("plus légère"), "\(entry.id) : \(entry.reason)") }
        for card in document.cards { #expect(!(card.placement ?? "").contains("une action plus légère"), "\(card.id) : \(card.placement ?? "")") }
    }

    @Test("une carte reportée au-delà d'une phase derrière des actions moins bien notées dit ce qui les tient là, jamais « ordre de placement » : une MSP liée par ses docteurs juniors au centre de santé mieux noté est une action liée")
    func deferralSaysAStatedCause() throws {
        let documents = try PlanningInvariantTests.presented()
        // Every action of a period named is said (read40b), the better scored ones as such.
        let allowed: Set<String> = ["décision fondatrice", "décisions fondatrices", "tenue par une échéance", "tenues par une échéance", "priorité de l'équipe",
                                    "priorités de l'équipe", "mieux classée", "mieux classées", "aussi bien notée", "aussi bien notées", "à faire avant elle",
                                    "plus légère, elle tenait dans le temps restant", "plus légères, elles tenaient dans le temps restant"]
        var checked = 0
        for (number, (profile, calendar, _)) in try PlanningInvariantTests.planned().prefix(600).enumerated() {
            for card in documents[number].cards {
                // A missed deadline names every holder of its room, better scored ones too (`missedDeadline`): another contract.
                // It may follow a first step that starts now (« premier pas dès maintenant, … ; prévue d'ici … »).
                // Said phase by phase since session 35 (« d'ici fin 2027 la place est prise par l'action 7 (à échéance), puis par
                // des actions mieux classées »): every group in brackets, whatever its phase.
                guard let brief = card.placementBrief, !brief.hasPrefix("prévue "), !brief.contains(" ; prévue "), let held = brief.range(of: " la place est prise par"), brief.contains("(") else { continue }
                checked += 1
                // Each group of numbered actions says in brackets what holds it there (« les actions 3 (décision
                // fondatrice), 4 et 5 (à échéance) et 12 (plus légère, elle tenait dans le temps restant) »).
                let groups = brief[held.upperBound...].split(separator: "(").dropFirst().map { $0.prefix { $0 != ")" } }
                // A linked action names the one it goes with (« liée à l'action 5 »).
                let linked = { (group: Substring) in group.hasPrefix("liée à l'action") || group.hasPrefix("liées à l'action") || group.hasPrefix("liées aux actions") }
                #expect(!groups.isEmpty && groups.allSatisfy { allowed.contains(String($0)) || linked($0) }, "\(profile.name) (\(calendar.start)) \(card.id) : \(brief)")
            }
        }
        #expect(checked >= 20, "\(checked) cartes")
    }
}
