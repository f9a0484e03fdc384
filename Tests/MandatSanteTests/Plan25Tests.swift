import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// What a consultant found in the example roadmaps (session 25): a first step pressing now (a centre in deficit, a
/// seat in an intercommunal contract in force) left to its phase without a word; page 1 naming « après l'action 5 »,
/// an action it does not show; a missed deadline left out of the CSV.
@Suite("Planification : premier pas dès maintenant, préalables nommés en page 1, échéance manquée en CSV (session 25)")
struct Plan25Tests {
    static func plan(_ name: String) throws -> (Roadmap, RoadmapDocument) { try Plan24Tests.plan(name) }
    static func plain(_ text: String?) -> String { Content17Tests.plain(text ?? "") }

    /// The banlieue's centre in deficit and its seat in the agglomeration's CLS in force start now with their first
    /// step, the rest in their phase; the first quarter keeps its four actions (two foundations, the ASV, the heat
    /// plan dated before summer) and nothing moves.
    @Test("banlieue : le centre en déficit commence dès maintenant par son premier pas, la place dans le CLS intercommunal se prend par la lettre de mission de la coordination, sans déplacer le premier trimestre")
    func banlieueFirstStepsNow() throws {
        let (roadmap, document) = try Self.plan("banlieue-centre-sante-deficit")
        let first = roadmap.items.filter { $0.phaseIndex == 0 }.map(\.recommendation.id)
        // content38: the ASV's coordinator is declared (healthCoordinator), so securing that post replaces the élu's
        // technical support among the two foundations.
        #expect(Set(first) == ["coordination-securiser-poste", "ambition-politique-sante", "asv-appuyer-existant", "canicule-personnes-vulnerables"])
        let centre = try #require(roadmap.item("centre-sante-consolider"))
        #expect(centre.phaseIndex == 1)
        #expect(RoadmapWording.startsNow(centre, in: roadmap))
        let centreCard = try #require(document.cards.first { $0.id == "centre-sante-consolider" })
        // read40a: the deficit is said once, by « Pourquoi »; the line says the urgency.
        #expect(Self.plain(centreCard.placement) == "premier pas dès maintenant, le reste d'ici déc. 2027, car chaque mois sans décision creuse la perte et fragilise l'équipe")
        // content40: the seat in the agglomeration's CLS in force is no longer an action of its own at the end of the
        // mandate, which repeated the coordination's mission letter: that letter, in the first months, seats the
        // coordination and the referent councillor at the CLS's steering committee.
        #expect(roadmap.item("agir-echelle-intercommunale") == nil)
        let letter = try #require(document.cards.first { $0.id == "coordination-securiser-poste" })
        #expect(roadmap.item("coordination-securiser-poste")?.phaseIndex == 0)
        #expect(letter.steps.map(Self.plain).contains { $0.hasPrefix("Faire siéger la coordination communale et l'élu référent au comité de pilotage du CLS intercommunal") }, "\(letter.steps)")
        // Page 1: the centre is a decision whose date says it; no other first step is left to say.
        let decision = try #require(document.synthesis.decisions.first { $0.id == "centre-sante-consolider" })
        #expect(Self.plain(decision.when) == "premier pas dès maintenant, le reste d'ici déc. 2027")
        #expect(document.synthesis.alsoFirst == nil, "\(document.synthesis.alsoFirst ?? "")")
    }

    /// Where the situation does not hold (a centre recruiting, not in deficit), nothing is said.
    /// The village's doctors leaving make its cabinet with housing start now (reader27c), and its health bus's request
    /// to the ARS too, with no house or centre of care nearby (read37): those two only.
    @Test("sans déficit ni CLS intercommunal en vigueur, aucune action ne dit commencer dès maintenant (sauf, au village que ses médecins quittent, le cabinet avec logement, la demande du bus de santé et la personne référente des aînés liée au registre des personnes vulnérables avant l'été, et le plan de prévention du bruit à réexaminer d'ici juillet 2029)")
    func noPressingSituationNoFirstStep() throws {
        for name in ["prefecture-hopital-support", "communaute-urbaine-cls-clsm-plui", "village-rural-zip"] {
            let (roadmap, document) = try Self.plan(name)
            // The communauté urbaine's noise plan is to be reviewed by July 2029: health enters it before it is written (content39).
            let expected = name == "village-rural-zip" ? ["bien-vieillir-petite-commune", "medicobus-aller-vers", "cabinet-medical-logement"] : name == "communaute-urbaine-cls-clsm-plui" ? ["bruit-ppbe-sante"] : []
            #expect(roadmap.items.filter { RoadmapWording.startsNow($0, in: roadmap) }.map(\.recommendation.id) == expected, "\(name)")
            #expect(document.cards.filter { Self.plain($0.placement).contains("premier pas dès maintenant") }.map(\.id) == expected, "\(name)")
        }
    }

    /// The ANRU commits its last co-funding by end 2027 at the latest (reader26c): the health of an urban renewal
    /// project starts now with its first step (what remains to decide and to co-fund), the rest by the review — which
    /// the phase's title says: a dated card names one date, its deadline's.
    @Test("renouvellement urbain : la santé dans le projet commence dès maintenant par son premier pas, l'ANRU engageant ses derniers cofinancements d'ici fin 2027 au plus tard")
    func urbanRenewalFirstStepNow() throws {
        let (roadmap, document) = try Self.plan("metropole-cls-clsm")
        let renewal = try #require(roadmap.item("renouvellement-urbain-sante"))
        #expect(renewal.phaseIndex == 2 && RoadmapWording.startsNow(renewal, in: roadmap))
        let card = try #require(document.cards.first { $0.id == "renouvellement-urbain-sante" })
        #expect(Self.plain(card.placementBrief).hasPrefix("premier pas dès maintenant, car l'ANRU engage ses derniers cofinancements d'ici fin 2027 au plus tard"))
        #expect(Self.plain(document.synthesis.alsoFirst) == "À lancer aussi dans les trois prochains mois : le premier pas de l'action \(renewal.rank) (la santé dans le projet de renouvellement urbain).")
    }

    /// `dès maintenant` requires its condition: an action pressing everywhere has a shorter horizon instead.
    @Test("« dès maintenant » sans condition est une erreur positionnée en français")
    func startNowWithoutConditionIsAnError() throws {
        var rec = RuleBaseLoadingTests.valid
        rec.extraHeader = ["dès maintenant: chaque mois compte"]
        let (loaded, _) = RuleBaseLoadingTests.loadWith([rec])
        #expect(loaded.diagnostics.map(\.code) == ["regles.des-maintenant-sans-condition"])
        #expect(loaded.diagnostics.first?.message.contains("[si condition] raison") == true)
        var good = RuleBaseLoadingTests.valid
        good.extraHeader = ["dès maintenant: [si cpts] la CPTS attend la commune", "titre court: l'action de test"]
        let (fine, _) = RuleBaseLoadingTests.loadWith([good])
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics.map(\.message))")
        let recommendation = try #require(fine.ruleBase?.recommendation("action-test"))
        #expect(recommendation.startNow?.reason == "la CPTS attend la commune")
        #expect(recommendation.shortTitle == "l'action de test")
    }

    /// Page 1 names the action a decision comes after, when it does not show it, in a few words.
    @Test("page 1 : « après le diagnostic local de santé partagé (action 5) », non plus « après l'action 5 »")
    func decisionNamesWhatItComesAfter() throws {
        for (name, rank) in [("communaute-communes-rurale", 5), ("prefecture-hopital-support", 4), ("commune-outre-mer-reunion", 6)] {
            let (_, document) = try Self.plan(name)
            let notes = document.synthesis.decisions.compactMap(\.note).map(Self.plain)
            #expect(notes.contains { $0.hasSuffix("après le diagnostic local de santé partagé (action \(rank))") }, "\(name): \(notes)")
            #expect(!notes.contains { $0.contains("après l'action") }, "\(name): \(notes)")
        }
        let (_, town) = try Self.plan("petite-ville-pvd-msp")
        #expect(town.synthesis.decisions.compactMap(\.note).map(Self.plain).contains { $0.hasSuffix("après le volet santé de Petites Villes de Demain (action 7)") })
    }

    /// The CSV prints a missed deadline as the card's placement line begins, not an empty cell.
    @Test("CSV : une échéance manquée est écrite « prévue … ; reportée à … », comme la fiche")
    func csvMissedDeadline() throws {
        // The seaside resort's secondary office from a March 2027 start (the bourg's meets its deadline since plan40).
        let (_, document) = try Plan24Tests.plan("station-balneaire-saisonniere", start: (2027, 3))
        let card = try #require(document.cards.first { $0.id == "cabinet-medical-logement" })
        #expect(card.deadlineMissed)
        #expect(Self.plain(card.deadlineCell) == "prévue d'ici mars 2029, avant les départs de médecins attendus ; elle ne peut commencer qu'en avr. 2029, faute de place plus tôt")
        let csv = Self.plain(CSVRoadmapRenderer().render(document))
        #expect(csv.contains("prévue d'ici mars 2029, avant les départs de médecins attendus ; elle ne peut commencer qu'en avr. 2029, faute de place plus tôt"))
        // A deadline met is printed as before.
        let met = try #require(document.cards.first { $0.id == "docteurs-juniors" })
        #expect(met.deadlineCell == met.deadline)
    }
}
