import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Overseas, in the tropics, a single tourist peak is « la haute saison touristique »: the Antilles' peak from
/// December was « la saison d'hiver 2026-2027 », beside « l'hivernage 2027 », their hot and cyclonic season
/// (generated41's reading of a one-agent Guadeloupe seaside commune, kept as a fixture profile).
@Suite("Outre-mer sous les tropiques : la saison de pointe est la haute saison touristique")
struct TropicalPeakSeasonTests {
    @Test("outre-mer sous les tropiques, la saison de pointe est « la haute saison touristique », pas « la saison d'hiver » à côté de l'hivernage ; Saint-Pierre-et-Miquelon et l'Hexagone gardent leur saison d'hiver")
    func tropicalPeakIsTheHighTouristSeason() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let roadmap = try TeamAndFirstQuarterTests.plan(path: "Tests/Fixtures/profiles/g06-littoral-outremer-touristique.json")
        let document = RoadmapPresenter(ruleBase: ruleBase).document(roadmap)
        let flat = Content17Tests.plain(Fixture.flattened(TextRoadmapRenderer().render(document)))
        #expect(flat.contains("pendant la haute saison touristique 2026-2027, déjà commencée"))
        #expect(flat.contains("repères : l'hivernage 2027, la haute saison touristique 2027-2028"))
        #expect(!flat.contains("saison d'hiver"))
        #expect(HotSeason.peakSeasons(peak: .text("hiver"), overseas: .text("antilles")).map(\.name) == ["la haute saison touristique"])
        #expect(HotSeason.peakSeasons(peak: .text("ete"), overseas: .text("reunion")).map(\.name) == ["la haute saison touristique"])
        #expect(HotSeason.peakSeasons(peak: .text("hiver"), overseas: .text("saint-pierre-et-miquelon")).map(\.name) == ["la saison d'hiver"])
        #expect(HotSeason.peakSeasons(peak: .text("hiver"), overseas: .text("non")).map(\.name) == ["la saison d'hiver"])
        #expect(HotSeason.peakSeasons(peak: .text("les-deux"), overseas: .text("antilles")).map(\.name) == ["la saison d'été", "la saison d'hiver"])
    }
}
