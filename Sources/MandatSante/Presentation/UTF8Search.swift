/// Finding a piece of text inside another by comparing their UTF-8 bytes.
///
/// The wording runs these searches for every territory of a batch, thousands of times: `String.range(of:)` goes
/// through Foundation's `NSString` on Linux (≈ 20,000 instructions a call) and `firstRange(of:)` compares
/// characters one by one. The texts searched are the rule base's and the tool's own, in composed form (NFC), where
/// the same characters are the same bytes; the pieces searched for start and end with a whole character (a space,
/// a letter, a guillemet), so a match found on the bytes is the match found on the characters.
extension StringProtocol {
    /// The range of the first occurrence of `needle`, or nil.
    func firstUTF8Range(of needle: String) -> Range<Index>? {
        guard let offset = firstUTF8Offset(of: needle) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether `needle` occurs.
    func containsUTF8(_ needle: String) -> Bool {
        needle.isEmpty || firstUTF8Offset(of: needle) != nil
    }

    /// The byte offset of the first occurrence of `needle` from the start, or nil (an empty `needle` is never found).
    func firstUTF8Offset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            utf8.withContiguousStorageIfAvailable { text in UTF8Search.firstOffset(of: pattern, in: text) }
                ?? UTF8Search.firstOffset(of: pattern, in: Array(utf8))
        }
    }

    /// Whether the text ends with `suffix`, compared on the bytes (`hasSuffix` compares characters, some two
    /// thousand instructions for a sentence's ending).
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        let count = suffix.utf8.count
        guard count <= utf8.count else { return false }
        return utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    /// The parts between the occurrences of `separator`, empty ones included (as `components(separatedBy:)`).
    func utf8Components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstUTF8Range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

enum UTF8Search {
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = pattern.count
        guard count > 0, count <= text.count else { return nil }
        let first = pattern[0]
        var start = 0
        let last = text.count - count
        while start <= last {
            if text[start] == first {
                var matched = 1
                while matched < count && text[start + matched] == pattern[matched] { matched += 1 }
                if matched == count { return start }
            }
            start += 1
        }
        return nil
    }

    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: [UInt8]) -> Int? {
        text.withUnsafeBufferPointer { firstOffset(of: pattern, in: $0) }
    }
}
