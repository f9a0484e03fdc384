import Testing
import RuleKit

@Suite("ValueFormatter")
struct ValueFormatterTests {
    @Test(arguments: [
        (0.0, "0"),
        (7, "7"),
        (999, "999"),
        (1_000, "1\u{A0}000"),
        (3_500, "3\u{A0}500"),
        (12_400, "12\u{A0}400"),
        (1_234_567.891, "1\u{A0}234\u{A0}567,89"),
        (12.5, "12,5"),
        (12.25, "12,25"),
        (0.05, "0,05"),
        (-1_234.5, "-1\u{A0}234,5"),
        (999.999, "1\u{A0}000"),
        (-0.001, "0"),
    ])
    func formatsNumbersTheFrenchWay(value: Double, expected: String) {
        #expect(ValueFormatter.number(value) == expected)
    }

    @Test func formatsValuesOfFacts() {
        let population = TestVocabulary.fact("population")
        let density = TestVocabulary.fact("density")
        let priorities = TestVocabulary.fact("priorities")
        #expect(ValueFormatter.value(nil, of: population) == "non renseigné")
        #expect(ValueFormatter.value(.number(12_400), of: population) == "12\u{A0}400\u{A0}habitants")
        #expect(ValueFormatter.value(.number(12_400), of: nil) == "12\u{A0}400")
        #expect(ValueFormatter.value(.bool(true), of: nil) == "oui")
        #expect(ValueFormatter.value(.bool(false), of: nil) == "non")
        #expect(ValueFormatter.value(.text("periurbain"), of: density) == "zone périurbaine")
        #expect(ValueFormatter.value(.text("periurbain"), of: nil) == "periurbain")
        #expect(ValueFormatter.value(.set(["sante-mentale", "acces-aux-soins"]), of: priorities) == "accès aux soins, santé mentale")
        #expect(ValueFormatter.value(.set([]), of: priorities) == "aucun")
    }
}
