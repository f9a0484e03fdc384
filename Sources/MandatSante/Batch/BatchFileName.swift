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
        // Bytes, all ASCII (each replacement is): their count is the slug's length, kept as it grows rather than
        // counted again after each character.
        var result: [UInt8] = []
        result.reserveCapacity(maximumSlugLength + 2)
        var pendingDash = false
        for character in text.lowercased() {
            if let byte = character.asciiValue {
                // An ASCII letter or digit is itself (no folded character is ASCII).
                guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) else {
                    pendingDash = !result.isEmpty
                    continue
                }
                if pendingDash { result.append(0x2D) }
                pendingDash = false
                result.append(byte)
            } else {
                guard let replacement = folded[character] else {
                    pendingDash = !result.isEmpty
                    continue
                }
                if pendingDash { result.append(0x2D) }
                pendingDash = false
                result += replacement.utf8
            }
            if result.count >= maximumSlugLength { break }
        }
        if result.count > maximumSlugLength { result.removeLast(result.count - maximumSlugLength) }
        while result.last == 0x2D { result.removeLast() }
        return result.isEmpty ? "territoire" : String(decoding: result, as: UTF8.self)
    }

    /// The usual extension of each format.
    public static func fileExtension(of format: RoadmapFormat) -> String {
        switch format {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        case .csv: "csv"
        }
    }

    private static let folded: [Character: String] = [
        "à": "a", "â": "a", "ä": "a", "á": "a", "ã": "a", "å": "a", "ç": "c",
        "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i", "í": "i", "ì": "i",
        "ô": "o", "ö": "o", "ó": "o", "ò": "o", "õ": "o", "ø": "o", "ù": "u", "û": "u", "ü": "u", "ú": "u",
        "ÿ": "y", "ý": "y", "ñ": "n", "œ": "oe", "æ": "ae", "ß": "ss",
    ]
}
