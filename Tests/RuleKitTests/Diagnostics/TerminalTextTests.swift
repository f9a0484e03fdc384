import Testing
import RuleKit

@Suite("TerminalText et QuotedText : rien d'exécutable par le terminal, des citations bornées")
struct TerminalTextTests {
    @Test("les séquences d'échappement deviennent visibles", arguments: [
        ("\u{1B}[2J\u{1B}[H", "␛[2J␛[H"),
        ("\u{1B}]52;c;ZXZpbA==\u{7}", "␛]52;c;ZXZpbA==␇"),
        ("\u{1B}]0;titre\u{1B}\\", "␛]0;titre␛\\"),
        ("a\u{0}b\u{7F}c", "a␀b␡c"),
        ("\u{9B}31m", "‹U+009B›31m"),
        ("abc\u{202E}gpj.exe", "abc‹U+202E›gpj.exe"),
        ("seul\rretour", "seul␍retour"),
    ])
    func neutralized(input: String, expected: String) {
        #expect(TerminalText.neutralized(input) == expected)
    }

    @Test func linesAndTabsAreKeptWhenAsked() {
        #expect(TerminalText.neutralized("a\tb\nc\r\nd") == "a\tb\nc\r\nd")
        #expect(TerminalText.neutralized("a\tb\nc\r\nd", []) == "a␉b␊c␍␊d")
        #expect(TerminalText.neutralized("fin\r") == "fin␍")
        // Without the option, a right-to-left override is left to the text it belongs to.
        #expect(TerminalText.neutralized("a\u{202E}b", .keepLineBreaks) == "a\u{202E}b")
        let plain = "Feuille de route — Saint-Étienne « 2026 » 12 400 habitants\n"
        #expect(TerminalText.neutralized(plain) == plain)
    }

    @Test func forbiddenInText() {
        #expect(TerminalText.isForbiddenInText("\u{1B}"))
        #expect(TerminalText.isForbiddenInText("\n"))
        #expect(TerminalText.isForbiddenInText("\u{85}"))
        #expect(TerminalText.isForbiddenInText("\u{2028}"))
        #expect(TerminalText.isForbiddenInText("\u{2066}"))
        #expect(!TerminalText.isForbiddenInText("é"))
        #expect(!TerminalText.isForbiddenInText("\u{A0}"))
        #expect(TerminalText.describe("\u{1B}") == "U+001B (échappement)")
        #expect(TerminalText.describe("\u{3}") == "U+0003")
    }

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
}
