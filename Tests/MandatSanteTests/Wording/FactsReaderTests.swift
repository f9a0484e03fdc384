import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("FactsReader")
struct FactsReaderTests {
    private let vocabulary = TestVocabulary.vocabulary

    private func read(_ text: String, ignoredKeys: Set<String> = []) throws -> (FactValues, [Diagnostic]) {
        FactsReader.read(try JSONParser.parse(text), file: "profil.json", vocabulary: vocabulary, ignoredKeys: ignoredKeys)
    }

    private func rendered(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.code)] \($0.message)" }
    }

    @Test func readsAValidProfileAndFillsDefaults() throws {
        let (facts, diagnostics) = try read("""
        {
          "$schema": "profil.schema.json",
          "name": "Saint-Étienne",
          "population": 12400,
          "density": "urbain",
          "priorities": ["prevention", "sante-mentale"],
          "share75Plus": 12.5
        }
        """, ignoredKeys: ["$schema"])
        #expect(diagnostics.isEmpty)
        #expect(facts.value(of: "name", in: vocabulary) == .text("Saint-Étienne"))
        #expect(facts.value(of: "population", in: vocabulary) == .number(12_400))
        #expect(facts.value(of: "density", in: vocabulary) == .text("urbain"))
        #expect(facts.value(of: "priorities", in: vocabulary) == .set(["prevention", "sante-mentale"]))
        #expect(facts.value(of: "share75Plus", in: vocabulary) == .number(12.5))
        // Not stated: the default, or absent when there is none.
        #expect(facts.value(of: "cpts", in: vocabulary) == .bool(false))
        #expect(facts.value(of: "clsm", in: vocabulary) == nil)
        #expect(facts.value(of: "unknown", in: vocabulary) == nil)
    }

    @Test func nullMakesAnOptionalFactAbsentEvenOverADefault() throws {
        let (facts, diagnostics) = try read(#"{"name": "A", "population": 10, "density": "rural", "share75Plus": null, "cpts": null}"#)
        #expect(diagnostics.isEmpty)
        #expect(facts.value(of: "share75Plus", in: vocabulary) == nil)
        #expect(facts.value(of: "cpts", in: vocabulary) == nil)
    }

    @Test func unknownFactWithSuggestion() throws {
        let (_, diagnostics) = try read("{\n  \"name\": \"A\", \"popualtion\": 10, \"density\": \"rural\", \"population\": 10, \"zzz\": 1\n}")
        #expect(rendered(diagnostics) == [
            "2:16 [faits.inconnu] fait inconnu « popualtion » ; vouliez-vous dire « population » ?",
            "2:72 [faits.inconnu] fait inconnu « zzz »",
        ])
        #expect(diagnostics.allSatisfy { $0.file == "profil.json" && $0.severity == .error })
    }

    @Test(arguments: [
        (#""population": "1200""#, "[faits.type] $.population : un texte ne convient pas ; un nombre entier supérieur ou égal à 1 était attendu"),
        (#""population": 12.5"#, "[faits.type] $.population : « 12.5 » n'est pas un nombre entier ; un nombre entier supérieur ou égal à 1 était attendu"),
        (#""population": -5"#, "[faits.hors-limites] $.population : -5 est hors limites ; un nombre entier supérieur ou égal à 1 était attendu"),
        (#""population": 0"#, "[faits.hors-limites] $.population : 0 est hors limites ; un nombre entier supérieur ou égal à 1 était attendu"),
        (#""share75Plus": 100.5"#, "[faits.hors-limites] $.share75Plus : 100.5 est hors limites ; un nombre entre 0 et 100 était attendu"),
        (#""cpts": "oui""#, "[faits.type] $.cpts : un texte ne convient pas ; true ou false était attendu"),
        (#""name": 3"#, "[faits.type] $.name : un nombre ne convient pas ; un texte entre guillemets était attendu"),
        (#""density": "urbian""#, "[faits.valeur-inconnue] $.density : valeur inconnue « urbian » ; vouliez-vous dire « urbain » ? (valeurs permises : urbain, periurbain, rural)"),
        // A JSON profile holds ids: a label typed with a slip is answered with the id to write.
        (#""density": "zone rurales""#, "[faits.valeur-inconnue] $.density : valeur inconnue « zone rurales » ; vouliez-vous dire « rural » ? (valeurs permises : urbain, periurbain, rural)"),
        (#""density": ["rural"]"#, "[faits.type] $.density : une liste ne convient pas ; une de ces valeurs était attendue : urbain, periurbain, rural"),
        (#""priorities": "prevention""#, "[faits.type] $.priorities : un texte ne convient pas ; une liste de valeurs parmi : acces-aux-soins, sante-mentale, prevention était attendue"),
        (#""population": null"#, "[faits.type] $.population : null ne convient pas ; un nombre entier supérieur ou égal à 1 était attendu"),
    ])
    func wrongValues(member: String, expected: String) throws {
        // Every required fact is stated once: the member under test replaces the valid one.
        var members = [#""name": "A""#, #""population": 10"#, #""density": "rural""#]
        let key = member.prefix { $0 != ":" }
        members.removeAll { $0.hasPrefix(key) }
        let (_, diagnostics) = try read("{" + (members + [member]).joined(separator: ", ") + "}")
        #expect(diagnostics.map { "[\($0.code)] \($0.message)" } == [expected])
    }

    @Test func wrongValueIsReportedAtTheValue() throws {
        let (facts, diagnostics) = try read("{\n  \"name\": \"A\",\n  \"density\": \"rural\",\n  \"population\": -5\n}")
        #expect(diagnostics.map(\.location.lineColumn) == [loc(4, 17)])
        // The default stays (none here) rather than a wrong value.
        #expect(facts.value(of: "population", in: vocabulary) == nil)
    }

    @Test func setWithDuplicateUnknownAndMistypedElements() throws {
        let (facts, diagnostics) = try read(#"{"name": "A", "population": 10, "density": "rural", "priorities": ["prevention", "prevension", "prevention", 3]}"#)
        #expect(rendered(diagnostics) == [
            "1:82 [faits.valeur-inconnue] $.priorities : valeur inconnue « prevension » ; vouliez-vous dire « prevention » ? (valeurs permises : acces-aux-soins, sante-mentale, prevention)",
            "1:96 [faits.doublon] $.priorities : « prevention » figure deux fois",
            "1:110 [faits.type] $.priorities : l'élément 4 devrait être un texte, pas un nombre",
        ])
        #expect(facts.value(of: "priorities", in: vocabulary) == .set(["prevention"]))
    }

    @Test func missingRequiredFactsAreReportedAtTheObject() throws {
        let (_, diagnostics) = try read("\n  {\"population\": 10}")
        #expect(rendered(diagnostics) == [
            "2:3 [faits.manquant] fait obligatoire « name » (nom du territoire) manquant : un texte entre guillemets était attendu",
            "2:3 [faits.manquant] fait obligatoire « density » (densité) manquant : une de ces valeurs était attendue : urbain, periurbain, rural",
        ])
    }

    @Test func rootMustBeAnObject() throws {
        let (facts, diagnostics) = try read("[1]")
        #expect(rendered(diagnostics) == [
            "1:1 [faits.type] un objet JSON était attendu (par exemple { \"name\": \"…\", \"population\": 1200 }), pas une liste",
        ])
        #expect(facts == FactValues(defaultsOf: vocabulary))
    }

    @Test func expectationsForBounds() {
        let both = Fact(name: "n", type: .int, label: "n", minimum: 1, maximum: 3_000_000)
        #expect(FactsReader.expectationText(for: both) == "un nombre entier entre 1 et 3\u{A0}000\u{A0}000 était attendu")
        let upper = Fact(name: "n", type: .number, label: "n", maximum: 10)
        #expect(FactsReader.expectationText(for: upper) == "un nombre inférieur ou égal à 10 était attendu")
        let none = Fact(name: "n", type: .number, label: "n")
        #expect(FactsReader.expectationText(for: none) == "un nombre était attendu")
    }
}
