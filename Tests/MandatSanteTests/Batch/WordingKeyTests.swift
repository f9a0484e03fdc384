@testable import MandatSante
import RuleKit
import Testing

/// A kept wording is found again by its key (`WordingKey`), hashed once by a short digest of its fields: the
/// fields alone decide whether two keys are the same.
@Suite("Clé d'une mise en mots gardée")
struct WordingKeyTests {
    @Test("mêmes champs, même clé (un ensemble quel que soit l'ordre de ses membres) ; un champ différent, une autre clé, même quand l'empreinte coïncide")
    func fieldsDecideEquality() {
        let values: [FactValue?] = [.number(3), nil, .bool(true), .text("rural-disperse"), .set(["ecole", "creche", "mairie"])]
        let key = WordingKey(recommendation: "cls-engager", score: nil, values: values)
        let same = WordingKey(recommendation: "cls-engager", score: nil,
                              values: [.number(3), nil, .bool(true), .text("rural-disperse"), .set(["mairie", "ecole", "creche"])])
        #expect(key == same)
        #expect(key.hashValue == same.hashValue)
        var table: [WordingKey: String] = [key: "gardée"]
        #expect(table[same] == "gardée")
        // Each field and each value changed in turn: another key, and the table does not find it.
        let others: [WordingKey] = [
            WordingKey(recommendation: "cls-engager-2", score: nil, values: values),
            WordingKey(recommendation: "cls-engager", score: nil, values: Array(values.dropLast())),
            WordingKey(recommendation: "cls-engager", score: nil, values: [.number(4)] + values.dropFirst()),
            WordingKey(recommendation: "cls-engager", score: nil, values: [.number(3), .bool(false)] + values.dropFirst(2)),
            WordingKey(recommendation: "cls-engager", score: nil, values: [.number(3), nil, nil] + values.dropFirst(3)),
            WordingKey(recommendation: "cls-engager", score: nil, values: Array(values.prefix(3)) + [.text("rural-disperse "), values[4]]),
            WordingKey(recommendation: "cls-engager", score: nil, values: Array(values.prefix(4)) + [.set(["ecole", "creche"])]),
        ]
        for (index, other) in others.enumerated() {
            #expect(other != key, "variante \(index)")
            #expect(table[other] == nil, "variante \(index)")
            table[other] = "variante \(index)"
        }
        #expect(table.count == others.count + 1)
        #expect(table[same] == "gardée")
        // Ids that differ only past their first eight bytes, or by their length, are told apart too.
        let long = WordingKey(recommendation: "prevention-collective-a", score: nil, values: [])
        #expect(long != WordingKey(recommendation: "prevention-collective-b", score: nil, values: []))
        #expect(long.hashValue != WordingKey(recommendation: "prevention-collective-b", score: nil, values: []).hashValue)
        #expect(WordingKey(recommendation: "a", score: nil, values: []) != WordingKey(recommendation: "a\u{0}", score: nil, values: []))
    }
}
