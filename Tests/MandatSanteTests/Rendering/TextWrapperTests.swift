import EngineTestSupport
import MandatSante
import Testing

/// The wrapper copies a line from the text at once when it reads there as it is written; the word-by-word wrapper
/// it replaced stays here as the reference it must agree with, byte for byte.
@Suite("Coupure des lignes du texte")
struct TextWrapperTests {
    @Test("5 000 textes tirés au hasard (guillemets, « : », espaces doubles, accents, mots longs) : les mêmes lignes que la coupure mot à mot")
    func sameLinesAsWordByWord() {
        let words = ["mot", "santé", "«", "»", "« CLS »", ":", ";", "!", "?", "3\u{00A0}500", "10:30", "a:", "très-long-mot-composé-qui-déborde-de-la-ligne",
                     "", "  ", "é", "€", "%", "œuvre", "«\u{00A0}x\u{00A0}»", "🙂"]
        var generator = SeededGenerator(seed: 20_261_203)
        var differing: [String] = []
        var joined = 0
        for _ in 0..<5_000 {
            let count = Int(generator.next() % 40)
            let text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: generator.next() % 5 == 0 ? "  " : " ")
            let width = 8 + Int(generator.next() % 80)
            let indent = String(repeating: " ", count: Int(generator.next() % 6))
            let first: String? = generator.next() % 2 == 0 ? nil : "  - "
            let found = TextWrapper.wrap(text, width: width, indent: indent, firstIndent: first)
            let reference = WordByWord.wrap(text, width: width, indent: indent, firstIndent: first)
            if found != reference { differing.append("« \(text) » (\(width)) : \(found) au lieu de \(reference)") }
            if reference.contains(where: { $0.contains("\u{00A0}»") || $0.contains("«\u{00A0}") }) { joined += 1 }
        }
        #expect(differing.isEmpty, "\(differing.count) différences, dont \(differing.prefix(3).joined(separator: " ; "))")
        #expect(joined > 500, "\(joined) textes avec une espace insécable ajoutée près d'un guillemet")
    }

    @Test("5 000 textes sans guillemet ni espace double (ce que la coupure compte d'un bloc) : les mêmes lignes que la coupure mot à mot")
    func plainTextsSameLinesAsWordByWord() {
        // « ë » (C3 AB) and « û » (C3 BB) share a byte with the guillemets; « · » and « ° » their lead byte (C2).
        let words = ["mot", "santé", ":", ";", "!", "?", "3\u{00A0}500", "10:30", "a:", "très-long-mot-composé-qui-déborde-de-la-ligne",
                     "é", "€", "%", "œuvre", "Noël", "sûr", "·", "20\u{00A0}°C", "🙂", "x", "coordination", "pluriprofessionnelle"]
        var generator = SeededGenerator(seed: 20_261_207)
        var differing: [String] = []
        for _ in 0..<5_000 {
            let count = 1 + Int(generator.next() % 60)
            var text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            // A space at either end, now and then.
            switch generator.next() % 8 {
            case 0: text += " "
            case 1: text = " " + text
            default: break
            }
            let width = 4 + Int(generator.next() % 84)
            let indent = String(repeating: " ", count: Int(generator.next() % 6))
            let first: String? = generator.next() % 2 == 0 ? nil : "  12. "
            let found = TextWrapper.wrap(text, width: width, indent: indent, firstIndent: first)
            let reference = WordByWord.wrap(text, width: width, indent: indent, firstIndent: first)
            if found != reference { differing.append("« \(text) » (\(width)) : \(found) au lieu de \(reference)") }
        }
        #expect(differing.isEmpty, "\(differing.count) différences, dont \(differing.prefix(3).joined(separator: " ; "))")
    }

    @Test("deux espaces entre deux mots : une seule à la sortie, et un guillemet reste collé à son mot")
    func spacesAndGuillemets() {
        #expect(TextWrapper.wrap("un  deux « trois » quatre", width: 80) == ["un deux «\u{00A0}trois\u{00A0}» quatre"])
        #expect(TextWrapper.wrap("un deux « trois » quatre", width: 12, indent: "  ") == ["  un deux", "  «\u{00A0}trois\u{00A0}»", "  quatre"])
    }
}

/// The wrapper as it was before lines were copied at once: word by word (the reference).
private enum WordByWord {
    static func wrap(_ text: String, width: Int, indent: String, firstIndent: String?) -> [String] {
        var lines: [String] = []
        var out: [UInt8] = []
        var text = text
        let first = (firstIndent ?? indent).utf8
        let indentLength = indent.unicodeScalars.count
        var lineLength = first.count == 0 ? 0 : (firstIndent ?? indent).unicodeScalars.count
        out += first
        var lineHasWord = false
        func endLine() {
            lines.append(String(decoding: out, as: UTF8.self))
            out.removeAll()
        }
        text.withUTF8 { source in
            let count = source.count
            func joins(_ index: Int) -> (joins: Bool, noBreak: Bool) {
                let afterOpening = index >= 2 && source[index - 2] == 0xC2 && source[index - 1] == 0xAB
                let beforeClosing = index + 2 < count && source[index + 1] == 0xC2 && source[index + 2] == 0xBB
                if afterOpening || beforeClosing { return (true, true) }
                let next = index + 1 < count ? source[index + 1] : 0
                let beforeSign = index + 1 < count && [0x3A, 0x3B, 0x21, 0x3F].contains(next) && (index + 2 == count || source[index + 2] == 0x20)
                return (beforeSign, false)
            }
            var index = 0
            while index < count {
                if source[index] == 0x20 && !joins(index).joins { index += 1; continue }
                let start = index
                var length = 0
                var inner = 0
                while index < count {
                    let byte = source[index]
                    if byte == 0x20 {
                        guard joins(index).joins else { break }
                        inner += 1
                    }
                    if byte & 0xC0 != 0x80 { length += 1 }
                    index += 1
                }
                if lineHasWord && lineLength + 1 + length > width {
                    endLine()
                    out += indent.utf8
                    lineLength = indentLength
                    lineHasWord = false
                }
                if lineHasWord {
                    out.append(0x20)
                    lineLength += 1
                }
                for offset in start..<index {
                    if source[offset] == 0x20 && joins(offset).noBreak { out += [0xC2, 0xA0] } else { out.append(source[offset]) }
                }
                lineLength += length
                lineHasWord = true
            }
        }
        endLine()
        return lines
    }
}
