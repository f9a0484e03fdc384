import Testing
@testable import MandatSante

/// The « pourquoi » of an entry to consider later: the boost that most raised it for what the territory is, not the
/// condition's first finding nor the team's priority alone (read39e).
@Suite("À envisager ensuite : le pourquoi de chaque ligne")
struct ConsiderLaterReasonTests {
    static func line(_ name: String, _ id: String) throws -> String {
        let document = try ExampleSynthesisTests.document(name)
        let entry = try #require(document.considerLater.first { $0.id == id }, "\(name) : \(id)")
        return Plan24Tests.plain(try #require(entry.line, "\(name) : \(id)"))
    }

    @Test("commune des Antilles en ZIP avec sa maison de santé : le centre de santé salarié dit la zone d'intervention prioritaire (+15), pas « aucun centre de santé »")
    func weightiestBoostFirst() throws {
        let line = try Self.line("commune-antilles-dengue", "centre-sante-salaries")
        #expect(line.hasPrefix("pourquoi : zone d'intervention prioritaire"), "\(line)")
        #expect(!line.contains("aucun centre de santé"), "\(line)")
    }

    @Test("bourg d'un pays dont le bien vieillir est une priorité : le logement adapté dit la part des 75 ans, pas la priorité que la page 1 dit déjà")
    func teamPriorityIsNoReason() throws {
        let line = try Self.line("bourg-cls-pays", "logement-adapte-vieillissement")
        #expect(line.hasPrefix("pourquoi : une part des 75 ans ou plus (12 %) au-dessus de la moyenne nationale"), "\(line)")
        #expect(!line.contains("priorité de l'équipe"), "\(line)")
    }
}
