/// French typography for text that comes from rule files: numbers and their units kept on one line, the
/// no-break space before « : ; ? ! % € » and inside guillemets, no period before a semicolon.
package enum Typography {
    static let noBreakSpace: Character = "\u{00A0}"

    /// « 6 781 » and « 15 % » never split across lines; « ( . ; » never appear.
    ///
    /// Works on UTF-8 bytes (it runs on every text of every card, thousands of times in a batch): a space becomes
    /// a no-break space after a number and before a group of three digits, `%`, `€` or a lowercase word (accented too); before `: ; ? ! » %`; after
    /// `«`. Neighbours are Unicode scalars, which for these texts are their characters.
    package static func french(_ text: String) -> String {
        var utf8 = text.utf8
        if let result = utf8.withContiguousStorageIfAvailable({ french(bytes: $0) }) { return result ?? text }
        var copy = text
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        let result = utf8.withContiguousStorageIfAvailable { french(bytes: $0) }
        return (result ?? nil) ?? text
    }

    private static let space: UInt8 = 0x20
    private static let noBreakBytes: (UInt8, UInt8) = (0xC2, 0xA0)

    /// `bytes` with their no-break spaces, or nil when none is to change (most texts of a card: the text is then
    /// kept as it is, neither copied nor checked again as UTF-8).
    private static func french(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        var first = 0
        while first < count, bytes[first] != space || !noBreak(at: first, in: bytes) { first += 1 }
        guard first < count else { return nil }
        return String(unsafeUninitializedCapacity: count * 2) { out in
            // The bytes before the first change copied at once.
            _ = out.initialize(from: UnsafeBufferPointer(rebasing: bytes[0..<first]))
            var written = first
            for index in first..<count {
                let byte = bytes[index]
                guard byte == space, noBreak(at: index, in: bytes) else {
                    out[written] = byte
                    written += 1
                    continue
                }
                out[written] = noBreakBytes.0
                out[written + 1] = noBreakBytes.1
                written += 2
            }
            return written
        }
    }

    /// Whether the space at `index` is to be a no-break space (also for HTML written as bytes, `HTMLEscaping.appendProse`).
    static func noBreak(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        let next = index + 1 < count ? bytes[index + 1] : nil
        if let next {
            // `: ; ? ! %`, `»` (C2 BB).
            if next == 0x3A || next == 0x3B || next == 0x3F || next == 0x21 || next == 0x25 { return true }
            if next == 0xC2, index + 2 < count, bytes[index + 2] == 0xBB { return true }
        }
        // After `«` (C2 AB).
        if index >= 2, bytes[index - 2] == 0xC2, bytes[index - 1] == 0xAB { return true }
        guard index > 0, let next, isNumber(scalarEnding: index, in: bytes) else { return false }
        // `€` (E2 82 AC).
        if next == 0xE2, index + 3 < count, bytes[index + 2] == 0x82, bytes[index + 3] == 0xAC { return true }
        // A multiple of the euro (« 5 Md€ », « 1 M€ »): the uppercase letters and `€` after it.
        if isEuroMultiple(from: index + 1, in: bytes) { return true }
        // A number and the word after it (« 75 ans », « 14 octobre », « 3 agents »): a line never opens on the noun
        // of a number left at the end of the line before.
        if (0x61...0x7A).contains(next) { return true }
        // An accented lowercase letter of Latin-1 (C3 A0–C3 BF, less « ÷ »): « de 10 000 à 100 000 € », « 2 études ».
        if next == 0xC3, index + 2 < count, bytes[index + 2] >= 0xA0, bytes[index + 2] != 0xB7 { return true }
        return isGroupOfThree(from: index + 1, in: bytes)
    }

    /// Whether one to three ASCII letters and `€` start at `index` (« M€ », « Md€ »).
    private static func isEuroMultiple(from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = index
        while end < bytes.count, end - index < 3, (0x41...0x5A).contains(bytes[end]) || (0x61...0x7A).contains(bytes[end]) { end += 1 }
        return end > index && end + 2 < bytes.count && bytes[end] == 0xE2 && bytes[end + 1] == 0x82 && bytes[end + 2] == 0xAC
    }

    /// Whether three ASCII digits start at `index` and are not followed by a fourth number (« 6 781 », not
    /// « 2026 2027 »).
    private static func isGroupOfThree(from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + 3 <= bytes.count else { return false }
        for offset in index..<index + 3 where !(0x30...0x39).contains(bytes[offset]) { return false }
        let after = index + 3
        guard after < bytes.count else { return true }
        return !isNumber(scalarStarting: after, in: bytes)
    }

    /// Whether the scalar whose last byte is before `end` is a number (`Character.isNumber`).
    private static func isNumber(scalarEnding end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let last = bytes[end - 1]
        if last < 0x80 { return (0x30...0x39).contains(last) }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isNumber(scalarStarting: start, in: bytes)
    }

    private static func isNumber(scalarStarting start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[start]
        if first < 0x80 { return (0x30...0x39).contains(first) }
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = Character(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        return character.isNumber
    }

    /// The first sentence of a text, or its first two when the first has fewer than `brief` words.
    static func opening(_ text: String, brief: Int = 18) -> String {
        let bytes = Array(text.utf8)
        let ranges = sentenceRanges(bytes, limit: 2)
        guard let first = ranges.first else { return text }
        let firstText = String(decoding: bytes[first], as: UTF8.self)
        let words = bytes[first].split(separator: 0x20).count
        if words < brief, ranges.count > 1 { return firstText + " " + String(decoding: bytes[ranges[1]], as: UTF8.self) }
        return firstText
    }

    /// Sentences end at « . », « ! » or « ? » followed by a space and a capital letter (so that « env. 40 » or
    /// « 3,5 » do not end one).
    static func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return sentenceRanges(bytes, limit: .max).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The byte ranges of the first `limit` sentences of `bytes`, each without its leading spaces; an empty rest
    /// is no sentence.
    private static func sentenceRanges(_ bytes: [UInt8], limit: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        func add(_ start: Int, _ end: Int) {
            var first = start
            while first < end, bytes[first] == space { first += 1 }
            ranges.append(first..<end)
        }
        var start = 0
        var index = 0
        while index < bytes.count, ranges.count < limit {
            let byte = bytes[index]
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F), index + 2 < bytes.count, bytes[index + 1] == space,
               startsUppercase(bytes, at: index + 2) {
                add(start, index + 1)
                start = index + 1
            }
            index += 1
        }
        if ranges.count < limit {
            var first = start
            while first < bytes.count, bytes[first] == space { first += 1 }
            if first < bytes.count { ranges.append(first..<bytes.count) }
        }
        return ranges
    }

    private static func startsUppercase(_ bytes: [UInt8], at index: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return (0x41...0x5A).contains(lead) }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return Character(String(decoding: bytes[index..<end], as: UTF8.self)).isUppercase
    }

    /// Items joined in one sentence: a final period of each item is dropped, so that no « . ; » appears.
    static func inline(_ items: [String], separator: String = "\u{00A0}; ") -> String {
        items.map(withoutFinalPeriod).joined(separator: separator)
    }

    /// « zonage médical de l'ARS — zone d'intervention prioritaire (ZIP) »: a fact stated « label : value », or a
    /// reason « finding : consequence », said as one clause after a colon (« Pourquoi : … »), where a second colon
    /// would read as a third level. `joiner`: « , » on a line that a dash already cuts (« titre — pourquoi : … »).
    static func clause(_ text: String, joiner: String = " — ") -> String {
        // Before or after `french`, which puts a no-break space before the colon. Found on the bytes (`UTF8Search`):
        // this runs for every reason of every territory of a batch, and `range(of:)` goes through `NSString`.
        var colon = text.firstUTF8Range(of: " : ")
        if let noBreak = text.firstUTF8Range(of: "\u{00A0}: "), colon.map({ noBreak.lowerBound < $0.lowerBound }) ?? true {
            colon = noBreak
        }
        guard let colon else { return text }
        var result = text
        result.replaceSubrange(colon, with: joiner)
        return result
    }

    static func withoutFinalPeriod(_ text: String) -> String {
        text.hasSuffix(".") && !text.hasSuffix("...") ? String(text.dropLast()) : text
    }

    /// « a, b et c »
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " et " + last
    }

    /// « 2, 4 et 6 » with « et » held to the last number, for action numbers after « actions » and a no-break
    /// space: a number never starts a line on its own (« les actions 5⏎à 8 »).
    static func numbers(_ numbers: [Int]) -> String {
        guard let last = numbers.last else { return "" }
        return numbers.count == 1 ? "\(last)" : numbers.dropLast().map(String.init).joined(separator: ", ") + " et\(noBreakSpace)\(last)"
    }

    /// « 5 à 8 » for numbers that follow each other, three or more; « 5 et 6 », « 2, 4 et 6 » otherwise.
    static func span(_ numbers: [Int]) -> String {
        guard numbers.count > 2, let first = numbers.first, let last = numbers.last, last - first + 1 == numbers.count else { return Self.numbers(numbers) }
        return "\(first)\(noBreakSpace)à\(noBreakSpace)\(last)"
    }

    /// « l'action 3 », « les actions 2, 4 et 6 »: actions named by their numbers.
    static func actions(_ ranks: [Int]) -> String {
        ranks.count == 1 ? "l'action\(noBreakSpace)\(numbers(ranks))" : "les actions\(noBreakSpace)\(numbers(ranks))"
    }

    /// « de l'action 3 », « des actions 2, 4 et 6 »: `actions` after « de » (« point d'appui de », « premier pas de »).
    static func ofActions(_ ranks: [Int]) -> String {
        ranks.count == 1 ? "de l'action\(noBreakSpace)\(numbers(ranks))" : "des actions\(noBreakSpace)\(numbers(ranks))"
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
