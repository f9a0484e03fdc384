import Foundation
import MandatSante
import Testing

@Suite("Export JSON")
struct JSONExportTests {
    static func render(_ spec: Fixture.ProfileSpec, top: Int? = nil) throws -> (json: String, roadmap: Roadmap) {
        let (base, roadmap) = try Fixture.plan(spec, top: top)
        return (JSONRoadmapRenderer().render(RoadmapPresenter(ruleBase: base).document(roadmap)), roadmap)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("les clés documentées, dans l'ordre")
    func topLevelKeys() throws {
        let json = try Self.render(Fixture.bourg).json
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys == ["schemaVersion", "edition", "profile", "synthesis", "start", "end", "capacity", "phases", "items",
                         "considerLater", "leftOut", "recommendationCount"])
        #expect(try Self.object(json)["schemaVersion"] as? Int == 3)
        let synthesis = try #require(try Self.object(json)["synthesis"] as? [String: Any])
        let decisions = try #require(synthesis["decisions"] as? [[String: Any]])
        #expect(decisions.compactMap { $0["id"] as? String } == ["seniors-canicule", "diagnostic-partage", "cpts-soutenir"])
        #expect(decisions.first?["carrier"] as? String == "la communauté de communes")
        // Part of the 75+ and the CLS in force; « aucune CPTS », the default left as it is, is no finding.
        #expect((synthesis["findings"] as? [String])?.count == 2)
    }

    @Test("le profil : tous les faits par nom, null pour un fait facultatif absent")
    func profileFacts() throws {
        var spec = Fixture.smallCommune
        spec.share75Plus = nil
        let document = try Self.object(try Self.render(spec).json)
        let profile = try #require(document["profile"] as? [String: Any])
        #expect(profile["name"] as? String == "Saint-Petit")
        let facts = try #require(profile["facts"] as? [String: Any])
        #expect(facts.keys.sorted() == ["cls", "cpts", "density", "engineeringStaff", "intercommunalHealth", "kind", "name", "outreMer",
                                         "peakSeason", "population", "priorities", "share75Plus"])
        #expect(facts["population"] as? Int == 420)
        #expect(facts["cls"] as? String == "aucun")
        #expect(facts["cpts"] as? Bool == false)
        #expect(facts["priorities"] as? [String] == ["sante-mentale"])
        #expect(facts["engineeringStaff"] as? Int == 1)
        #expect(facts["share75Plus"] is NSNull)
    }

    @Test("les phases : identifiant d'horizon, bornes, capacité, effort pris et rangs")
    func phases() throws {
        let (json, roadmap) = try Self.render(Fixture.bourg)
        let phases = try #require(try Self.object(json)["phases"] as? [[String: Any]])
        #expect(phases.compactMap { $0["id"] as? String } == ["premiers-mois", "fin-d-annee", "mi-mandat", "fin-mandat"])
        #expect(phases.compactMap { $0["title"] as? String } == ["Les trois prochains mois", "D'ici fin 2027", "Jusqu'au bilan de mi-mandat", "Jusqu'à la fin du mandat"])
        #expect(phases.compactMap { $0["start"] as? String } == ["2026-12", "2027-03", "2028-01", "2029-04"])
        #expect(phases.compactMap { $0["end"] as? String } == ["2027-03", "2028-01", "2029-04", "2032-03"])
        #expect(phases.compactMap { $0["capacity"] as? Int } == roadmap.capacity.unitsPerPhase)
        #expect(phases.compactMap { $0["used"] as? Int } == roadmap.unitsUsed)
        let ranks = phases.flatMap { $0["items"] as? [Int] ?? [] }
        #expect(ranks == Array(1...roadmap.items.count))
    }

    @Test("une action : levier, phase, score terme à terme, raisons, placement, relations et sources")
    func item() throws {
        let document = try Self.object(try Self.render(Fixture.bourg).json)
        let items = try #require(document["items"] as? [[String: Any]])
        let cpts = try #require(items.first { $0["id"] as? String == "cpts-soutenir" })
        #expect(cpts["title"] as? String == "Soutenir l'émergence d'une CPTS")
        #expect(cpts["lever"] as? String == "offre-de-soins")
        #expect(cpts["leverTitle"] as? String == "Offre de soins")
        #expect(cpts["effort"] as? String == "moyen")
        #expect(cpts["horizon"] as? String == "100-jours")
        #expect(cpts["phase"] as? String == "fin-d-annee")
        #expect((cpts["carrier"] as? [String: Any])?["id"] as? String == "territoire")
        #expect((cpts["carrier"] as? [String: Any])?["text"] as? String == "la communauté de communes")
        #expect(cpts["deadline"] is NSNull)
        #expect(cpts["costRange"] is NSNull)
        let score = try #require(cpts["score"] as? [String: Any])
        #expect(score["total"] as? Int == 85)
        let terms = try #require(score["terms"] as? [[String: Any]])
        #expect(terms.compactMap { $0["points"] as? Int } == [70, 15])
        #expect(terms.compactMap { $0["reason"] as? String } == ["priorité de base", "l'accès aux soins est une priorité de l'équipe"])
        let placement = try #require(cpts["placement"] as? [String: Any])
        #expect(placement["kind"] as? String == "prealable")
        // The relation « après « … » (rang 2) » already names the prerequisite: no note repeats it.
        #expect(placement["note"] is NSNull)
        #expect(cpts["prerequisites"] as? [String] == ["diagnostic-partage"])
        #expect(cpts["supersedes"] as? [String] == [])
        let reasons = try #require(cpts["forYou"] as? [String])
        #expect(reasons.map(Fixture.flattened) == ["aucune CPTS ne couvre le territoire", "l'accès aux soins est une priorité de l'équipe",
                                                   "communauté de communes de 12 000 habitants"])
        #expect(cpts["steps"] as? [String] == ["Réunir les acteurs concernés.", "Écrire un plan d'action partagé."])
        #expect(cpts["evidence"] is NSNull)
        let sources = try #require(cpts["sources"] as? [[String: Any]])
        #expect(sources.first?["document"] as? String == "livre-blanc-2026")
        #expect(sources.first?["title"] as? String == "Livre blanc sur la santé des territoires, Éditeur d'essai, juillet 2026. https://example.org/livre-blanc")
        #expect(sources.first?["publisher"] as? String == "Éditeur d'essai")
        #expect(sources.first?["date"] as? String == "2026-07")
        #expect(sources.first?["section"] as? String == "Chapitre 1")
        let renewal = try #require(items.first { $0["id"] as? String == "cls-renouveler" })
        #expect(renewal["supersedes"] as? [String] == ["cls-engager"])
    }

    @Test("les écartées : code de raison, raison en clair, ce qui les a remplacées, score")
    func leftOut() throws {
        let document = try Self.object(try Self.render(Fixture.bourg, top: 3).json)
        let leftOut = try #require(document["leftOut"] as? [[String: Any]])
        func entry(_ id: String) throws -> [String: Any] { try #require(leftOut.first { $0["id"] as? String == id }) }
        let replaced = try entry("cls-engager")
        #expect(replaced["reason"] as? String == "remplacee")
        #expect(replaced["by"] as? String == "cls-renouveler")
        #expect(replaced["reasonText"] as? String == "remplacée par « Renouveler le contrat local de santé », plus adaptée à ce territoire")
        #expect(replaced["score"] as? Int == 60)
        let excluded = try entry("sante-mentale-relais")
        #expect(excluded["reason"] as? String == "exclue")
        #expect(excluded["by"] as? String == "clsm-creer")
        #expect(leftOut.contains { $0["reason"] as? String == "au-dela-du-top" && $0["by"] is NSNull })
        let codes = Set(leftOut.compactMap { $0["reason"] as? String })
        #expect(codes.isSubset(of: Set(JSONRoadmapRendererProbe.reasonCodes)))
    }

    @Test("un fait facultatif absent donne le code condition-indeterminee")
    func unknownCondition() throws {
        var spec = Fixture.smallCommune
        spec.share75Plus = nil
        let leftOut = try #require(try Self.object(try Self.render(spec).json)["leftOut"] as? [[String: Any]])
        let heatwave = try #require(leftOut.first { $0["id"] as? String == "seniors-canicule" })
        #expect(heatwave["reason"] as? String == "condition-indeterminee")
        #expect((heatwave["reasonText"] as? String)?.hasPrefix("ne peut pas être établie, un fait n'étant pas renseigné") == true)
    }

    @Test("deux rendus des mêmes entrées sont identiques à l'octet")
    func deterministic() throws {
        let first = try Self.render(Fixture.bourg).json
        let second = try Self.render(Fixture.bourg).json
        #expect(first == second)
        #expect(first.hasSuffix("}\n"))
    }
}

/// The reason codes the JSON schema documents, restated so that the test does not trust the renderer.
enum JSONRoadmapRendererProbe {
    static let reasonCodes = ["faute-de-capacite", "limite-methode", "remplacee", "exclue", "echeance", "au-dela-du-top",
                              "autre-niveau", "condition-non-remplie", "condition-indeterminee"]
}
