/// Escaping of data (from a profile or a rule) written into HTML text, attribute values and inline SVG.
public enum HTMLEscaping {
    /// Replaces the five characters HTML gives a meaning: `&`, `<`, `>`, `"` and `'`. Safe in text and in
    /// attribute values quoted with either quote.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escaped prose in French typography: guillemets on the line of the words they enclose, numbers whole.
    static func prose(_ text: String) -> String {
        escape(Typography.french(text))
    }
}
