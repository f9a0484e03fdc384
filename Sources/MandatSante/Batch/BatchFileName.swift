/// The file name of a territory's roadmap in a batch: its line in the territories file, then a slug of its name
/// (`007-village-de-saint-aubin-exemple.txt`). The line keeps names unique and files in the order of the input.
public enum BatchFileName {
    public static let maximumSlugLength = 60

    public static func name(line: Int, territory: String, format: RoadmapFormat) -> String {
        let number = String(line)
        let padded = String(repeating: "0", count: max(0, 3 - number.count)) + number
        return "\(padded)-\(slug(territory)).\(fileExtension(of: format))"
    }

    /// Lower-case ASCII letters and digits separated by single dashes; accents dropped, `œ` becomes `oe`.
    public static func slug(_ text: String) -> String {
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
            if result.count >= maximumSlugLength { break }
        }
        result = String(result.prefix(maximumSlugLength))
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "territoire" : result
    }

    /// The usual extension of each format; a format added later falls back to its own name.
    public static func fileExtension(of format: RoadmapFormat) -> String {
        let known = ["texte": "txt", "markdown": "md", "html": "html", "json": "json", "csv": "csv"]
        return known[format.rawValue] ?? format.rawValue
    }

    private static let folded: [Character: String] = [
        "à": "a", "â": "a", "ä": "a", "á": "a", "ã": "a", "å": "a", "ç": "c",
        "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i", "í": "i", "ì": "i",
        "ô": "o", "ö": "o", "ó": "o", "ò": "o", "õ": "o", "ø": "o", "ù": "u", "û": "u", "ü": "u", "ú": "u",
        "ÿ": "y", "ý": "y", "ñ": "n", "œ": "oe", "æ": "ae", "ß": "ss",
    ]

    private static func ascii(_ character: Character) -> String {
        if let folded = folded[character] { return folded }
        if character.isASCII, character.isLetter || character.isNumber { return String(character) }
        return ""
    }
}
