import Foundation
import MandatSante
import RuleKit
import Testing

/// Session 20: a hot season already under way when the roadmap starts (La Réunion's rainy, cyclonic summer in
/// December, the mainland summer in July). What is due before the hot season starts in the first phase, its first
/// steps for the season under way, the rest ready before the next one; it says so.
@Suite("Saison chaude déjà commencée : premiers gestes dès maintenant, le reste avant la suivante")
struct HotSeasonUnderwayTests {
    /// The example `name` planned from `year`-`month`, and its document.
    static func plan(_ name: String, _ year: Int, _ month: Int) throws -> (Roadmap, RoadmapDocument) {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let profile = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        let roadmap = try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(year, month))
        return (roadmap, RoadmapPresenter(ruleBase: ruleBase, detail: false).document(roadmap))
    }

    @Test("durée des saisons en cours : l'été de juin à juillet, l'été austral de novembre à mars, l'hivernage de juin à octobre, la saison sèche de Guyane de juillet à octobre, ses pluies de décembre à juin")
    func underwayMonths() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        func season(_ place: String) throws -> HotSeason {
            HotSeason(profile: try Fixture.profile(Fixture.ProfileSpec(outreMer: place), in: ruleBase))
        }
        func month(_ year: Int, _ month: Int) -> YearMonth { YearMonth(year: year, month: month) }
        #expect(HotSeason.mainland.startUnderway(at: month(2027, 7)) == month(2027, 6))
        #expect(HotSeason.mainland.startUnderway(at: month(2027, 8)) == nil)
        #expect(HotSeason.mainland.startUnderway(at: month(2027, 5)) == nil)
        let reunion = try season("reunion"), antilles = try season("antilles"), guyane = try season("guyane")
        #expect(reunion.startUnderway(at: month(2026, 12)) == month(2026, 11))
        #expect(reunion.startUnderway(at: month(2027, 3)) == month(2026, 11))
        #expect(reunion.startUnderway(at: month(2027, 4)) == nil)
        #expect(antilles.startUnderway(at: month(2027, 10)) == month(2027, 6))
        #expect(antilles.startUnderway(at: month(2027, 11)) == nil)
        // French Guiana: hot in its dry season, from July; its rains, from December, are another season.
        #expect(guyane.startUnderway(at: month(2027, 10)) == month(2027, 7))
        #expect(guyane.startUnderway(at: month(2027, 11)) == nil)
        #expect(guyane.startUnderway(at: month(2027, 6)) == nil)
        let rains = HotSeason.rainy(profile: try Fixture.profile(Fixture.ProfileSpec(outreMer: "guyane"), in: ruleBase))
        #expect(rains.startUnderway(at: month(2027, 6)) == month(2026, 12))
        #expect(rains.startUnderway(at: month(2027, 7)) == nil)
        // Elsewhere the rains are the hot season.
        #expect(HotSeason.rainy(profile: try Fixture.profile(Fixture.ProfileSpec(outreMer: "reunion"), in: ruleBase)) == reunion)
    }

    @Test("La Réunion en décembre 2026 : la lutte antivectorielle dans les trois premiers mois, « l'été austral 2026-2027 a commencé », le reste avant nov. 2027 ; les événements extrêmes aussi, premiers gestes au premier trimestre (une demi-unité), le reste avant l'été austral suivant")
    func reunionRainySeasonUnderway() throws {
        let (roadmap, document) = try Self.plan("commune-outre-mer-reunion", 2026, 12)
        let id = "lutte-antivectorielle-outre-mer"
        let item = try #require(roadmap.item(id))
        #expect(item.phaseIndex == 0)
        #expect(item.deadline?.before == YearMonth(year: 2027, month: 11))
        let card = try #require(document.cards.first { $0.id == id })
        #expect(card.deadline == "l'été austral 2026-2027 a commencé\u{00A0}: premiers gestes dès maintenant, le reste avant nov. 2027", "\(card.deadline ?? "")")
        #expect(card.deadlineMonth == "2027-11")
        // A first decision, said on page 1 as on the card.
        let decision = try #require(document.synthesis.decisions.first { $0.id == id })
        #expect(decision.when == card.deadline)
        // The plan for extreme events, for the same austral summer under way, does only its first steps now: a quick
        // act of the first quarter (half a unit), the rest before the next austral summer; the card says it as the
        // vector control's does.
        let extreme = try #require(roadmap.item("evenements-extremes-continuite-services"))
        #expect(extreme.phaseIndex == 0 && extreme.halfUnits == 1)
        let extremeCard = try #require(document.cards.first { $0.id == "evenements-extremes-continuite-services" })
        #expect(extremeCard.deadline == "l'été austral 2026-2027 a commencé\u{00A0}: premiers gestes dès maintenant, le reste avant nov. 2027",
                "\(extremeCard.deadline ?? "")")
        #expect(roadmap.halfUnitsUsed[0] == roadmap.items.filter { $0.phaseIndex == 0 }.reduce(0) { $0 + $1.halfUnits })
        #expect(roadmap.items.filter { $0.phaseIndex == 0 }.count <= 4)
        // The next austral summer is still a milestone of 2027.
        #expect(document.phases[1].milestones.contains("l'été austral 2027-2028"), "\(document.phases[1].milestones)")
    }

    @Test("La Réunion en octobre 2027 : l'été austral n'a pas commencé ; la lutte antivectorielle se prépare avant celui de 2028-2029 sans « premiers gestes »")
    func reunionBeforeTheSeason() throws {
        let (roadmap, document) = try Self.plan("commune-outre-mer-reunion", 2027, 10)
        let card = try #require(document.cards.first { $0.id == "lutte-antivectorielle-outre-mer" })
        #expect(card.deadline?.hasPrefix("avant l'été austral") == true, "\(card.deadline ?? "")")
        #expect(!(document.cards.contains { ($0.deadline ?? "").contains("a commencé") }))
        _ = roadmap
    }

    @Test("Hexagone en juillet 2027 : l'été a commencé, le plan canicule est dans les trois premiers mois et le dit ; en août, il se prépare pour l'été 2028")
    func mainlandSummerUnderway() throws {
        let (july, julyDocument) = try Self.plan("ceinture-urbaine-chaleur-ecole", 2027, 7)
        let item = try #require(july.item("canicule-personnes-vulnerables"))
        #expect(item.phaseIndex == 0)
        let card = try #require(julyDocument.cards.first { $0.id == "canicule-personnes-vulnerables" })
        #expect(card.deadline == "l'été 2027 a commencé\u{00A0}: premiers gestes dès maintenant, le reste avant juin 2028", "\(card.deadline ?? "")")
        let (august, augustDocument) = try Self.plan("ceinture-urbaine-chaleur-ecole", 2027, 8)
        #expect(august.item("canicule-personnes-vulnerables") != nil)
        let later = try #require(augustDocument.cards.first { $0.id == "canicule-personnes-vulnerables" })
        #expect(later.deadline == "avant l'été 2028 (juin 2028)", "\(later.deadline ?? "")")
    }
}
