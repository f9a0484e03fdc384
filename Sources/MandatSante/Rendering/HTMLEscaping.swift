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

    /// Escaped prose, with French guillemets kept on the line of the words they enclose, and numbers whole:
    /// « 82 000 habitants » and « 12 % » never break at their space.
    static func prose(_ text: String) -> String {
        escape(bindingNumbers(text.replacing("« ", with: "«\u{00A0}").replacing(" »", with: "\u{00A0}»")))
    }

    static func bindingNumbers(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            guard character == " ", index > 0, characters[index - 1].isNumber else {
                result.append(character)
                continue
            }
            let next = characters[(index + 1)...].prefix(4)
            let digits = next.prefix(3)
            let thousands = digits.count == 3 && digits.allSatisfy(\.isNumber) && !(next.dropFirst(3).first?.isNumber ?? false)
            result.append(thousands || next.first == "%" ? "\u{00A0}" : " ")
        }
        return result
    }
}
