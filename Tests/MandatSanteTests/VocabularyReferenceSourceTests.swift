import Foundation
import MandatSante
import RuleKit
import Testing

/// A reference of the vocabulary (« France : 10,4 % début 2024, Insee ») is printed on page 1 after a territory's
/// figure: it names its document (`source`, an id of `sources.json`), `check` says where an id is unknown or a
/// reference names none, and the roadmap lists that document among its sources, cited by its number.
@Suite("Vocabulaire : chaque référence de la première page nomme son document")
struct VocabularyReferenceSourceTests {
    static let fact = #""label": "part des 75 ans et plus" }"#

    /// The fixture vocabulary whose share of people aged 75 or more carries `fields` (a reference, its source…).
    static func vocabulary(_ fields: String) -> String {
        Fixture.vocabularyJSON.replacingOccurrences(of: fact, with: #""label": "part des 75 ans et plus", "# + fields + " }")
    }

    static func load(_ vocabulary: String) -> RuleBaseLoader.Result {
        var files = Fixture.files(Fixture.recommendationFiles([SourceRegisterTests.rec(facts: ["acces-40"])]),
                                  sources: SourceRegisterTests.sources, facts: SourceRegisterTests.facts, version: SourceRegisterTests.version)
        files.vocabulary = Fixture.file("Rules/vocabulary.json", vocabulary)
        return RuleBaseLoader.load(files)
    }

    /// `file:line:column` of the first occurrence of `text` in `json` (1-based, in Unicode scalars), shifted by `offset`.
    static func position(of text: String, in json: String, offset: Int = 0) throws -> String {
        let lines = json.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(text) })
        let range = try #require(lines[index].range(of: text))
        let column = lines[index].unicodeScalars.distance(from: lines[index].unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: lines[index].unicodeScalars)!) + 1
        return "Rules/vocabulary.json:\(index + 1):\(column + offset)"
    }

    static func messages(_ code: String, _ result: RuleBaseLoader.Result) -> [(location: String, message: String)] {
        result.diagnostics.filter { $0.code == code }.map { ("\($0.location)", FrenchDiagnostics().message($0.code, $0.arguments)) }
    }

    /// As `FindingSourceTests.cited`, on the whole roadmap (`ExampleSynthesisTests.document`).
    static func cited(_ name: String, _ text: String) throws -> (line: String, documents: [String]) {
        let document = try ExampleSynthesisTests.document(name)
        let line = try #require(document.synthesis.findings.first { $0.contains(text) }, "\(document.synthesis.findings)")
        let numbers = line.split(separator: "[").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        return (line, numbers.map { document.bibliography[$0 - 1].document })
    }

    @Test("un identifiant inconnu, seul ou dans une liste, d'une référence ou d'une variante : erreur à sa position, avec le plus proche")
    func unknownSourceIsAnError() throws {
        let json = Self.vocabulary(#""reference": "France : 10,4 % début 2024, Insee", "source": "rapport-2O22", "references": [{ "when": "outreMer == 'reunion'", "reference": "La Réunion : 36 %", "source": ["rapport-2022", "livre-blanc-2062"] }]"#)
        let result = Self.load(json)
        let errors = Self.messages("regles.source-inconnue", result)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.location == (try Self.position(of: "rapport-2O22", in: json)))
        #expect(errors.first?.message == "document source inconnu « rapport-2O22 » ; vouliez-vous dire « rapport-2022 » ? (voir Rules/sources.json)", "\(errors)")
        #expect(errors.last?.location == (try Self.position(of: "livre-blanc-2062", in: json)))
        #expect(errors.last?.message.hasPrefix("document source inconnu « livre-blanc-2062 » ; vouliez-vous dire « livre-blanc-2026 » ?") == true, "\(errors)")
    }

    @Test("une référence, ou une variante, sans source : avertissement là où elle est écrite, qui dit quoi ajouter")
    func referenceWithoutSourceIsAWarning() throws {
        let json = Self.vocabulary(#""reference": "France : 10,4 % début 2024, Insee", "references": [{ "when": "outreMer == 'reunion'", "reference": "La Réunion : 36 %" }]"#)
        let result = Self.load(json)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let warnings = Self.messages("vocabulaire.reference-sans-source", result)
        #expect(warnings.count == 2, "\(warnings)")
        // The reference's value, then the variant's object.
        #expect(warnings.first?.location == (try Self.position(of: #""France : 10,4 %"#, in: json)))
        #expect(warnings.last?.location == (try Self.position(of: #"{ "when": "outreMer == 'reunion'""#, in: json)))
        #expect(warnings.first?.message == "la référence du fait « share75Plus » ne cite aucun document : ajoutez « source », l'identifiant de son document dans Rules/sources.json, pour que la feuille de route le compte parmi ses sources")
        let sourced = Self.load(Self.vocabulary(#""reference": "France : 10,4 %", "source": "rapport-2022", "references": [{ "when": "outreMer == 'reunion'", "reference": "La Réunion : 36 %", "source": ["rapport-2022", "livre-blanc-2026"] }]"#))
        #expect(Self.messages("vocabulaire.reference-sans-source", sourced).isEmpty)
        #expect(!sourced.diagnostics.contains { $0.severity == .error }, "\(sourced.diagnostics)")
        let fact = try #require(sourced.ruleBase?.vocabulary.fact(named: "share75Plus"))
        #expect(fact.referenceSources.map(\.text) == ["rapport-2022"])
        #expect(fact.referenceVariants.first?.sources.map(\.text) == ["rapport-2022", "livre-blanc-2026"])
    }

    @Test("un document cité sans référence : erreur à la clé « source », qui dit d'ajouter la référence ou de retirer la source")
    func sourceWithoutReferenceIsAnError() throws {
        let json = Self.vocabulary(#""source": "rapport-2022""#)
        let errors = Self.messages("vocabulaire.source-sans-reference", Self.load(json))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location == (try Self.position(of: #""source": "rapport-2022""#, in: json)))
        #expect(errors.first?.message == "le fait « share75Plus » cite un document (« source ») sans « reference » : la source appuie le chiffre de comparaison que la première page imprime ; ajoutez « reference » ou retirez « source »")
    }

    @Test("un document de plus de cinq ans cité par le seul vocabulaire a l'avertissement « plus de cinq ans », qui dit quel fait le cite")
    func oldDocumentCitedByTheVocabulary() throws {
        let result = Self.load(Self.vocabulary(#""reference": "France : 12 % en 2020", "source": "rapport-2020""#))
        let warnings = Self.messages("regles.source-ancienne", result)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.message.hasSuffix("cité par la référence du vocabulaire pour « share75Plus »") == true, "\(warnings)")
        #expect(warnings.first?.message.contains("recommandation") == false)
    }

    @Test("la première page cite par leur numéro les documents Insee du taux de pauvreté : La Réunion (et l'Hexagone), la métropole, Mayotte")
    func povertyFindingsCiteTheirDocuments() throws {
        let reunion = try Self.cited("commune-outre-mer-reunion", "Taux de pauvreté")
        #expect(Plan24Tests.plain(reunion.line).contains("(La Réunion : 36 % en 2021 ; France métropolitaine : 14,4 % en 2022, Insee ["), "\(reunion.line)")
        #expect(reunion.documents == ["la1ere-pauvrete-reunion-2021", "insee-pauvrete-2024"], "\(reunion.line)")
        let metropole = try Self.cited("ville-moyenne-qpv-cls", "Taux de pauvreté")
        #expect(Plan24Tests.plain(metropole.line).contains("(France métropolitaine : 14,4 % en 2022, Insee ["), "\(metropole.line)")
        #expect(metropole.documents == ["insee-pauvrete-2024"], "\(metropole.line)")
        #expect(try Self.cited("village-mayotte-zip", "Taux de pauvreté").documents == ["insee-mayotte-pauvrete-2018"])
        #expect(try Self.cited("bourg-cls-pays", "Part des").documents == ["repss-retraites-2025-vieillissement"])
    }

    @Test("le document d'une référence rejoint les sources de la première action qui répond au constat, une seule liste")
    func referenceDocumentJoinsTheFirstAnsweringAction() throws {
        let (_, document) = try Plan24Tests.plan("commune-outre-mer-reunion")
        let line = try #require(document.synthesis.findings.first { $0.contains("Taux de pauvreté") })
        let plain = Plan24Tests.plain(line)
        let first = try #require(Int(plain.components(separatedBy: "les actions ").last?.prefix { $0.isNumber } ?? ""), "\(plain)")
        let card = try #require(document.cards.first { $0.rank == first })
        #expect(card.sources.map(\.document).contains("la1ere-pauvrete-reunion-2021"), "\(card.sources.map(\.document))")
        #expect(document.bibliography.filter { $0.document == "insee-pauvrete-2024" }.count == 1)
    }
}
