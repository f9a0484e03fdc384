/// `synthese.csv`: one row per territory and selected recommendation, for a spreadsheet (UTF-8 with a byte
/// order mark so that spreadsheets read the accents, `;` separators, CRLF line ends). Written row by row as the
/// batch streams, so `CSVWriter`, which holds a whole document, is not used; its field encoder is.
public enum BatchSynthesis {
    public static let separator: Character = ";"
    public static let lineEnd = CSVWriter.lineEnd
    public static let byteOrderMark = CSVWriter.byteOrderMark

    /// The byte order mark and the header line.
    public static var header: String {
        byteOrderMark + line(["territoire", "ligne", "rang", "phase", "identifiant", "titre", "score"])
    }

    /// The rows of one territory, `line` being its line in the territories file.
    public static func rows(_ document: RoadmapDocument, line: Int) -> String {
        var text = ""
        for card in document.cards {
            text += self.line([document.header.title, String(line), String(card.rank), card.phaseTitle, card.id, card.title,
                               String(card.score)])
        }
        return text
    }

    static func line(_ fields: [String]) -> String {
        fields.map { CSVField.encode($0, separator: separator) }.joined(separator: String(separator)) + lineEnd
    }
}
