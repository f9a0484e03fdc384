import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Page 1 of a roadmap: the decisions numbered without holes, the letter to an intercommunality that does not carry
/// health a decision of its own, and a phase heavier than the team's capacity said in one plain line (plan21).
@Suite("Page 1 : des décisions sans trou, la demande à l'intercommunalité, une période chargée dite")
struct FirstDecisionsTests {
    @Test("commune sans CLS dont l'intercommunalité ne porte pas la santé : porter la santé à l'échelle intercommunale est la décision 4, pas une étape de méthode")
    func intercommunalityIsADecision() throws {
        for name in ["commune-zonage-inconnu", "station-montagne-saisonniere"] {
            let document = try ExampleSynthesisTests.document(name)
            let decision = try #require(document.synthesis.decisions.first { $0.id == "agir-echelle-intercommunale" }, "\(name)")
            #expect(decision.rank == 4, "\(name)")
            #expect(decision.note == nil, "\(name)")
            // Not in the line of what starts now without a decision (which may name the cabinet with housing).
            #expect(!(document.synthesis.alsoFirst ?? "").contains("action \(decision.rank) "), "\(name)")
        }
    }

    @Test("les décisions de chaque profil d'exemple ne sautent aucune action des trois premiers mois ; une étape de méthode entre elles le dit")
    func noHolesInTheFirstMonths() throws {
        for name in DeclaredPriorityTests.examples {
            let document = try ExampleSynthesisTests.document(name)
            let roadmap = try PressingDeadlineTests.plan(name)
            let ranks = document.synthesis.decisions.map(\.rank)
            let skipped = roadmap.items.filter { $0.phaseIndex == 0 && $0.rank < (ranks.max() ?? 0) && !ranks.contains($0.rank) }
            #expect(skipped.isEmpty || document.synthesis.alsoFirst != nil, "\(name) : \(ranks)")
            #expect(ranks.count <= 8, "\(name)")
        }
        // The belt's intercommunality carries health and it has two agents: no separate survey of outside support
        // (rel21), the letter to the intercommunality is its one method step among the decisions.
        let ceinture = try ExampleSynthesisTests.document("ceinture-croissance-hors-zonage")
        #expect(ceinture.synthesis.decisions.filter { $0.note == "étape de méthode" }.map(\.id) == ["agir-echelle-intercommunale"])
        // Its house of health starts now by meeting the professionals, who say what to reserve in the new quarter's
        // programme before it is fixed (read38b): page 1 names that first step, not a separate decision.
        // Its agents' training starts now too, before the projects it serves are decided (read39d).
        let msp = try #require(ceinture.card("msp-projet-de-sante")?.rank)
        let training = try #require(ceinture.card("formation-cnfpt-agents")?.rank)
        #expect(Content17Tests.plain(ceinture.synthesis.alsoFirst ?? "")
                == "À lancer aussi dans les trois prochains mois : le premier pas des actions \(msp) (le projet de maison de santé) et \(training) (la formation santé des agents).")
    }

    @Test("page 1 nomme en quelques mots chaque action dont le premier pas commence maintenant sans être une décision : « le premier pas de l'action 7 (le projet de CPTS des professionnels) »")
    func firstStepsNamedByShortTitle() throws {
        for name in DeclaredPriorityTests.examples {
            let document = try ExampleSynthesisTests.document(name)
            let roadmap = try PressingDeadlineTests.plan(name)
            let decisions = Set(document.synthesis.decisions.map(\.rank))
            let priorities = Content17Tests.plain(document.synthesis.priorities ?? "")
            for item in roadmap.items where RoadmapWording.startsNow(item, in: roadmap) && !decisions.contains(item.rank) {
                let also = Content17Tests.plain(document.synthesis.alsoFirst ?? "")
                // Said once on the page: by the priorities line when a late priority starts with it, else by « Aussi ».
                if priorities.contains("avec un premier pas de l'action \(item.rank) dès maintenant")
                    || priorities.contains("(action \(item.rank) : premier pas dès maintenant") {
                    #expect(ExecutiveSynthesis.firstStepsSaidByPriorities(roadmap).contains(item.rank), "\(name) : \(item.rank)")
                    #expect(!also.contains("l'action \(item.rank)") && !also.contains(" \(item.rank) ("), "\(name) : \(also)")
                    continue
                }
                #expect(also.contains("premier pas"), "\(name) : action \(item.rank)")
                if let short = item.recommendation.shortTitle {
                    #expect(also.contains("\(item.rank) (\(Content17Tests.plain(short)))"), "\(name) : \(also)")
                }
            }
        }
        // La Réunion's urban renewal starts now, its priority (cohesion) in 2028: the priorities line says its first
        // step, and « Aussi dans les trois prochains mois » is not printed for it alone.
        let reunion = try ExampleSynthesisTests.document("commune-outre-mer-reunion")
        let renewal = try #require(reunion.card("renouvellement-urbain-sante")?.rank)
        #expect(Content17Tests.plain(reunion.synthesis.priorities ?? "").contains("avec un premier pas de l'action \(renewal) dès maintenant"))
        #expect(reunion.synthesis.alsoFirst == nil, "\(reunion.synthesis.alsoFirst ?? "")")
        let rurale = try ExampleSynthesisTests.document("communaute-communes-rurale")
        let cpts = try #require(rurale.card("cpts-soutenir-emergence")?.rank)
        #expect(Content17Tests.plain(rurale.synthesis.alsoFirst ?? "")
                == "À lancer aussi dans les trois prochains mois : l'action 3 (les « zones rouges » des médecins volontaires) et le premier pas de l'action \(cpts) (le projet de CPTS des professionnels).")
    }

    @Test("une décision qui vient après une action qui n'est pas une décision le dit : le CLS après le diagnostic")
    func decisionSaysWhatItComesAfter() throws {
        let prefecture = try ExampleSynthesisTests.document("prefecture-hopital-support")
        let cls = try #require(prefecture.synthesis.decisions.first { $0.id == "cls-renouveler" })
        let diagnosis = try #require(prefecture.card("diagnostic-sante-partage")?.rank)
        #expect(!prefecture.synthesis.decisions.contains { $0.rank == diagnosis })
        #expect(cls.note == "décision fondatrice du mandat, après le diagnostic local de santé partagé (action\u{A0}\(diagnosis))")
        for name in DeclaredPriorityTests.examples {
            let document = try ExampleSynthesisTests.document(name)
            let roadmap = try PressingDeadlineTests.plan(name)
            let decided = Set(document.synthesis.decisions.map(\.rank))
            for decision in document.synthesis.decisions {
                let item = try #require(roadmap.items.first { $0.rank == decision.rank })
                let waiting = roadmap.items.filter { item.prerequisites.contains($0.recommendation.id) && !decided.contains($0.rank) }
                for prerequisite in waiting {
                    #expect(decision.note?.contains("\(prerequisite.rank)") == true, "\(name) : décision \(decision.rank) après \(prerequisite.rank) — \(decision.note ?? "")")
                }
                if waiting.isEmpty { #expect(decision.note?.contains("après l") != true, "\(name) : \(decision.note ?? "")") }
            }
        }
    }

    @Test("une période plus chargée que la capacité de l'équipe le dit sur la page 1, avec ce qui n'attend pas ; une autre non")
    func heavyPhaseIsSaid() throws {
        let communeNouvelle = try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite")
        // What cannot wait is named by number, with its cause, as a deferred card names what holds its room: the MSP's
        // consolidation, whose deadline lets it wait, is there with the junior doctors (read40a).
        #expect(Plan24Tests.plain(communeNouvelle.synthesis.sizeNote).contains("D'ici fin 2027, l'équipe ne peut pas tout porter : les actions 5 (liée à l'action 6) et 6 (tenue par une échéance) passent d'abord ; s'appuyer sur la coordinatrice ou le coordinateur du CLS."),
                "\(communeNouvelle.synthesis.sizeNote)")
        let metropole = try ExampleSynthesisTests.document("metropole-cls-clsm")
        #expect(Plan24Tests.plain(metropole.synthesis.sizeNote).contains("D'ici fin 2027, l'équipe ne peut pas tout porter : l'action 4 (liée à l'action 5), la décision fondatrice (5) et les priorités de l'équipe (6, 7 et 8) passent d'abord"), "\(metropole.synthesis.sizeNote)")
        // A village with one agent is not told to hire: it carries part of the load with its intercommunality.
        let village = try ExampleSynthesisTests.document("village-rural-zip")
        #expect(Plan24Tests.plain(village.synthesis.sizeNote).contains("l'équipe ne peut pas tout porter : les actions 4 (tenue par une échéance) et 5 (priorité de l'équipe) passent d'abord ; demander à l'intercommunalité ou aux communes voisines d'en porter une part."),
                "\(village.synthesis.sizeNote)")
        #expect(!village.synthesis.sizeNote.contains("renfort"))
        // What goes with a priority's action names that action, not « l'action qui va avec l'une d'elles ».
        let banlieue = try ExampleSynthesisTests.document("banlieue-qpv-centre-sante")
        #expect(Plan24Tests.plain(banlieue.synthesis.sizeNote).contains("les priorités de l'équipe (actions 5, 6 et 7) et l'action 8 (liée à l'action 7) passent d'abord"),
                "\(banlieue.synthesis.sizeNote)")
        for name in DeclaredPriorityTests.examples {
            let roadmap = try PressingDeadlineTests.plan(name)
            let heavy = roadmap.calendar.phases.indices.contains { roadmap.halfUnitsUsed[$0] > 2 * roadmap.capacity.unitsPerPhase[$0] }
            let note = try ExampleSynthesisTests.document(name).synthesis.sizeNote
            if !heavy { #expect(!note.contains("ne peut pas tout porter"), "\(name)") }
            // Several overfilled periods are named in one sentence, not one sentence each (page 1 holds it); consecutive
            // ones by the last, which contains them (« D'ici le bilan de mi-mandat », not « D'ici fin 2027 et d'ici le
            // bilan de mi-mandat »).
            // A phase overfilled only by a traded place (plan31) is said by its own sentence.
            let traded = Set(roadmap.tradedPlaces.compactMap { roadmap.item($0.taker)?.phaseIndex })
            let heavies = roadmap.calendar.phases.indices.filter { roadmap.halfUnitsUsed[$0] > 2 * roadmap.capacity.unitsPerPhase[$0] && !traded.contains($0) }
            if heavies.count >= 2 {
                let ends = heavies.filter { !heavies.contains($0 + 1) }
                let times = ends.map { ExecutiveSynthesis.during(roadmap.calendar.phases[$0]) }
                let opening = (times.count == 1 ? times[0] : "\(times.dropLast().joined(separator: ", ")) et \(times.last ?? "")")
                    + ", l'équipe ne peut pas tout porter : "
                #expect(!note.contains(" et d'ici "), "\(name) : \(note)")
                #expect(note.contains(opening.prefix(1).uppercased() + opening.dropFirst()), "\(name) : \(note)")
                #expect(note.components(separatedBy: "ne peut pas tout porter").count == 2, "\(name) : \(note)")
            }
            #expect(!note.contains("ne peut pas tout porter") || !note.contains("unités d'effort pour"), "\(name) : pas de jargon d'unités — \(note)")
        }
    }

    @Test("une échéance manquée faute de place se lit en page 1, par son numéro et son titre court ; aucune autre")
    func missedDeadlineIsSaid() throws {
        // The seaside resort's secondary office from a March 2027 start (the bourg's meets its deadline since plan40).
        let (_, station) = try Plan24Tests.plan("station-balneaire-saisonniere", start: (2027, 3))
        let office = try #require(station.cards.first { $0.id == "cabinet-medical-logement" })
        #expect(office.deadlineMissed)
        #expect(Plan24Tests.plain(station.synthesis.sizeNote).contains("Faute de place plus tôt, l'action \(office.rank) (le cabinet médical avec logement) manquera son échéance, sauf à retarder une autre action."),
                "\(station.synthesis.sizeNote)")
        for name in DeclaredPriorityTests.examples {
            let document = try ExampleSynthesisTests.document(name)
            let missed = document.cards.filter(\.deadlineMissed)
            let note = document.synthesis.sizeNote
            #expect(note.contains("manquera son échéance") == (missed.count == 1) && note.contains("manqueront leur échéance") == (missed.count > 1), "\(name) : \(note)")
            for card in missed { #expect(note.contains("\u{A0}\(card.rank) (") || note.contains(" \(card.rank) ("), "\(name) : \(card.id) — \(note)") }
        }
    }

    @Test("une dernière période qui n'ouvre qu'une action le dit : les actions engagées plus tôt se poursuivent")
    func quietLastPhaseIsSaid() throws {
        let station = try ExampleSynthesisTests.document("station-balneaire-saisonniere")
        #expect(station.synthesis.sizeNote.hasSuffix("La dernière période achève surtout les actions engagées : une seule nouvelle action y commence."),
                "\(station.synthesis.sizeNote)")
        for name in DeclaredPriorityTests.examples {
            let roadmap = try PressingDeadlineTests.plan(name)
            let opened = roadmap.items.filter { $0.phaseIndex == roadmap.calendar.phases.count - 1 }.count
            let note = try ExampleSynthesisTests.document(name).synthesis.sizeNote
            #expect(note.contains("La dernière période achève") == (opened <= 1), "\(name) : \(opened) action(s) en dernière période — \(note)")
        }
    }
}
