import Foundation
import MandatSante
import RuleKit
import Testing

/// A middle phase holds at most about 1.3 times its capacity: what may wait moves on, the least merited first, and
/// its card says why in one phrase (plan18, item 1).
@Suite("Une phase du milieu ne dépasse pas son plafond : ce qui peut attendre passe à la suivante, et sa carte le dit")
struct PhaseCeilingTests {
    static let smoothedNote = "à partir de janv. 2028, car d'ici fin 2027 le temps de l'équipe est déjà pris"

    @Test("le plafond : environ 1,3 fois la capacité, une unité de plus au moins")
    func ceiling() {
        #expect(Capacity.ceilingHalves(capacity: 4) == 6)
        #expect(Capacity.ceilingHalves(capacity: 8) == 10)
        #expect(Capacity.ceilingHalves(capacity: 14) == 18)
        #expect(Capacity.ceilingHalves(capacity: 20) == 26)
    }

    @Test("agglomération en QPV, CLS en préparation : 2027 à 8 unités pour 7, le CLSM (priorité 1) y reste, le partenariat CPTS lui fait place, l'atelier santé ville et l'extension de la maison de santé en 2028")
    func agglomerationFirstYear() throws {
        let roadmap = try PressingDeadlineTests.plan("agglomeration-qpv-cls-en-preparation")
        #expect(roadmap.capacity.unitsPerPhase[1] == 7)
        // The CLSM (4 half-units) in the CPTS partnership's place (2); the MSP's extension, due by March 2029, goes with
        // the junior doctors (due by December 2027) but waits alone for 2028: 2027 holds 8 units, under the ceiling's
        // nine (it held 10 until session 36).
        #expect(roadmap.unitsUsed[1] == 8)
        #expect(roadmap.items(inPhase: 1).map(\.recommendation.id) == [
            "cls-coordinateur", "diagnostic-sante-partage", "cls-engager", "clsm-creer", "docteurs-juniors",
        ])
        let review = roadmap.calendar.reviewPhase
        let extensionOfTheMSP = try #require(roadmap.item("msp-conforter-existante"))
        #expect(extensionOfTheMSP.phaseIndex == review)
        #expect(extensionOfTheMSP.placement == .smoothed(from: 1))
        let asv = try #require(roadmap.item("asv-creer"))
        #expect(asv.phaseIndex == review)
        #expect(asv.placement == .smoothed(from: 1))
        #expect(roadmap.item("cpts-partenariat-collectivite")?.placement == .yielded(from: 1, to: "clsm-creer", priority: "sante-mentale"))
        // One reason, the same on the short card, the detailed card and in the JSON.
        let document = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation")
        let card = try #require(document.cards.first { $0.id == "asv-creer" })
        #expect(MiddlePhaseTests.plain(try #require(card.placementBrief)) == Self.smoothedNote)
        #expect(MiddlePhaseTests.plain(try #require(card.placement)) == Self.smoothedNote)
        #expect(card.placementKind == "capacite")
    }

    @Test("commune de Guadeloupe : 2027 à 6 unités pour 4 ; le diagnostic et l'émergence de la CPTS en 2028, avec le CLS")
    func antillesFirstYear() throws {
        let roadmap = try PressingDeadlineTests.plan("commune-antilles-dengue")
        #expect(roadmap.unitsUsed[1] <= 6)
        let review = roadmap.calendar.reviewPhase
        #expect(roadmap.item("cpts-soutenir-emergence")?.phaseIndex == review)
        #expect(roadmap.item("cpts-soutenir-emergence")?.placement == .smoothed(from: 1))
        #expect(roadmap.item("diagnostic-sante-partage")?.phaseIndex == review)
        #expect(roadmap.item("cls-engager")?.phaseIndex == review)
        // The pressing MSP with its junior doctors (due before the expected departures) and the hot season's plan keep 2027.
        for id in ["msp-conforter-existante", "docteurs-juniors", "evenements-extremes-continuite-services", "cls-coordinateur"] {
            #expect(roadmap.item(id)?.phaseIndex == 1, "\(id)")
        }
    }

    @Test("petite ville en ZIP : 2027 à 3 unités pour 2, le cabinet médical et les docteurs juniors ; le transport (priorité mobilités) en 2028")
    func smallTownFirstYear() throws {
        let roadmap = try PressingDeadlineTests.plan("petite-ville-zip-msp-voisine")
        #expect(roadmap.items(inPhase: 1).map(\.recommendation.id) == ["cabinet-medical-logement", "docteurs-juniors"])
        #expect(roadmap.item("acces-soins-transport")?.phaseIndex == roadmap.calendar.reviewPhase)
        #expect(roadmap.item("acces-soins-transport")?.placement == .smoothed(from: 1))
    }

    @Test("communauté de communes rurale : le bus de santé (effort faible, grand mérite) cède 2028 à la santé dans le PLUi, due avant l'arrêt du projet, et commence la fin du mandat")
    func ruralQuickWin() throws {
        let roadmap = try PressingDeadlineTests.plan("communaute-communes-rurale")
        let review = roadmap.calendar.reviewPhase, last = roadmap.calendar.phases.count - 1
        // Since plan39 the PLUi's health strand (98, due by the review) keeps its deadline in 2028; the bus, which can
        // wait, starts in April 2029, the last phase's new action (`keepDeadlinesOverLighter`).
        #expect(roadmap.item("urbanisme-favorable-sante-plu")?.phaseIndex == review)
        #expect(roadmap.item("medicobus-aller-vers")?.phaseIndex == last)
        #expect(roadmap.items(inPhase: last).map(\.recommendation.id) == ["medicobus-aller-vers"])
        // A village whose last doctor leaves: the bus (low effort) comes in 2027 with the volunteer doctors' centre,
        // now that the welcome is one card with the cabinet (2028); its last phase keeps one new action.
        let village = try PressingDeadlineTests.plan("village-departs-cabinet")
        #expect(village.item("medicobus-aller-vers")?.phaseIndex == 1)
        #expect(village.item("cabinet-medical-logement")?.phaseIndex == village.calendar.reviewPhase)
        #expect(village.items(inPhase: village.calendar.phases.count - 1).count == 1)
    }

    @Test("sur les profils d'exemple : aucune phase du milieu au-delà de son plafond tant qu'une de ses actions pouvait attendre")
    func examplesStayUnderTheCeiling() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count >= 15)
        for name in names {
            let problems = PlanningInvariantTests.overfilledPhases(try PressingDeadlineTests.plan(name))
            #expect(problems.isEmpty, "\(name) : \(problems)")
        }
    }
}
