import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("JSONObjectReader")
struct JSONObjectReaderTests {
    private func reader(_ text: String) throws -> JSONObjectReader {
        var diagnostics: [Diagnostic] = []
        let root = try JSONParser.parse(text)
        let reader = try #require(JSONObjectReader(root, file: "f.json", context: "la recommandation « r1 »", diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        return reader
    }

    @Test func readsTypedFields() throws {
        var reader = try reader(#"{"id": "r1", "rank": 3, "weight": 0.5, "active": true, "tags": ["a", "b"]}"#)
        #expect(reader.string("id", required: true) == "r1")
        #expect(reader.int("rank", in: 1...5) == 3)
        #expect(reader.number("weight", in: 0...1) == 0.5)
        #expect(reader.bool("active") == true)
        #expect(reader.strings("tags", count: 1...3) == ["a", "b"])
        #expect(reader.string("absent") == nil)
        reader.reportUnknownFields()
        #expect(reader.diagnostics.isEmpty)
    }

    @Test func notAnObject() throws {
        var diagnostics: [Diagnostic] = []
        let root = try JSONParser.parse("\n  [1]")
        #expect(JSONObjectReader(root, file: "f.json", context: "la recommandation « r1 »", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.map(\.message) == ["la recommandation « r1 » doit être un objet JSON, pas une liste"])
        #expect(diagnostics.map(\.location) == [SourceLocation(file: "f.json", line: 2, column: 3)])
    }

    @Test func collectsEveryProblemWithItsPosition() throws {
        var reader = try reader("""
        {
          "titre": 12,
          "rank": 2.5,
          "weight": 7,
          "tags": ["a", ""],
          "note": "  ",
          "actif": true
        }
        """)
        #expect(reader.string("id", required: true) == nil)
        #expect(reader.string("titre") == nil)
        #expect(reader.int("rank") == nil)
        #expect(reader.number("weight", in: 0...1) == nil)
        #expect(reader.strings("tags", count: 3...Int.max) == ["a"])
        #expect(reader.string("note") == nil)
        #expect(reader.bool("active") == nil)
        reader.reportUnknownFields()
        let found = reader.diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.code)] \($0.message)" }
        #expect(found == [
            "1:1 [json.champ-manquant] champ obligatoire « id » manquant dans la recommandation « r1 »",
            "2:12 [json.type] « titre » doit être un texte, pas un nombre",
            "3:11 [json.type] « rank » doit être un nombre entier, pas 2.5",
            "4:13 [json.hors-limites] « weight » vaut 7 ; une valeur entre 0 et 1 était attendue",
            "5:17 [json.type] « tags » ne doit contenir que des textes non vides, pas un texte",
            "5:11 [json.nombre-elements] « tags » compte 2 élément(s) ; au moins 3 étaient attendus dans la recommandation « r1 »",
            "6:11 [json.texte-vide] « note » ne doit pas être vide dans la recommandation « r1 »",
            "7:3 [json.champ-inconnu] champ inconnu « actif » dans la recommandation « r1 » ; vouliez-vous dire « active » ?",
        ])
    }

    @Test func unknownFieldSuggestsTheClosestKnownOne() throws {
        var reader = try reader(#"{"titel": "x", "zzz": 1}"#)
        _ = reader.string("title")
        _ = reader.string("summary")
        reader.reportUnknownFields(severity: .warning)
        #expect(reader.diagnostics.map(\.message) == [
            "champ inconnu « titel » dans la recommandation « r1 » ; vouliez-vous dire « title » ?",
            "champ inconnu « zzz » dans la recommandation « r1 »",
        ])
        #expect(reader.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func elementCountRangeIsNamed() throws {
        var reader = try reader(#"{"tags": ["a", "b", "c"]}"#)
        _ = reader.strings("tags", count: 1...2)
        #expect(reader.diagnostics.map(\.message) == ["« tags » compte 3 élément(s) ; de 1 à 2 étaient attendus dans la recommandation « r1 »"])
    }
}
