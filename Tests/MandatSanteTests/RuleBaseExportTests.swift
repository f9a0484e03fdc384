import Foundation
import MandatSante
import RuleKit
import Testing

@Suite("Export de la base de règles : table des poids et JSON")
struct RuleBaseExportTests {
    static func base() throws -> RuleBase {
        var inline = Fixture.Rec(id: "relais-village", title: "Former des relais", when: "tres-petite-commune", priority: 40)
        inline.extraHeader = ["bonus:", "  - priorite-sante-mentale", "  - priorite-acces-aux-soins (+20)", "  - -5 si cpts : une CPTS existe déjà",
                             "coût: faible", "niveau de preuve: probable", "effet sur les inégalités: reduit",
                             "titre court: les relais du village", "dès maintenant: [si cpts] la CPTS cherche déjà des relais"]
        let result = Fixture.load([inline, DefinitionsTests.users[1]], definitions: DefinitionsTests.definitions)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
        return try #require(result.ruleBase)
    }

    @Test("CSV : une ligne par recommandation, ses bonus par nom ou en clair, l'écart de score possible")
    func csv() throws {
        let lines = RuleBaseExport.csv(try Self.base()).dropFirst().split(separator: "\r\n").map(String.init)
        #expect(lines.first == RuleBaseExport.csvHeader.joined(separator: ";"))
        #expect(lines.count == 3)
        // 40 - 5 = 35 at least, 40 + 15 + 20 = 75 at most.
        #expect(lines[2] == "relais-village;Former des relais;offre-de-soins;40;annee-1;faible;territoire;faible;probable;reduit;non;priorite-sante-mentale +15 | priorite-acces-aux-soins +20 | si cpts : -5 (une CPTS existe déjà);35;75")
    }

    @Test("JSON : chaque champ, les conditions telles qu'écrites et résolues, les définitions")
    func json() throws {
        let text = RuleBaseExport.json(try Self.base()).rendered()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let recommendations = try #require(document["recommendations"] as? [[String: Any]])
        let relais = try #require(recommendations.first { $0["id"] as? String == "relais-village" })
        let when = try #require(relais["when"] as? [String: String])
        #expect(when == ["written": "tres-petite-commune", "resolved": "((kind == 'commune' and population < 3500) and population < 500)"])
        let boosts = try #require(relais["boosts"] as? [[String: Any]])
        #expect(boosts.map { $0["name"] as? String } == ["priorite-sante-mentale", "priorite-acces-aux-soins", nil])
        #expect(boosts.map { $0["points"] as? Int } == [15, 20, -5])
        #expect(relais["scoreRange"] as? [Int] == [35, 75])
        #expect(relais["costRange"] as? String == "faible")
        #expect(relais["evidenceLevel"] as? String == "probable")
        #expect(relais["inequalityEffect"] as? String == "reduit")
        #expect((relais["steps"] as? [[String: Any]])?.count == 2)
        #expect(relais["file"] as? String == "Rules/recommendations/relais-village.md")
        #expect(relais["shortTitle"] as? String == "les relais du village")
        #expect(relais["startNow"] as? [String: String] == ["when": "cpts", "reason": "la CPTS cherche déjà des relais"])
        let definitions = try #require(document["definitions"] as? [String: Any])
        let conditions = try #require(definitions["conditions"] as? [[String: String]])
        #expect(conditions.last == ["name": "tres-petite-commune", "when": "petite-commune and population < 500",
                                    "resolved": "(kind == 'commune' and population < 3500) and population < 500"])
        #expect((definitions["boosts"] as? [[String: Any]])?.count == 2)
    }
}
