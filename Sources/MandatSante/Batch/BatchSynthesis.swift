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
    public static func rows(_ roadmap: Roadmap, line: Int) -> String {
        var text = ""
        for item in roadmap.items {
            let phase = roadmap.calendar.phases[item.phaseIndex].title
            text += self.line([roadmap.profile.name, String(line), String(item.rank), phase, item.recommendation.id,
                               item.recommendation.title, String(item.score.total)])
        }
        return text
    }

    static func line(_ fields: [String]) -> String {
        fields.map { CSVField.encode($0, separator: separator) }.joined(separator: String(separator)) + lineEnd
    }
}
