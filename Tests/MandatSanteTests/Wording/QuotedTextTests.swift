import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("QuotedText et noms des caractères : des citations bornées, des caractères nommés")
struct QuotedTextTests {
    @Test("une valeur citée : courte, sans caractère de contrôle, ses propres guillemets ne ferment rien")
    func quote() {
        #expect(QuotedText.quote("cls") == "« cls »")
        #expect(QuotedText.quote("a » b « c") == "« a › b ‹ c »")
        #expect(QuotedText.quote("x\u{1B}[2J") == "« x␛[2J »")
        let long = QuotedText.quote(String(repeating: "x", count: 100_000))
        #expect(long.unicodeScalars.count == 2 + 78 + 2)
        #expect(long.hasSuffix("x… »"))
        // An already quoted value is left as it is by the clipping of whole messages.
        let message = "valeur inconnue \(QuotedText.quote("»" + String(repeating: "y", count: 100_000))) ; suite"
        #expect(QuotedText.clip(message) == message)
        #expect(message.count < 120)
    }

    @Test("un message, même fait sans quote, reste borné")
    func messagesAreCapped() {
        let hostile = "valeur « a»" + String(repeating: "b", count: 100_000) + " »"
        let diagnostic = Diagnostic.error("x", hostile, file: "f")
        #expect(diagnostic.message.unicodeScalars.count <= QuotedText.maximumMessageLength)
    }

    @Test func controlCharactersAreNamed() {
        #expect(FrenchDiagnostics().message("markdown.caractere-de-controle", ["character": "U+001B"]).contains("U+001B (échappement)"))
        #expect(FrenchDiagnostics().message("markdown.caractere-de-controle", ["character": "U+0003"]).contains("U+0003 :"))
        #expect(FrenchDiagnostics().message("markdown.caractere-de-controle", ["character": "U+202E"]).contains("(inversion du sens d'écriture)"))
    }
}
