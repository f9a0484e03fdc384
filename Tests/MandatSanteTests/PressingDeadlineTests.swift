import Foundation
import MandatSante
import RuleKit
import Testing

/// A deadline that holds only in some situations (`échéance: [si gpDepartures] mi-mandat : …`): where doctors
/// leave, the stopgaps come before the mid-mandate review, ahead of actions kept for their score alone; elsewhere
/// merit alone places them.
@Suite("Échéance sous condition : une situation pressante passe avant le bilan de mi-mandat")
struct PressingDeadlineTests {
    typealias Rec = Fixture.Rec

    /// The example `name` planned from December 2026, with `overrides` (« fait=valeur ») applied to its profile.
    static func plan(_ name: String, overrides: [String] = []) throws -> Roadmap {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let loaded = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        let profile = try ProfileLoader.override(loaded, with: overrides).get()
        return try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12))
    }

    @Test("communauté de communes rurale : médecins qui partent, la maison de santé confortée et les docteurs juniors avant le bilan ; sans départ, là où le mérite les place")
    func ruralCommunityStopgapsBeforeReview() throws {
        let roadmap = try Self.plan("communaute-communes-rurale")
        let review = roadmap.calendar.reviewPhase
        // The junior doctors are due by the end of 2027 where departures are expected, the MSP they join by the
        // review: together, both in 2027, each with its own deadline.
        // An earlier deadline with the same cause says why it is earlier: two dates, two reasons.
        let juniorsReason = "avant les départs de médecins attendus, le temps que des médecins deviennent maîtres de stage"
        for (id, due, reason) in [("docteurs-juniors", YearMonth(year: 2027, month: 12), juniorsReason),
                                  ("msp-conforter-existante", YearMonth(year: 2029, month: 3), "avant les départs de médecins attendus")] {
            let item = try #require(roadmap.item(id), "\(id)")
            #expect(roadmap.calendar.phases[item.phaseIndex].id == "fin-d-annee", "\(id) en phase \(item.phaseIndex)")
            #expect(item.phaseIndex <= review)
            #expect(item.deadline?.kind == .phaseEnd(reason))
            #expect(item.deadline?.before == due)
        }
        // The mobile unit, kept for its score alone, goes after them: since plan39 after the review, health in the PLUi,
        // due before the project's arrêt, taking 2028 (`keepDeadlinesOverLighter`); the foundations and the team's
        // priorities keep their phases (the CPTS, chosen for accès aux soins, in the first two phases).
        #expect(roadmap.phaseID("urbanisme-favorable-sante-plu") == "mi-mandat")
        #expect(roadmap.phaseID("medicobus-aller-vers") == "fin-mandat")
        #expect(roadmap.phaseID("cls-engager") == "fin-d-annee")
        #expect(roadmap.phaseID("cpts-soutenir-emergence") == "fin-d-annee")

        // No departure announced: no deadline, and merit leaves them for after the review or for later.
        let calm = try Self.plan("communaute-communes-rurale", overrides: ["gpDepartures=false"])
        for id in ["docteurs-juniors", "msp-conforter-existante"] {
            if let item = calm.item(id) {
                #expect(item.deadline == nil)
                #expect(item.phaseIndex > calm.calendar.reviewPhase, "\(id) en phase \(item.phaseIndex)")
            } else {
                #expect(calm.leftOutReason(id) == .noCapacity, "\(id)")
            }
        }
        // The room before the review goes to the other pressing situation, the declared PLU revision (health in the
        // PLU before the plan is stopped); the mobile unit (light, 107) is a quick win that starts before the
        // review too, under the phase's ceiling.
        #expect(calm.phaseID("urbanisme-favorable-sante-plu") == "mi-mandat")
        #expect(calm.phaseID("medicobus-aller-vers") == "mi-mandat")
    }

    /// The bourg of the consultant's reading (reader13 P1): 5,200 inhabitants in ZIP, GP departures expected, an MSP,
    /// one agent, access to care and ageing well declared priorities.
    static let bourg5000 = """
        {"name": "Bourg de 5 200 habitants", "kind": "commune", "population": 5200, "density": "bourg-rural",
         "departement": "Creuse", "region": "Nouvelle-Aquitaine", "medicalZoning": "zip", "gpDepartures": true,
         "cpts": false, "msp": true, "share75Plus": 17, "povertyRate": 18, "intercommunalHealth": false,
         "priorities": ["acces-aux-soins", "bien-vieillir"], "engineeringStaff": 1, "councils": ["conseil-aines"],
         "plannedProjects": ["residence-autonomie"]}
        """

    @Test("bourg de 5 200 habitants à un agent où des médecins partent : la maison de santé et ses docteurs juniors avant le bilan, à la place d'actions moins bien notées")
    func linkedSetDisplacesWeakerActions() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let profile = try #require(ProfileLoader.load(Array(Self.bourg5000.utf8), file: "bourg-5000.json", vocabulary: ruleBase.vocabulary).0)
        let roadmap = try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12))
        let review = roadmap.calendar.reviewPhase
        let msp = try #require(roadmap.item("msp-conforter-existante"))
        let juniors = try #require(roadmap.item("docteurs-juniors"))
        #expect(msp.phaseIndex == juniors.phaseIndex && msp.phaseIndex <= review, "phases \(msp.phaseIndex), \(juniors.phaseIndex)")
        // Before the departures, as their deadline says (the junior doctors by the end of 2027, the MSP by the review),
        // or, with no room by the end of 2027, the junior doctors in the phase after it, saying so.
        #expect(juniors.deadline?.before == YearMonth(year: 2027, month: 12) || juniors.missedDeadline?.before == YearMonth(year: 2027, month: 12))
        #expect(msp.deadline?.before == YearMonth(year: 2029, month: 3))
        // What gave its room is less merited: the welcome (72), « à envisager ensuite »; the « zone rouge » check is a
        // step of the intercommunal card, no longer an action of the first months.
        #expect(roadmap.leftOutReason("accueil-installation-professionnels") == .noCapacity)
        #expect(roadmap.item("zones-rouges-solidarite") == nil)
        // The ageing-well strategy follows before the review, with the survey that feeds it in the same phase, and
        // the end of the mandate keeps its new action; the team's size still bounds the roadmap.
        #expect(roadmap.phaseID("bien-vieillir-strategie-territoriale") == "mi-mandat")
        #expect(roadmap.phaseID("participation-habitants-diagnostic") == "mi-mandat")
        #expect(roadmap.items.contains { $0.phaseIndex == roadmap.calendar.phases.count - 1 })
        #expect(roadmap.items.count <= 9)
    }

    @Test("villages où des médecins partent : le centre de médecins volontaires en 2027, le cabinet avec logement après lui avant le bilan, qui porte l'accueil des professionnels (une seule fiche) — un village porte l'un après l'autre ; le bus de santé, place libérée, dès 2027")
    func villagesWelcomeBeforeReview() throws {
        for name in ["village-rural-zip", "village-departs-cabinet"] {
            let roadmap = try Self.plan(name)
            #expect(roadmap.leftOutReason("accueil-installation-professionnels") == .replaced(by: "cabinet-medical-logement"), "\(name)")
            #expect(roadmap.phaseID("medecins-volontaires-relais") == "fin-d-annee", "\(name)")
            #expect(roadmap.phaseID("cabinet-medical-logement") == "mi-mandat", "\(name)")
            #expect(roadmap.item("cabinet-medical-logement")?.prerequisites.contains("medecins-volontaires-relais") == true, "\(name)")
            #expect(roadmap.item("medecins-volontaires-relais")?.together.isEmpty == true, "\(name)")
            #expect(roadmap.phaseID("medicobus-aller-vers") == "fin-d-annee", "\(name)")
        }
        // The junior doctors, due by the end of 2027 where departures are expected, in 2027.
        let small = try Self.plan("petite-ville-zip-msp-voisine")
        #expect(small.phaseID("docteurs-juniors") == "fin-d-annee")
        #expect(small.item("docteurs-juniors")?.deadline?.before == YearMonth(year: 2027, month: 12))
    }

    /// Since the specialists' advanced consultations weigh as the one answer to a declared shortage (session 15),
    /// they take the last place, better scored (80) than the welcome desk (77), which had no room before its date:
    /// it no longer holds a deadline, and waits among the actions to consider later.
    @Test("Antilles : la maison de santé et les docteurs juniors avant le bilan ; les consultations avancées, seule réponse au manque de spécialistes, gardent leur place ; l'accueil des professionnels, sans place avant son échéance, à envisager ensuite")
    func stopgapWithoutRoomComesLater() throws {
        let roadmap = try Self.plan("commune-antilles-dengue")
        #expect(roadmap.phaseID("msp-conforter-existante") == "fin-d-annee")
        #expect(roadmap.phaseID("docteurs-juniors") == "fin-d-annee")
        // The specialists' consultations (80, light) are the only action answering « des médecins spécialistes
        // manquent », a finding page 1 names: since plan34 they keep the last place, and the collective prevention
        // (96), the priority being served by three other actions, waits among the actions to consider later.
        #expect(roadmap.phaseID("specialistes-consultations-avancees") == "fin-mandat")
        #expect(roadmap.item("prevention-primaire-collective") == nil)
        #expect(roadmap.notPlaced("prevention-primaire-collective")?.reason.isConsiderLater == true)
        #expect(roadmap.item("accueil-installation-professionnels") == nil)
        #expect(roadmap.notPlaced("accueil-installation-professionnels")?.reason.isConsiderLater == true)
    }

    /// The medical office (105) now takes its place before the review (`deferredPressingActionIsRetried`); it does
    /// not push the junior doctors out of the roadmap. Since plan32 they keep their own deadline (December 2027) in
    /// 2027, the priority's « bien vieillir » action, without deadline, waiting for January 2028.
    @Test("station balnéaire : le cabinet médical, mieux noté, ne fait pas sortir les docteurs juniors de la feuille de route ; ils tiennent leur échéance")
    func oneStopgapDoesNotPushAnotherOut() throws {
        let roadmap = try Self.plan("station-balneaire-saisonniere")
        #expect(roadmap.phaseID("cabinet-medical-logement") == "mi-mandat")
        #expect(roadmap.phaseID("docteurs-juniors") == "fin-d-annee")
        #expect(roadmap.item("docteurs-juniors")?.missedDeadline == nil)
        #expect(roadmap.phaseID("bien-vieillir-petite-commune") == "mi-mandat")
    }

    /// A town of 5,000 with two agents (2 + 4 + 4 + 3 units); a mobile unit better scored than the stopgap, and
    /// enough better scored work to fill the phases up to the review.
    static func recs(deadline: String) -> [Rec] {
        var recs = (1...4).map { Rec(id: "projet-\($0)", title: "Projet \($0)", when: "population >= 1", priority: 90 - $0, effort: "moyen") }
        recs.append(Rec(id: "bus", title: "Faire venir un bus de santé", when: "population >= 1", priority: 80))
        recs.append(Rec(id: "relais", title: "Accueillir des docteurs juniors", when: "population >= 1", priority: 60, deadline: deadline))
        return recs
    }

    static let town = Fixture.ProfileSpec(name: "Bourg-Centre", population: 5_000, density: "bourg-rural", engineeringStaff: 2)

    @Test("une échéance sous condition tient quand la condition tient, devant une action mieux notée retenue pour son seul score ; sinon l'action n'a pas d'échéance")
    func conditionalDeadlineHoldsOnlyInItsSituation() throws {
        let recs = Self.recs(deadline: "[si cpts] mi-mandat : avant les départs de médecins attendus")
        var pressing = Self.town
        pressing.cpts = true
        let (_, roadmap) = try Fixture.plan(pressing, recs: recs)
        let review = roadmap.calendar.reviewPhase
        #expect(roadmap.phaseID("relais") == "mi-mandat")
        #expect(roadmap.item("relais")?.deadline == ScheduledDeadline(before: YearMonth(year: 2029, month: 3), kind: .phaseEnd("avant les départs de médecins attendus")))
        // The better scored project kept for its score alone goes after it, still in the roadmap; the bus takes
        // the room left.
        #expect(roadmap.phaseID("projet-4") == "fin-mandat")
        #expect(roadmap.phaseID("bus") == "mi-mandat")
        #expect(roadmap.items.count == 6 && roadmap.considerLater.isEmpty)
        #expect(roadmap.item("relais").map(\.phaseIndex) ?? Int.max <= review)

        // Elsewhere no deadline: merit puts it last.
        var calm = Self.town
        calm.cpts = false
        let (_, merit) = try Fixture.plan(calm, recs: recs)
        #expect(merit.phaseID("relais") == "fin-mandat")
        #expect(merit.item("relais")?.deadline == nil)
        #expect(merit.phaseID("projet-4") == "mi-mandat")

        // The same deadline written without a condition is no pressing situation, but a deadline still decides when
        // (session 27): it goes ahead of the better scored project kept for its score alone, which follows it.
        let (_, plain) = try Fixture.plan(calm, recs: Self.recs(deadline: "mi-mandat : avant les départs de médecins attendus"))
        #expect(plain.phaseID("relais") == "mi-mandat")
        #expect(plain.item("relais")?.missedDeadline == nil)
        #expect(plain.phaseID("projet-4") == "fin-mandat")
    }

    /// A deadline that cannot be met — the phase before it held by better scored actions — takes the earliest phase
    /// after it where the team has room, ahead of the less merited actions there, rather than wait « à envisager
    /// ensuite » while they are kept; its card says so.
    @Test("une échéance manquée faute de place envoie l'action à la première phase suivante qui a de la place, et sa carte le dit")
    func missedDeadlineGoesToTheNextPhase() throws {
        var recs = (1...2).map {
            Rec(id: "projet-\($0)", title: "Projet \($0)", when: "population >= 1", priority: 91 - $0, effort: "moyen")
        }
        recs += (1...2).map { Rec(id: "appoint-\($0)", title: "Appoint \($0)", when: "population >= 1", priority: 51 - $0, effort: "moyen") }
        recs.append(Rec(id: "relais", title: "Accueillir des docteurs juniors", when: "population >= 1", priority: 60,
                        deadline: "annee-1 : avant l'ouverture de la maison de santé"))
        let (_, roadmap) = try Fixture.plan(Self.town, recs: recs)
        // The better scored projects, kept for their score alone, no longer keep the phase before its deadline (session
        // 27). Light and due by the end of 2027, it starts in the first three months, which have its room (plan34):
        // both projects then start in 2027, in the room it left there.
        #expect(roadmap.phaseID("relais") == "premiers-mois")
        #expect(roadmap.phaseID("projet-1") == "fin-d-annee" && roadmap.phaseID("projet-2") == "fin-d-annee")
        let relais = try #require(roadmap.item("relais"))
        #expect(relais.missedDeadline == nil)
        #expect(relais.deadline?.before == YearMonth(year: 2027, month: 12))
    }

    @Test("la condition d'une échéance se lit comme celle d'une ligne ; mal écrite, elle est une erreur positionnée en français")
    func conditionalDeadlineIsRead() throws {
        var rec = RuleBaseLoadingTests.valid
        rec.deadline = "[si cpts and population >= 2000] mi-mandat : avant les départs de médecins attendus"
        let result = RuleBaseLoadingTests.loadWith([rec]).result
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let loaded = try #require(result.ruleBase?.recommendation("action-test"))
        #expect(loaded.deadline == .byHorizon(.midMandate, reason: "avant les départs de médecins attendus"))
        #expect(loaded.deadlineConditionText?.text == "cpts and population >= 2000")

        rec.deadline = "[si cpst] mi-mandat : avant les départs de médecins attendus"
        let (unknown, text) = RuleBaseLoadingTests.loadWith([rec])
        let diagnostic = try #require(unknown.diagnostics.first)
        #expect(unknown.diagnostics.count == 1)
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "cpst", in: text))
        #expect(diagnostic.message.contains("cpst"))

        rec.deadline = "[si cpts mi-mandat : avant les départs"
        let (unclosed, _) = RuleBaseLoadingTests.loadWith([rec])
        #expect(unclosed.diagnostics.map(\.code) == ["regles.condition-de-ligne"])

        rec.deadline = "[si cpts] mi-mandats : avant les départs"
        let (badDeadline, _) = RuleBaseLoadingTests.loadWith([rec])
        #expect(badDeadline.diagnostics.map(\.code) == ["regles.echeance"])
    }

    /// A pressing action that found no room even when deferred past its deadline is tried again ahead of the
    /// actions kept for their score: in the 3,200-inhabitant resort where doctors leave, the medical office with
    /// housing (105, medium) was « à envisager » while the health bus (92) was kept. A consultant puts the lasting
    /// answer before the review; the junior doctors (light) come in the same phase, ahead of it by their earlier
    /// deadline (session 28), and the bus takes the end of the mandate they left.
    @Test("station balnéaire : le cabinet médical avec logement, pressant, est retenté et placé avant le bilan ; le logement des saisonniers à la fin, le bus de santé attend")
    func deferredPressingActionIsRetried() throws {
        let roadmap = try Self.plan("station-balneaire-saisonniere")
        let office = try #require(roadmap.item("cabinet-medical-logement"))
        #expect(office.phaseIndex <= roadmap.calendar.reviewPhase && office.deadline != nil, "phase \(office.phaseIndex)")
        #expect(roadmap.item("docteurs-juniors") != nil)
        // The end of the mandate the junior doctors left goes to the seasonal workers' housing, the housing priority's
        // only action, in the place of the lighter bus (plan31).
        #expect(roadmap.item("logement-saisonniers-professionnels")?.phaseIndex == roadmap.calendar.phases.count - 1)
        #expect(roadmap.item("medicobus-aller-vers") == nil)
        // Eight: the « zone rouge » check is a step of the letter to the intercommunality.
        #expect(roadmap.items.count == 8)
        // The end of the mandate still holds a new action.
        #expect(!roadmap.items(inPhase: roadmap.calendar.phases.count - 1).isEmpty)
    }
}
