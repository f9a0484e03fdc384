import MandatSante
import Testing

/// The slug of a file name is made on bytes (batch35): the same names as the character-by-character slug it
/// replaced, kept here as the reference.
@Suite("nom de fichier d'un lot : le même que la coupure caractère par caractère")
struct BatchFileNameTests {
    /// The slug before batch35, character by character.
    static func referenceSlug(_ text: String) -> String {
        let folded: [Character: String] = [
            "à": "a", "â": "a", "ä": "a", "á": "a", "ã": "a", "å": "a", "ç": "c",
            "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i", "í": "i", "ì": "i",
            "ô": "o", "ö": "o", "ó": "o", "ò": "o", "õ": "o", "ø": "o", "ù": "u", "û": "u", "ü": "u", "ú": "u",
            "ÿ": "y", "ý": "y", "ñ": "n", "œ": "oe", "æ": "ae", "ß": "ss",
        ]
        func ascii(_ character: Character) -> String {
            if let replacement = folded[character] { return replacement }
            if character.isASCII, character.isLetter || character.isNumber { return String(character) }
            return ""
        }
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            let replacement = ascii(character)
            if replacement.isEmpty {
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash { result += "-" }
            pendingDash = false
            result += replacement
            if result.count >= BatchFileName.maximumSlugLength { break }
        }
        result = String(result.prefix(BatchFileName.maximumSlugLength))
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "territoire" : result
    }

    @Test("accents composés ou décomposés, ligatures, majuscules, signes, fins de ligne, noms trop longs")
    func sameAsReference() {
        var names = [
            "Saint-Étienne-des-Prés n° 1", "L'Haÿ-les-Roses", "Œuvre & Cœur-sur-Loire", "ÉCOUEN", "Sainte-Geneviève\r\nen-Caux",
            "Cafe\u{301} de la Gare", "A\u{30A}sa", "Kelvin \u{212A}", "İstanbul", "  --  ", "", "«  »", "Ærø · Straße 12",
            "Les Écréhous ", "Mont-Saint-Michel (Le)", "ÿ", "日本", "Saint-Rémy-de-Provence-et-Environs-Communauté-de-Communes-du-Pays",
            String(repeating: "abc ", count: 40), String(repeating: "œ", count: 40), String(repeating: "é-", count: 40),
            String(repeating: "x", count: 59) + "œ", String(repeating: "x", count: 58) + " œ",
        ]
        // Names drawn from the letters above, for the cases no one wrote.
        let pieces = ["a", "É", "œ", " ", "-", "'", "9", "e\u{301}", "ß", "·", "Z", "\u{00A0}"]
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            var name = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for offset in 0..<Int(state >> 58) { name += pieces[Int((state >> UInt64(offset % 50)) % UInt64(pieces.count))] }
            names.append(name)
        }
        for name in names { #expect(BatchFileName.slug(name) == Self.referenceSlug(name), "\(name)") }
    }
}
