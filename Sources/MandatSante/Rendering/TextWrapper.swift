/// Wraps prose to a terminal width with hanging indents. No-break spaces (in « 3 500 », « 12 % ») never break,
/// French guillemets stay attached to the words they enclose, and a line never starts with « : », « ; », « ! » or
/// « ? » (French puts a space before them, which must not break).
///
/// Works on UTF-8 bytes: appending scalar by scalar to a `String` went through Unicode repair and was most of
/// the time it took to render a roadmap as text. A line's length is its number of Unicode scalars.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", firstIndent: String? = nil) -> [String] {
        let first = Array((firstIndent ?? indent).utf8)
        let indentBytes = Array(indent.utf8)
        let (bytes, words) = words(of: text)
        var lines: [String] = []
        var current = first
        var currentLength = scalarCount(first[...])
        var lineHasWord = false
        for word in words {
            if lineHasWord && currentLength + 1 + word.length > width {
                lines.append(String(decoding: current, as: UTF8.self))
                current = indentBytes
                currentLength = scalarCount(indentBytes[...])
                lineHasWord = false
            }
            if lineHasWord {
                current.append(space)
                currentLength += 1
            }
            current += bytes[word.range]
            currentLength += word.length
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }

    private static let space: UInt8 = 0x20
    /// « is U+00AB, » is U+00BB and the no-break space U+00A0: each C2 then one byte in UTF-8.
    private static let twoByteLead: UInt8 = 0xC2
    private static let openingGuillemet: UInt8 = 0xAB
    private static let closingGuillemet: UInt8 = 0xBB
    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]
    /// « : », « ; », « ! », « ? »
    private static func isHighPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x3A || byte == 0x3B || byte == 0x21 || byte == 0x3F
    }

    /// The words of `text` in one pass, as ranges of the returned bytes: split at spaces, except the space after
    /// « and before », which becomes a no-break space so that a guillemet never starts or ends a line alone, and
    /// the space before a high punctuation sign, kept inside the word.
    private static func words(of text: String) -> (bytes: [UInt8], words: [(range: Range<Int>, length: Int)]) {
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count + 16)
        var words: [(range: Range<Int>, length: Int)] = []
        var wordStart = 0
        func flush() {
            if bytes.count > wordStart { words.append((wordStart..<bytes.count, scalarCount(bytes[wordStart...]))) }
            wordStart = bytes.count
        }
        for index in source.indices {
            guard source[index] == space else {
                bytes.append(source[index])
                continue
            }
            let afterOpening = index >= 2 && source[index - 2] == twoByteLead && source[index - 1] == openingGuillemet
            let beforeClosing = index + 2 < source.count && source[index + 1] == twoByteLead && source[index + 2] == closingGuillemet
            let beforeSign = index + 1 < source.count && isHighPunctuation(source[index + 1])
                && (index + 2 == source.count || source[index + 2] == space)
            if afterOpening || beforeClosing {
                bytes += noBreakSpace
            } else if beforeSign {
                // Held to the word before, but written as the space the text has.
                bytes.append(space)
            } else {
                flush()
            }
        }
        flush()
        return (bytes, words)
    }

    /// Unicode scalars in valid UTF-8: every byte that does not continue a sequence starts one.
    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
