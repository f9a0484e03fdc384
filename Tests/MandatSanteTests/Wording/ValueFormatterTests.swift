import Testing
import EngineTestSupport
import MandatSante
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

    @Test("toute valeur, même énorme ou non finie, s'écrit sans planter")
    func anyDoubleIsSafe() {
        let nbsp = "\u{A0}"
        #expect(ValueFormatter.number(1e308) == "1\(nbsp)×\(nbsp)10^308")
        #expect(ValueFormatter.number(-2.5e20) == "-2,5\(nbsp)×\(nbsp)10^20")
        #expect(ValueFormatter.number(9.999e15) == "1\(nbsp)×\(nbsp)10^16")
        #expect(ValueFormatter.number(.greatestFiniteMagnitude).hasSuffix("10^308"))
        #expect(ValueFormatter.number(.infinity) == "∞")
        #expect(ValueFormatter.number(-.infinity) == "-∞")
        #expect(ValueFormatter.number(.nan) == "non défini")
        #expect(ValueFormatter.number(999_999_999_999_999) == "999\(nbsp)999\(nbsp)999\(nbsp)999\(nbsp)999")
        #expect(ValueFormatter.number(.leastNonzeroMagnitude) == "0")
        #expect(ValueFormatter.value(.number(1e308), of: TestVocabulary.fact("share75Plus")).hasSuffix("10^308\(nbsp)%"))
    }
}
