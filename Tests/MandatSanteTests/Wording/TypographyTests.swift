@testable import MandatSante
import Testing

/// A number keeps what follows it on its line: its unit, its noun, the rest of its range.
@Suite("Typographie française : un nombre ne se sépare pas de ce qui le suit")
struct TypographyTests {
    private static func french(_ text: String) -> String {
        text.split(separator: "~", omittingEmptySubsequences: false).joined(separator: "\u{00A0}")
    }

    @Test(arguments: [
        ("de 10 000 à 100 000 €", "de 10~000~à 100~000~€"),
        ("2 études et 3 ans", "2~études et 3~ans"),
        ("6 781 habitants", "6~781~habitants"),
        ("en 2026 2027", "en 2026 2027"),
        ("15 % des 75 ans", "15~% des 75~ans"),
        ("le 14 Octobre", "le 14 Octobre"),
        ("9 ÷ 3", "9 ÷ 3"),
        ("dont 5 Md€ et 1,642 M€", "dont 5~Md€ et 1,642~M€"),
        ("le 5 Mai, 5 MSP", "le 5 Mai, 5 MSP"),
    ])
    func holdsANumberToWhatFollows(text: String, expected: String) {
        #expect(Typography.french(text) == Self.french(expected))
    }
}

/// Page 1 names who funds an action, from the first words of its funding line.
@Suite("Financeur d'une décision de la page 1")
struct FunderTests {
    @Test(arguments: [
        ("Budget de la collectivité ; aucun financement spécifique pour la révision du plan", "budget de la collectivité"),
        ("ARS – FIR, pour un diagnostic préparatoire", "ARS"),
        ("Aucun financement spécifique nécessaire : du temps d'élus", nil),
    ] as [(String, String?)])
    func namesTheFunderOnly(line: String, expected: String?) {
        #expect(ExecutiveSynthesis.funder(line) == expected)
    }
}
