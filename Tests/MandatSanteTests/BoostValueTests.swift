import Foundation
import MandatSante
import RuleKit
import Testing

/// A boost's reason may print the value its condition read (`{withoutGpShare}`): « 12 % des habitants n'ont pas de
/// médecin traitant » rather than « au moins un habitant sur dix » for a city that says 12 %.
@Suite("Valeurs du territoire dans la raison d'un bonus")
struct BoostValueTests {
    @Test("la préfecture à 12 % d'habitants sans médecin traitant : la raison du bonus le dit en chiffre, sur la carte comme dans le détail du score")
    func reasonPrintsTheTerritorysValue() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let card = try #require(document.cards.first { $0.id == "soins-non-programmes" })
        #expect(card.forYou.contains { Content17Tests.plain($0).contains("12 % des habitants n'ont pas de médecin traitant") }, "\(card.forYou)")
        #expect(card.scoreTerms.contains { Content17Tests.plain($0.reason).hasPrefix("12 % des habitants n'ont pas de médecin traitant") }, "\(card.scoreTerms)")
        #expect(!document.cards.contains { $0.forYou.contains { $0.contains("{") } || $0.scoreTerms.contains { $0.reason.contains("{") } })
    }

    @Test("deux communes qui ne diffèrent que par leur taux de pauvreté : chacune lit le sien dans la raison, y compris dans un lot qui garde la mise en mots")
    func eachTerritoryReadsItsOwnValue() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/commune-outre-mer-reunion.json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let loaded = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        let batch = RoadmapPresenter(ruleBase: ruleBase, detail: true, cachesWording: true)
        for rate in ["36", "41"] {
            let profile = try ProfileLoader.override(loaded, with: ["povertyRate=\(rate)"]).get()
            let roadmap = try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12), top: nil)
            let reasons = batch.document(roadmap).cards.flatMap(\.forYou).map(Content17Tests.plain)
            #expect(reasons.contains { $0.contains("pauvreté marquée (\(rate) %)") }, "\(reasons)")
            #expect(!reasons.contains { $0.contains("pauvreté marquée (\(rate == "36" ? "41" : "36") %)") })
        }
    }

    @Test("une raison qui cite un fait que sa condition ne lit pas, ou qui n'est pas un nombre : refusée à la raison, avec ce qui était attendu")
    func unreadValueRefused() throws {
        var rec = RuleBaseLoadingTests.valid
        rec.extraHeader = ["bonus:", "  - +10 si cpts : {povertyRate} de pauvres"]
        let (result, text) = RuleBaseLoadingTests.loadWith([rec])
        #expect(result.diagnostics.map(\.code) == ["regles.bonus"], "\(result.diagnostics.map(\.summary))")
        let message = try #require(result.diagnostics.first?.message)
        #expect(message.hasPrefix("la raison du bonus cite « {povertyRate} », qui n'est pas un nombre lu par sa condition"), "\(message)")
        #expect(result.diagnostics.first?.location.lineColumn == Fixture.location(of: "{povertyRate} de pauvres", in: text))
        rec.extraHeader = ["bonus:", "  - +10 si cpts : {cpts} existe"]
        #expect(RuleBaseLoadingTests.loadWith([rec]).0.diagnostics.map(\.code) == ["regles.bonus"])
        rec.extraHeader = ["bonus:", "  - +10 si population >= 20 : {population} habitants"]
        #expect(RuleBaseLoadingTests.loadWith([rec]).0.diagnostics.isEmpty)
    }
}
