import Foundation
import MandatSante
import RuleKit
import Testing

/// French Guiana is hot in its dry season (from July) and rainy from December to June: the heat plan is due before
/// the dry season, vector control and the heavy-rain plan before the rains. Everywhere else the two are one season.
@Suite("Saisons : la saison sèche et la saison des pluies de la Guyane")
struct RainySeasonTests {
    @Test("Guyane, départ en décembre : la lutte antivectorielle pour les pluies commencées, le plan canicule avant la saison sèche")
    func frenchGuianaHasTwoSeasons() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-guyane-croissance")
        #expect(roadmap.hotSeason.name == "la saison sèche" && roadmap.hotSeason.startMonth == 7)
        #expect(roadmap.rainySeason.name == "la saison des pluies" && roadmap.rainySeason.startMonth == 12)

        let vectors = try #require(roadmap.item("lutte-antivectorielle-outre-mer"))
        #expect(vectors.phaseIndex == 0)
        let vectorsWhen = try #require(document.synthesis.decisions.first { $0.rank == vectors.rank }).when
        #expect(Plan24Tests.plain(vectorsWhen).contains("la saison des pluies 2026-2027 a commencé"), "\(vectorsWhen)")

        let heat = try #require(roadmap.item("canicule-personnes-vulnerables"))
        guard case .season(let season)? = heat.deadline?.kind else {
            Issue.record("le plan canicule n'a pas la saison sèche pour échéance : \(String(describing: heat.deadline))")
            return
        }
        #expect(season == roadmap.hotSeason)
        #expect(heat.deadline?.before.description == "2027-07", "\(String(describing: heat.deadline))")
        #expect(heat.missedDeadline == nil)
        let card = try #require(document.cards.first { $0.id == heat.recommendation.id })
        #expect(!Plan24Tests.plain(card.deadline).contains("saison des pluies"), "\(String(describing: card.deadline))")
        #expect(Plan24Tests.plain(card.deadline).contains("avant la saison sèche 2027"), "\(String(describing: card.deadline))")

        // The calendar marks both seasons: the rains under way now, the dry season and the next rains in 2027.
        #expect(document.phases[0].milestones.contains("la saison des pluies 2026-2027"), "\(document.phases[0].milestones)")
        #expect(document.phases[1].milestones.prefix(2) == ["la saison sèche 2027", "la saison des pluies 2027-2028"],
                "\(document.phases[1].milestones)")
    }

    @Test("La Réunion : une seule saison, l'été austral, pour la chaleur comme pour les moustiques")
    func oneSeasonElsewhere() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-outre-mer-reunion")
        #expect(roadmap.hotSeason == roadmap.rainySeason)
        #expect(roadmap.hotSeason.name == "l'été austral")
        #expect(document.phases[1].milestones.first == "l'été austral 2027-2028", "\(document.phases[1].milestones)")
        #expect(!document.phases.flatMap(\.milestones).contains { $0.contains("pluies") || $0.contains("sèche") })
    }
}
