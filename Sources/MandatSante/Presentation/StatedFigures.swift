/// The figures a text states, so that a card whose printed lines repeat a figure of one of its Repères can cite that
/// Repère's document even where the Repères are not printed (the default edition): « jusqu'à deux jours par mois
/// depuis septembre 2025 » in a step, « 151 intercommunalités » in the stakes. A figure is a number of two digits or
/// more, its thousands and decimals joined (« 32 658 », « 2,5 »), other than a bare year, which every text repeats
/// (« d'ici 2027 »); or a month with its year (« septembre 2025 »), which dates an event.
struct StatedFigures: Equatable {
    private(set) var figures: Set<String> = []

    init(_ texts: [String]) {
        for text in texts { add(text) }
    }

    /// Whether the two texts state a figure in common.
    func shares(_ other: StatedFigures) -> Bool { !figures.isDisjoint(with: other.figures) }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// The spaces that separate thousands in the rule base (plain) and in the rendered text (no-break, thin).
    private static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" }

    private mutating func add(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard Self.isDigit(scalars[index]), index == 0 || !Self.isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            var number = ""
            var end = index
            while end < scalars.count {
                if Self.isDigit(scalars[end]) {
                    number.unicodeScalars.append(scalars[end])
                    end += 1
                } else if Self.isGroupSpace(scalars[end]), Self.isGroup(scalars, at: end + 1) {
                    end += 1
                } else if scalars[end] == ",", end + 1 < scalars.count, Self.isDigit(scalars[end + 1]) {
                    number.unicodeScalars.append(",")
                    end += 1
                } else {
                    break
                }
            }
            let isYear = number.count == 4 && (number.hasPrefix("19") || number.hasPrefix("20"))
            if isYear, let month = Self.month(before: index, in: scalars) {
                figures.insert("\(month) \(number)")
            } else if !isYear, number.filter(\.isNumber).count >= 2 {
                figures.insert(number)
            }
            index = end
        }
    }

    /// Whether exactly three digits start at `start` (a group of thousands), not followed by a fourth.
    private static func isGroup(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        guard start + 3 <= scalars.count, scalars[start..<start + 3].allSatisfy(isDigit) else { return false }
        return start + 3 == scalars.count || !isDigit(scalars[start + 3])
    }

    /// The month named just before `index` (« septembre 2025 »), if any.
    private static func month(before index: Int, in scalars: [Unicode.Scalar]) -> String? {
        var end = index
        while end > 0, isGroupSpace(scalars[end - 1]) { end -= 1 }
        guard end < index else { return nil }
        var start = end
        while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
        return YearMonth.longNames.contains(word) ? word : nil
    }
}
