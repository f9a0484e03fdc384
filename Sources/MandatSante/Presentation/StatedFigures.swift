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

    /// The figures of `texts`, each text read once for the roadmaps of a batch and kept in `memo` (the texts are the
    /// rule base's: stakes, steps, funding, examples, Repères); the same figures as `init(texts)`, which reads each
    /// text on its own and unites what it finds.
    static func of(_ texts: [String], keptIn memo: WordingMemo<StatedFigures>?) -> StatedFigures {
        guard let memo else { return StatedFigures(texts) }
        var all = StatedFigures([])
        for text in texts {
            all.figures.formUnion(memo.value(WordingKey(recommendation: text, score: nil, values: [])) { StatedFigures([text]) }.figures)
        }
        return all
    }

    /// Whether the two texts state a figure in common.
    func shares(_ other: StatedFigures) -> Bool { !figures.isDisjoint(with: other.figures) }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// The length in bytes of the space at `index` that separates thousands in the rule base (plain) and in the
    /// rendered text (no-break U+00A0, thin U+202F), or 0.
    private static func groupSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if bytes[index] == 0x20 { return 1 }
        if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return 3 }
        return 0
    }

    /// Read on the text's UTF-8 bytes, not an array of its scalars (a card's printed lines are read for each
    /// territory): digits, commas and spaces are ASCII or whole sequences, so a digit byte is a digit character.
    private mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                guard Self.isDigit(bytes[index]), index == 0 || !Self.isDigit(bytes[index - 1]) else {
                    index += 1
                    continue
                }
                var number: [UInt8] = []
                var digits = 0
                var end = index
                while end < bytes.count {
                    if Self.isDigit(bytes[end]) {
                        number.append(bytes[end])
                        digits += 1
                        end += 1
                    } else if case let space = Self.groupSpace(bytes, at: end), space > 0, Self.isGroup(bytes, at: end + space) {
                        end += space
                    } else if bytes[end] == UInt8(ascii: ","), end + 1 < bytes.count, Self.isDigit(bytes[end + 1]) {
                        number.append(bytes[end])
                        end += 1
                    } else {
                        break
                    }
                }
                let figure = String(decoding: number, as: UTF8.self)
                let isYear = number.count == 4 && (figure.hasPrefix("19") || figure.hasPrefix("20"))
                if isYear, let month = Self.month(before: index, in: bytes) {
                    figures.insert("\(month) \(figure)")
                } else if !isYear, digits >= 2 {
                    figures.insert(figure)
                }
                index = end
            }
        }
    }

    /// Whether exactly three digits start at `start` (a group of thousands), not followed by a fourth.
    private static func isGroup(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + 3 <= bytes.count, bytes[start..<start + 3].allSatisfy(isDigit) else { return false }
        return start + 3 == bytes.count || !isDigit(bytes[start + 3])
    }

    /// The month named just before the byte `index` (« septembre 2025 »), if any: read on the scalars of the text
    /// before it (only for a number that reads as a year).
    private static func month(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self).unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, isGroupSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        guard end < scalars.endIndex else { return nil }
        var start = end
        while start > scalars.startIndex, scalars[scalars.index(before: start)].properties.isAlphabetic { start = scalars.index(before: start) }
        let word = String(Substring(scalars[start..<end])).lowercased()
        return YearMonth.longNames.contains(word) ? word : nil
    }

    /// `groupSpace` for a scalar.
    private static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" }
}
