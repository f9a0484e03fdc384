/// French typography for text that comes from rule files: numbers and their units kept on one line, the
/// no-break space before « : ; ? ! % € » and inside guillemets, no period before a semicolon.
enum Typography {
    static let noBreakSpace: Character = "\u{00A0}"

    /// « 6 781 » and « 15 % » never split across lines; « ( . ; » never appear.
    static func french(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            guard character == " " else {
                out.append(character)
                continue
            }
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if let previous, previous.isNumber, let next, isGroupOfThree(characters, from: index + 1) || "%€".contains(next) {
                out.append(noBreakSpace)
            } else if let next, ":;?!»%".contains(next) {
                out.append(noBreakSpace)
            } else if previous == "«" {
                out.append(noBreakSpace)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Whether three digits start at `index` and are not followed by a fourth (« 6 781 », not « 2026 2027 »).
    private static func isGroupOfThree(_ characters: [Character], from index: Int) -> Bool {
        guard index + 3 <= characters.count, characters[index..<index + 3].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return index + 3 == characters.count || !characters[index + 3].isNumber
    }

    /// The first sentence of a text, or its first two when the first has fewer than `brief` words.
    static func opening(_ text: String, brief: Int = 18) -> String {
        let sentences = sentences(text)
        guard let first = sentences.first else { return text }
        if first.split(separator: " ").count < brief, sentences.count > 1 { return first + " " + sentences[1] }
        return first
    }

    /// Sentences end at « . », « ! » or « ? » followed by a space and a capital letter (so that « env. 40 » or
    /// « 3,5 » do not end one).
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            guard ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " ",
                  characters[index + 2].isUppercase else { continue }
            result.append(current)
            current = ""
        }
        let rest = current.trimmingPrefixSpaces
        if !rest.isEmpty { result.append(rest) }
        return result.map(\.trimmingPrefixSpaces)
    }

    /// Items joined in one sentence: a final period of each item is dropped, so that no « . ; » appears.
    static func inline(_ items: [String], separator: String = " ; ") -> String {
        items.map(withoutFinalPeriod).joined(separator: separator)
    }

    static func withoutFinalPeriod(_ text: String) -> String {
        text.hasSuffix(".") && !text.hasSuffix("...") ? String(text.dropLast()) : text
    }

    /// « a, b et c »
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " et " + last
    }

    /// The first letter in capitals: « Zone d'intervention prioritaire ».
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// « 1 action », « 3 actions »
    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number)\(noBreakSpace)\(number > 1 ? plural ?? noun + "s" : noun)"
    }
}

extension String {
    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
