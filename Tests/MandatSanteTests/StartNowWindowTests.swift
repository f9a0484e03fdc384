import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// A first step pressing now whose window closes (`dès maintenant: [si …] AAAA-MM : raison`): the ANRU commits its last
/// co-funding by end 2027 at the latest, so a team starting in 2028 is not told to hurry for it (generated territory
/// n° 401 in session 26 read « l'ANRU engage ses derniers cofinancements d'ici fin 2027 » on a roadmap of late 2028).
@Suite("« dès maintenant » borné par un mois : la fenêtre fermée, la fiche ne presse plus")
struct StartNowWindowTests {
    static func plan(_ name: String, start: YearMonth) throws -> (Roadmap, RoadmapDocument) {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let profile = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        let roadmap = try #require(PlanningInvariantTests.planner).plan(profile, calendar: try MandateCalendar(start: start))
        return (roadmap, RoadmapPresenter(ruleBase: ruleBase).document(roadmap))
    }

    @Test("métropole en renouvellement urbain : premier pas dès maintenant en décembre 2027, plus en janvier 2028")
    func windowCloses() throws {
        let (open, openDocument) = try Self.plan("metropole-cls-clsm", start: YearMonth(year: 2027, month: 12))
        let before = try #require(open.item("renouvellement-urbain-sante"))
        #expect(before.phaseIndex > 0 && RoadmapWording.startsNow(before, in: open))
        let openCard = try #require(openDocument.cards.first { $0.id == "renouvellement-urbain-sante" })
        #expect(Content17Tests.plain(openCard.placement ?? "").contains("premier pas dès maintenant"))

        let (closed, closedDocument) = try Self.plan("metropole-cls-clsm", start: YearMonth(year: 2028, month: 1))
        let after = try #require(closed.item("renouvellement-urbain-sante"))
        #expect(after.phaseIndex > 0 && !RoadmapWording.startsNow(after, in: closed))
        let closedCard = try #require(closedDocument.cards.first { $0.id == "renouvellement-urbain-sante" })
        #expect(!Content17Tests.plain(closedCard.placement ?? "").contains("dès maintenant"))
        #expect(!Content17Tests.plain(closedDocument.synthesis.alsoFirst ?? "").contains("renouvellement urbain"))
    }

    @Test("lecture : « [si …] AAAA-MM : raison » borne la fenêtre ; un mois sans raison est une erreur positionnée")
    func reading() throws {
        var good = RuleBaseLoadingTests.valid
        good.extraHeader = ["dès maintenant: [si cpts] 2028-01 : la CPTS signe son contrat avant 2028", "titre court: l'action de test"]
        let (fine, _) = RuleBaseLoadingTests.loadWith([good])
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics.map(\.message))")
        let startNow = try #require(fine.ruleBase?.recommendation("action-test")?.startNow)
        #expect(startNow.reason == "la CPTS signe son contrat avant 2028")
        #expect(startNow.before == YearMonth(year: 2028, month: 1))

        var bad = RuleBaseLoadingTests.valid
        bad.extraHeader = ["dès maintenant: [si cpts] 2028-01 :"]
        let (loaded, _) = RuleBaseLoadingTests.loadWith([bad])
        #expect(loaded.diagnostics.map(\.code) == ["regles.condition-de-ligne"])
    }
}
