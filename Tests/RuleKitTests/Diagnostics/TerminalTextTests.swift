import Testing
import EngineTestSupport
import RuleKit

@Suite("TerminalText : rien d'exécutable par le terminal")
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

    @Test("un document en octets : chaque caractère de contrôle est trouvé, à quelque position qu'il soit dans un long texte imprimable")
    func controlsFoundAtEveryOffsetOfBytes() {
        let plain = Array(String(repeating: "Feuille de route ~ 2026 ", count: 4).utf8)
        #expect(TerminalText.neutralized(bytes: plain, .keepLineBreaks) == plain)
        let controls: [(inserted: String, shown: String)] = [("\u{1B}", "␛"), ("\u{7F}", "␡"), ("\u{0}", "␀"), ("\u{9B}", "‹U+009B›"),
                                                             ("\u{1F}", "␟"), ("\r", "␍")]
        for offset in 0..<40 {
            for control in controls {
                let text = String(decoding: plain[..<offset], as: UTF8.self) + control.inserted + String(decoding: plain[offset...], as: UTF8.self)
                let expected = String(decoding: plain[..<offset], as: UTF8.self) + control.shown + String(decoding: plain[offset...], as: UTF8.self)
                #expect(String(decoding: TerminalText.neutralized(bytes: Array(text.utf8), .keepLineBreaks), as: UTF8.self) == expected,
                        "\(control.shown) à la position \(offset)")
            }
            // Accents and line breaks alone need nothing, wherever they fall.
            let accented = Array((String(decoding: plain[..<offset], as: UTF8.self) + "é\n" + String(decoding: plain[offset...], as: UTF8.self)).utf8)
            #expect(TerminalText.neutralized(bytes: accented, .keepLineBreaks) == accented)
        }
    }

    @Test("20 000 documents tirés au hasard (accents, guillemets, tirets, fins de ligne, contrôles C0 et C1, inversions de sens) : un document en octets est neutralisé exactement quand l'un de ses caractères le demande")
    func bytesNeedWorkExactlyWhenACharacterDoes() {
        let pieces = ["Feuille", " de route ", "é", "«\u{A0}", "\u{A0}»", " — ", "’", "…", "\n", "\r\n", "\r", "\t", "12\u{A0}400",
                      "\u{1B}", "\u{7F}", "\u{0}", "\u{85}", "\u{9B}", "\u{A0}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{2014}", "€", "🙂"]
        var generator = SeededGenerator(seed: 20_261_203)
        func next() -> Int { Int(generator.next() >> 33) }
        var mismatches: [String] = []
        var neutralizedCount = 0
        for _ in 0..<20_000 {
            // Mostly harmless pieces, so that a control falls anywhere in a long word of eight bytes.
            let text = (0..<(next() % 30)).map { _ in pieces[next() % 4 == 0 ? next() % pieces.count : next() % 13] }.joined()
            for options in [TerminalText.Options.keepLineBreaks, [.keepLineBreaks, .bidirectional], []] {
                let bytes = Array(text.utf8)
                let changed = TerminalText.neutralized(bytes: bytes, options) != bytes
                if changed != Self.needsWork(text, options) { mismatches.append("\(Array(text.unicodeScalars).map { $0.value }) \(options.rawValue)") }
                if changed { neutralizedCount += 1 }
            }
        }
        #expect(mismatches.count == 0, "\(mismatches.count) différences, dont \(mismatches.prefix(3))")
        #expect(neutralizedCount > 10_000, "\(neutralizedCount) documents neutralisés")
    }

    /// The reference, character by character: what `neutralized` replaces.
    private static func needsWork(_ text: String, _ options: TerminalText.Options) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0A, 0x09: if !options.contains(.keepLineBreaks) { return true }
            case 0x0D: if !options.contains(.keepLineBreaks) || index + 1 == scalars.count || scalars[index + 1] != "\n" { return true }
            case 0..<0x20, 0x7F...0x9F: return true
            default: if options.contains(.bidirectional) && TerminalText.isBidirectionalControl(scalar.value) { return true }
            }
        }
        return false
    }

    @Test func forbiddenInText() {
        #expect(TerminalText.isForbiddenInText("\u{1B}"))
        #expect(TerminalText.isForbiddenInText("\n"))
        #expect(TerminalText.isForbiddenInText("\u{85}"))
        #expect(TerminalText.isForbiddenInText("\u{2028}"))
        #expect(TerminalText.isForbiddenInText("\u{2066}"))
        #expect(!TerminalText.isForbiddenInText("é"))
        #expect(!TerminalText.isForbiddenInText("\u{A0}"))
        #expect(TerminalText.codePoint("\u{1B}") == "U+001B")
        #expect(TerminalText.codePoint("\u{2028}") == "U+2028")
    }
}
