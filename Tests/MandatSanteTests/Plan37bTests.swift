import Foundation
import MandatSante
import RuleKit
import Testing

/// What plan37b changed in the planner (issue 12, « le mérite d'abord »): one better action rather than two lighter,
/// lesser ones kept for their score alone, when together they would make room for it.
@Suite("Planification : une action meilleure plutôt que deux plus légères et moins bien notées (plan37b)")
struct Plan37bTests {
    /// lead37, reader37b: in the bourg whose last pharmacy is threatened, the secondary office of the neighbouring
    /// MSP with housing for the doctor (115, medium, the first declared priority) was « à envisager ensuite » while
    /// the EHPAD open to the commune (90, light) and the mobile unit (82, light) stayed. It takes their place, its
    /// first step now; each of them says to which action it gave its place.
    @Test("bourg de la dernière pharmacie : le cabinet secondaire de la MSP voisine à la place de l'EHPAD ouvert et de l'unité mobile")
    func betterOfficeInThePlaceOfTwoLighter() throws {
        let (roadmap, document) = try Plan24Tests.plan("bourg-derniere-pharmacie")
        let office = try #require(roadmap.item("cabinet-medical-logement"))
        #expect(roadmap.items.count <= 8, "\(roadmap.items.map(\.recommendation.id))")
        let trade = try #require(roadmap.tradedPlaces.first { $0.taker == office.recommendation.id }, "\(roadmap.tradedPlaces)")
        #expect(Set(trade.given) == ["ehpad-ouvert-sur-la-commune", "medicobus-aller-vers"], "\(trade.given)")
        // Neither gave a place in the office's phase (the EHPAD gave the mandate's time from 2027, the mobile unit the end
        // of the mandate, where the office was before it took the review's phase of the transport, plan40): said without
        // a phase.
        let expected = ["ehpad-ouvert-sur-la-commune": "cède sa place à l'action\u{a0}\(office.rank), mieux notée (115 contre 90)",
                        "medicobus-aller-vers": "cède sa place à l'action\u{a0}\(office.rank), mieux notée (115 contre 82)"]
        for given in trade.given {
            #expect(roadmap.item(given) == nil, "\(given)")
            let entry = try #require(document.considerLater.first { $0.id == given }, "\(given)")
            #expect(entry.reason.contains(expected[given] ?? "?"), "\(entry.reason)")
        }
        // Its first step now; since plan40 the rest from January 2028, by the GP departures it is due by, in the place of
        // the transport to care (89, the « mobilités » priority's action), which starts in April 2029 (`Plan40Tests`).
        #expect(office.phaseIndex == roadmap.calendar.reviewPhase && office.missedDeadline == nil)
        // The priorities' and the pressing actions keep their place.
        for kept in ["derniere-pharmacie", "docteurs-juniors", "bien-vieillir-petite-commune", "acces-soins-transport"] {
            #expect(roadmap.item(kept) != nil, "\(kept)")
        }
        // The mandate carries no more than the team's capacity.
        let total = roadmap.halfUnitsUsed.reduce(0, +)
        #expect(total <= 2 * roadmap.capacity.totalUnits, "\(total) / \(roadmap.capacity.totalUnits)")
        // Its card says it takes their place, and when it was due.
        let card = try #require(document.phases.flatMap(\.cards).first { $0.id == office.recommendation.id })
        let said = Plan24Tests.plain(card.placement ?? "")
        #expect(said.contains("elle prend alors la place de"), "\(said)")
    }
}
