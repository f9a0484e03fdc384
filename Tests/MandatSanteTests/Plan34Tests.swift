import Foundation
import MandatSante
import RuleKit
import Testing

/// What session 34 changed in the planner (issue 12): the room a light action due soon leaves in the next phase when
/// it starts in the first months goes to what waited past that phase; an action held only by the team's priorities is
/// no « only answer » to a situation of the territory.
@Suite("Planification : la place laissée par le léger et proche reprise, la seule réponse à un constat (session 34)")
struct Plan34Tests {
    static let examples = [
        "agglomeration-porteuse-cls", "agglomeration-qpv-cls-en-preparation", "banlieue-centre-sante-deficit",
        "banlieue-qpv-centre-sante", "bourg-cls-pays", "bourg-rural-zac-msp", "ceinture-croissance-hors-zonage",
        "ceinture-urbaine-chaleur-ecole", "communaute-communes-rurale", "communaute-urbaine-cls-clsm-plui",
        "commune-antilles-dengue", "commune-guyane-croissance", "commune-nouvelle-hopital-proximite", "commune-nouvelle-zac",
        "commune-outre-mer-reunion", "commune-zonage-inconnu", "metropole-cls-clsm", "petite-ville-pvd-msp",
        "petite-ville-zip-msp-voisine", "prefecture-ght-specialistes", "prefecture-hopital-support",
        "station-balneaire-saisonniere", "station-montagne-saisonniere", "tres-petite-commune-rurale",
        "village-departs-cabinet", "village-mayotte-zip", "village-rural-zip", "ville-moyenne-qpv-cls",
    ]

    /// The generated commune n° 811 (session 33): the residents' participation (light, due by the end of 2027) started
    /// in the first months and left a free unit in 2027, while the extreme-events card, deferred from 2027 for want of
    /// room, stayed in April 2029 saying « jusque-là le temps de l'équipe est déjà pris ». A move to the first months
    /// now gives the room it leaves to what waited for it, or is not made; on every example no deferred card is past a
    /// phase that, by its own actions, had its room, unless it says the true cause.
    @Test("aucune fiche d'exemple reportée ne passe une phase qui gardait sa place sans en dire la vraie cause ; le territoire n° 811")
    func roomLeftByTheFirstMonthsIsTaken() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let presenter = RoadmapPresenter(ruleBase: ruleBase)
        for name in Self.examples {
            let (roadmap, document) = try Plan24Tests.plan(name)
            for (item, _, roomy) in DeferralReasonTests.deferredPastOwnRoom(roadmap) {
                let brief = document.cards.first { $0.id == item.recommendation.id }?.placementBrief ?? ""
                let explained = (roomy == 0 && brief.contains(" la place est limitée à quatre actions"))
                    || brief.contains("dans une même phase, et aucune n'en a autant") || brief.contains("prend la place restante")
                #expect(explained, "\(name) \(item.recommendation.id) : \(brief)")
            }
        }
        let (_, _, roadmap) = try PlanningInvariantTests.planned()[810]
        let card = try #require(presenter.document(roadmap).cards.first { $0.id == "evenements-extremes-continuite-services" })
        let brief = Plan24Tests.plain(card.placementBrief)
        // Either it waits behind a phase that is full, or it found the room.
        let item = try #require(roadmap.item("evenements-extremes-continuite-services"))
        #expect(DeferralReasonTests.deferredPastOwnRoom(roadmap).allSatisfy { $0.item.recommendation.id != item.recommendation.id }, "\(brief)")
    }

    /// The communauté urbaine: the residents' voice (light, due by the end of 2027) starts in the first three months
    /// beside the coordinator's letter; the room it leaves in 2027 brings the single governance of the CLS, the CLSM
    /// and the ASV (73) into the first year, rather than April 2029 (reader33a P4).
    @Test("communauté urbaine : la parole des habitants dans les trois prochains mois, la gouvernance unique des coordinations dès 2027")
    func governanceInTheFirstYear() throws {
        let (roadmap, _) = try Plan24Tests.plan("communaute-urbaine-cls-clsm-plui")
        let voice = try #require(roadmap.item("participation-habitants-diagnostic"))
        #expect(voice.phaseIndex == 0 && voice.missedDeadline == nil)
        #expect(roadmap.items.filter { $0.phaseIndex == 0 }.count <= Capacity.firstPhaseActions)
        let governance = try #require(roadmap.item("gouvernance-coordinations-unique"))
        #expect(governance.phaseIndex == 1, "\(governance.phaseIndex)")
        #expect(try #require(roadmap.item("coordination-securiser-poste")).phaseIndex == 0)
    }

    /// La Réunion: the isolated seniors' visits (80) hold there only by the team's « cohésion sociale » priority (5.5 %
    /// of the residents are 75 or over): they answer no situation of the territory, and the substandard housing (93,
    /// QPV, poverty 36 %) takes their place, as before session 33. The priority keeps its own actions.
    @Test("La Réunion : l'habitat indigne prend la place des visites aux aînés isolés, retenues par la seule priorité de l'équipe")
    func priorityHeldActionIsNoOnlyAnswer() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-outre-mer-reunion")
        let housing = try #require(roadmap.item("habitat-indigne-precarite-energetique"))
        #expect(housing.phaseIndex == roadmap.calendar.phases.count - 1)
        #expect(roadmap.item("isolement-aines-reperage") == nil)
        #expect(roadmap.tradedPlaces.contains { $0.taker == housing.recommendation.id && $0.given == ["isolement-aines-reperage"] },
                "\(roadmap.tradedPlaces)")
        // The « cohésion sociale » priority is still served among the first decisions or the calendar.
        let line = Plan24Tests.plain(document.synthesis.priorities)
        #expect(line.contains("cohésion sociale"), "\(line)")
    }

    /// Valmont: the screening campaigns in the priority districts (88, medium, proven evidence, the prevention
    /// priority) were « à envisager ensuite » because the CNFPT training (86, light) had taken the leftover, too short
    /// for them (reader33a P2). An action that outscores a lighter one by `Capacity.betterBy` points takes its place, the
    /// mandate carrying at most a tenth more than the team's capacity; the training waits and its line says why.
    @Test("Valmont : les dépistages au plus près des habitants (88) sont retenus en fin de mandat, la formation CNFPT (86), plus légère, à envisager ensuite")
    func betterTakesTheLeftoverOfALighterOne() throws {
        // Since rel38 the health screening of projects (reflexe-sante-projets, 80 without the urban renewal bonus that
        // its own card carries) is « à envisager ensuite »: the screening campaigns find their room without taking the
        // training's (the trade itself is pinned on La Réunion, `priorityHeldActionIsNoOnlyAnswer`).
        let (roadmap, document) = try Plan24Tests.plan("ville-moyenne-qpv-cls")
        let screening = try #require(roadmap.item("depistages-aller-vers"))
        #expect(screening.phaseIndex == roadmap.calendar.phases.count - 1)
        #expect(roadmap.item("formation-cnfpt-agents") == nil)
        #expect(roadmap.item("reflexe-sante-projets") == nil)
        #expect(document.considerLater.contains { $0.id == "formation-cnfpt-agents" })
        // The mandate carries at most a tenth more than the team's capacity, one unit at most.
        #expect(roadmap.overCapacityHalves <= Capacity.tradeOverrunHalves(mandateHalves: 2 * roadmap.capacity.totalUnits))
        // Merit first holds on the generated territories (`PlanningInvariantTests`).
    }
}
