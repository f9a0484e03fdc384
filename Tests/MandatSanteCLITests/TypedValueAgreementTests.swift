import Foundation
import MandatSante
@testable import MandatSanteCLI
import RuleKit
import Testing

/// A value typed by a person means the same thing wherever it is typed: a cell of a territories file, `--set`,
/// an answer to `init`. Each of the three is driven through its own entry point and must agree with the others.
@Suite("une même valeur tapée : même lecture dans un CSV, avec --set et pour init")
struct TypedValueAgreementTests {
    static let vocabulary: Vocabulary = {
        let bytes = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Rules/vocabulary.json")))) ?? []
        return (try? JSONParser.parse(bytes)).map { VocabularyLoader.load($0, file: "vocabulary.json").0 } ?? Vocabulary(facts: [])
    }()

    struct Example: CustomTestStringConvertible, Sendable {
        var fact: String
        var typed: String
        var testDescription: String { "\(fact) = \(typed)" }
    }

    static let examples: [Example] = [
        ("population", "12 400"), ("population", "12\u{A0}400 habitants"), ("population", "0x10"), ("population", "0x1p4"),
        ("population", "1e3"), ("population", "12,5"), ("population", "inf"), ("population", "-3"), ("population", "3 000 001"),
        ("share75Plus", "12,5 %"), ("share75Plus", "12.5"), ("share75Plus", "1e308"), ("share75Plus", "nan"),
        ("cpts", "oui"), ("cpts", "Non"), ("cpts", "peut-être"),
        ("medicalZoning", "zip"), ("medicalZoning", "ZIP"), ("medicalZoning", "zap"),
        ("priorities", "prevention|prevention"), ("priorities", "acces-aux-soins,prevention"), ("priorities", "a,,b"),
        ("name", "Saint-Aubin"), ("name", "   "), ("name", "A\u{1B}[2J"), ("name", "A\nB"), ("name", "»" + String(repeating: "x", count: 300)),
        ("departement", "Ain\u{7}"),
    ].map { Example(fact: $0.0, typed: $0.1) }

    /// What the CSV reader makes of a cell: the value, or the kind of its error.
    private func csv(_ example: Example) throws -> String {
        let required = ["name": "X", "kind": "commune", "population": "10", "density": "bourg-rural"]
        var columns = Array(required.keys.sorted())
        if !columns.contains(example.fact) { columns.append(example.fact) }
        let header = try #require(BatchHeader.read(CSVRecord(line: 1, fields: columns), file: "t.csv", vocabulary: Self.vocabulary).0)
        let cells = columns.map { $0 == example.fact ? example.typed : required[$0] ?? "" }
        let (profile, diagnostics) = BatchRow.profile(CSVRecord(line: 2, fields: cells), header: header, file: "t.csv", vocabulary: Self.vocabulary)
        if let profile { return describe(profile.value(example.fact)) }
        #expect(!diagnostics.isEmpty)
        return "refusé"
    }

    private func set(_ example: Example) throws -> String {
        let json = #"{"name": "X", "kind": "commune", "population": 10, "density": "bourg-rural"}"#
        let base = try #require(ProfileLoader.load(Array(json.utf8), file: "p.json", vocabulary: Self.vocabulary).0)
        switch ProfileLoader.override(base, with: ["\(example.fact)=\(example.typed)"]) {
        case .success(let profile): return describe(profile.value(example.fact))
        case .failure: return "refusé"
        }
    }

    private func initAnswer(_ example: Example) throws -> String {
        let fact = try #require(Self.vocabulary.fact(named: example.fact))
        // A question with no proposal, so that an empty answer is a refusal as elsewhere for a required fact.
        var question = Question(fact: fact, number: 1, count: 1)
        if !fact.required { question.proposal = .unstated }
        switch AnswerReader.read(example.typed, for: question) {
        case .success(.value(let value)): return describe(value)
        case .success(.unstated): return describe(fact.defaultValue)
        case .failure: return "refusé"
        }
    }

    private func describe(_ value: FactValue?) -> String {
        switch value {
        case nil: return "non renseigné"
        case .set(let members)?: return members.sorted().joined(separator: "|")
        case let value?: return "\(value)"
        }
    }

    @Test(arguments: examples)
    func sameReadingEverywhere(_ example: Example) throws {
        let readings = [try csv(example), try set(example), try initAnswer(example)]
        #expect(Set(readings).count == 1, "CSV, --set, init : \(readings)")
    }

    @Test("refusés partout : hexadécimal, exposant, doublons, texte vide, caractère de contrôle")
    func refusedEverywhere() throws {
        for typed in ["0x10", "0x1p4", "1e3"] {
            #expect(try set(Example(fact: "population", typed: typed)) == "refusé")
        }
        #expect(try csv(Example(fact: "priorities", typed: "prevention|prevention")) == "refusé")
        #expect(try set(Example(fact: "name", typed: "")) == "refusé")
        #expect(try initAnswer(Example(fact: "name", typed: "A\u{1B}[D")) == "refusé")
    }
}
